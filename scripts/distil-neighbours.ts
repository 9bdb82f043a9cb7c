// Distils models/word-neighbours.bin from models/word-vectors.bin: for each of the ROWS most frequent words, its K
// nearest other words among the same rows by the cosine of their int8 rows (as WordVectors.nearest ranks them), at
// least FLOOR, leaving out stopwords, words that are not all letters, and words of the word's own trace stem ("monitors"
// for "monitor": the full-text indexes already meet those). Exact integer dot products and a fixed scan order, so the
// file is reproduced byte for byte. Card: models/word-neighbours.md. Usage: npm run distil:neighbours [-- --check]
// --check distils the same way and fails unless the result is byte-identical to the committed file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadVectorsData, WORD_VECTORS_URL, type VectorsData } from '../src/meaning/vectors-format.js';
import { cosineByte, EMPTY_SLOT, encodeNeighbours, WORD_NEIGHBOURS_URL, type NeighboursData } from '../src/meaning/word-neighbours.js';
import { isStopword, stem } from '../src/trace/terms.js';

export const ROWS = 30_000;
export const K = 8;
export const FLOOR = 0.45;

/** Whether a word can be a trace word (and so needs, or can be, a neighbour). */
const isContent = (word: string) => /^\p{L}{2,}$/u.test(word) && !isStopword(word);

/** The table of the first `rows` rows of the vectors (see the header comment). */
export function distilNeighbours(vectors: VectorsData, rows = ROWS, k = K, floor = FLOOR): NeighboursData {
  const { dims, values, words } = vectors;
  const norms = new Float64Array(rows);
  const content = new Uint8Array(rows);
  const stems: string[] = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let d = 0; d < dims; d++) s += values[r * dims + d]! * values[r * dims + d]!;
    norms[r] = Math.sqrt(s);
    content[r] = isContent(words[r]!) && s > 0 ? 1 : 0;
    stems.push(stem(words[r]!));
  }
  const topRow = new Int32Array(rows * k).fill(-1);
  const topCos = new Float64Array(rows * k).fill(-Infinity);
  const offer = (r: number, other: number, cosine: number) => {
    const base = r * k;
    if (cosine <= topCos[base + k - 1]! || stems[r] === stems[other]) return;
    let at = k - 1;
    while (at > 0 && topCos[base + at - 1]! < cosine) {
      topCos[base + at] = topCos[base + at - 1]!;
      topRow[base + at] = topRow[base + at - 1]!;
      at--;
    }
    topCos[base + at] = cosine;
    topRow[base + at] = other;
  };
  const query = new Int32Array(dims);
  for (let i = 0; i < rows; i++) {
    if (!content[i]) continue;
    for (let d = 0; d < dims; d++) query[d] = values[i * dims + d]!;
    for (let j = i + 1; j < rows; j++) {
      if (!content[j]) continue;
      const base = j * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += query[d]! * values[base + d]!;
      const cosine = dot / (norms[i]! * norms[j]!);
      if (cosine < floor) continue;
      offer(i, j, cosine);
      offer(j, i, cosine);
    }
  }
  const out = new Uint16Array(rows * k).fill(EMPTY_SLOT);
  const cosines = new Uint8Array(rows * k);
  for (let s = 0; s < rows * k; s++) {
    if (topRow[s]! < 0) continue;
    out[s] = topRow[s]!;
    cosines[s] = cosineByte(topCos[s]!);
  }
  const source = createHash('sha256').update(readFileSync(WORD_VECTORS_URL)).digest('hex');
  const meta = { source: `models/word-vectors.bin sha256 ${source}`, rows, k, floor, cosine: 'of the int8 rows, quantised to 1/255', excluded: 'stopwords of src/trace/stopwords.json, words not all letters, words of the same trace stem' };
  return { count: rows, k, floor, meta, rows: out, cosines };
}

function main(): void {
  const t0 = performance.now();
  const file = encodeNeighbours(distilNeighbours(loadVectorsData()));
  console.log(`distilled ${ROWS.toLocaleString('en-US')} rows × ${K} neighbours in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${(file.length / 1e6).toFixed(2)} MB`);
  if (process.argv.includes('--check')) {
    const same = existsSync(WORD_NEIGHBOURS_URL) && readFileSync(WORD_NEIGHBOURS_URL).equals(file);
    console.log(same ? 'distil:neighbours --check: the committed table is reproduced byte for byte' : 'distil:neighbours --check: the committed table differs from a fresh distillation; run npm run distil:neighbours and commit');
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(WORD_NEIGHBOURS_URL, file);
  console.log(`wrote ${WORD_NEIGHBOURS_URL.pathname}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
