import type { Range } from '../core/range.js';
import { getWink } from './wink.js';

/** A token with its offsets into the document text. */
export interface Token extends Range {
  readonly text: string;
  /** Lower-cased text with curly apostrophes straightened, for matching word lists. */
  readonly lower: string;
  /** Universal POS tag from wink (NOUN, PROPN, VERB, NUM, PUNCT...). */
  readonly pos: string;
  /** wink token type: word, number, punctuation, emoji, url, email, ...; a line break inside a paragraph is a token with pos SPACE. */
  readonly type: string;
  /** Lemma (lower-cased). */
  readonly lemma: string;
  /** Index of this token in the token list. */
  readonly index: number;
}

/** Tokens of a text and wink's own sentence candidates (as token index ranges, end exclusive). */
export interface TextAnalysis {
  readonly tokens: readonly Token[];
  /** Paragraph ranges (blank-line separated), in order. */
  readonly paragraphs: readonly Range[];
  /** wink's sentence candidates as `[firstToken, lastToken + 1)`; never crossing a paragraph. */
  readonly sentenceSpans: readonly { readonly first: number; readonly end: number }[];
}

const PARAGRAPH_BREAK = /\r?\n[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+/g;
/** Pieces longer than this are cut at a line break or sentence end before wink sees them (bounds memory). */
const MAX_CHUNK = 20_000;
/**
 * Runs of characters without whitespace longer than this are not given to wink: each slice of this length becomes one
 * token. wink's tokenizer tries its regexes (e-mail, URL, ...) at every position of such a run, which costs time
 * quadratic in the run's length (8,000 `-` took 0.9 s, 800,000 took 41 s), and it makes a token of every `!` or `=`
 * of a rule line; no word, URL or number of an article is this long.
 */
export const MAX_RUN = 256;

/** Splits a text into non-empty paragraph ranges at blank lines. */
export function findParagraphs(text: string): Range[] {
  const out: Range[] = [];
  let last = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/u.test(text[start]!)) start++;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  for (const m of text.matchAll(PARAGRAPH_BREAK)) {
    push(last, m.index);
    last = m.index + m[0].length;
  }
  push(last, text.length);
  return out;
}

function chunk(text: string, range: Range): Range[] {
  const out: Range[] = [];
  let start = range.start;
  while (range.end - start > MAX_CHUNK) {
    const window = text.slice(start, start + MAX_CHUNK);
    let cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('. '));
    if (cut < MAX_CHUNK / 2) cut = Math.max(window.lastIndexOf(' '), MAX_CHUNK / 2);
    out.push({ start, end: start + cut + 1 });
    start += cut + 1;
  }
  out.push({ start, end: range.end });
  return out;
}

/** True for a code unit that `\s` matches. */
function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A piece of text for the tokenizer; `run` marks a slice of a run longer than MAX_RUN, which is one token. */
export interface Piece extends Range {
  readonly run?: true;
}

/** A piece cut around runs longer than MAX_RUN, each such run cut into slices of MAX_RUN (never inside a surrogate pair); one pass. */
export function withoutLongRuns(text: string, range: Range): Piece[] {
  const out: Piece[] = [];
  let start = range.start;
  let run = range.start;
  for (let i = range.start; i <= range.end; i++) {
    if (i < range.end && !isSpaceCode(text.charCodeAt(i))) continue;
    if (i - run > MAX_RUN) {
      if (run > start) out.push({ start, end: run });
      for (let at = run; at < i; ) {
        let end = Math.min(at + MAX_RUN, i);
        if (end < i && /[\uD800-\uDBFF]/.test(text[end - 1]!)) end--;
        out.push({ start: at, end, run: true });
        at = end;
      }
      start = i;
    }
    run = i + 1;
  }
  if (range.end > start) out.push({ start, end: range.end });
  return out;
}

