// Token features for the attribution tagger: words, lemmas and POS around the token, quotation state, the distance
// and lemma of the nearest cue candidate on each side within the sentence (cue lemmas are induced from the training
// data and stored in the model), and the role the rule-based finder gave the token (stacking: the tagger learns when
// the rules are right and what they miss). One sequence is one paragraph's non-space tokens.
import type { Range } from '../../../core/range.js';
import { hash1, hash2, hashMore } from '../../../learn/hashing.js';
import type { Sequence } from '../../../learn/chain.js';
import { distanceBucket, tokenHashes, writeSharedFeatures, type TokenHashes } from '../../../learn/token-features.js';
import { isWhitespaceToken, tokenAt, type Token } from '../../../nlp/tokens.js';

/** Role of a token in a rule-found attribution: 0 none, 1 source, 2 cue, 3 content. */
export type RuleRole = 0 | 1 | 2 | 3;
const ROLE_NAMES = ['-', 'S', 'C', 'T'] as const;

/** The tokens of one sequence (indices into the document's tokens) with their features. */
export interface TaggedSequence extends Sequence {
  readonly tokens: Int32Array;
}

/** What the features are computed from. */
export interface FeatureInput {
  readonly tokens: readonly Token[];
  readonly paragraphs: readonly Range[];
  readonly sentences: readonly Range[];
  /** Per document token: the role the rules gave it. */
  readonly ruleRoles: Uint8Array;
  /** Lemmas that often head a cue (induced from training data). */
  readonly cueLemmas: ReadonlySet<string>;
}

const OPEN = new Set(['“', '‘', '«', '„']);
const CLOSE = new Set(['”', '»']);

const isSpace = isWhitespaceToken;

/** The non-space token indices of each paragraph. */
function paragraphTokens(tokens: readonly Token[], paragraphs: readonly Range[]): Int32Array[] {
  const out: Int32Array[] = [];
  for (const p of paragraphs) {
    const ids: number[] = [];
    for (let i = tokenAt(tokens, p.start); i < tokens.length && tokens[i]!.start < p.end; i++) if (!isSpace(tokens[i]!)) ids.push(i);
    if (ids.length) out.push(Int32Array.from(ids));
  }
  return out;
}

/** Per token: the sentence it is in (index into `sentences`), -1 outside every sentence. */
export function sentenceIds(tokens: readonly Token[], sentences: readonly Range[]): Int32Array {
  const ids = new Int32Array(tokens.length).fill(-1);
  sentences.forEach((s, k) => {
    for (let i = tokenAt(tokens, s.start); i < tokens.length && tokens[i]!.start < s.end; i++) ids[i] = k;
  });
  return ids;
}

/** The sequences of a document with their features, one paragraph at a time (only one paragraph's features live at once); `keep` skips paragraphs. */
export function* buildSequences(input: FeatureInput, sentenceOf: Int32Array = sentenceIds(input.tokens, input.sentences), keep: (ids: Int32Array) => boolean = () => true): Generator<TaggedSequence> {
  for (const ids of paragraphTokens(input.tokens, input.paragraphs)) if (keep(ids)) yield featurize(input, ids, sentenceOf);
}

interface Context {
  readonly input: FeatureInput;
  readonly ids: Int32Array;
  readonly sentenceOf: Int32Array;
  readonly quoted: Uint8Array;
  readonly sentPos: Int32Array;
  readonly leftCue: Int32Array;
  readonly rightCue: Int32Array;
  readonly padded: ReturnType<typeof padded>;
  readonly hashes: TokenHashes;
}

/** At most this many features per token: 21, then 1 or 4 for the nearest cue on each side, then 5. */
const MAX_PER_TOKEN = 21 + 2 * 4 + 5;

function featurize(input: FeatureInput, ids: Int32Array, sentenceOf: Int32Array): TaggedSequence {
  const ctx = context(input, ids, sentenceOf);
  const features = new Int32Array(ids.length * MAX_PER_TOKEN);
  const offsets = new Int32Array(ids.length + 1);
  let f = 0;
  for (let k = 0; k < ids.length; k++) {
    f = tokenFeatures(ctx, k, features, f);
    offsets[k + 1] = f;
  }
  return { tokens: ids, features: f === features.length ? features : features.slice(0, f), offsets };
}

