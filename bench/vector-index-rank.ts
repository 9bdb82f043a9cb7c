// The pure ranking and scoring helpers of bench/vector-index.ts (tested in vector-index.test.ts): top k, unit and int8
// vectors, exact scans, recall counts and the union of two ranked lists.
import { dotRow } from '../src/meaning/vectors.js';


/** The k largest scores' indexes, best first (ties: lower index first). A min-heap of k; O(n log k). */
export function topK(scores: ArrayLike<number>, k: number, n = scores.length): number[] {
  const heap: number[] = [];
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i]!, heap[p]!)) break;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  if (k <= 0) return [];
  for (let i = 0; i < n; i++) {
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
    } else if (worse(heap[0]!, i)) {
      heap[0] = i;
      down(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}

/** A vector scaled to unit length (a copy; all zeros stays all zeros). */
export function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (let d = 0; d < v.length; d++) n += v[d]! * v[d]!;
  const out = new Float32Array(v.length);
  if (n === 0) return out;
  n = Math.sqrt(n);
  for (let d = 0; d < v.length; d++) out[d] = v[d]! / n;
  return out;
}

/** A unit vector as int8 (×127, rounded): cosines of unit vectors become dot products over 127². */
export function toInt8(u: Float32Array, out: Int8Array, at = 0): void {
  for (let d = 0; d < u.length; d++) out[at + d] = Math.max(-127, Math.min(127, Math.round(u[d]! * 127)));
}

/** Dot products of an int8 query with `n` int8 rows of `dims` into `scores`. */
export function scanInt8(query: Int8Array, rows: Int8Array, dims: number, n: number, scores: Float32Array): void {
  const q = Int32Array.from(query);
  for (let r = 0, base = 0; r < n; r++, base += dims) scores[r] = dotRow(q, rows, base);
}

/** Dot products of a float32 query with `n` float32 rows of `dims` into `scores`. */
export function scanFloat32(query: Float32Array, rows: Float32Array, dims: number, n: number, scores: Float32Array): void {
  for (let r = 0, base = 0; r < n; r++, base += dims) {
    let a = 0;
    let b = 0;
    let d = 0;
    for (; d + 1 < dims; d += 2) {
      a += query[d]! * rows[base + d]!;
      b += query[d + 1]! * rows[base + d + 1]!;
    }
    for (; d < dims; d++) a += query[d]! * rows[base + d]!;
    scores[r] = a + b;
  }
}

/** A story's planted appearance as claims of the store: the claim ids overlapping its sentence. */
export interface Target {
  readonly url: string;
  readonly kind: 'paraphrase' | 'retold';
  readonly claims: readonly number[];
}

/** Recall counts by how the appearances are told. */
export type Hits = Record<'paraphrase' | 'retold', { relevant: number; found: number }>;

export const emptyHits = (): Hits => ({ paraphrase: { relevant: 0, found: 0 }, retold: { relevant: 0, found: 0 } });

/** Counts into `hits` the targets with at least one claim among the first `k` candidates. */
export function countHits(hits: Hits, targets: readonly Target[], candidates: readonly number[], k: number): void {
  const top = new Set(candidates.slice(0, k));
  for (const t of targets) {
    hits[t.kind].relevant++;
    if (t.claims.some((id) => top.has(id))) hits[t.kind].found++;
  }
}

/** Interleaves two ranked lists, without repeats, until `k` (the union of two generators at one budget). */
export function mergeRanked(a: readonly number[], b: readonly number[], k: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; out.length < k && (i < a.length || i < b.length); i++) {
    for (const id of [a[i], b[i]]) if (id !== undefined && !seen.has(id) && out.length < k) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}
