import type { Bound } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import { currencyAfterOf, currencyBeforeOf, type Lexicon } from './lexicon.js';
import { readNumber, scaleAt, tidy, type NumberRead, type Skipped } from './numerals.js';

/** A number with what is written around it: currency, percent, a second range end, bound cues. Token indices. */
export interface Figure {
  /** First token of the figure, cue included. */
  readonly first: number;
  /** Token after the figure, units and trailing cues included. */
  readonly end: number;
  readonly num: NumberRead;
  /** The far end of "between X and Y", "X to Y", "X-Y" (a one-token range gives num.value2 instead). */
  readonly second?: NumberRead;
  /** Bound set by the cue words around the figure, if any. */
  readonly cueBound?: Bound;
  /** True when the figure is a ceiling it lies just under ("nearly 80 percent"). */
  readonly close?: boolean;
  /** True when an approximation cue sat inside a stronger cue ("at least some 80,000"). */
  readonly approxInside: boolean;
  /** The word that opened a range ("between", "from"). */
  readonly opener?: string;
  readonly currency?: string;
  readonly percentUnit?: string;
}

/** Reads the figure whose number starts at token `i`; `floor` is the first token a cue may use. */
export function readFigure(tokens: readonly Token[], i: number, floor: number, to: number, lex: Lexicon): Figure | Skipped | undefined {
  const glued = readGlued(tokens, i, to, lex);
  const before = !glued && i > floor ? currencyBeforeOf(lex, tokens[i - 1]) : undefined;
  const read = glued?.num ?? readNumber(tokens, i, to, lex, before !== undefined);
  if (!read || 'skip' in read) return read;
  let num = read;
  let start = before ? i - 1 : i;
  let end = num.end;
  const after = readUnitAfter(tokens, end, to, lex);
  let currency = glued?.currency ?? before ?? after.currency;
  let percentUnit = after.percent;
  end = after.end;
  const range = readRangeEnd(tokens, { num, start, end }, floor, to, lex, currency !== undefined);
  let second: NumberRead | undefined;
  if (range) {
    num = range.first;
    percentUnit ??= range.percent;
    currency ??= range.currency;
    if (!range.change) ({ second, start, end } = range);
  }
  const post = num.form === 'ordinal' ? undefined : lex.after.matchAt(tokens, end, to);
  if (post) end = post.end;
  const cue = readCueBefore(tokens, start, floor, lex);
  const bounds = [cue?.bound, post?.entry.bound].filter((b): b is Bound => b !== undefined);
  const strong = bounds.find((b) => b !== 'approx');
  const cueBound = strong ?? bounds[0];
  return {
    first: cue?.first ?? start,
    end,
    num,
    ...(second && { second }),
    ...(cueBound && { cueBound }),
    ...(cue?.close && cueBound === cue.bound && { close: true }),
    approxInside: (cue?.approxInside ?? false) || (strong !== undefined && bounds.includes('approx')),
    ...(range?.opener && { opener: range.opener }),
    ...(currency && { currency }),
    ...(percentUnit && { percentUnit }),
  };
}

const GLUED = /^([A-Za-z]{1,3})(\d[\d,]*)(m|bn|k)?$/;
const GLUED_TAIL = /^(\d+)(m|bn|k)?$/;
/** Digits a glued amount without a scale must have to be read as money ("R4500", not "the N2"). */
const GLUED_MIN_DIGITS = 4;

/**
 * "R38m", "N780m", "R1.2bn" (tokens "R1", ".", "2bn"), "N2.4 billion": an amount with its currency's letters written onto
 * it (units.json currencyGlued), read as money.
 */
