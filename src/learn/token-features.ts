// Small token descriptors shared by the trained taggers' feature extractors.
import type { Token } from '../nlp/tokens.js';
import { hash1, hashStart } from './hashing.js';

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

/** The shared per-token hashes of a document's tokens (computed on first request for that token array). */
export function tokenHashes(tokens: readonly Token[]): TokenHashes {
  let hashes = TOKEN_HASHES.get(tokens);
  if (!hashes) {
    const n = tokens.length;
    const own = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
    const neighbour = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)] as const;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      own[0][i] = hash1(1, t.lower); own[1][i] = hash1(2, t.lemma); own[2][i] = hash1(3, t.pos); own[3][i] = hash1(4, shapeOf(t)); own[4][i] = hash1(5, t.lower.slice(-3));
      neighbour[0][i] = hash1(6, t.lower); neighbour[1][i] = hash1(7, t.lower); neighbour[2][i] = hash1(8, t.lower); neighbour[3][i] = hash1(9, t.lower);
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
