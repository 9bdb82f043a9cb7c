// Word clusters: the most frequent words of a word-vector table grouped by spherical k-means (cosine), seeded, so a
// linear model can share weight between words of like meaning ("rose"/"fell"/"climbed", "senate"/"congress") that it
// sees rarely one by one. The classic word-meaning feature for linear models (Brown clusters, Turian et al. 2010; k-means
// over embeddings, Yu et al. 2013). Pure: the vectors come in as arrays, the cluster file goes out as bytes.
import { gunzipSync, gzipSync } from 'node:zlib';
import { seededRandom } from './hashing.js';

/** Clustering settings. */
export interface ClusterOptions {
  /** Number of clusters. */
  readonly k: number;
  /** Lloyd iterations after seeding. */
  readonly iterations: number;
  readonly seed: number;
}

/**
 * Spherical k-means over unit rows (`rows` × `dims`, row-major): centres are seeded with k distinct rows drawn by the
 * seeded generator, then each iteration assigns every row to its nearest centre by dot product (ties to the lower
 * centre) and re-normalises each centre's mean. An emptied centre keeps its last direction. Returns each row's cluster.
 */
export function sphericalKMeans(unit: Float32Array, rows: number, dims: number, options: ClusterOptions): Uint16Array {
  const { k } = options;
  if (k > rows || k > 65535) throw new Error(`cannot make ${k} clusters of ${rows} rows`);
  const centres = new Float64Array(k * dims);
  const random = seededRandom(options.seed);
  const taken = new Set<number>();
  for (let c = 0; c < k; c++) {
    let row = Math.floor(random() * rows);
    while (taken.has(row)) row = (row + 1) % rows;
    taken.add(row);
    for (let d = 0; d < dims; d++) centres[c * dims + d] = unit[row * dims + d]!;
  }
  const assigned = new Uint16Array(rows);
  for (let iter = 0; iter < options.iterations; iter++) {
    assign(unit, rows, dims, centres, k, assigned);
    recentre(unit, rows, dims, centres, k, assigned);
  }
  assign(unit, rows, dims, centres, k, assigned);
  return assigned;
}

function assign(unit: Float32Array, rows: number, dims: number, centres: Float64Array, k: number, out: Uint16Array): void {
  for (let r = 0; r < rows; r++) {
    const base = r * dims;
    let best = 0;
    let bestDot = -Infinity;
    for (let c = 0; c < k; c++) {
      const cb = c * dims;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += unit[base + d]! * centres[cb + d]!;
      if (dot > bestDot) [best, bestDot] = [c, dot];
    }
    out[r] = best;
  }
}

function recentre(unit: Float32Array, rows: number, dims: number, centres: Float64Array, k: number, assigned: Uint16Array): void {
  const sums = new Float64Array(k * dims);
  const counts = new Uint32Array(k);
  for (let r = 0; r < rows; r++) {
    const c = assigned[r]!;
    counts[c]!++;
    for (let d = 0; d < dims; d++) sums[c * dims + d]! += unit[r * dims + d]!;
  }
  for (let c = 0; c < k; c++) {
    if (counts[c] === 0) continue;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) centres[c * dims + d] = sums[c * dims + d]! / norm;
  }
}

/** A cluster table: words in frequency order, and for each clustering (coarse to fine) every word's cluster. */
export interface WordClusters {
  readonly words: readonly string[];
  /** One entry per clustering: its k and the cluster of each word (same order as `words`). */
  readonly levels: readonly { readonly k: number; readonly ids: Uint16Array }[];
  readonly meta: Record<string, unknown>;
}

const MAGIC = 'CTWC1';

/** Serialises a cluster table: gzip of [magic][u32 header length][JSON header][words '\n'-joined][u16 ids per level]. */
export function encodeClusters(clusters: WordClusters): Buffer {
  const words = Buffer.from(clusters.words.join('\n'), 'utf8');
  const header = Buffer.from(JSON.stringify({ count: clusters.words.length, ks: clusters.levels.map((l) => l.k), wordsBytes: words.length, meta: clusters.meta }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const ids = clusters.levels.map((l) => Buffer.from(l.ids.buffer, l.ids.byteOffset, l.ids.byteLength));
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), length, header, words, ...ids]), { level: 9 });
}

/** Reads a cluster table written by {@link encodeClusters}; throws on anything else. */
export function decodeClusters(file: Uint8Array): WordClusters {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a claimtrace word-clusters file');
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const header = JSON.parse(raw.toString('utf8', at, at + headerLength)) as { count: number; ks: number[]; wordsBytes: number; meta: Record<string, unknown> };
  at += headerLength;
  const words = header.count ? raw.toString('utf8', at, at + header.wordsBytes).split('\n') : [];
  at += header.wordsBytes;
  const levels = header.ks.map((k) => {
    const ids = new Uint16Array(Uint8Array.from(raw.subarray(at, at + header.count * 2)).buffer);
    at += header.count * 2;
    return { k, ids };
  });
  if (words.length !== header.count || at !== raw.length) throw new Error('truncated word-clusters file');
  return { words, levels, meta: header.meta };
}
