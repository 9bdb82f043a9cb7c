// The learned re-ranker: a linear model over standardised features (features.ts), trained pairwise (RankNet with a
// linear scorer, i.e. logistic regression on the difference of a relevant and a non-relevant candidate of one query)
// with seeded AdaGrad and L2 (the optimiser of src/learn/logistic.ts, here on dense vectors). Pure: the file format is
// bytes in and out, in the sparse container of src/learn/sparse-file.ts.
import { seededRandom, shuffle } from '../../learn/hashing.js';
import { sigmoid } from '../../learn/logistic.js';
import { readSparseFile, writeSparseFile } from '../../learn/sparse-file.js';

/** A trained re-ranker: score = weights · ((x - mean) / scale). */
export interface Reranker {
  readonly features: readonly string[];
  readonly mean: Float64Array;
  readonly scale: Float64Array;
  readonly weights: Float64Array;
  /** First-stage depth the model was trained on. */
  readonly depth: number;
}

/** One training query: its candidates' feature vectors and which of them is relevant. */
export interface RankingGroup {
  readonly vectors: readonly Float64Array[];
  readonly relevant: number;
}

/** Training settings. */
export interface RerankerOptions {
  readonly epochs: number;
  readonly seed: number;
  readonly rate: number;
  readonly l2: number;
  /** Non-relevant candidates sampled per relevant one and epoch (all of them when larger than the group). */
  readonly negatives: number;
}

/** The score of a raw feature vector. */
export function rerankScore(model: Reranker, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < model.weights.length; i++) s += model.weights[i]! * ((x[i]! - model.mean[i]!) / model.scale[i]!);
  return s;
}

/** Mean and standard deviation (1 where a feature is constant) of every feature over all candidates. */
function standardise(groups: readonly RankingGroup[], width: number): { mean: Float64Array; scale: Float64Array } {
  const mean = new Float64Array(width);
  const scale = new Float64Array(width);
  let n = 0;
  for (const g of groups) for (const x of g.vectors) {
    n++;
    for (let i = 0; i < width; i++) mean[i] = mean[i]! + x[i]!;
  }
  for (let i = 0; i < width; i++) mean[i] = mean[i]! / Math.max(1, n);
  for (const g of groups) for (const x of g.vectors) for (let i = 0; i < width; i++) scale[i] = scale[i]! + (x[i]! - mean[i]!) ** 2;
  for (let i = 0; i < width; i++) scale[i] = Math.sqrt(scale[i]! / Math.max(1, n)) || 1;
  return { mean, scale };
}

/** Trains the pairwise model on groups whose relevant candidate was found by the first stage. */
export function trainReranker(groups: readonly RankingGroup[], features: readonly string[], depth: number, options: RerankerOptions): Reranker {
  const width = features.length;
  const { mean, scale } = standardise(groups, width);
  const z = groups.map((g) => g.vectors.map((x) => Float64Array.from(x, (v, i) => (v - mean[i]!) / scale[i]!)));
  const weights = new Float64Array(width);
  const squares = new Float64Array(width);
  const random = seededRandom(options.seed);
  const order = groups.map((_, i) => i);
  const diff = new Float64Array(width);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const gi of shuffle(order, random)) {
      const group = z[gi]!;
      const relevant = groups[gi]!.relevant;
      const others = shuffle(group.map((_, i) => i).filter((i) => i !== relevant), random).slice(0, options.negatives);
      for (const o of others) {
        let m = 0;
        for (let i = 0; i < width; i++) {
          diff[i] = group[relevant]![i]! - group[o]![i]!;
          m += weights[i]! * diff[i]!;
        }
        const g = sigmoid(m) - 1;
        for (let i = 0; i < width; i++) {
          const grad = g * diff[i]! + options.l2 * weights[i]!;
          squares[i] = squares[i]! + grad * grad;
          weights[i] = weights[i]! - (options.rate * grad) / Math.sqrt(squares[i]! + 1e-8);
        }
      }
    }
  }
  return { features, mean, scale, weights, depth };
}

const MAGIC = 'CTMR1';

/** Serialises a re-ranker with its metadata; weights are stored as 16-bit integers with one scale. */
export function encodeReranker(model: Reranker, meta: Record<string, unknown>): Buffer {
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const unit = maxAbs > 0 ? maxAbs / 32767 : 1;
  const header = { features: model.features, mean: [...model.mean], scale: [...model.scale], depth: model.depth, unit, meta };
  const values = Int16Array.from(model.weights, (w) => Math.round(w / unit));
  return writeSparseFile(MAGIC, header, model.features.map((_, i) => i), values);
}

/** Reads a re-ranker written by {@link encodeReranker}. Throws on a file that is not one. */
export function decodeReranker(file: Uint8Array): { model: Reranker; meta: Record<string, unknown> } {
  type Header = { features: string[]; mean: number[]; scale: number[]; depth: number; unit: number; meta: Record<string, unknown> };
  const { header, buckets, values } = readSparseFile<Header>(file, MAGIC, 're-ranker', () => 1);
  const weights = new Float64Array(header.features.length);
  for (let k = 0; k < buckets.length; k++) weights[buckets[k]!] = values[k]! * header.unit;
  const model = { features: header.features, mean: Float64Array.from(header.mean), scale: Float64Array.from(header.scale), weights, depth: header.depth };
  return { model, meta: header.meta };
}

/**
 * The held-out model a re-ranker file carries in its metadata (`heldOut`: the same training on the training tweets
 * less the validation split, see scripts/train-match.ts), with the committed model's features and depth; undefined
 * when the file has none. Validation figures and the calibration read it, as the committed model saw those tweets.
 */
export function heldOutReranker(model: Reranker, meta: Record<string, unknown>): Reranker | undefined {
  const held = meta.heldOut as { mean?: number[]; scale?: number[]; weights?: number[] } | undefined;
  if (!held?.mean || !held.scale || !held.weights || held.weights.length !== model.features.length) return undefined;
  return { ...model, mean: Float64Array.from(held.mean), scale: Float64Array.from(held.scale), weights: Float64Array.from(held.weights) };
}