function readGlued(tokens: readonly Token[], i: number, to: number, lex: Lexicon): { num: NumberRead; currency: string } | undefined {
  const m = GLUED.exec(tokens[i]!.text);
  const currency = m ? lex.currencyGlued.get(m[1]!) : undefined;
  if (!m || !currency) return undefined;
  let value = Number(m[2]!.replace(/,/g, ''));
  let scale = m[3];
  let end = i + 1;
  // "Rs1,200": the tokenizer cuts a glued amount at its thousands separator too.
  while (!scale && end + 1 < to && tokens[end]!.text === ',' && tokens[end]!.start === tokens[end - 1]!.end && /^\d{3}$/.test(tokens[end + 1]!.text) && tokens[end + 1]!.start === tokens[end]!.end) {
    value = value * 1000 + Number(tokens[end + 1]!.text);
    end += 2;
  }
  const dot = tokens[end];
  const tailAt = end + 1;
  const tail = tokens[tailAt];
  const tailMatch = tail ? GLUED_TAIL.exec(tail.text) : null;
  if (!scale && dot?.text === '.' && dot.start === tokens[end - 1]!.end && tail && tail.start === dot.end && tailMatch && tailAt < to) {
    value = Number(`${value}.${tailMatch[1]}`);
    scale = tailMatch[2];
    end = tailAt + 1;
  }
  // The scale letters are the lexicon's own (number-words.json suffixScales: m, bn, k).
  let factor = scale ? lex.suffixScales.get(scale)!.value : 1;
  const word = !scale && end < to ? scaleAt(tokens[end]!, lex) : undefined;
  if (word) {
    factor = word.value;
    end++;
  }
  if (factor === 1 && String(Math.trunc(value)).length < GLUED_MIN_DIGITS) return undefined;
  return { num: { first: i, end, value: tidy(value * factor), form: 'digits', plain: false }, currency };
}

/** A percent word or a currency after the number ("45 per cent", "5 million dollars"). */
function readUnitAfter(tokens: readonly Token[], at: number, to: number, lex: Lexicon): { end: number; percent?: string; currency?: string } {
  if (at >= to) return { end: at };
  const pct = lex.percent.matchAt(tokens, at, to);
  if (pct) return { end: pct.end, percent: pct.entry.unit };
  const currency = currencyAfterOf(lex, tokens[at]);
  return currency ? { end: at + 1, currency } : { end: at };
}

interface RangeEnd {
  /** The first end, scaled like the second when only the second carries a scale. */
  readonly first: NumberRead;
  readonly second: NumberRead;
  readonly start: number;
  readonly end: number;
  readonly opener?: string;
  readonly percent?: string;
  readonly currency?: string;
  /** "rose from 5 to 9%": two figures at two times, not a range; the first only borrows the second's scale and unit. */
  readonly change: boolean;
}

