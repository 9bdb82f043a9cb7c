// Token features for propaganda span identification (SemEval-2020 Task 11 SI): words, lemmas, POS and shapes around
// the token; quotation state; an induced lexicon of lemmas that often sit inside propaganda spans (stored in the model)
// used for the token, its neighbourhood and its sentence's "heat"; whether the lemma trigram around the token recurs in
// the document (repetition is a document-level technique); the technique the rule finder gave the token (stacking);
// words up to three tokens away and the word bigrams beside the token. One sequence is one sentence's non-space tokens.
import type { Range } from '../../../core/range.js';
import type { Sequence } from '../../../learn/chain.js';
import { hash1, hash2 } from '../../../learn/hashing.js';
import { tokenHashes, writeSharedFeatures } from '../../../learn/token-features.js';
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

/**
 * Per document token: the number of times the lemma trigram centred on it occurs in the document (capped at 9). The
 * trigram "a b c" is counted by lemma numbers rather than as a string built per word; a missing neighbour counts as the
 * lemma '', as the string key had it. A lemma with a space in it could make two trigrams one string, and too many lemmas
 * would not fit a number's 53 bits: then strings.
 */
function trigramCounts(tokens: readonly Token[]): Uint16Array {
  const words = tokens.filter((t) => !isSpace(t) && t.pos !== 'PUNCT');
  const out = new Uint16Array(tokens.length);
  const ids = new Map<string, number>([['', 0]]);
  const lemmaIds = new Float64Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const lemma = words[i]!.lemma;
    if (lemma.includes(' ')) return trigramCountsByString(tokens, words);
    let id = ids.get(lemma);
    if (id === undefined) ids.set(lemma, (id = ids.size));
    lemmaIds[i] = id;
  }
  const size = ids.size;
  if (size ** 3 > Number.MAX_SAFE_INTEGER) return trigramCountsByString(tokens, words);
  const keys = new Float64Array(words.length);
  const counts = new Map<number, number>();
  for (let i = 0; i < words.length; i++) {
    const key = ((i > 0 ? lemmaIds[i - 1]! : 0) * size + lemmaIds[i]!) * size + (i + 1 < words.length ? lemmaIds[i + 1]! : 0);
    keys[i] = key;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (let i = 0; i < words.length; i++) out[words[i]!.index] = Math.min(counts.get(keys[i]!)!, 9);
  return out;
}

