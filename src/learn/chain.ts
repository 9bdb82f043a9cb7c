// A linear-chain tagger over hashed features, trained as an averaged structured perceptron (Collins 2002) and decoded
// with Viterbi under BIO constraints (an I-X label only continues a B-X or I-X). Pure: no I/O here (see model-file.ts).
import { seededRandom, shuffle } from './hashing.js';

/** One sequence: the hashed features of each token, flat (token i owns `features[offsets[i]..offsets[i+1])`). */
export interface Sequence {
  readonly features: Int32Array;
  readonly offsets: Int32Array;
  /** Gold label indices (training only). */
  readonly gold?: Uint8Array;
}

/** A trained tagger: label names, feature-hash width and weights. */
export interface ChainModel {
  readonly labels: readonly string[];
  /** Feature buckets are hashes masked to this many bits. */
  readonly bits: number;
  /** Emission weights, bucket-major: `weights[bucket * stride + label]`, times `scale` when given (16-bit models). */
  readonly weights: Float32Array | Int16Array;
  /**
   * Weights per bucket row: labels.length unless the rows are padded (a loaded 7-label model keeps rows of 8, 16 bytes
   * each, so that no row straddles two cache lines; the padding weight is never read).
   */
  readonly stride?: number;
  /** Multiplies the emission weights (a loaded model keeps its 16-bit weights: half the memory, fewer cache misses). */
  readonly scale?: number;
  /** Transition weights `[prev * L + next]`, with row L for the sequence start. */
  readonly transitions: Float32Array;
}

/** Which label may follow which under BIO: `allowed[prev * L + next]`, row L for the start. */
export function bioConstraints(labels: readonly string[]): Uint8Array {
  const L = labels.length;
  const allowed = new Uint8Array((L + 1) * L);
  for (let prev = 0; prev <= L; prev++) {
    for (let next = 0; next < L; next++) {
      const n = labels[next]!;
      const p = prev < L ? labels[prev]! : 'O';
      allowed[prev * L + next] = !n.startsWith('I-') || p.slice(2) === n.slice(2) ? 1 : 0;
    }
  }
  return allowed;
}

/** Emission scores of every token for every label. */
function emissions(model: ChainModel, seq: Sequence): Float64Array {
  const L = model.labels.length;
  const n = seq.offsets.length - 1;
  const out = new Float64Array(n * L);
  if (L === 7) emissions7(model, seq, out);
  else emissionsAny(model, seq, out);
  const scale = model.scale ?? 1;
  if (scale !== 1) for (let k = 0; k < out.length; k++) out[k] = out[k]! * scale;
  return out;
}

function emissionsAny(model: ChainModel, seq: Sequence, out: Float64Array): void {
  const L = model.labels.length;
  const stride = model.stride ?? L;
  const n = seq.offsets.length - 1;
  const mask = (1 << model.bits) - 1;
  const w = model.weights;
  for (let i = 0; i < n; i++) {
    for (let f = seq.offsets[i]!; f < seq.offsets[i + 1]!; f++) {
      const base = (seq.features[f]! & mask) * stride;
      for (let l = 0; l < L; l++) out[i * L + l] = out[i * L + l]! + w[base + l]!;
    }
  }
}

/**
 * The same sums for seven labels (the attribution tagger's BIO over source, cue and content), kept in locals: the
 * generic loop's read-modify-write of `out` per weight took twice the time, most of decode, and held back the loads
 * of the next features' rows, which miss the cache in a 7 MiB table. Same additions in the same order, same result.
 */
function emissions7(model: ChainModel, seq: Sequence, out: Float64Array): void {
  const n = seq.offsets.length - 1;
  const mask = (1 << model.bits) - 1;
  const stride = model.stride ?? 7;
  const w = model.weights;
  const { features, offsets } = seq;
  for (let i = 0; i < n; i++) {
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0;
    const end = offsets[i + 1]!;
    for (let f = offsets[i]!; f < end; f++) {
      const b = (features[f]! & mask) * stride;
      a0 += w[b]!; a1 += w[b + 1]!; a2 += w[b + 2]!; a3 += w[b + 3]!; a4 += w[b + 4]!; a5 += w[b + 5]!; a6 += w[b + 6]!;
    }
    const o = i * 7;
    out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3; out[o + 4] = a4; out[o + 5] = a5; out[o + 6] = a6;
  }
}

