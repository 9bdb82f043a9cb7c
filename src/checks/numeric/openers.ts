// Where a list of parts opens and ends in a sentence: punctuation (a colon, semicolon, dash or bracket), a cue ("split
// into", "of whom"), or a whole named first ("Of the 300 passengers, ..."). Word lists in numeric.json.
import { isWhitespaceToken, tokenAt, type Token } from '../../nlp/tokens.js';
import settings from './numeric.json' with { type: 'json' };
import type { CueSpan } from './totals.js';

/**
 * Where parts were found for a total: after a `colon`, after a semicolon or dash (`clause`), inside brackets after it
 * (`paren`), after a comma right before a figure (`comma`), after "split into" (`split`), after "of whom", "including" (`subset`: one part is enough), after a whole
 * named first ("Of the 300 passengers, 220 ..., 90 ...": `fronted`), before a total cue ("..., 47 in all": `before`),
 * in the `next` sentence, in the sentence before one that opens with a back-reference ("That is 3,135 repairs": `back`),
 * or later in the clause of a cued total with no opener between them (`later`), or over the next two or three
 * sentences tied by "a further", "the remaining", "of them" (`chain`, chains.ts), or each in brackets after its own
 * label ("sales (900), manufacturing (1,100) and administration (500)": `labels`).
 */
export type Role = 'colon' | 'clause' | 'paren' | 'comma' | 'split' | 'subset' | 'fronted' | 'before' | 'next' | 'back' | 'later' | 'chain' | 'labels' | 'votes';

/** Where a list of parts opens: a colon, semicolon, dash or bracket, or a cue ("split into", "of whom", "including"). */
export interface Opener {
  readonly start: number;
  readonly end: number;
  readonly role: Role;
}

const PUNCT_OPENERS = new Set([':', ';', '—', '–']);
const BRACKETS = new Set(settings.bracketOpeners.words);
const CLOSERS = new Set([')', ']']);
const FRONTED = settings.frontedWholes.phrases.map((p) => p.split(' '));
/** How far before its list a total may stand, and how far a list may run, in tokens (bounds every scan). */
const TOTAL_REACH = 30;
/** How far after "Of" the comma closing a fronted whole may stand ("Of the 2,300 candidates who sat the exam, ..."). */
const FRONT_REACH = 16;
const LIST_REACH = 80;
const NO_FIGURES: ReadonlySet<number> = new Set();

/**
 * Every opener of a list in tokens `[from, to)`, in text order. `figureStarts` holds where the document's figures start,
 * so that a figure in words opens a list after a comma as one in digits does ("Twelve patients died, eight at Riverside
 * and six at the Royal").
 */
export function openersIn(tokens: readonly Token[], from: number, to: number, cues: readonly CueSpan[], figureStarts: ReadonlySet<number> = NO_FIGURES): Opener[] {
  const amountAt = (k: number) => signedAmountAt(tokens, k) || (tokens[k]?.type === 'word' && figureStarts.has(tokens[k]!.start));
  const out: Opener[] = [];
  for (const c of cues) if (c.role === 'split' || c.role === 'subset') out.push({ start: c.start, end: c.end, role: c.role });
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    if (PUNCT_OPENERS.has(tok.text) || spacedHyphen(tokens, k)) out.push({ start: tok.start, end: tok.end, role: tok.text === ':' ? 'colon' : 'clause' });
    else if (BRACKETS.has(tok.text)) out.push({ start: tok.start, end: tok.end, role: 'paren' });
    // "helped 1,200 families last year, 700 in the city and 600 in the suburbs": a figure right after a comma.
    // "reached 18,000 over the two days, with 9,500 on Friday and ...": the same after ", with".
    // "paid out £12m, with £7m for schools and ...": a sum of money opens with its currency sign.
    else if (tok.text === ',' && k > from && (amountAt(k + 1) || (tokens[k + 1]?.lower === 'with' && amountAt(k + 2)))) {
      out.push({ start: tok.start, end: tokens[k + 1]!.lower === 'with' ? tokens[k + 1]!.end : tok.end, role: 'comma' });
    }
  }
  const copula = copularSplit(tokens, from, to);
  if (copula >= 0) out.push({ start: tokens[copula]!.start, end: tokens[copula]!.end, role: 'split' });
  // "Of the 300 passengers, 120 ...", "Out of 500 applicants, 320 ...": the comma after a fronted whole opens its subsets.
  const after = FRONTED.map((words) => wordsAt(tokens, from, to, words)).find((end) => end >= 0);
  if (after !== undefined) {
    const comma = firstComma(tokens, after, Math.min(to, after + FRONT_REACH));
    if (comma >= 0) out.push({ start: tokens[comma]!.start, end: tokens[comma]!.end, role: 'fronted' });
  }
  return out.sort((a, b) => a.start - b.start);
}

const DEFINITE = new Set(settings.copularSplits.determiners);
const COPULAS = new Set(settings.copularSplits.copulas);
/** How many words may describe the total between its figure and the copula ("The 64 people killed in the storm were"). */
const DESCRIBED_REACH = 8;