/** Quotation state, position in sentence and nearest cue candidates, in two linear passes. */
function context(input: FeatureInput, ids: Int32Array, sentenceOf: Int32Array): Context {
  const n = ids.length;
  const quoted = new Uint8Array(n);
  const sentPos = new Int32Array(n);
  const leftCue = new Int32Array(n).fill(-1);
  const rightCue = new Int32Array(n).fill(-1);
  let inQuote = false;
  let lastCue = -1;
  for (let k = 0; k < n; k++) {
    const t = input.tokens[ids[k]!]!;
    const sameSentence = k > 0 && sentenceOf[ids[k]!] === sentenceOf[ids[k - 1]!];
    sentPos[k] = sameSentence ? sentPos[k - 1]! + 1 : 0;
    if (!sameSentence) lastCue = -1;
    if (OPEN.has(t.text) || (t.text === '"' && !inQuote)) inQuote = true;
    else if (CLOSE.has(t.text) || t.text === '"') inQuote = false;
    quoted[k] = inQuote ? 1 : 0;
    leftCue[k] = lastCue;
    if (input.cueLemmas.has(t.lemma)) lastCue = k;
  }
  let nextCue = -1;
  for (let k = n - 1; k >= 0; k--) {
    if (k < n - 1 && sentenceOf[ids[k]!] !== sentenceOf[ids[k + 1]!]) nextCue = -1;
    rightCue[k] = nextCue;
    if (input.cueLemmas.has(input.tokens[ids[k]!]!.lemma)) nextCue = k;
  }
  return { input, ids, sentenceOf, quoted, sentPos, leftCue, rightCue, padded: padded(input, ids), hashes: tokenHashes(input.tokens) };
}

/** Padding on each side of a paragraph's per-token arrays, so that neighbours up to 2 away need no bounds checks. */
const PAD = 2;

/** A paragraph's words, lemmas, POS tags and rule roles, padded with '<s>' on both sides. */
function padded(input: FeatureInput, ids: Int32Array) {
  const fill = () => new Array<string>(ids.length + 2 * PAD).fill('<s>');
  const words = fill();
  const lemmas = fill();
  const pos = fill();
  const roles = new Uint8Array(ids.length + 2 * PAD).fill(PAD_ROLE);
  const posIds = new Int32Array(ids.length + 2 * PAD).fill(PAD_POS);
  ids.forEach((id, k) => {
    const t = input.tokens[id]!;
    words[k + PAD] = t.lower;
    lemmas[k + PAD] = t.lemma;
    pos[k + PAD] = t.pos;
    roles[k + PAD] = input.ruleRoles[id]!;
    posIds[k + PAD] = posIdOf(t.pos);
  });
  return { words, lemmas, pos, roles, posIds };
}

/**
 * The POS features (templates 10-15, 19 and 32) hash a tag or two, alone or with the quotation flag or the rule role:
 * a handful of strings. Tags are numbered as they are first seen (up to POS_CAP; a tag past that, never seen in
 * practice, is hashed as before), and each feature's hash is kept in a table by number once made: the same hashes,
 * read instead of computed per token.
 */
const POS_CAP = 64;
const POS_IDS = new Map<string, number>();
const POS_NAMES: string[] = [];
function posIdOf(pos: string): number {
  let id = POS_IDS.get(pos);
  if (id === undefined) {
    if (POS_NAMES.length >= POS_CAP) return -1;
    id = POS_NAMES.length;
    POS_IDS.set(pos, id);
    POS_NAMES.push(pos);
  }
  return id;
}
const PAD_POS = posIdOf('<s>');

/** A feature's hash over a pair of numbers (the first below `rows`, the second a tag number), made by `make` on first use. */
class PairTable {
  private readonly values: Int32Array;
  private readonly made: Uint8Array;
  constructor(
    rows: number,
    private readonly make: (a: number, b: number) => number,
  ) {
    this.values = new Int32Array(rows * POS_CAP);
    this.made = new Uint8Array(rows * POS_CAP);
  }
  get(a: number, b: number): number {
    const k = a * POS_CAP + b;
    if (this.made[k] === 0) {
      this.values[k] = this.make(a, b);
      this.made[k] = 1;
    }
    return this.values[k]!;
  }
}

const tag = (id: number) => POS_NAMES[id]!;
const POS_BEFORE = new PairTable(1, (_, b) => hash1(10, tag(b)));
const POS_AFTER = new PairTable(1, (_, b) => hash1(11, tag(b)));
const POS_PAIR_12 = new PairTable(POS_CAP, (a, b) => hash2(12, tag(a), tag(b)));
const POS_PAIR_13 = new PairTable(POS_CAP, (a, b) => hash2(13, tag(a), tag(b)));
const POS_PAIR_14 = new PairTable(POS_CAP, (a, b) => hash2(14, tag(a), tag(b)));
const POS_PAIR_15 = new PairTable(POS_CAP, (a, b) => hash2(15, tag(a), tag(b)));
/** By quotation flag (0 '-', 1 'q') and tag. */
const QUOTE_POS = new PairTable(2, (q, b) => hash2(19, q ? 'q' : '-', tag(b)));
/** By rule role (ROLE_STRINGS' index) and tag. */
const ROLE_POS = new PairTable(5, (r, b) => hash2(32, ROLE_STRINGS[r]!, tag(b)));

