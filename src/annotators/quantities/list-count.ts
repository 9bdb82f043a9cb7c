// Counts that point back at items just listed or about to be ("those three states", "the two towns", "four districts:
// Morvel (19), Tessa (14) ..."): no figure of their own, so the classification skips them (classify.ts). Every look
// reaches a bounded number of tokens around the count (units.json listBackReference windows, RUN_REACH).
import type { Token } from '../../nlp/tokens.js';
import { readCounted } from './counted.js';
import type { Figure } from './figure.js';
import type { Lexicon } from './lexicon.js';
import { parseDigits } from './numerals.js';

/** "those three states", or "the three states" right after three were named: a count pointing back at listed items. */
export function isListCount(tokens: readonly Token[], fig: Figure, to: number, lex: Lexicon): boolean {
  const { num } = fig;
  const refs = lex.listBackReference;
  if (fig.cueBound || fig.second || !(num.form === 'words' || num.plain) || num.value < 2 || num.value > refs.maxCount) return false;
  const prev = tokens[fig.first - 1]?.lower ?? '';
  if (refs.always.has(prev)) return true;
  // "the other two men": the rest of a group named before, counted again; but "The other 11 cases are still being
  // traced" after "143 people ... Sixty-one of them ... 48 ...": the remainder of a split just given is a figure.
  if (prev === 'other' && tokens[fig.first - 2]?.lower === 'the') return numbersBefore(tokens, fig.first - 2, num.value, refs.window, lex) < 2;
  // "a mum-of-two", "father-of-three": the number is part of a hyphenated description of a person.
  if (num.form === 'words' && prev === '-' && tokens[fig.first - 2]?.lower === 'of' && tokens[fig.first - 3]?.text === '-') return true;
  // "two of them", "the three of them": a number word that counts people or things just named; after a counted group
  // ("Eleven of the 32 wagons derailed and three of them overturned") it is a part of that group, a figure.
  if (num.form === 'words' && tokens[fig.end]?.lower === 'of' && refs.pronouns.has(tokens[fig.end + 1]?.lower ?? '')) {
    return prev === 'the' || !largerGroupBefore(tokens, fig.first, num.value, refs.window, lex);
  }
  // "four districts: Morvel (19), Tessa (14) ...", "All three of its divisions grew. Offshore wind brought in ...": a
  // small count of listed items whose figures follow, one each (units.json listedItems).
  const items = num.form === 'words' && countsListedItems(tokens, fig.end, to, lex);
  if (items && figureRunAfter(tokens, items, lex) === num.value) return true;
  // "the two largest chains, Medway Health and Corlin Chemists": a number word after "the" whose noun the names of
  // its items follow in apposition, one name each.
  if (num.form === 'words' && prev === 'the') {
    const counted = readCounted(tokens, fig.end, to, lex, true);
    if (counted && tokens[counted.end]?.text === ',' && namedListAfter(tokens, counted.end + 1, to) === num.value) return true;
  }
  // "Three towns were hit hardest: Dunmore, Ashgrove and Kilbeg": a count whose clause ends in a colon that the names
  // of its items follow, one name each, with no other figure between.
  const counted = readCounted(tokens, fig.end, to, lex, true);
  if (counted && namedListAfterColon(tokens, counted.end, to) === num.value) return true;
  if (!refs.afterList.has(prev)) return false;
  if (namedListBefore(tokens, fig.first - 1, refs.window) === num.value || countedBefore(tokens, fig.first - 1, num.value, refs.restateWindow, lex)) return true;
  // "175 were treated in Quessa and 95 in Tamir. Highway 9 between the two towns ...": the items of a list just given.
  return items !== false && figureRunBefore(tokens, fig.first - 1, refs.window, lex) === num.value;
}

/** The token after the counted noun when it (or the noun right after it: "four police forces") is one of `listedItems`. */
function countsListedItems(tokens: readonly Token[], at: number, to: number, lex: Lexicon): number | false {
  const counted = readCounted(tokens, at, to, lex, true);
  if (!counted) return false;
  if (lex.listedItems.has(counted.head.lower)) return counted.end;
  const next = tokens[counted.end];
  return counted.end < to && next?.pos === 'NOUN' && lex.listedItems.has(next.lower) ? counted.end + 1 : false;
}

