// Token features for propaganda span identification (SemEval-2020 Task 11 SI): words, lemmas, POS and shapes around
// the token; quotation state; an induced lexicon of lemmas that often sit inside propaganda spans (stored in the model)
// used for the token, its neighbourhood and its sentence's "heat"; whether the lemma trigram around the token recurs in
// the document (repetition is a document-level technique); the technique the rule finder gave the token (stacking);
// words up to three tokens away and the word bigrams beside the token. One sequence is one sentence's non-space tokens.
import type { Range } from '../../../core/range.js';
import type { Sequence } from '../../../learn/chain.js';
import { FeatureSink, hash1, hash2, hashStart } from '../../../learn/hashing.js';
import { shapeOf } from '../../../learn/token-features.js';
import { isWhitespaceToken, tokenAt, type Token } from '../../../nlp/tokens.js';

/** One sentence's tokens (indices into the document's tokens) with their features. */
export interface SiSequence extends Sequence {
  readonly tokens: Int32Array;
}

/** What the features are computed from. */
export interface SiFeatureInput {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Range[];
  /** Per document token: the technique a rule found there ('' for none). */
  readonly ruleTechniques: readonly string[];
  /** Induced lexicon: lemma -> how often it lies inside a gold span ('1' low … '3' high). */
  readonly spanLemmas: ReadonlyMap<string, string>;
}

const OPEN = new Set(['“', '‘', '«', '„']);
const CLOSE = new Set(['”', '»']);
const isSpace = isWhitespaceToken;

/** Per document token: the number of times the lemma trigram centred on it occurs in the document. */
function trigramCounts(tokens: readonly Token[]): Uint16Array {
  const words = tokens.filter((t) => !isSpace(t) && t.pos !== 'PUNCT');
  const keys = words.map((w, i) => `${words[i - 1]?.lemma ?? ''} ${w.lemma} ${words[i + 1]?.lemma ?? ''}`);
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const out = new Uint16Array(tokens.length);
  for (let i = 0; i < words.length; i++) out[words[i]!.index] = Math.min(counts.get(keys[i]!)!, 9);
  return out;
}

/** One sequence per sentence, with features, built as they are consumed (one sentence's features live at once). */
export function* buildSiSequences(input: SiFeatureInput): Generator<SiSequence> {
  const repeats = trigramCounts(input.tokens);
  for (const s of input.sentences) {
    const ids: number[] = [];
    for (let i = tokenAt(input.tokens, s.start); i < input.tokens.length && input.tokens[i]!.start < s.end; i++) if (!isSpace(input.tokens[i]!)) ids.push(i);
    if (ids.length) yield featurize(input, Int32Array.from(ids), repeats);
  }
}

/** Sentence-wide facts: its heat (lexicon words in it), its end mark, its length, quotation state per token. */
function sentenceFacts(input: SiFeatureInput, ids: Int32Array) {
  let heat = 0;
  let inQuote = false;
  const quoted = new Uint8Array(ids.length);
  ids.forEach((id, k) => {
    const t = input.tokens[id]!;
    if (input.spanLemmas.get(t.lemma) === '3') heat++;
    if (OPEN.has(t.text) || (t.text === '"' && !inQuote)) inQuote = true;
    else if (CLOSE.has(t.text) || t.text === '"') inQuote = false;
    quoted[k] = inQuote ? 1 : 0;
  });
  const last = input.tokens[ids[ids.length - 1]!]!.text;
  const length = ids.length < 8 ? 'short' : ids.length < 25 ? 'mid' : 'long';
  return { heat: heat > 3 ? '3+' : String(heat), end: last === '!' || last === '?' ? last : '.', length, quoted };
}

