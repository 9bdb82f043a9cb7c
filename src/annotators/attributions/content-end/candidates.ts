// Where a content that follows its cue ends: every word from the content's first token to the end of the sentence its
// current end lies in is a candidate end, described by hashed features (the words after it, whether another
// attribution starts there, a verb after 'and'/'but' in the cue's form or the content's, quotation state, length, ...).
// The trained ranker of ranker.ts picks one (issue 15: "content that ends too early or too late").
import { rangeAt, type Range } from '../../../core/range.js';
import { hash1 } from '../../../learn/hashing.js';
import { distanceBucket } from '../../../learn/token-features.js';
import { isWhitespaceToken, tokenAt, type Token } from '../../../nlp/tokens.js';

/** One attribution whose content end is decided, with what the features read of it. */
export interface EndQuestion {
  readonly cue: Range;
  readonly source?: Range;
  readonly content: Range;
  /** Whether the rules found it ('rule') or the tagger ('tagger'). */
  readonly origin: 'rule' | 'tagger';
}

/** Hashed features per candidate end. */
export const FEATURES_PER_END = 33;

/**
 * The candidate ends of one content: the character offsets the content would end at, their features (FEATURES_PER_END
 * per candidate, one flat array) and the index of the content's current end among them.
 */
export interface EndCandidates {
  readonly question: EndQuestion;
  readonly ends: readonly number[];
  readonly features: Int32Array;
  readonly current: number;
}

/** What every question of a document shares: tokens, sentences and where attributions' cues and sources start. */
export interface EndContext {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Range[];
  /** Per token, how many attributions' cues or sources start at it. */
  readonly starts: Int32Array;
}

/** At most this many tokens of a content are candidates (a sentence of thousands of words stays linear). */
const MAX_TOKENS = 150;