/**
 * "The 64 people killed were 29 men, 21 women and 14 children": a sentence whose subject is a definite total ("The" or
 * "Those", then its figure) and whose copula is followed by an amount says what the total is made of, as "split into"
 * does (numeric.json copularSplits). The token index of the copula, or -1.
 */
function copularSplit(tokens: readonly Token[], from: number, to: number): number {
  let k = from;
  while (k < to && isWhitespaceToken(tokens[k]!)) k++;
  if (!DEFINITE.has(tokens[k]?.lower ?? '')) return -1;
  const figure = signedAmountAt(tokens, k + 1) ? k + 1 : -1;
  if (figure < 0) return -1;
  for (let j = figure + 1; j < Math.min(to, figure + 2 + DESCRIBED_REACH); j++) {
    const tok = tokens[j]!;
    if (COPULAS.has(tok.lower)) return signedAmountAt(tokens, j + 1) ? j : -1;
    if (tok.type === 'punctuation' || tok.type === 'number' || tok.pos === 'AUX') return -1;
  }
  return -1;
}

const CURRENCY_SIGNS = new Set(['£', '$', '€', '¥', '₹']);

/** True when an amount starts at token `k`: a number, or a currency sign right before one ("£7m"). */
function signedAmountAt(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k];
  // "A$2.5bn", "C$4m": the tokenizer's currency tokens count as signs too.
  const sign = tok !== undefined && (CURRENCY_SIGNS.has(tok.text) || tok.type === 'currency');
  return tok?.type === 'number' || (sign && tokens[k + 1]?.type === 'number' && tokens[k + 1]!.start === tok!.end);
}

/** "lost 3,400 jobs - 1,900 in factories, ...": a hyphen with a space on either side is a dash. */
function spacedHyphen(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k]!;
  const range = tokens[k - 1]?.type === 'number' && tokens[k + 1]?.type === 'number';
  return tok.text === '-' && !range && (tokens[k - 1]?.end ?? tok.start) < tok.start && tok.end < (tokens[k + 1]?.start ?? tok.end);
}

/** The token after `words` when they stand at `from` (spaces between them passed over), else -1. */
function wordsAt(tokens: readonly Token[], from: number, to: number, words: readonly string[]): number {
  let k = from;
  for (const w of words) {
    while (k < to && isWhitespaceToken(tokens[k]!)) k++;
    if (tokens[k]?.lower !== w) return -1;
    k++;
  }
  return k;
}

function firstComma(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (tokens[k]!.text === ',') return k;
  return -1;
}

/** The token of the last comma, colon, semicolon or dash before `offset` (within TOTAL_REACH tokens and the sentence). */
export function lastPunctTokenBefore(tokens: readonly Token[], offset: number, from: number): number {
  const at = tokenAt(tokens, offset);
  for (let k = at - 1; k >= Math.max(from, at - TOTAL_REACH); k--) if (PUNCT_OPENERS.has(tokens[k]!.text) || tokens[k]!.text === ',') return k;
  return -1;
}

/** Where the clause of a total ends its look-back: after the last colon, semicolon or dash, at most TOTAL_REACH tokens back. */
export function lastPunctBefore(tokens: readonly Token[], offset: number, from: number): number {
  const at = tokenAt(tokens, offset);
  const floor = Math.max(from, at - TOTAL_REACH);
  for (let k = at - 1; k >= floor; k--) if (PUNCT_OPENERS.has(tokens[k]!.text)) return tokens[k]!.end;
  return tokens[floor]?.start ?? 0;
}

/**
 * Where a list that opens at `offset` ends: the next colon, semicolon or dash, the sentence end, or LIST_REACH tokens
 * on; a list in brackets (`bracketed`) ends at its closing bracket.
 */
export function nextPunctAfter(tokens: readonly Token[], offset: number, to: number, bracketed = false, dashed = false): number {
  const at = tokenAt(tokens, offset);
  const stop = Math.min(to, at + LIST_REACH);
  for (let k = at; k < stop; k++) {
    // "2,075 blades - 1,630 knives, 310 machetes and 135 swords - at 40 bins": a list a spaced hyphen opens, the next one
    // closes; elsewhere a figure set between hyphens ("three-quarters - 1,604 - opposed") goes on with its list.
    if (PUNCT_OPENERS.has(tokens[k]!.text) || (dashed && spacedHyphen(tokens, k)) || (bracketed && CLOSERS.has(tokens[k]!.text))) return tokens[k]!.start;
    if (endsSentence(tokens, k)) return tokens[k]!.end;
  }
  return tokens[stop - 1]?.end ?? offset;
}

/** "... a further £53m. The wage bill ...": a word that keeps the sentence's period ("m.") before a capital ends a list. */
function endsSentence(tokens: readonly Token[], k: number): boolean {
  const tok = tokens[k]!;
  return tok.type === 'word' && tok.text.length > 1 && tok.text.endsWith('.') && /^\p{Lu}/u.test(tokens[k + 1]?.text ?? '') && tokens[k - 1]?.type === 'number';
}
