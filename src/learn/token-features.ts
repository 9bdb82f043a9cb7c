// Small token descriptors shared by the trained taggers' feature extractors.
import type { Token } from '../nlp/tokens.js';

/** A word's shape: capitalised, all caps, lower, digits or punctuation. */
export function shapeOf(t: Token): string {
  const c = t.text.charCodeAt(0);
  if (t.pos === 'PUNCT') return 'p';
  if (c >= 48 && c <= 57) return 'd';
  if (t.text === t.text.toUpperCase() && t.text !== t.lower) return t.text.length > 1 ? 'XX' : 'X';
  return t.text === t.lower ? 'x' : 'Xx';
}

/** A distance in tokens, bucketed: 1, 2, 3, 4-6, 7-12, 13+. */
export function distanceBucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 6) return '4-6';
  if (d <= 12) return '7-12';
  return '13+';
}