/** The best label sequence (Viterbi). */
export function decode(model: ChainModel, seq: Sequence, allowed?: Uint8Array): Uint8Array {
  const L = model.labels.length;
  const n = seq.offsets.length - 1;
  const path = new Uint8Array(n);
  if (n === 0) return path;
  const em = emissions(model, seq);
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  const t = allowed ? allowedTransitions(model.transitions, allowed) : bioTransitions(model);
  for (let l = 0; l < L; l++) score[l] = em[l]! + t[L * L + l]!;
  for (let i = 1; i < n; i++) {
    const from = (i - 1) * L;
    for (let next = 0; next < L; next++) {
      let best = -Infinity;
      let arg = 0;
      for (let prev = 0; prev < L; prev++) {
        const s = score[from + prev]! + t[prev * L + next]!;
        if (s > best) {
          best = s;
          arg = prev;
        }
      }
      score[i * L + next] = best + em[i * L + next]!;
      back[i * L + next] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < L; l++) if (score[(n - 1) * L + l]! > score[(n - 1) * L + last]!) last = l;
  for (let i = n - 1; i >= 0; i--) {
    path[i] = last;
    last = back[i * L + last]!;
  }
  return path;
}

const BIO_TRANSITIONS = new WeakMap<ChainModel, Float64Array>();

/**
 * The transitions of a model under BIO constraints, made on its first decode and kept with it (a loaded model is never
 * changed; training, whose weights change between calls, passes `allowed` and gets them afresh every time).
 */
function bioTransitions(model: ChainModel): Float64Array {
  let t = BIO_TRANSITIONS.get(model);
  if (!t) {
    t = allowedTransitions(model.transitions, bioConstraints(model.labels));
    BIO_TRANSITIONS.set(model, t);
  }
  return t;
}

/**
 * The transition weights as doubles with -Infinity where BIO forbids the step: a forbidden step then never beats the
 * best (which starts at -Infinity, and ties keep the first), exactly as skipping it did, without a branch per pair.
 */
function allowedTransitions(transitions: Float32Array, allowed: Uint8Array): Float64Array {
  const out = new Float64Array(transitions.length);
  for (let k = 0; k < out.length; k++) out[k] = allowed[k] ? transitions[k]! : -Infinity;
  return out;
}

/** Training settings. */
export interface TrainOptions {
  readonly labels: readonly string[];
  readonly bits: number;
  readonly epochs: number;
  readonly seed: number;
  /** Called with the averaged model after each epoch; returns a validation score (higher is better). */
  readonly validate?: (model: ChainModel, epoch: number) => number;
}

/** Weights plus the running sums that give their average (the lazy averaging trick). */
class Averaged {
  readonly w: Float64Array;
  readonly acc: Float64Array;
  constructor(size: number) {
    this.w = new Float64Array(size);
    this.acc = new Float64Array(size);
  }
  add(k: number, d: number, step: number): void {
    this.w[k] = this.w[k]! + d;
    this.acc[k] = this.acc[k]! + step * d;
  }
  average(step: number): Float32Array {
    const out = new Float32Array(this.w.length);
    for (let k = 0; k < out.length; k++) out[k] = this.w[k]! - this.acc[k]! / step;
    return out;
  }
}

/** Trains on sequences with gold labels; returns the averaged model of the best epoch (by `validate`, else the last). */
export function trainChain(sequences: readonly Sequence[], options: TrainOptions): { model: ChainModel; epoch: number; score: number } {
  const L = options.labels.length;
  const mask = (1 << options.bits) - 1;
  const emit = new Averaged((mask + 1) * L);
  const trans = new Averaged((L + 1) * L);
  const allowed = bioConstraints(options.labels);
  const random = seededRandom(options.seed);
  const order = sequences.map((_, i) => i);
  let step = 1;
  let best = { model: undefined as ChainModel | undefined, epoch: 0, score: -Infinity };
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (const i of shuffle(order, random)) {
      const seq = sequences[i]!;
      const current: ChainModel = { labels: options.labels, bits: options.bits, weights: emit.w as unknown as Float32Array, transitions: trans.w as unknown as Float32Array };
      const guess = decode(current, seq, allowed);
      update(seq, guess, { emit, trans, step, L, mask });
      step++;
    }
    const model: ChainModel = { labels: options.labels, bits: options.bits, weights: emit.average(step), transitions: trans.average(step) };
    const score = options.validate ? options.validate(model, epoch) : epoch;
    if (score > best.score) best = { model, epoch, score };
  }
  return { model: best.model!, epoch: best.epoch, score: best.score };
}

/** The perceptron update: gold features and transitions up, guessed ones down, where they differ. */
function update(seq: Sequence, guess: Uint8Array, s: { emit: Averaged; trans: Averaged; step: number; L: number; mask: number }): void {
  const gold = seq.gold!;
  const { L, step } = s;
  for (let i = 0; i < guess.length; i++) {
    const g = gold[i]!;
    const p = guess[i]!;
    const gPrev = i === 0 ? L : gold[i - 1]!;
    const pPrev = i === 0 ? L : guess[i - 1]!;
    if (g !== p) {
      for (let f = seq.offsets[i]!; f < seq.offsets[i + 1]!; f++) {
        const base = (seq.features[f]! & s.mask) * L;
        s.emit.add(base + g, 1, step);
        s.emit.add(base + p, -1, step);
      }
    }
    if (g !== p || gPrev !== pPrev) {
      s.trans.add(gPrev * L + g, 1, step);
      s.trans.add(pPrev * L + p, -1, step);
    }
  }
}