/**
 * Features over values from a handful of strings (quotation flag, cue flag, side, sentence position, rule roles with
 * the padding), hashed once when the module loads instead of once per token: the same hashes, read from tables.
 */
const PAD_ROLE = 4;
const ROLE_STRINGS = [...ROLE_NAMES, '<s>'];
const QUOTED = { q: hash1(18, 'q'), '-': hash1(18, '-') } as const;
const CUE_FLAG = [hash1(20, '-'), hash1(20, 'cue')] as const;
const NO_CUE = { L: hash1(21, 'L'), R: hash1(21, 'R') } as const;
const SENTENCE_POSITION = ['0', '1', '2', '3', '4+'].map((v) => hash1(30, v));
const ROLE = ROLE_STRINGS.map((r) => hash1(31, r));
const ROLE_PAIRS = (template: number) => Int32Array.from({ length: 25 }, (_, k) => hash2(template, ROLE_STRINGS[Math.floor(k / 5)]!, ROLE_STRINGS[k % 5]!));
const ROLE_BEFORE = ROLE_PAIRS(33);
const ROLE_AFTER = ROLE_PAIRS(34);

/** Writes token k's features into `out` from `f` on; returns where they end. */
function tokenFeatures(ctx: Context, k: number, out: Int32Array, f: number): number {
  const { input, ids } = ctx;
  const { words: w, lemmas, pos: p, roles: role } = ctx.padded; // features 0-9 come from the shared token hashes
  const i = k + PAD;
  const t = input.tokens[ids[k]!]!;
  f = writeSharedFeatures(ctx.hashes, ids, k, out, f);
  const ti = ctx.padded.posIds;
  const b2 = ti[i - 2]!, b1 = ti[i - 1]!, a0 = ti[i]!, c1 = ti[i + 1]!, c2 = ti[i + 2]!;
  const numbered = b2 >= 0 && b1 >= 0 && a0 >= 0 && c1 >= 0 && c2 >= 0;
  if (numbered) {
    out[f++] = POS_BEFORE.get(0, b1); out[f++] = POS_AFTER.get(0, c1); out[f++] = POS_PAIR_12.get(b2, b1); out[f++] = POS_PAIR_13.get(c1, c2); out[f++] = POS_PAIR_14.get(b1, a0); out[f++] = POS_PAIR_15.get(a0, c1);
  } else {
    out[f++] = hash1(10, p[i - 1]!); out[f++] = hash1(11, p[i + 1]!); out[f++] = hash2(12, p[i - 2]!, p[i - 1]!); out[f++] = hash2(13, p[i + 1]!, p[i + 2]!); out[f++] = hash2(14, p[i - 1]!, t.pos); out[f++] = hash2(15, t.pos, p[i + 1]!);
  }
  out[f++] = hash2(16, lemmas[i - 1]!, t.lemma); out[f++] = hash2(17, t.lemma, w[i + 1]!);
  const q = ctx.quoted[k] ? 'q' : '-';
  out[f++] = QUOTED[q]; out[f++] = numbered ? QUOTE_POS.get(ctx.quoted[k] ? 1 : 0, a0) : hash2(19, q, t.pos); out[f++] = CUE_FLAG[input.cueLemmas.has(t.lemma) ? 1 : 0];
  f = cueFeatures(ctx, k, 'L', ctx.leftCue[k]!, t, out, f);
  f = cueFeatures(ctx, k, 'R', ctx.rightCue[k]!, t, out, f);
  out[f++] = SENTENCE_POSITION[Math.min(ctx.sentPos[k]!, 4)]!;
  const r = role[i]!;
  out[f++] = ROLE[r]!; out[f++] = numbered ? ROLE_POS.get(r, a0) : hash2(32, ROLE_STRINGS[r]!, t.pos); out[f++] = ROLE_BEFORE[role[i - 1]! * 5 + r]!; out[f++] = ROLE_AFTER[r * 5 + role[i + 1]!]!;
  return f;
}

/** Where the nearest cue candidate on one side is, and which lemma it has, alone and with this token's POS. */
function cueFeatures(ctx: Context, k: number, side: 'L' | 'R', at: number, t: Token, out: Int32Array, f: number): number {
  if (at < 0) {
    out[f++] = NO_CUE[side];
    return f;
  }
  const cue = ctx.input.tokens[ctx.ids[at]!]!;
  const d = distanceBucket(Math.abs(at - k));
  out[f++] = hash2(22, side, d); out[f++] = hash2(23, side, cue.lemma); out[f++] = hashMore(hash2(24, side, d), t.pos); out[f++] = hashMore(hash2(25, side, cue.lemma), t.pos);
  return f;
}
