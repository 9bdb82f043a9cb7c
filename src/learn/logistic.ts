// Binary logistic regression over hashed features, trained with seeded AdaGrad and L2, then calibrated by Platt
// scaling so that scores are probabilities. Pure: no I/O (the file format is at the end, as bytes in and out).
import { seededRandom, shuffle } from './hashing.js';
import { readSparseFile, writeSparseFile } from './sparse-file.js';

/** One training example: hashed feature buckets (repeats count) and a 0/1 label. */
export interface Example {
  readonly features: Int32Array;
  readonly label: 0 | 1;
}

/** A trained model: raw margin = bias + sum of weights; probability = sigmoid(a * margin + b). */
export interface LogisticModel {
  /** Feature buckets are hashes masked to this many bits. */
  readonly bits: number;
  readonly weights: Float32Array;
  readonly bias: number;
  /** Platt scaling of the margin (a = 1, b = 0 before calibration). */
  readonly platt: { readonly a: number; readonly b: number };
}

/** Training settings. */
export interface LogisticOptions {
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  /** AdaGrad base learning rate. */
  readonly rate: number;
  /** L2 strength per update (applied lazily to the weights an example touches). */
  readonly l2: number;
  /** Weight of positive examples (class balance); 1 by default. */
  readonly positiveWeight?: number;
}

/** The raw margin of an example under a model. */
export function margin(model: Pick<LogisticModel, 'bits' | 'weights' | 'bias'>, features: Int32Array): number {
  const mask = (1 << model.bits) - 1;
  let sum = model.bias;
  for (let i = 0; i < features.length; i++) sum += model.weights[features[i]! & mask]!;
  return sum;
}

/** The raw margin of the features `features[from..to)` (a token of a packed sequence), without a subarray per token. */
export function marginOf(model: Pick<LogisticModel, 'bits' | 'weights' | 'bias'>, features: Int32Array, from: number, to: number): number {
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  let sum = model.bias;
  for (let i = from; i < to; i++) sum += w[features[i]! & mask]!;
  return sum;
}

/** The logistic function, safe for large inputs. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

/** The calibrated probability of the positive class. */
export function probability(model: LogisticModel, features: Int32Array): number {
  return sigmoid(model.platt.a * margin(model, features) + model.platt.b);
}

/** Trains with AdaGrad on the log loss (examples shuffled per epoch with the seed); returns an uncalibrated model. */
export function trainLogistic(examples: readonly Example[], options: LogisticOptions): LogisticModel {
  const size = 1 << options.bits;
  const mask = size - 1;
  const weights = new Float32Array(size);
  const squares = new Float32Array(size);
  let bias = 0;
  let biasSquares = 0;
  const random = seededRandom(options.seed);
  const order = examples.map((_, i) => i);
  const positiveWeight = options.positiveWeight ?? 1;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffle(order, random)) {
      const ex = examples[i]!;
      const p = sigmoid(margin({ bits: options.bits, weights, bias }, ex.features));
      const g = (p - ex.label) * (ex.label === 1 ? positiveWeight : 1);
      for (let k = 0; k < ex.features.length; k++) {
        const b = ex.features[k]! & mask;
        const grad = g + options.l2 * weights[b]!;
        squares[b] = squares[b]! + grad * grad;
        weights[b] = weights[b]! - (options.rate * grad) / Math.sqrt(squares[b]! + 1e-8);
      }
      biasSquares += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasSquares + 1e-8);
    }
  }
  return { bits: options.bits, weights, bias, platt: { a: 1, b: 0 } };
}