const SENTENCE_END = new Set(['.', '!', '?']);
const RUN_BREAKS = new Set(['.', '!', '?', ':']);
const RUN_COMMAS = new Set([',', ';']);
const RUN_ANDS = new Set(['and', 'or']);
const RUN_VERBS = new Set(['VERB', 'AUX']);
/** How far after a count its list is looked for: this sentence and the next, and never more tokens than this. */
const RUN_REACH = 60;

/** A figure of a list: digits that are no year. */
const isListFigure = (tok: Token) => tok.type === 'number' && /\d/.test(tok.text) && !/^(?:19|20)\d\d$/.test(tok.text);

/**
 * Runs of figures in `[from, to)`, as their lengths in order: two figures are one run when at most `listGap` tokens stand
 * between them, no sentence end nor colon, and a comma (with no verb) or "and"; "and" without a comma closes the run.
 */
function figureRuns(tokens: readonly Token[], from: number, to: number, lex: Lexicon): number[] {
  const runs: number[] = [];
  let last = -1;
  let closed = true;
  for (let j = from; j < to; j++) {
    if (!isListFigure(tokens[j]!)) continue;
    const joined = last >= 0 && !closed && j - last - 1 <= lex.listGap && joins(tokens, last + 1, j);
    if (joined) {
      runs[runs.length - 1]!++;
      closed = closes(tokens, last + 1, j);
    } else {
      runs.push(1);
      closed = false;
    }
    last = j;
  }
  return runs;
}

function joins(tokens: readonly Token[], from: number, to: number): boolean {
  let comma = false;
  let and = false;
  let verb = false;
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    if (RUN_BREAKS.has(tok.text)) return false;
    comma ||= RUN_COMMAS.has(tok.text);
    and ||= RUN_ANDS.has(tok.lower);
    // A capitalised word is a name whatever the tagger says ("Hull £800,000").
    verb ||= RUN_VERBS.has(tok.pos) && !isCapitalised(tok);
  }
  return and || (comma && !verb);
}

function closes(tokens: readonly Token[], from: number, to: number): boolean {
  const between = tokens.slice(from, to);
  return between.some((t) => RUN_ANDS.has(t.lower)) && !between.some((t) => RUN_COMMAS.has(t.text));
}

/** The length of the first run of two figures or more after `from`, in its sentence or the next. */
function figureRunAfter(tokens: readonly Token[], from: number, lex: Lexicon): number {
  let to = from;
  for (let ends = 0; to < tokens.length && to < from + RUN_REACH && ends < 2; to++) if (SENTENCE_END.has(tokens[to]!.text)) ends++;
  return figureRuns(tokens, from, to, lex).find((n) => n >= 2) ?? 0;
}

/** The length of the nearest run of two figures or more ending within `window` tokens before `at`. */
function figureRunBefore(tokens: readonly Token[], at: number, window: number, lex: Lexicon): number {
  return figureRuns(tokens, Math.max(0, at - window), at, lex).findLast((n) => n >= 2) ?? 0;
}

/**
 * How many numbers larger than `value` (digits or number words, not years nor parts of a hyphenated word such as
 * "34-year-olds") stand within `window` tokens before `at`: two or more are a split that a remainder completes.
 */
function numbersBefore(tokens: readonly Token[], at: number, value: number, window: number, lex: Lexicon): number {
  const numberOf = (tok: Token | undefined) => (tok === undefined ? undefined : tok.type === 'number' ? parseDigits(tok.text) : lex.cardinals.get(tok.lower));
  // "34-year-olds", "mum-of-two": a number joined by a hyphen to a word that is no number ("Sixty-one" is one number).
  const compound = (j: number) =>
    (tokens[j + 1]?.text === '-' && numberOf(tokens[j + 2]) === undefined) || (tokens[j - 1]?.text === '-' && numberOf(tokens[j - 2]) === undefined);
  let found = 0;
  for (let j = at - 1; j >= Math.max(0, at - window); j--) {
    const n = numberOf(tokens[j]);
    if (n === undefined || n <= value || compound(j) || /^(?:19|20)\d\d$/.test(tokens[j]!.text)) continue;
    found++;
  }
  return found;
}

