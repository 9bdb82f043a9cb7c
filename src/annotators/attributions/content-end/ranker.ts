// The trained content-end ranker: a linear score over each candidate end's hashed features, the best-scoring candidate
// wins. Trained as an averaged ranking perceptron (Collins 2002) towards the candidate nearest the gold end, seeded;
// stored in the sparse container of learn/sparse-file.ts with one 16-bit weight per bucket.
import { readFileSync } from 'node:fs';
import { seededRandom, shuffle } from '../../../learn/hashing.js';
import { readSparseFile, writeSparseFile } from '../../../learn/sparse-file.js';
import { FEATURES_PER_END, type EndCandidates } from './candidates.js';

/** Picks one candidate end of a content (an index into `set.candidates`). */
export interface EndChooser {
  choose(set: EndCandidates): number;
}

/** A loaded ranker. */
export interface ContentEndRanker extends EndChooser {
  readonly bits: number;
  readonly weights: Float32Array;
  readonly meta: Record<string, unknown>;
}

const MAGIC = 'CTCE1';

/** Where the committed model lies (the same relative path from src/ and from dist/). */
export const DEFAULT_CONTENT_END_URL = new URL('../../../../models/attribution-content-end.bin', import.meta.url);

/** The index of the best-scoring candidate (the first on a tie). */
function argmax(bits: number, weights: Float32Array | Float64Array, features: Int32Array): number {
  const mask = (1 << bits) - 1;
  let best = -1;
  let bestScore = -Infinity;
  for (let k = 0, at = 0; at < features.length; k++, at += FEATURES_PER_END) {
    let sum = 0;
    for (let i = at; i < at + FEATURES_PER_END; i++) sum += weights[features[i]! & mask]!;
    if (sum > bestScore) [best, bestScore] = [k, sum];
  }
  return best;
}

/** A ranker over the given weights. */
export function rankerOf(bits: number, weights: Float32Array, meta: Record<string, unknown>): ContentEndRanker {
  return { bits, weights, meta, choose: (set) => (set.ends.length < 2 ? set.current : argmax(bits, weights, set.features)) };
}

/** One training example: the candidates' features (FEATURES_PER_END each) and the index of the gold one. */
export interface EndExample {
  readonly features: Int32Array;
  readonly gold: number;
}

/** Trains the averaged ranking perceptron: per example in seeded order, a wrong best candidate moves weight to the gold one. */
export function trainRanker(examples: readonly EndExample[], options: { bits: number; epochs: number; seed: number }): Float32Array {
  const size = 1 << options.bits;
  const mask = size - 1;
  const w = new Float64Array(size);
  const total = new Float64Array(size);
  const stamp = new Float64Array(size);
  let clock = 0;
  const update = (features: Int32Array, candidate: number, delta: number) => {
    for (let k = candidate * FEATURES_PER_END; k < (candidate + 1) * FEATURES_PER_END; k++) {
      const b = features[k]! & mask;
      total[b] = total[b]! + (clock - stamp[b]!) * w[b]!;
      stamp[b] = clock;
      w[b] = w[b]! + delta;
    }
  };
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffle(order, random)) {
      const ex = examples[i]!;
      const predicted = argmax(options.bits, w, ex.features);
      if (predicted !== ex.gold) {
        update(ex.features, ex.gold, 1);
        update(ex.features, predicted, -1);
      }
      clock++;
    }
  }
  const averaged = new Float32Array(size);
  for (let b = 0; b < size; b++) averaged[b] = clock ? (total[b]! + (clock - stamp[b]!) * w[b]!) / clock : 0;
  return averaged;
}

/** Serialises weights (quantised to 16 bits with one scale; zero buckets left out) with their metadata. */
export function encodeRanker(bits: number, weights: Float32Array, meta: Record<string, unknown>): Buffer {
  let maxAbs = 0;
  for (const x of weights) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  const values: number[] = [];
  weights.forEach((x, b) => {
    const q = Math.round(x / scale);
    if (q !== 0) {
      kept.push(b);
      values.push(q);
    }
  });
  return writeSparseFile(MAGIC, { bits, scale, meta }, kept, Int16Array.from(values));
}

/** Reads a ranker written by {@link encodeRanker}. Throws on a file that is not one. */
export function decodeRanker(file: Uint8Array): ContentEndRanker {
  const { header, buckets, values } = readSparseFile<{ bits: number; scale: number; meta: Record<string, unknown> }>(file, MAGIC, 'content-end ranker', () => 1);
  const weights = new Float32Array(1 << header.bits);
  for (let k = 0; k < buckets.length; k++) weights[buckets[k]!] = values[k]! * header.scale;
  return rankerOf(header.bits, weights, header.meta);
}

let shared: ContentEndRanker | undefined;

/** The committed ranker, loaded on first use and shared by every pipeline of the process. */
export function defaultContentEndRanker(): ContentEndRanker {
  shared ??= decodeRanker(readFileSync(DEFAULT_CONTENT_END_URL));
  return shared;
}