/** Tokenises the text with wink-nlp, piece by piece, and maps every token back to its offsets. */
export function analyzeText(text: string): TextAnalysis {
  const nlp = getWink();
  const its = nlp.its;
  const tokens: Token[] = [];
  const sentenceSpans: { first: number; end: number }[] = [];
  const paragraphs = findParagraphs(text);
  for (const para of paragraphs) {
    for (const piece of chunk(text, para).flatMap((range) => withoutLongRuns(text, range))) {
      const pieceText = text.slice(piece.start, piece.end);
      if (piece.run) {
        sentenceSpans.push({ first: tokens.length, end: tokens.length + 1 });
        tokens.push(runToken(piece, pieceText, tokens.length));
        continue;
      }
      const wdoc = nlp.readDoc(pieceText);
      const values = wdoc.tokens().out() as string[];
      const pos = wdoc.tokens().out(its.pos) as string[];
      const types = wdoc.tokens().out(its.type) as string[];
      const lemmas = wdoc.tokens().out(its.lemma as never) as string[];
      const base = tokens.length;
      const local: number[] = [];
      let cursor = 0;
      values.forEach((value, i) => {
        const at = pieceText.indexOf(value, cursor);
        if (at < 0) {
          local.push(-1);
          return;
        }
        cursor = at + value.length;
        local.push(tokens.length);
        // Reuse one string where lower-casing or lemmatising changes nothing: a million tokens take less memory.
        const lower = toLower(value);
        const lemma = (lemmas[i] ?? value).toLowerCase();
        tokens.push({
          start: piece.start + at,
          end: piece.start + cursor,
          text: value,
          lower,
          pos: pos[i] ?? 'X',
          type: types[i] ?? 'word',
          lemma: lemma === lower ? lower : lemma,
          index: tokens.length,
        });
      });
      wdoc.sentences().each((s: { out(f: unknown): unknown }) => {
        const [a, b] = s.out(its.span) as unknown as [number, number];
        const first = firstMapped(local, a, b);
        const last = lastMapped(local, a, b);
        if (first >= 0 && last >= first) sentenceSpans.push({ first, end: last + 1 });
      });
      if (sentenceSpans.length === 0 || sentenceSpans.at(-1)!.end < tokens.length) {
        const first = sentenceSpans.length ? sentenceSpans.at(-1)!.end : base;
        if (tokens.length > first) sentenceSpans.push({ first, end: tokens.length });
      }
    }
  }
  return { tokens, paragraphs, sentenceSpans };
}

/** The one token a slice of an over-long run becomes: a number when it is all digits, a word when it holds a letter or digit, else punctuation. */
function runToken(range: Range, text: string, index: number): Token {
  const lower = toLower(text);
  const [pos, type] = /^\d+$/.test(text) ? ['NUM', 'number'] : /[\p{L}\p{N}]/u.test(text) ? ['X', 'word'] : ['PUNCT', 'punctuation'];
  return { start: range.start, end: range.end, text, lower, pos, type, lemma: lower, index };
}

function toLower(value: string): string {
  const lower = value.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  return lower === value ? value : lower;
}

function firstMapped(local: number[], a: number, b: number): number {
  for (let i = a; i <= b; i++) if ((local[i] ?? -1) >= 0) return local[i]!;
  return -1;
}

function lastMapped(local: number[], a: number, b: number): number {
  for (let i = b; i >= a; i--) if ((local[i] ?? -1) >= 0) return local[i]!;
  return -1;
}

/** True for a whitespace token (wink keeps line breaks inside a sentence as tokens); printable ASCII is decided without a regex. */
export function isWhitespaceToken(t: Token): boolean {
  if (t.pos === 'SPACE') return true;
  const c = t.text.charCodeAt(0);
  return !(c > 32 && c < 127) && /^\s+$/u.test(t.text);
}

const CACHE_KEY = 'nlp:analysis';

/** The text analysis of a document, computed once per run and shared through the run context's cache. */
export function textAnalysisOf(text: string, cache: Map<string, unknown>): TextAnalysis {
  let analysis = cache.get(CACHE_KEY) as TextAnalysis | undefined;
  if (!analysis) {
    analysis = analyzeText(text);
    cache.set(CACHE_KEY, analysis);
  }
  return analysis;
}

/** Index of the first token whose end is after `offset` (binary search). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The token indices `[first, end)` of the tokens inside a range such as a sentence. */
export function tokenSpan(tokens: readonly Token[], range: Range): { first: number; end: number } {
  return { first: tokenAt(tokens, range.start), end: tokenAt(tokens, range.end) };
}

/** Tokens lying inside a range. */
export function tokensIn(tokens: readonly Token[], range: Range): Token[] {
  const out: Token[] = [];
  for (let i = tokenAt(tokens, range.start); i < tokens.length && tokens[i]!.start < range.end; i++) {
    if (tokens[i]!.start >= range.start) out.push(tokens[i]!);
  }
  return out;
}