/** A count larger than `value` with its counted noun (not a length of time) within `window` tokens before `at`. */
function largerGroupBefore(tokens: readonly Token[], at: number, value: number, window: number, lex: Lexicon): boolean {
  for (let j = at - 1; j >= Math.max(0, at - window); j--) {
    const tok = tokens[j]!;
    const n = tok.type === 'number' ? parseDigits(tok.text) : lex.cardinals.get(tok.lower);
    const noun = tokens[j + 1];
    if (n !== undefined && n > value && noun?.pos === 'NOUN' && !lex.durations.has(noun.lower)) return true;
  }
  return false;
}

/** "three firms ... the three companies": the same small count, followed by a noun, within `window` tokens before `at`. */
function countedBefore(tokens: readonly Token[], at: number, value: number, window: number, lex: Lexicon): boolean {
  for (let j = at - 1; j >= Math.max(0, at - window); j--) {
    const tok = tokens[j]!;
    const n = tok.type === 'number' ? Number(tok.text) : lex.cardinals.get(tok.lower);
    // "three firms ... the three companies", "a vote of seven to two, ... the two dissenters".
    if (n === value && (tokens[j + 1]?.pos === 'NOUN' || tokens[j + 1]?.pos === 'PUNCT')) return true;
    // "In a 5-2 decision ... The two dissenting justices": a side of a split written as one token.
    const split = /^(\d{1,2})-(\d{1,2})$/.exec(tok.text);
    if (split && (Number(split[1]) === value || Number(split[2]) === value)) return true;
  }
  return false;
}

export const isCapitalised = (tok: Token | undefined) => tok !== undefined && tok.type === 'word' && /^\p{Lu}/u.test(tok.text);

/** How many names the nearest list "A, B and C" within `window` tokens before `at` holds; 0 when there is none. */
function namedListBefore(tokens: readonly Token[], at: number, window: number): number {
  for (let j = at - 1; j > Math.max(0, at - window); j--) {
    if (tokens[j]!.lower !== 'and' || !isCapitalised(tokens[j + 1])) continue;
    let k = tokens[j - 1]?.text === ',' ? j - 2 : j - 1;
    if (!isCapitalised(tokens[k])) continue;
    let items = 2;
    for (;;) {
      while (k >= 0 && isCapitalised(tokens[k])) k--;
      if (k < 1 || tokens[k]!.text !== ',' || !isCapitalised(tokens[k - 1])) break;
      items++;
      k--;
    }
    return items;
  }
  return 0;
}

/** How many tokens after a count's noun its clause may run to the colon that opens its list of names. */
const COLON_REACH = 10;

/** The names of the list "A, B and C" right after the colon that ends the clause from `at`; 0 when there is none. */
function namedListAfterColon(tokens: readonly Token[], at: number, to: number): number {
  for (let k = at; k < Math.min(to, at + COLON_REACH); k++) {
    const t = tokens[k]!;
    if (t.text === ':') return namedListAfter(tokens, k + 1, to);
    if (isListFigure(t) || t.type === 'number' || SENTENCE_END.has(t.text) || t.text === ';') return 0;
  }
  return 0;
}

/** How many names the list "A, B and C" right at `at` holds (each one or more capitalised words); 0 when none starts there. */
function namedListAfter(tokens: readonly Token[], at: number, to: number): number {
  let k = at;
  let items = 0;
  let joinedByAnd = false;
  while (k < to && isCapitalised(tokens[k])) {
    items++;
    while (k < to && isCapitalised(tokens[k])) k++;
    const and = tokens[k]?.lower === 'and' ? k : tokens[k]?.text === ',' && tokens[k + 1]?.lower === 'and' ? k + 1 : -1;
    if (joinedByAnd) break;
    if (and >= 0) {
      joinedByAnd = true;
      k = and + 1;
    } else if (tokens[k]?.text === ',' && isCapitalised(tokens[k + 1])) k++;
    else break;
  }
  return joinedByAnd && items >= 2 ? items : 0;
}