/** The second end of a range after `fig` ("between X and Y", "X to Y", "X-Y"). */
function readRangeEnd(tokens: readonly Token[], fig: { num: NumberRead; start: number; end: number }, floor: number, to: number, lex: Lexicon, money: boolean): RangeEnd | undefined {
  const { num } = fig;
  if (num.value2 !== undefined || !['digits', 'words'].includes(num.form) || fig.end + 1 >= to) return undefined;
  const openerAt = fig.start - 1;
  const opener = openerAt >= floor ? tokens[openerAt]!.lower : '';
  const joiners = lex.rangeOpeners.get(opener);
  // "between 1.9C and 1.2C": unit letters written onto the first end stand before the joiner.
  const glued = fig.end === num.end ? gluedUnitAt(tokens, fig.end, lex) : undefined;
  const joinAt = glued ? fig.end + 1 : fig.end;
  if (joinAt + 1 >= to) return undefined;
  const joiner = tokens[joinAt]!.lower;
  if (!(joiners ? joiners.includes(joiner) : lex.rangeJoiners.has(joiner))) return undefined;
  let at = joinAt + 1;
  // "between Rs3,500 and Rs3,300": the second end may carry its currency's letters too.
  const gluedEnd = readGlued(tokens, at, to, lex);
  const currency = gluedEnd?.currency ?? currencyBeforeOf(lex, tokens[at]);
  if (currency && !gluedEnd) at++;
  const read = gluedEnd?.num ?? (at < to ? readNumber(tokens, at, to, lex, money || currency !== undefined) : undefined);
  if (!read || 'skip' in read || !['digits', 'words'].includes(read.form) || read.value2 !== undefined) return undefined;
  // "the Greens 12 and the League six - 75 in all": a spaced dash before a total its cue marks closes a list, no range.
  if (tokens[joinAt]!.start > tokens[joinAt - 1]!.end && summedAfter(tokens, read.end)) return undefined;
  if (glued && gluedUnitAt(tokens, read.end, lex) !== glued) return undefined;
  const after = glued ? { end: read.end + 1 } : readUnitAfter(tokens, read.end, to, lex);
  // "rose by 6 percentage points to 81 percent", "fell by £2 million to £14 million": the size of a change with its own
  // unit, then the level it reached ("rise by 10 to 15 percent", the unit written once, stays a range).
  // "lifted turnover by 11 percent to 48.6 million crowns": the verb of change may stand before its object.
  const byChange = opener === 'by' && (fig.end > num.end || fig.start < num.first) && (isChange(tokens[openerAt - 1]) || changeBefore(openerAt));
  // "fell from an average of 182kg to 74kg": "from" a few words before the first end, after a verb of change.
  const fromAfar = opener !== 'from' && opener !== 'between' && changeFromAfar();
  const change = ((opener === 'from' ? changeBefore(openerAt) : isChange(tokens[openerAt])) && opener !== 'between') || byChange || fromAfar;
  const first = scaleLike(tokens, num, read, lex);
  const ranged = opener === 'between' || (opener === 'from' && lex.rangeVerbs.has(tokens[openerAt - 1]?.lower ?? ''));
  // "fall by 90 to 40 minutes", "a range of 13 to 9 degrees": no opener, a unit after the second end and no vote, score or
  // ratio before the first ("a majority of 10 to 2", "won 52 to 48 percent"): a range written the wrong way round.
  // The unit is written once, after the second end ("7% to £1.84bn" is a change to a level; "£740,000 - £410,000" a sum).
  // "sentenced in 2014 to five years": ends that far apart (a year and a term) are two figures, not one range.
  const bare = fig.start === num.first && fig.end === num.end && currency === undefined && joiner === 'to' && first.value <= INVERTED_SPAN * read.value;
  const measured = !joiners && bare && !tallyBefore() && (glued !== undefined || after.percent !== undefined || after.currency !== undefined || isUnitWord(tokens[read.end]));
  if (!change && first.value > read.value && !ranged && !measured) return undefined;
  const start = joiners ? openerAt : fig.start;
  const units = { ...(after.percent && { percent: after.percent }), ...((currency ?? after.currency) && { currency: (currency ?? after.currency)! }) };
  return { first, second: read, start, end: after.end, change, ...(joiners && { opener }), ...units };

  /** "rose from", "lifted the hourly minimum from": a verb of change before "from", past its object (CHANGE_REACH tokens). */
  function changeBefore(at: number): boolean {
    for (let k = at - 1; k >= Math.max(floor, at - CHANGE_REACH); k--) {
      if (isChange(tokens[k])) return true;
      // "extends the president's term from": a possessive inside the object.
      const possessive = tokens[k]!.lower === "'s";
      if (!possessive && (tokens[k]!.type !== 'word' || !CHANGE_OBJECT.has(tokens[k]!.pos))) return false;
    }
    return false;
  }

  function changeFromAfar(): boolean {
    for (let k = fig.start - 2; k >= Math.max(floor, fig.start - FROM_REACH); k--) {
      if (tokens[k]!.lower === 'from') return changeBefore(k);
      if (tokens[k]!.type !== 'word') return false;
    }
    return false;
  }

  function tallyBefore(): boolean {
    for (let k = fig.start - 1; k >= Math.max(floor, fig.start - 3); k--) if (lex.tallyWords.has(tokens[k]!.lower)) return true;
    return false;
  }

  function isUnitWord(tok: Token | undefined): boolean {
    return tok !== undefined && (lex.measures.has(tok.lower) || lex.durations.has(tok.lower));
  }

  function isChange(tok: Token | undefined): boolean {
    return tok !== undefined && (lex.changeWords.has(tok.lower) || lex.changeWords.has(tok.lemma));
  }
}