/** Fits Platt scaling (a, b) to margins and labels: Newton's method with a backtracking line search (Lin, Lin and Weng 2007), Platt's smoothed targets. */
export function fitPlatt(margins: readonly number[], labels: readonly (0 | 1)[]): { a: number; b: number } {
  const positives = labels.filter((y) => y === 1).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (labels.length - positives + 2);
  const targets = labels.map((y) => (y === 1 ? hi : lo));
  const loss = (a: number, b: number) => margins.reduce((sum, m, i) => {
    const z = a * m + b;
    return sum + (z >= 0 ? (1 - targets[i]!) * z + Math.log1p(Math.exp(-z)) : -targets[i]! * z + Math.log1p(Math.exp(z)));
  }, 0);
  let [a, b] = [1, 0];
  let current = loss(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 1e-12, 0, 1e-12];
    margins.forEach((m, i) => {
      const p = sigmoid(a * m + b);
      const d = p - targets[i]!;
      const w = p * (1 - p);
      [ga, gb, haa, hab, hbb] = [ga + d * m, gb + d, haa + w * m * m, hab + w * m, hbb + w];
    });
    if (Math.abs(ga) + Math.abs(gb) < 1e-7) break;
    const det = haa * hbb - hab * hab;
    const [da, db] = [-(hbb * ga - hab * gb) / det, -(haa * gb - hab * ga) / det];
    let step = 1;
    while (step > 1e-10 && loss(a + step * da, b + step * db) > current + 1e-4 * step * (ga * da + gb * db)) step /= 2;
    if (step <= 1e-10) break;
    [a, b] = [a + step * da, b + step * db];
    current = loss(a, b);
  }
  return { a, b };
}

/** Precision, recall and F1 of the positive class at a threshold (score >= threshold is positive). */
export function positiveF1(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number): { precision: number; recall: number; f1: number } {
  let [tp, fp, fn] = [0, 0, 0];
  scores.forEach((s, i) => {
    if (s >= threshold) labels[i] === 1 ? tp++ : fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The threshold (on a 0.01 grid) that maximises the positive-class F1; ties go to the lower threshold. */
export function bestThreshold(scores: readonly number[], labels: readonly (0 | 1)[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 1; t < 100; t++) {
    const f1 = positiveF1(scores, labels, t / 100).f1;
    if (f1 > best.f1 + 1e-12) best = { threshold: t / 100, f1 };
  }
  return best;
}

/** The Brier score: mean squared difference between probability and outcome. */
export function brierScore(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  return scores.reduce((sum, s, i) => sum + (s - labels[i]!) ** 2, 0) / Math.max(1, scores.length);
}

/** A reliability table: per tenth of the probability range, the count, mean score and observed positive rate. */
export function reliability(scores: readonly number[], labels: readonly (0 | 1)[]): { bin: string; n: number; meanScore: number; positiveRate: number }[] {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, sum: 0, pos: 0 }));
  scores.forEach((s, i) => {
    const bin = bins[Math.min(9, Math.floor(s * 10))]!;
    bin.n++;
    bin.sum += s;
    bin.pos += labels[i]!;
  });
  return bins.map((b, k) => ({ bin: `${(k / 10).toFixed(1)}-${((k + 1) / 10).toFixed(1)}`, n: b.n, meanScore: b.n ? b.sum / b.n : 0, positiveRate: b.n ? b.pos / b.n : 0 }));
}

const MAGIC = 'CTLR1';

/** Serialises a model and its metadata in the sparse container (sparse-file.ts), one weight per bucket. */
export function encodeLogistic(model: LogisticModel, meta: Record<string, unknown>): Buffer {
  let maxAbs = 0;
  for (const w of model.weights) maxAbs = Math.max(maxAbs, Math.abs(w));
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const kept: number[] = [];
  for (let b = 0; b < model.weights.length; b++) if (Math.round(model.weights[b]! / scale) !== 0) kept.push(b);
  const values = Int16Array.from(kept, (b) => Math.round(model.weights[b]! / scale));
  return writeSparseFile(MAGIC, { bits: model.bits, bias: model.bias, platt: model.platt, scale, meta }, kept, values);
}

/** Reads a model written by {@link encodeLogistic}. Throws on a file that is not one. */
export function decodeLogistic(file: Uint8Array): { model: LogisticModel; meta: Record<string, unknown> } {
  type Header = { bits: number; bias: number; platt: { a: number; b: number }; scale: number; meta: Record<string, unknown> };
  const { header, buckets, values } = readSparseFile<Header>(file, MAGIC, 'logistic model', () => 1);
  const weights = new Float32Array(1 << header.bits);
  for (let k = 0; k < buckets.length; k++) weights[buckets[k]!] = values[k]! * header.scale;
  return { model: { bits: header.bits, weights, bias: header.bias, platt: header.platt }, meta: header.meta };
}
