import type { QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import type { Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';

/** A quantity with the sentence and paragraph it sits in (indices into the document's lists). */
export interface Located {
  readonly q: QuantityAnnotation;
  readonly sentence: number;
  readonly paragraph: number;
}

/** The index of the first of `located` (sorted by start) that starts at `offset` or later (binary search). */
export function firstFigureFrom(located: readonly Located[], offset: number): number {
  let lo = 0;
  let hi = located.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (located[mid]!.q.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last figure of `located` (text order) that ends at or before `offset`: only figures starting before it can. */
export function lastEndingBy(located: readonly Located[], offset: number): Located | undefined {
  for (let i = firstFigureFrom(located, offset) - 1; i >= 0; i--) if (located[i]!.q.end <= offset) return located[i];
  return undefined;
}

/** Locates every quantity in its sentence and paragraph in one linear pass. */
export function locateQuantities(doc: Document, paragraphs: readonly Range[]): Located[] {
  const sentences = doc.all('sentence');
  const out: Located[] = [];
  let s = 0;
  let p = 0;
  for (const q of doc.all('quantity')) {
    while (s + 1 < sentences.length && sentences[s]!.end <= q.start) s++;
    while (p + 1 < paragraphs.length && paragraphs[p]!.end <= q.start) p++;
    out.push({ q, sentence: s, paragraph: p });
  }
  return out;
}

/** The sentence index of each token (the last sentence starting at or before it), in one pass. */
export function sentenceIndexOf(doc: Document, tokens: readonly Token[]): (token: number) => number {
  const sentences = doc.all('sentence');
  const index = new Int32Array(tokens.length);
  let s = 0;
  for (let k = 0; k < tokens.length; k++) {
    while (s + 1 < sentences.length && sentences[s]!.end <= tokens[k]!.start) s++;
    index[k] = s;
  }
  return (k) => index[k] ?? -1;
}

/** The interval a figure guarantees: approximate and exact figures count at their value, floors and ceilings as stated. */
export function guaranteed(q: QuantityAnnotation): { low: number; high: number } {
  switch (q.bound) {
    case 'at-least':
      return { low: q.low ?? q.value, high: Infinity };
    case 'at-most':
      return { low: q.low ?? 0, high: q.high ?? q.value };
    case 'range':
      return { low: Math.min(q.low ?? q.value, q.high ?? q.value), high: Math.max(q.low ?? q.value, q.high ?? q.value) };
    default:
      return { low: q.value, high: q.value };
  }
}

/** The interval a figure states, tolerance included ("some 80,000" → 72,000..88,000). */
export function stated(q: QuantityAnnotation): { low: number; high: number } {
  const g = guaranteed(q);
  if (q.bound === 'approx' && q.low !== undefined && q.high !== undefined) {
    // "about 412 million" is written to the million and said to be near it: it allows a few of its last digit's units,
    // not the tenth that "about 400 million" allows ("some 80,000" → 72,000..88,000).
    const near = APPROX_PLACES * lastPlace(q.value);
    if (near < q.high - q.value) return { low: Math.max(q.low, q.value - near), high: Math.min(q.high, q.value + near) };
  }
  return q.bound === 'approx' || q.bound === 'exact' ? { low: q.low ?? g.low, high: q.high ?? g.high } : g;
}

/** How many units of its last written digit an approximate figure allows either way. */
const APPROX_PLACES = 5;

/** The place value of a number's last non-zero digit: 412,000,000 → 1,000,000; 80,000 → 10,000; 2.5 → 0.1. */
function lastPlace(x: number): number {
  const v = Math.abs(x);
  if (v === 0 || !Number.isFinite(v)) return 0;
  let place = 10 ** Math.floor(Math.log10(v));
  for (let i = 0; i < 15 && Math.abs(v / place - Math.round(v / place)) > 1e-6; i++) place /= 10;
  return place;
}

/** Significant digits a sum of figures is rounded to: far more than any figure is written with, far fewer than a double's 17. */
const SUM_DIGITS = 12;

/**
 * The sum of figures as written, without the binary fractions' drift: 24.2 + 19.6 + 11.3 + 4.1 + 3.4 is 62.6, not
 * 62.599999999999994, which an exact comparison with a stated 62.6 would call a mismatch.
 */
export function sumOf(values: readonly number[]): number {
  let sum = 0;
  for (const x of values) sum += x;
  return Number.isFinite(sum) ? Number(sum.toPrecision(SUM_DIGITS)) : sum;
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const SCALE_WORDS: readonly [number, string][] = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];

/** A number as the messages print it: 46,000; a round figure of a million or more with its scale word: 48 billion. */
export function fmt(x: number): string {
  if (x === Infinity) return '∞';
  for (const [scale, word] of SCALE_WORDS) {
    const scaled = x / scale;
    if (Math.abs(scaled) >= 1 && Math.abs(Math.round(scaled * 100) - scaled * 100) < 1e-6) return `${NUMBER.format(scaled)} ${word}`;
  }
  return NUMBER.format(x);
}
