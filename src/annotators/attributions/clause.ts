import type { Range } from '../../core/range.js';
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Lexicon } from './lexicon.js';
import type { Span } from './noun-phrase.js';

const OPEN_QUOTES = new Set(['“', '‘', '«', '„']);
const CLOSE_QUOTES = new Set(['”', '’', '»']);
const FINAL = new Set(['.', '!', '?', ';', '…']);

/** True for an opening quotation mark; a straight quote counts when an even number of them precede it in the sentence. */
export function isOpenQuote(tokens: readonly Token[], i: number, sent: Span): boolean {
  // Callers look one token ahead ("said, “…"): past the last token there is no quotation to open.
  if (i >= tokens.length) return false;
  const t = tokens[i]!.text;
  if (OPEN_QUOTES.has(t)) return true;
  return t === '"' && straightQuotesBefore(tokens, i, sent) % 2 === 0;
}

/** True for a closing quotation mark. */
export function isCloseQuote(tokens: readonly Token[], i: number, sent: Span): boolean {
  const t = tokens[i]!.text;
  if (CLOSE_QUOTES.has(t)) return true;
  return t === '"' && straightQuotesBefore(tokens, i, sent) % 2 === 1;
}

/** Per token list, the number of straight quotes before each token, counted once (counting per call was quadratic). */
const quoteCounts = new WeakMap<readonly Token[], Int32Array>();

function straightQuotesBefore(tokens: readonly Token[], i: number, sent: Span): number {
  let counts = quoteCounts.get(tokens);
  if (!counts) {
    counts = new Int32Array(tokens.length + 1);
    for (let j = 0; j < tokens.length; j++) counts[j + 1] = counts[j]! + (tokens[j]!.text === '"' ? 1 : 0);
    quoteCounts.set(tokens, counts);
  }
  return i <= sent.first ? 0 : counts[Math.min(i, tokens.length)]! - counts[sent.first]!;
}

/** True for a whitespace token (wink keeps line breaks inside a sentence as tokens). */
export function isSpace(t: Token | undefined): boolean {
  return t !== undefined && isWhitespaceToken(t);
}

/** The first token of a sentence's main clause: after line breaks and a leading discourse marker with its comma. */
export function clauseStartOf(tokens: readonly Token[], sent: Span, lex: Lexicon): number {
  let first = sent.first;
  while (first < sent.end - 1 && isSpace(tokens[first])) first++;
  const marker = lex.discourseMarkers.matchAt(tokens, first, sent.end);
  if (marker && tokens[marker.end]?.text === ',') return marker.end + 1;
  return first;
}

/** The last token index (exclusive) of a sentence without its final punctuation. */
export function contentEnd(tokens: readonly Token[], sent: Span): number {
  let end = sent.end;
  while (end > sent.first && (FINAL.has(tokens[end - 1]!.text) || isSpace(tokens[end - 1]))) end--;
  return end;
}

/**
 * A cue and its content as reported: a complementiser the finders read with the verb ("said that") opens the content
 * instead, as PolNeAR marks it (issue 15; in PolNeAR train a "that" right after a cue lies outside it 1,689 times and
 * inside it 11). The finders keep it in the cue, and so do the tagger's stacked roles (at run time and in training);
 * only the annotation reports the split.
 */
export function reportedSplit(tokens: readonly Token[], cue: Span, content: Range): { cue: Span; content: Range } {
  let last = cue.end - 1;
  while (last > cue.first && isSpace(tokens[last])) last--;
  const that = tokens[last]!;
  if (that.lower !== 'that' || last === cue.first || content.start < that.end || content.end <= content.start) return { cue, content };
  return { cue: { first: cue.first, end: last }, content: { start: that.start, end: content.end } };
}

/** The character range of tokens `[first, end)`; undefined when empty. */
export function charRange(tokens: readonly Token[], first: number, end: number): Range | undefined {
  while (first < end && isSpace(tokens[first])) first++;
  while (end > first && isSpace(tokens[end - 1])) end--;
  if (end <= first) return undefined;
  return { start: tokens[first]!.start, end: tokens[end - 1]!.end };
}

/** Content from token `from` to the end of the sentence (final punctuation left out). */
export function contentAfter(tokens: readonly Token[], from: number, sent: Span): Range | undefined {
  return charRange(tokens, from, contentEnd(tokens, sent));
}

/** The words of the quotation opened at token `open`, without the marks and a trailing comma. */
export function quotationFrom(tokens: readonly Token[], open: number, sent: Span): Range | undefined {
  let close = open + 1;
  while (close < sent.end && !isCloseQuote(tokens, close, sent)) close++;
  return trimComma(tokens, open + 1, close);
}

/** Content before a comma (or closing quote) at token `stop`, back to the clause start or the opening quote. */
export function contentBefore(tokens: readonly Token[], stop: number, clauseStart: number, sent: Span): Range | undefined {
  if (isCloseQuote(tokens, stop, sent)) {
    let open = stop - 1;
    while (open >= clauseStart && !isOpenQuote(tokens, open, sent)) open--;
    return trimComma(tokens, Math.max(open + 1, clauseStart), stop);
  }
  return trimComma(tokens, clauseStart, stop);
}

function trimComma(tokens: readonly Token[], first: number, end: number): Range | undefined {
  while (end > first && (tokens[end - 1]!.text === ',' || tokens[end - 1]!.text === ':')) end--;
  return charRange(tokens, first, end);
}

/** True when tokens `[from, to)` hold a verb or auxiliary, i.e. look like a clause. */
export function hasVerb(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if ((tokens[i]!.pos === 'VERB' && !inName(tokens, i)) || tokens[i]!.pos === 'AUX') return true;
  return false;
}

/**
 * A capitalised word wink tags as a verb right after a name word ("the Weymere Echo", "Radio Free Cove") or a name's
 * possessive ("NBC's Meet the Press") is part of the name.
 */
function inName(tokens: readonly Token[], i: number): boolean {
  if (i === 0 || !/^\p{Lu}/u.test(tokens[i]!.text)) return false;
  const before = tokens[i - 1]!;
  return before.pos === 'PROPN' || (/^['’]s$/.test(before.text) && tokens[i - 2]?.pos === 'PROPN');
}

/** One sentence being scanned: its tokens, its main clause start and the lexicon. */
export interface Scan {
  readonly tokens: readonly Token[];
  readonly sent: Span;
  /** First token after a leading discourse marker. */
  readonly clause: number;
  readonly lex: Lexicon;
}

/** An attribution found in one sentence, before grading, ids and nesting. */
export interface RawAttribution {
  readonly kind: import('./lexicon.js').CueKind;
  /** First token of the attribution when it opens before source and cue ("If", "As"). */
  readonly lead?: number;
  readonly source?: Span;
  readonly cue: Span;
  readonly content: Range;
  readonly hedged: boolean;
}