/** How many tokens before a range's first end a "from" after a verb of change may stand ("fell from an average of"). */
const FROM_REACH = 4;

/** How many times its second end the first end of a range written the wrong way round may be. */
const INVERTED_SPAN = 10;

/** Unit letters written onto the number ending at token `at` ("1.9C": "C"), lower-cased; undefined when none. */
function gluedUnitAt(tokens: readonly Token[], at: number, lex: Lexicon): string | undefined {
  const tok = tokens[at];
  if (!tok || at === 0 || tok.start !== tokens[at - 1]!.end || tokens[at - 1]!.type !== 'number') return undefined;
  // "… and 1.2C.": at a sentence's end the tokenizer keeps the full stop on the letters.
  const word = tok.lower.endsWith('.') ? tok.lower.slice(0, -1) : tok.lower;
  return lex.gluedUnits.has(word) ? word : undefined;
}

/** Words after a figure that mark it as the sum of the figures before it ("75 in all", "75 altogether"). */
const SUM_AFTER: readonly (readonly string[])[] = [['in', 'all'], ['in', 'total'], ['altogether'], ['overall'], ['combined']];

/** True when a total cue follows the figure ending at token `end`, its noun between at most. */
function summedAfter(tokens: readonly Token[], end: number): boolean {
  return [end, end + 1].some((k) => SUM_AFTER.some((words) => words.every((w, i) => tokens[k + i]?.lower === w)));
}

/** How far before "from" a verb of change is looked for, and what may stand between them (its object). */
const CHANGE_REACH = 5;
const CHANGE_OBJECT = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'VERB', 'AUX', 'ADV']);

/** "1.2 to 1.5 million": the first end borrows the scale written after the second. */
function scaleLike(tokens: readonly Token[], num: NumberRead, second: NumberRead, lex: Lexicon): NumberRead {
  const scaleOf = (read: NumberRead) => {
    if (read.end - read.first < 2) return undefined;
    const last = tokens[read.end - 1]!.lower;
    return lex.suffixScales.get(last)?.value ?? lex.multipliers.get(last)?.value;
  };
  const scale = scaleOf(second);
  if (scale === undefined || scaleOf(num) !== undefined || num.value * scale > second.value * 1000) return num;
  return { ...num, value: tidy(num.value * scale), plain: false };
}

/** The bound cue ending right before token `start`; an approximation inside a stronger cue keeps the stronger bound. */
function readCueBefore(tokens: readonly Token[], start: number, floor: number, lex: Lexicon): { first: number; bound: Bound; approxInside: boolean; close?: boolean } | undefined {
  const cue = cueEndingAt(tokens, start, floor, lex);
  if (!cue) return undefined;
  if (cue.bound !== 'approx') return { ...cue, approxInside: false };
  const outer = cueEndingAt(tokens, cue.first, floor, lex);
  if (outer && outer.bound !== 'approx') return { first: outer.first, bound: outer.bound, approxInside: true };
  return { ...cue, approxInside: false };
}

/** True when the number at `at` is a vague phrase ("a couple of", "dozens of") or a length of time ("within 90 days": a deadline). */
function isVagueOrTime(tokens: readonly Token[], at: number, lex: Lexicon): boolean {
  const read = readNumber(tokens, at, Math.min(tokens.length, at + 6), lex, false);
  return read !== undefined && !('skip' in read) && (read.vague !== undefined || lex.durations.has(tokens[read.end]?.lower ?? ''));
}

function cueEndingAt(tokens: readonly Token[], at: number, floor: number, lex: Lexicon): { first: number; bound: Bound; close?: boolean } | undefined {
  for (let k = Math.max(floor, at - lex.maxBeforeTokens); k < at; k++) {
    const m = lex.before.matchAt(tokens, k, at);
    if (m && m.end === at && !(m.entry.precise && isVagueOrTime(tokens, at, lex))) return { first: k, bound: m.entry.bound, ...(m.entry.close && { close: true }) };
  }
  return undefined;
}
