// Small token descriptors shared by the trained taggers' feature extractors.
import type { Token } from '../nlp/tokens.js';
import { hash1, hashStart } from './hashing.js';

/** A word's shape: capitalised, all caps, lower, digits or punctuation. */
export function shapeOf(t: Token): string {
  const c = t.text.charCodeAt(0);
  if (t.pos === 'PUNCT') return 'p';
  if (c >= 48 && c <= 57) return 'd';
  if (isUpperCase(t.text) && t.text !== t.lower) return t.text.length > 1 ? 'XX' : 'X';
  return t.text === t.lower ? 'x' : 'Xx';
}

/** `text === text.toUpperCase()`, without making the upper-case copy when the text is ASCII (then: no a-z in it). */
function isUpperCase(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return text === text.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** A distance in tokens, bucketed: 1, 2, 3, 4-6, 7-12, 13+. */
export function distanceBucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 6) return '4-6';
  if (d <= 12) return '7-12';
  return '13+';
}

/**
 * The hashes of a token's own strings under the templates that both token taggers (attribution, SI) number alike:
 * 0 bias, 1 lower, 2 lemma, 3 POS, 4 shape, 5 last three letters, and the lower form under 6-9 (as a neighbour one
 * and two tokens left and right). Per document token, computed once and shared by both taggers.
 */
export interface TokenHashes {
  readonly own: readonly [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  /** `neighbour[j]` is the lower form under template 6 + j (left 1, right 1, left 2, right 2). */
  readonly neighbour: readonly [Int32Array, Int32Array, Int32Array, Int32Array];
}

/** The hash of the padding '<s>' beyond a sequence's ends under templates 6-9 (index j for template 6 + j). */
export const PAD_HASHES: readonly number[] = [6, 7, 8, 9].map((template) => hash1(template, '<s>') | 0);

const TOKEN_HASHES = new WeakMap<readonly Token[], TokenHashes>();

const FNV_PRIME = 0x01000193;
/** FNV states after the template and the separator (hashMore's first step) for templates 1, 6, 7, 8, 9; 5; 2. */
const afterSeparator = (template: number) => Math.imul(hashStart(template) ^ 0x1f, FNV_PRIME);
const LOWER_STARTS = [1, 6, 7, 8, 9].map(afterSeparator);
const SUFFIX_START = afterSeparator(5);
const LEMMA_START = afterSeparator(2);
/** hash1(4, shape) of the six shapes shapeOf gives. */
const SHAPE_HASHES = new Map(['p', 'd', 'XX', 'X', 'x', 'Xx'].map((shape) => [shape, hash1(4, shape) | 0]));

/** The shared per-token hashes of a document's tokens (computed on first request for that token array). */
export function tokenHashes(tokens: readonly Token[]): TokenHashes {
  let hashes = TOKEN_HASHES.get(tokens);
  if (!hashes) {
    const n = tokens.length;
    const own = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
    const neighbour = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      // hash1(template, t.lower) under templates 1 and 6-9, hash1(5, t.lower.slice(-3)) and, when the lemma is the
      // lower form, hash1(2, t.lemma): one loop over the characters instead of seven, the same FNV values.
      const lower = t.lower;
      const sameLemma = t.lemma === lower;
      const from3 = Math.max(0, lower.length - 3);
      let h1 = LOWER_STARTS[0]!, h6 = LOWER_STARTS[1]!, h7 = LOWER_STARTS[2]!, h8 = LOWER_STARTS[3]!, h9 = LOWER_STARTS[4]!;
      let h5 = SUFFIX_START, h2 = LEMMA_START;
      for (let k = 0; k < lower.length; k++) {
        const c = lower.charCodeAt(k);
        h1 = Math.imul(h1 ^ c, FNV_PRIME); h6 = Math.imul(h6 ^ c, FNV_PRIME); h7 = Math.imul(h7 ^ c, FNV_PRIME); h8 = Math.imul(h8 ^ c, FNV_PRIME); h9 = Math.imul(h9 ^ c, FNV_PRIME);
        if (k >= from3) h5 = Math.imul(h5 ^ c, FNV_PRIME);
        if (sameLemma) h2 = Math.imul(h2 ^ c, FNV_PRIME);
      }
      own[0][i] = h1; own[1][i] = sameLemma ? h2 : hash1(2, t.lemma); own[2][i] = hash1(3, t.pos); own[3][i] = SHAPE_HASHES.get(shapeOf(t))!; own[4][i] = h5;
      neighbour[0][i] = h6; neighbour[1][i] = h7; neighbour[2][i] = h8; neighbour[3][i] = h9;
    }
    hashes = { own, neighbour };
    TOKEN_HASHES.set(tokens, hashes);
  }
  return hashes;
}

/** Writes the ten shared features of sequence position k (hashStart(0), own 1-5, neighbours 6-9) from `f` on; returns where they end. */
export function writeSharedFeatures(hashes: TokenHashes, ids: Int32Array, k: number, out: Int32Array, f: number): number {
  const id = ids[k]!;
  const n = ids.length;
  const [n1, n2, n3, n4] = hashes.neighbour;
  out[f++] = BIAS;
  for (let j = 0; j < 5; j++) out[f++] = hashes.own[j]![id]!;
  out[f++] = k >= 1 ? n1[ids[k - 1]!]! : PAD_HASHES[0]!;
  out[f++] = k + 1 < n ? n2[ids[k + 1]!]! : PAD_HASHES[1]!;
  out[f++] = k >= 2 ? n3[ids[k - 2]!]! : PAD_HASHES[2]!;
  out[f++] = k + 2 < n ? n4[ids[k + 2]!]! : PAD_HASHES[3]!;
  return f;
}

const BIAS = hashStart(0) | 0;