/** Per sequence position: distance to the nearest strong lexicon word (bucket), '-' when the sentence has none. */
function lexiconDistances(input: SiFeatureInput, ids: Int32Array): string[] {
  const n = ids.length;
  // Distance to the nearest strong word on the left, then on the right: two passes instead of every pair.
  const nearest = new Float64Array(n).fill(Infinity);
  let last = -Infinity;
  for (let k = 0; k < n; k++) {
    if (input.spanLemmas.get(input.tokens[ids[k]!]!.lemma) === '3') last = k;
    nearest[k] = k - last;
  }
  last = Infinity;
  for (let k = n - 1; k >= 0; k--) {
    if (nearest[k] === 0) last = k;
    nearest[k] = Math.min(nearest[k]!, last - k);
  }
  return Array.from(nearest, (d) => (d === Infinity ? '-' : d === 0 ? '0' : d <= 2 ? '1-2' : d <= 5 ? '3-5' : d <= 10 ? '6-10' : '11+'));
}

/** Padding on each side of a sentence's per-token arrays, so that neighbours up to 3 away need no bounds checks. */
const PAD = 3;

/** A sentence's words, POS tags, lexicon buckets and rule techniques, padded with '<s>' on both sides. */
function padded(input: SiFeatureInput, ids: Int32Array) {
  const fill = () => new Array<string>(ids.length + 2 * PAD).fill('<s>');
  const words = fill();
  const pos = fill();
  const lex = fill();
  const rule = fill();
  ids.forEach((id, k) => {
    const t = input.tokens[id]!;
    words[k + PAD] = t.lower;
    pos[k + PAD] = t.pos;
    lex[k + PAD] = input.spanLemmas.get(t.lemma) ?? '-';
    rule[k + PAD] = input.ruleTechniques[t.index] || '-';
  });
  return { words, pos, lex, rule };
}

function featurize(input: SiFeatureInput, ids: Int32Array, repeats: Uint16Array): SiSequence {
  const facts = sentenceFacts(input, ids);
  const distance = lexiconDistances(input, ids);
  const { words: w, pos: p, lex, rule } = padded(input, ids);
  const features = new FeatureSink();
  const offsets = new Int32Array(ids.length + 1);
  const n = ids.length;
  for (let k = 0; k < n; k++) {
    const i = k + PAD;
    const t = input.tokens[ids[k]!]!;
    const rep = repeats[t.index]! > 1 ? 'rep' : '-';
    const where = k === 0 ? 'first' : k === n - 1 ? 'last' : 'mid';
    features.add(hashStart(0)); features.add(hash1(1, t.lower)); features.add(hash1(2, t.lemma)); features.add(hash1(3, t.pos)); features.add(hash1(4, shapeOf(t))); features.add(hash1(5, t.lower.slice(-3)));
    features.add(hash1(6, w[i - 1]!)); features.add(hash1(7, w[i + 1]!)); features.add(hash1(8, w[i - 2]!)); features.add(hash1(9, w[i + 2]!)); features.add(hash2(10, p[i - 1]!, t.pos)); features.add(hash2(11, t.pos, p[i + 1]!)); features.add(hash2(12, w[i - 1]!, t.lower));
    features.add(hash1(13, lex[i]!)); features.add(hash2(14, lex[i - 1]!, lex[i + 1]!)); features.add(hash2(15, lex[i]!, t.pos)); features.add(hash1(16, `${lex[i - 2]}${lex[i + 2]}`));
    features.add(hash1(17, facts.heat)); features.add(hash2(18, facts.heat, lex[i]!)); features.add(hash1(19, facts.end)); features.add(hash1(20, facts.length)); features.add(hash2(21, facts.length, where));
    features.add(hash1(22, facts.quoted[k] ? 'q' : '-')); features.add(hash1(23, rep)); features.add(hash2(24, rep, t.pos));
    features.add(hash1(25, rule[i]!)); features.add(hash2(26, rule[i - 1]!, rule[i + 1]!)); features.add(hash2(27, rule[i]!, lex[i]!));
    features.add(hash1(29, distance[k]!)); features.add(hash2(30, distance[k]!, t.pos));
    features.add(hash1(31, w[i - 3]!)); features.add(hash1(32, w[i + 3]!)); features.add(hash2(33, t.lower, w[i + 1]!)); features.add(hash2(34, w[i + 1]!, w[i + 2]!)); features.add(hash2(35, w[i - 2]!, w[i - 1]!));
    offsets[k + 1] = features.length;
  }
  return { tokens: ids, features: features.toArray(), offsets };
}
