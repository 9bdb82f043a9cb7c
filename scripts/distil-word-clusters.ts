// Distils models/word-clusters.bin from models/word-vectors.bin: the ROWS most frequent words grouped by spherical
// k-means (src/learn/word-clusters.ts) at each of KS, seeded (~9 s, 120 kB). No model reads the file yet, so it is not
// committed: tried as features of the check-worthiness model (models/checkworthy.md, "What was tried"), it raised the
// validation scores but not the news tune half's, and was not kept. A model that takes it up commits the file with a
// card and runs the check in CI. Usage: node --import tsx scripts/distil-word-clusters.ts [--check]
// --check distils the same way and fails unless the result is byte-identical to the committed file.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { encodeClusters, sphericalKMeans, type WordClusters } from '../src/learn/word-clusters.js';
import { readVectorsPrefix, WORD_VECTORS_URL } from '../src/meaning/vectors-format.js';

export const ROWS = 20_000;
export const KS = [64, 256] as const;
export const ITERATIONS = 10;
export const SEED = 20261205;
const OUT = new URL('../models/word-clusters.bin', import.meta.url);

/** The clusters of the first `rows` rows: unit rows (a row's int8 scale cancels), one k-means per k, seed SEED + k. */
export function distilClusters(rows = ROWS): WordClusters {
  const vectors = readVectorsPrefix(WORD_VECTORS_URL, rows);
  const { dims, values } = vectors;
  const unit = new Float32Array(rows * dims);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += values[r * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) unit[r * dims + d] = values[r * dims + d]! / norm;
  }
  const levels = KS.map((k) => ({ k, ids: sphericalKMeans(unit, rows, dims, { k, iterations: ITERATIONS, seed: SEED + k }) }));
  const source = createHash('sha256').update(readFileSync(WORD_VECTORS_URL)).digest('hex');
  const meta = { source: `models/word-vectors.bin sha256 ${source}`, rows, ks: KS, iterations: ITERATIONS, seed: `${SEED} + k`, method: 'spherical k-means (cosine) over unit int8 rows, centres seeded with k distinct rows' };
  return { words: vectors.words, levels, meta };
}

function main(): void {
  const t0 = performance.now();
  const file = encodeClusters(distilClusters());
  console.log(`clustered ${ROWS.toLocaleString('en-US')} words into ${KS.join(' and ')} clusters in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${(file.length / 1e3).toFixed(0)} kB`);
  if (process.argv.includes('--check')) {
    const same = existsSync(OUT) && readFileSync(OUT).equals(file);
    console.log(same ? 'distil-word-clusters --check: the committed file is reproduced byte for byte' : 'distil-word-clusters --check: the committed file differs from a fresh run; run the script and commit');
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(OUT, file);
  console.log(`wrote ${OUT.pathname}`);
}

main();