function trigramCountsByString(tokens: readonly Token[], words: readonly Token[]): Uint16Array {
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

/** Padding on each side of a sentence's per-token arrays, so that neighbours up to 3 away need no bounds checks. */
const PAD = 3;

/** A sentence's per-token strings (padded with '<s>' on both sides), quotation state and heat (strong lexicon words). */
function sentenceStrings(input: SiFeatureInput, ids: Int32Array) {
  const n = ids.length;
  const words = new Array<string>(n + 2 * PAD).fill('<s>');
  const pos = words.slice();
  const lex = words.slice();
  const rule = words.slice();
  const quoted = new Uint8Array(n);
  let heat = 0;
  let inQuote = false;
  for (let k = 0; k < n; k++) {
    const t = input.tokens[ids[k]!]!;
    const bucket = input.spanLemmas.get(t.lemma);
    if (bucket === '3') heat++;
    if (OPEN.has(t.text) || (t.text === '"' && !inQuote)) inQuote = true;
    else if (CLOSE.has(t.text) || t.text === '"') inQuote = false;
    quoted[k] = inQuote ? 1 : 0;
    words[k + PAD] = t.lower;
    pos[k + PAD] = t.pos;
    lex[k + PAD] = bucket ?? '-';
    rule[k + PAD] = input.ruleTechniques[t.index] || '-';
  }
  return { words, pos, lex, rule, quoted, heat };
}

/** Sentence-wide facts: its heat (as a bucket), its end mark and its length. */
function sentenceFacts(input: SiFeatureInput, ids: Int32Array, heat: number) {
  const last = input.tokens[ids[ids.length - 1]!]!.text;
  const length = ids.length < 8 ? 'short' : ids.length < 25 ? 'mid' : 'long';
  return { heat: heat > 3 ? '3+' : String(heat), end: last === '!' || last === '?' ? last : '.', length };
}

/** Per sequence position: distance to the nearest strong lexicon word (bucket), '-' when the sentence has none. */
function lexiconDistances(lex: readonly string[]): string[] {
  const n = lex.length - 2 * PAD;
  // Distance to the nearest strong word on the left, then on the right: two passes instead of every pair.
  const nearest = new Float64Array(n).fill(Infinity);
  let last = -Infinity;
  for (let k = 0; k < n; k++) {
    if (lex[k + PAD] === '3') last = k;
    nearest[k] = k - last;
  }
  last = Infinity;
  const out = new Array<string>(n);
  for (let k = n - 1; k >= 0; k--) {
    if (nearest[k] === 0) last = k;
    out[k] = distanceBucket(Math.min(nearest[k]!, last - k));
  }
  return out;
}

function distanceBucket(d: number): string {
  return d === Infinity ? '-' : d === 0 ? '0' : d <= 2 ? '1-2' : d <= 5 ? '3-5' : d <= 10 ? '6-10' : '11+';
}

/** Two-valued features hashed once when the module loads: the same hashes, read instead of computed per token. */
const QUOTED = [hash1(22, '-'), hash1(22, 'q')] as const;
const REPEATED = { rep: hash1(23, 'rep'), '-': hash1(23, '-') } as const;

/** Features per token: every token has the same templates, so a sentence's features are sized before they are made. */
const PER_TOKEN = 35;

function featurize(input: SiFeatureInput, ids: Int32Array, repeats: Uint16Array): SiSequence {
  const { words: w, pos: p, lex, rule, quoted, heat } = sentenceStrings(input, ids);
  const facts = sentenceFacts(input, ids, heat);
  const distance = lexiconDistances(lex);
  const n = ids.length;
  const features = new Int32Array(n * PER_TOKEN);
  const offsets = new Int32Array(n + 1);
  const hashes = tokenHashes(input.tokens);
  // The sentence's facts are the same for all its tokens: hashed once per sentence.
  const heatHash = hash1(17, facts.heat);
  const end = hash1(19, facts.end);
  const length = hash1(20, facts.length);
  const where = { first: hash2(21, facts.length, 'first'), mid: hash2(21, facts.length, 'mid'), last: hash2(21, facts.length, 'last') };
  let f = 0;
  for (let k = 0; k < n; k++) {
    const i = k + PAD;
    const t = input.tokens[ids[k]!]!;
    const rep = repeats[t.index]! > 1 ? 'rep' : '-';
    const position = k === 0 ? 'first' : k === n - 1 ? 'last' : 'mid';
    f = writeSharedFeatures(hashes, ids, k, features, f); // features 0-9, shared with the attribution tagger
    features[f++] = hash2(10, p[i - 1]!, t.pos); features[f++] = hash2(11, t.pos, p[i + 1]!); features[f++] = hash2(12, w[i - 1]!, t.lower);
    features[f++] = hash1(13, lex[i]!); features[f++] = hash2(14, lex[i - 1]!, lex[i + 1]!); features[f++] = hash2(15, lex[i]!, t.pos); features[f++] = hash1(16, `${lex[i - 2]}${lex[i + 2]}`);
    features[f++] = heatHash; features[f++] = hash2(18, facts.heat, lex[i]!); features[f++] = end; features[f++] = length; features[f++] = where[position];
    features[f++] = QUOTED[quoted[k]!]!; features[f++] = REPEATED[rep]; features[f++] = hash2(24, rep, t.pos);
    features[f++] = hash1(25, rule[i]!); features[f++] = hash2(26, rule[i - 1]!, rule[i + 1]!); features[f++] = hash2(27, rule[i]!, lex[i]!);
    features[f++] = hash1(29, distance[k]!); features[f++] = hash2(30, distance[k]!, t.pos);
    features[f++] = hash1(31, w[i - 3]!); features[f++] = hash1(32, w[i + 3]!); features[f++] = hash2(33, t.lower, w[i + 1]!); features[f++] = hash2(34, w[i + 1]!, w[i + 2]!); features[f++] = hash2(35, w[i - 2]!, w[i - 1]!);
    offsets[k + 1] = f;
  }
  return { tokens: ids, features, offsets };
}
