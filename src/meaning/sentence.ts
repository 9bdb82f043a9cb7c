// Sentence and claim representations from word vectors: SIF (Arora, Liang and Ma 2017, "A simple but tough-to-beat
// baseline for sentence embeddings"): the average of the words' vectors, each weighted a / (a + p(w)), with the
// common component (the first principal component of reference sentence vectors) removed.
// The source vectors carry no word counts, only frequency order, so p(w) is estimated from the rank by Zipf's law:
// p(rank r) = 1 / (r · H(V)), H(V) the V-th harmonic number, V the size of the source vocabulary.
import type { Range } from '../core/range.js';
import { analyzeText, type Token } from '../nlp/tokens.js';
import { seededRandom } from '../learn/hashing.js';
import { getWordVectors, normalise, type WordTable } from './vectors.js';

/** SIF's smoothing constant a (the paper's recommended 1e-3). */
export const SIF_A = 1e-3;

const harmonics = new Map<number, number>();
/** H(n) = 1 + 1/2 + ... + 1/n, summed from the small end (cached per n). */
function harmonic(n: number): number {
  let h = harmonics.get(n);
  if (h === undefined) {
    h = 0;
    for (let r = n; r >= 1; r--) h += 1 / r;
    harmonics.set(n, h);
  }
  return h;
}

/** Zipf estimate of the probability of the word at `row` (rank row + 1) of a table. */
export function zipfProbability(table: WordTable, row: number): number {
  return 1 / ((row + 1) * harmonic(table.sourceSize));
}

/** SIF weight a / (a + p(w)) of the word at `row`. */
export function sifWeight(table: WordTable, row: number): number {
  return SIF_A / (SIF_A + zipfProbability(table, row));
}

/** Rows of a token's word: its lower-cased form, else its lemma, else its hyphen-separated parts when all are known. */
export function rowsOfToken(table: WordTable, lower: string, lemma: string): number[] {
  const word = normalise(lower);
  const row = table.indexOf(word);
  if (row >= 0) return [row];
  const byLemma = table.indexOf(normalise(lemma));
  if (byLemma >= 0) return [byLemma];
  const parts = word.split('-').filter(Boolean);
  if (parts.length < 2) return [];
  const rows = parts.map((p) => table.indexOf(p));
  return rows.every((r) => r >= 0) ? rows : [];
}

/** SIF average of rows (each group is one word, its parts sharing the word's weight), without removing the common component. */
export function weightedAverage(table: WordTable, words: readonly (readonly number[])[]): Float32Array {
  const out = new Float32Array(table.dims);
  let n = 0;
  for (const rows of words) {
    if (rows.length === 0) continue;
    n++;
    for (const row of rows) table.addRow(row, sifWeight(table, row) / rows.length, out);
  }
  if (n > 0) for (let d = 0; d < out.length; d++) out[d]! /= n;
  return out;
}

/** Removes the projection on the table's common component, in place. */
export function removeCommon(table: WordTable, v: Float32Array): Float32Array {
  let dot = 0;
  for (let d = 0; d < v.length; d++) dot += v[d]! * table.common[d]!;
  for (let d = 0; d < v.length; d++) v[d]! -= dot * table.common[d]!;
  return v;
}

/** A sentence vector from tokens (words and numbers with a vector; punctuation and unknown words are left out). */
export function tokensVector(tokens: readonly Pick<Token, 'lower' | 'lemma' | 'type'>[], table: WordTable = getWordVectors()): Float32Array {
  const words = tokens.filter((t) => t.type === 'word' || t.type === 'number').map((t) => rowsOfToken(table, t.lower, t.lemma));
  return removeCommon(table, weightedAverage(table, words));
}

/** The SIF vector of a sentence or claim (tokenised with wink). All zeros when no word has a vector. */
export function sentenceVector(text: string, table: WordTable = getWordVectors()): Float32Array {
  return tokensVector(analyzeText(text).tokens, table);
}

/** The SIF vector of a span of an analysed text (a claim or sentence annotation): the tokens wholly inside the range. */
export function spanVector(tokens: readonly Token[], range: Range, table: WordTable = getWordVectors()): Float32Array {
  return tokensVector(tokens.filter((t) => t.start >= range.start && t.end <= range.end), table);
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < a.length; d++) {
    dot += a[d]! * b[d]!;
    na += a[d]! * a[d]!;
    nb += b[d]! * b[d]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine similarity of two sentences' SIF vectors. */
export function sentenceSimilarity(a: string, b: string, table: WordTable = getWordVectors()): number {
  return cosine(sentenceVector(a, table), sentenceVector(b, table));
}


/**
 * The common component of a table: the first (uncentred) principal component, as SIF's TruncatedSVD takes it, of
 * `sentences` reference sentence vectors of `length` words each, the words drawn by Zipf's law over the table's rows
 * with a seeded generator; found by power iteration on the 100 × 100 second-moment matrix. Unit length; its largest
 * coordinate is positive.
 */
export function commonComponent(table: WordTable, seed: number, sentences = 20_000, length = 15): Float32Array {
  const random = seededRandom(seed);
  const cumulative = new Float64Array(table.count);
  let total = 0;
  for (let r = 0; r < table.count; r++) cumulative[r] = total += zipfProbability(table, r);
  const draw = () => {
    const x = random() * total;
    let lo = 0;
    let hi = table.count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dims = table.dims;
  const moment = new Float64Array(dims * dims);
  for (let s = 0; s < sentences; s++) {
    const v = weightedAverage(table, Array.from({ length }, () => [draw()]));
    for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) moment[i * dims + j]! += v[i]! * v[j]!;
  }
  let u = new Float64Array(dims).fill(1 / Math.sqrt(dims));
  for (let it = 0; it < 200; it++) {
    const next = new Float64Array(dims);
    for (let i = 0; i < dims; i++) for (let j = 0; j < dims; j++) next[i]! += moment[i * dims + j]! * u[j]!;
    const norm = Math.sqrt(next.reduce((a, x) => a + x * x, 0));
    u = next.map((x) => x / norm);
  }
  let largest = 0;
  for (let i = 1; i < dims; i++) if (Math.abs(u[i]!) > Math.abs(u[largest]!)) largest = i;
  const sign = u[largest]! < 0 ? -1 : 1;
  return Float32Array.from(u, (x) => sign * x);
}