const FINAL = new Set(['.', '!', '?', ';', '…']);
const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'PUNCT', 'ADV']);
const OPEN_QUOTES = new Set(['“', '‘', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);
const COORDINATORS = new Set(['and', 'but', 'or', 'yet']);
const SUBORDINATORS = new Set(['after', 'before', 'since', 'while', 'although', 'though', 'when', 'if', 'as', 'because', 'until', 'once', 'whereas', 'despite', 'even']);

/** A function word as itself, any other word as its POS. */
const wordOf = (t: Token | undefined) => (!t ? '<end>' : FUNCTION_POS.has(t.pos) ? t.lower : t.pos);
/** A verb's form by its ending: -ing, past (-ed or a lemma that differs), -s, base. */
const formOf = (t: Token | undefined) => (!t ? '-' : /ing$/.test(t.lower) ? 'ing' : /ed$/.test(t.lower) || (t.lemma !== t.lower && !/s$/.test(t.lower)) ? 'past' : /s$/.test(t.lower) ? 's' : 'base');
const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';

/** Per token, how many of the ranges (cues and sources) start at it. */
export function startCounts(tokens: readonly Token[], ranges: readonly (Range | undefined)[]): Int32Array {
  const counts = new Int32Array(tokens.length);
  for (const r of ranges) if (r && r.end > r.start) counts[tokenAt(tokens, r.start)]!++;
  return counts;
}

/** The lemma of a cue's last word. */
function cueLemma(tokens: readonly Token[], cue: Range): string {
  for (let i = tokenAt(tokens, cue.end - 1); i >= 0 && tokens[i]!.start >= cue.start; i--) if (tokens[i]!.pos !== 'PUNCT' && !isWhitespaceToken(tokens[i]!)) return tokens[i]!.lemma;
  return '';
}

/** The form of the cue's last verb ('none' without one). */
function cueForm(tokens: readonly Token[], cue: Range): string {
  for (let i = tokenAt(tokens, cue.end - 1); i >= 0 && tokens[i]!.start >= cue.start; i--) if (isVerb(tokens[i]!)) return formOf(tokens[i]);
  return 'none';
}

/** A subordinator in the first words of the sentence before the source and cue ("After X claimed that ..., Y did"). */
function fronted(tokens: readonly Token[], sentStart: number, q: EndQuestion): boolean {
  const before = Math.min(tokenAt(tokens, q.cue.start), q.source ? tokenAt(tokens, q.source.start) : tokens.length);
  for (let k = sentStart; k < before && k < sentStart + 4; k++) if (SUBORDINATORS.has(tokens[k]!.lower) && (tokens[k]!.pos === 'SCONJ' || tokens[k]!.pos === 'ADP')) return true;
  return false;
}

/**
 * The token that closes the quotation the content opens (its first word is `first`): the next straight quote after a
 * straight one, the matching ” after “ (nested “…” skipped); `to + 1` when none does by `to` or the mark is ‘ (an
 * apostrophe may close nothing).
 */
function closingMark(tokens: readonly Token[], first: number, to: number): number {
  let k = first - 1;
  while (k >= 0 && isWhitespaceToken(tokens[k]!)) k--;
  const open = tokens[k]?.text;
  let depth = 0;
  for (let i = first; i <= to; i++) {
    const t = tokens[i]!.text;
    if (open === '"' && t === '"') return i;
    if (open !== '“') continue;
    if (t === '“') depth++;
    else if (t === '”' && depth-- === 0) return i;
  }
  return to + 1;
}

/** The word that opens the content: 'that', a quotation mark, a punctuation mark or the POS of the word before it. */
function openerOf(tokens: readonly Token[], first: number): string {
  let k = first - 1;
  while (k >= 0 && isWhitespaceToken(tokens[k]!)) k--;
  const t = tokens[k];
  if (!t) return '<s>';
  if (t.lower === 'that') return 'that';
  if (OPEN_QUOTES.has(t.text) || t.text === '"') return 'quote';
  return t.pos === 'PUNCT' ? t.text : t.pos;
}

/** The candidate ends of a content that follows its cue; undefined for a content before its cue or with no words. */
export function endCandidates(ctx: EndContext, q: EndQuestion): EndCandidates | undefined {
  const { tokens } = ctx;
  if (q.content.start < q.cue.end || q.content.end <= q.content.start) return undefined;
  let a = tokenAt(tokens, q.content.start);
  while (a < tokens.length && isWhitespaceToken(tokens[a]!)) a++;
  let cur = tokenAt(tokens, q.content.end - 1);
  while (cur > a && isWhitespaceToken(tokens[cur]!)) cur--;
  // A content longer than MAX_TOKENS is left as found (linear time).
  if (a >= tokens.length || cur < a || cur - a > MAX_TOKENS) return undefined;
  const s = rangeAt(ctx.sentences, tokens[cur]!.start);
  const sentEnd = s >= 0 ? ctx.sentences[s]!.end : tokens[cur]!.end;
  let last = tokenAt(tokens, sentEnd - 1);
  while (last > cur && (isWhitespaceToken(tokens[last]!) || FINAL.has(tokens[last]!.text) || tokens[last]!.start >= sentEnd)) last--;
  last = Math.min(Math.max(last, cur), Math.max(cur, a + MAX_TOKENS));
  const opener = openerOf(tokens, a);
  // A quotation ends at its closing mark at the latest.
  if (opener === 'quote') last = Math.max(cur, Math.min(last, closingMark(tokens, a, last) - 1));
  const lemma = cueLemma(tokens, q.cue);
  const isFronted = fronted(tokens, s >= 0 ? tokenAt(tokens, ctx.sentences[s]!.start) : 0, q);
  const hashes = { opener: H(opener), lemma: H(lemma), origin: H(q.origin), fronted: isFronted ? FRONTED : DASH };
  const scan: Scan = { ctx, q, a, cur, last, opener, lemma, cueForm: cueForm(tokens, q.cue), fronted: isFronted, hashes };
  return withOwnStartsLeftOut(ctx, q, () => candidatesOf(scan));
}

/** Runs `f` with the question's own cue and source taken out of the start counts. */
function withOwnStartsLeftOut<T>(ctx: EndContext, q: EndQuestion, f: () => T): T {
  const own = [q.cue, q.source].filter((r): r is Range => r !== undefined && r.end > r.start).map((r) => tokenAt(ctx.tokens, r.start));
  for (const i of own) ctx.starts[i]!--;
  try {
    return f();
  } finally {
    for (const i of own) ctx.starts[i]!++;
  }
}

interface Scan {
  readonly ctx: EndContext;
  readonly q: EndQuestion;
  readonly a: number;
  readonly cur: number;
  readonly last: number;
  readonly opener: string;
  readonly lemma: string;
  readonly cueForm: string;
  readonly fronted: boolean;
  /** Hashes of what is fixed for the whole content. */
  readonly hashes: { readonly opener: number; readonly lemma: number; readonly origin: number; readonly fronted: number };
}

function candidatesOf(scan: Scan): EndCandidates {
  const { ctx, a, cur, last } = scan;
  const { tokens } = ctx;
  const ahead = lookAhead(scan);
  const ends: number[] = [];
  const features = new Int32Array(ahead.words.length * FEATURES_PER_END);
  let current = -1;
  const state = { verbs: 0, quote: 0, cuesIn: 0, length: 0, contentForm: '' };
  for (let j = 0; j < ahead.words.length && ahead.words[j]! <= last; j++) {
    const i = ahead.words[j]!;
    const t = tokens[i]!;
    state.length++;
    if (isVerb(t)) {
      state.verbs++;
      if (!state.contentForm) state.contentForm = formOf(t);
    }
    if (OPEN_QUOTES.has(t.text)) state.quote++;
    if (CLOSE_QUOTES.has(t.text) && state.quote > 0) state.quote--;
    if (ahead.starts[j] && i > a) state.cuesIn++;
    if (t.pos === 'PUNCT' && i !== cur && i !== last) continue;
    if (i === cur) current = ends.length;
    featuresAt(scan, j, state, ahead, features, ends.length * FEATURES_PER_END);
    ends.push(t.end);
  }
  return { question: scan.q, ends, features: features.slice(0, ends.length * FEATURES_PER_END), current };
}

/** The content's words (token indices, then up to three past its last candidate) with what lies ahead of each. */
interface Ahead {
  readonly words: Int32Array;
  /** Whether an attribution's cue or source starts at the word (inside the candidate range only). */
  readonly starts: Uint8Array;
  /** Whether a verb comes at or after the word before the next comma (inside the range). */
  readonly verbFrom: Uint8Array;
  /** Words from this one to the next start (-1: none in the range). */
  readonly toStart: Int32Array;
  /** Hashes of each word as the features name it (a function word itself, another its POS) and of its POS. */
  readonly wordHash: Int32Array;
  readonly posHash: Int32Array;
}

function lookAhead(scan: Scan): Ahead {
  const { tokens } = scan.ctx;
  const list: number[] = [];
  let extra = 0;
  for (let i = scan.a; i < tokens.length && extra < 3; i++) {
    if (isWhitespaceToken(tokens[i]!)) continue;
    list.push(i);
    if (i > scan.last) extra++;
  }
  const words = Int32Array.from(list);
  const n = words.length;
  const starts = new Uint8Array(n);
  const verbFrom = new Uint8Array(n + 1);
  const toStart = new Int32Array(n + 1).fill(-1);
  const wordHash = new Int32Array(n);
  const posHash = new Int32Array(n);
  for (let j = n - 1; j >= 0; j--) {
    const i = words[j]!;
    wordHash[j] = H(wordOf(tokens[i]));
    posHash[j] = H(tokens[i]!.pos);
    if (i > scan.last) continue;
    starts[j] = scan.ctx.starts[i]! > 0 ? 1 : 0;
    verbFrom[j] = isVerb(tokens[i]!) ? 1 : tokens[i]!.text === ',' ? 0 : verbFrom[j + 1]!;
    toStart[j] = starts[j] ? 0 : toStart[j + 1]! < 0 ? -1 : toStart[j + 1]! + 1;
  }
  return { words, starts, verbFrom, toStart, wordHash, posHash };
}

/** A string's hash (FNV-1a of learn/hashing.ts), remembered for the few strings the features name (POS, function words). */
const remembered = new Map<string, number>();
const MAX_REMEMBERED = 20_000;
function H(s: string): number {
  let h = remembered.get(s);
  if (h === undefined) {
    h = hash1(0, s) | 0;
    if (remembered.size < MAX_REMEMBERED) remembered.set(s, h);
  }
  return h;
}
const REL = { cur: H('cur'), before: H('before'), after: H('after') };
const [LAST, NOT_LAST, DASH, END] = [H('last'), H('notlast'), H('-'), H('<end>')];
const [ATT_AFTER, NO_ATT_AFTER, NO_NEXT_ATT] = [H('attAfter'), H('noAttAfter'), H('noNextAtt')];
const CUES_IN = [H('cuesIn0'), H('cuesIn1'), H('cuesIn2')];
const QUOTE = [H('q0|-'), H('q0|closeNext'), H('q1|-'), H('q1|closeNext')];
const [CLAUSE, NO_CLAUSE, REST_VERB, REST_NO_VERB, FRONTED] = [H('clause'), H('noclause'), H('restVerb'), H('restNoVerb'), H('fronted')];
const BUCKETS = new Map(['1', '2', '3', '4-6', '7-12', '13+', '0'].map((b) => [b, H(b)]));
const bucket = (d: number) => BUCKETS.get(distanceBucket(d))!;

/** A feature: template and one or two values, mixed into 32 bits (murmur3's finaliser). */
function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The features of ending the content at its `j`th word, written into `f` from offset `o`. */
function featuresAt(scan: Scan, j: number, state: { verbs: number; quote: number; cuesIn: number; length: number; contentForm: string }, ahead: Ahead, f: Int32Array, o: number): void {
  const { tokens } = scan.ctx;
  const { cur, last } = scan;
  const { words } = ahead;
  const i = words[j]!;
  const in1 = j + 1 < words.length && words[j + 1]! <= last;
  const in2 = j + 2 < words.length && words[j + 2]! <= last;
  const nt = in1 ? tokens[words[j + 1]!] : undefined;
  let attAfter = false;
  for (let k = 1; k <= 3 && j + k < words.length; k++) if (ahead.starts[j + k] === 1) attAfter = true;
  const rel = i === cur ? REL.cur : i < cur ? REL.before : REL.after;
  const last_ = i === last ? LAST : DASH;
  const nw = in1 ? ahead.wordHash[j + 1]! : END;
  const nw2 = in2 ? ahead.wordHash[j + 2]! : END;
  const np = in1 ? ahead.posHash[j + 1]! : END;
  const clause = state.verbs > 0 ? CLAUSE : NO_CLAUSE;
  // A verb after the next word before a comma, or the next word itself a verb.
  const restVerb = nt !== undefined && (isVerb(nt) || ahead.verbFrom[j + 2] === 1);
  const rest = restVerb ? REST_VERB : REST_NO_VERB;
  const coordination = coordinatedVerb(j, words, tokens, last, scan.cueForm, state.contentForm);
  const nextAtt = nt === undefined ? -1 : ahead.toStart[j + 1]!;
  const next = nextAtt < 0 ? NO_NEXT_ATT : bucket(nextAtt);
  const { opener: op, lemma, origin, fronted } = scan.hashes;
  const quote = QUOTE[Math.min(state.quote, 1) * 2 + (nt && CLOSE_QUOTES.has(nt.text) ? 1 : 0)]!;
  f[o + 0] = mix(1, rel);
  f[o + 1] = mix(2, i === last ? LAST : NOT_LAST);
  f[o + 2] = mix(3, rel, last_);
  f[o + 3] = mix(4, np);
  f[o + 4] = mix(5, nw);
  f[o + 5] = mix(6, nw, nw2);
  f[o + 6] = mix(7, ahead.posHash[j]!, np);
  f[o + 7] = mix(8, ahead.wordHash[j]!);
  f[o + 8] = mix(9, rel, nw);
  f[o + 9] = mix(10, attAfter ? ATT_AFTER : NO_ATT_AFTER);
  f[o + 10] = mix(11, attAfter ? ATT_AFTER : DASH, nw);
  f[o + 11] = mix(12, CUES_IN[Math.min(state.cuesIn, 2)]!);
  f[o + 12] = mix(13, bucket(state.length));
  f[o + 13] = mix(14, quote);
  f[o + 14] = mix(15, clause);
  f[o + 15] = mix(16, clause, nw);
  f[o + 16] = mix(17, rest);
  f[o + 17] = mix(18, restVerb ? REST_VERB : DASH, nw);
  f[o + 18] = mix(19, op, nw);
  f[o + 19] = mix(20, op, rel);
  f[o + 20] = mix(21, lemma, np);
  f[o + 21] = mix(22, op, last_);
  f[o + 22] = mix(23, rel, np);
  f[o + 23] = mix(24, mix(0, op, clause), last_);
  f[o + 24] = mix(25, coordination);
  f[o + 25] = mix(26, coordination, rel);
  f[o + 26] = mix(27, fronted, nw);
  f[o + 27] = mix(28, fronted, mix(0, rest, nw));
  f[o + 28] = mix(29, next);
  f[o + 29] = mix(30, next, nw);
  f[o + 30] = mix(31, origin, rel);
  f[o + 31] = mix(32, origin, nw);
  f[o + 32] = mix(33, origin, mix(0, rel, last_));
}

/** After ', and' / 'but': a verb in the cue's form, the content's form, both or neither, or the POS of what follows (hashed). */
function coordinatedVerb(j: number, words: Int32Array, tokens: readonly Token[], last: number, cueForm: string, contentForm: string): number {
  let k = j + 1;
  if (k < words.length && words[k]! <= last && tokens[words[k]!]!.text === ',') k++;
  if (k >= words.length || words[k]! > last || !COORDINATORS.has(tokens[words[k]!]!.lower)) return DASH;
  if (k + 1 >= words.length || words[k + 1]! > last) return H('end');
  const vt = tokens[words[k + 1]!]!;
  if (!isVerb(vt)) return H(vt.pos);
  return H(`v:${formOf(vt) === cueForm ? 'cue' : ''}${formOf(vt) === contentForm ? 'content' : ''}`);
}
