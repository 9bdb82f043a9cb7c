import type { Token } from '../../nlp/tokens.js';
import { isPlural, readCounted } from './counted.js';
import { currencyBeforeOf, type Lexicon, type Scale, type VaguePhrase } from './lexicon.js';

/** How a number was written. */
export type NumeralForm = 'digits' | 'words' | 'vague' | 'fraction' | 'ratio' | 'ordinal' | 'decade' | 'fiscal';

/** A number read from tokens `[first, end)`. */
export interface NumberRead {
  readonly first: number;
  readonly end: number;
  readonly value: number;
  /** The second end of a range written as one token ("2000-2018", "4.5-5.5"), or a decade's last year. */
  readonly value2?: number;
  /** The vague phrase read ("tens of thousands"), which carries its own interval. */
  readonly vague?: VaguePhrase;
  readonly form: NumeralForm;
  /** Bare digits without separators, decimals or scale ("2016", "3"): may be a year, a day or a label. */
  readonly plain: boolean;
}

/** Tokens consumed without making a quantity: dates, clock times, phone numbers, ratios. */
export interface Skipped {
  readonly skip: true;
  readonly end: number;
}

const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SIMPLE = /^[+-]?\d+(?:\.\d+)?$/;
const NUMERIC_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;
const CLOCK = /^\d{1,2}:\d{2}(?::\d{2})?$/;
const RATIO = /^\d+\/\d+$/;
const FISCAL = /^((?:19|20)\d{2})\/(\d{2})$/;
const TOKEN_RANGE = /^(\d[\d,]*(?:\.\d+)?)[-–](\d[\d,]*(?:\.\d+)?)$/;
const DECADE = /^(\d{3})0s$/;
const HALF_FOLLOWERS = new Set(['of', 'the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'all', 'this', 'that', 'these', 'those']);

/** Parses "20,000", "1.2", "-5" (not dates or ranges); undefined otherwise. */
export function parseDigits(text: string): number | undefined {
  if (GROUPED.test(text)) return Number(text.replace(/,/g, ''));
  if (SIMPLE.test(text)) return Number(text);
  return undefined;
}

/** Reads the number that starts at token `i`, if one does; `hasCurrency` allows currency-only scales ("£20m"). */
export function readNumber(tokens: readonly Token[], i: number, to: number, lex: Lexicon, hasCurrency: boolean): NumberRead | Skipped | undefined {
  const tok = tokens[i]!;
  const ratio = readRatio(tokens, i, to, lex);
  if (ratio) return ratio;
  if (tok.type === 'number') return readDigits(tokens, i, to, lex, hasCurrency);
  if (tok.type === 'ordinal') return { first: i, end: i + 1, value: parseInt(tok.text, 10), form: 'ordinal', plain: false };
  if (tok.type === 'decade') return readDecade(tok, i);
  if (tok.type !== 'word') return undefined;
  const vague = lex.vague.matchAt(tokens, i, to);
  if (vague) return { first: i, end: vague.end, value: vague.entry.value, vague: vague.entry, form: 'vague', plain: false };
  return readFraction(tokens, i, to, lex) ?? readWords(tokens, i, to, lex);
}

function readDecade(tok: Token, i: number): NumberRead | Skipped {
  const m = DECADE.exec(tok.text);
  if (!m) return { skip: true, end: i + 1 };
  const first = Number(m[1]) * 10;
  return { first: i, end: i + 1, value: first, value2: first + 9, form: 'decade', plain: false };
}

function readDigits(tokens: readonly Token[], i: number, to: number, lex: Lexicon, hasCurrency: boolean): NumberRead | Skipped | undefined {
  const text = tokens[i]!.text;
  const fiscal = FISCAL.exec(text);
  if (fiscal) {
    const start = Number(fiscal[1]);
    return { first: i, end: i + 1, value: start, value2: Math.floor(start / 100) * 100 + Number(fiscal[2]), form: 'fiscal', plain: false };
  }
  if (CLOCK.test(text) || NUMERIC_DATE.test(text) || RATIO.test(text)) return { skip: true, end: i + 1 };
  const phone = phoneRunEnd(tokens, i, to);
  if (phone > i) return { skip: true, end: phone };
  const ranged = TOKEN_RANGE.exec(text);
  let value = ranged ? parseDigits(ranged[1]!) : parseDigits(text);
  let value2 = ranged ? parseDigits(ranged[2]!) : undefined;
  if (value === undefined) return undefined;
  let end = i + 1;
  while (!ranged && end < to && isThousandsGroup(tokens, end, end - i === 1 ? text : undefined)) {
    value = value * 1000 + Number(tokens[end]!.text);
    end++;
  }
  const scale = end < to ? scaleAt(tokens[end]!, lex) : undefined;
  const plain = !ranged && end === i + 1 && /^\d+$/.test(text) && !scale;
  if (scale && (!scale.needsCurrency || hasCurrency || countsMillions(tokens, i, end + 1, to, lex))) {
    value *= scale.value;
    if (value2 !== undefined) value2 *= scale.value;
    end++;
  }
  return { first: i, end, value: tidy(value), ...(value2 !== undefined && { value2: tidy(value2) }), form: 'digits', plain };
}

/**
 * "2.6m fixed-line connections", "1.1m of the total", "1.42m last year, of which 880,000 ...": a currency-only scale
 * read as millions without a currency where the figure counts something (number-words.json bareMillions).
 */
function countsMillions(tokens: readonly Token[], i: number, after: number, to: number, lex: Lexicon): boolean {
  return countsAfter(tokens, after, to, lex) ?? hasLargeCompanion(tokens, i, to, lex);
}


/** True or false when what follows a bare "m" says whether it counts ("3m people", "3m of them", "3m high"), else undefined. */
function countsAfter(tokens: readonly Token[], after: number, to: number, lex: Lexicon): boolean | undefined {
  const rules = lex.bareMillions;
  const next = after < to ? tokens[after]! : undefined;
  // "40m high", "300m long": a length, whatever sums stand beside it.
  if (next && lex.dimensionWords.has(next.lower)) return false;
  if (next?.lower === 'of') {
    // "3m of them": a pronoun stands for what was counted; "1.1m of the total" but not "3m of the old fence".
    const word = tokens[after + 1]?.lower ?? '';
    if (rules.ofPronouns.has(word) || (rules.ofFollowers.has(word) && rules.wholes.has(tokens[after + 2]?.lower ?? ''))) return true;
    const whole = rules.ofFollowers.has(word) ? readCounted(tokens, after + 2, to, lex, true) : undefined;
    return whole !== undefined && (isPlural(whole.head, lex) || rules.wholes.has(whole.head.lower));
  }
  const counted = readCounted(tokens, after, to, lex, true);
  if (counted && rules.notCounted.has(counted.head.lower)) return false;
  return counted && isPlural(counted.head, lex) ? true : undefined;
}

/**
 * Another count of millions in the sentence of token `i` (back to its last full stop, on to `to`): a number in digits
 * of at least the companion size, or a bare "m" that counts by what follows it ("4.5m of the total, 2.9m and 1.3m").
 */
function hasLargeCompanion(tokens: readonly Token[], i: number, to: number, lex: Lexicon): boolean {
  const least = lex.bareMillions.companionAtLeast;
  // "2.6bn kroner from its supermarkets, 1.1bn from the freight arm and 700m from rentals": a figure in billions beside
  // it (a scale that needs no currency) is an amount of the same order, so the bare "m" is millions too.
  const billions = (k: number) => { const scale = tokens[k + 1] && scaleAt(tokens[k + 1]!, lex); return scale !== undefined && !scale.needsCurrency && scale.value >= 1e9; };
  // "Passenger fares brought in £341m, freight £198m and ... a further 93m": a sum of money in millions beside it.
  const currencyMillions = (k: number) => tokens[k + 1]?.lower === 'm' && currencyBeforeOf(lex, tokens[k - 1]) !== undefined;
  const scaled = (k: number) => billions(k) || currencyMillions(k) || (tokens[k + 1]?.lower === 'm' && countsAfter(tokens, k + 2, to, lex) === true);
  const large = (k: number) => k !== i && tokens[k]!.type === 'number' && ((parseDigits(tokens[k]!.text) ?? 0) >= least || scaled(k));
  for (let k = i - 1; k >= 0 && !SENTENCE_ENDS.has(tokens[k]!.text); k--) if (large(k)) return true;
  for (let k = i + 1; k < to; k++) if (large(k)) return true;
  return false;
}

/** The scale word a token is ("bn", "million"), also with the sentence's period kept on it ("£53m."). */
export function scaleAt(tok: Token, lex: Lexicon): Scale | undefined {
  return lex.suffixScales.get(tok.lower) ?? (tok.lower.endsWith('.') ? lex.suffixScales.get(tok.lower.slice(0, -1)) : undefined);
}

/** "20 000": a three-digit token right after a one-to-three-digit number, one space apart. */
function isThousandsGroup(tokens: readonly Token[], at: number, firstText: string | undefined): boolean {
  const prev = tokens[at - 1]!;
  const tok = tokens[at]!;
  if (firstText !== undefined && !/^\d{1,3}$/.test(firstText)) return false;
  return tok.type === 'number' && /^\d{3}$/.test(tok.text) && tok.start - prev.end === 1;
}

/** A phone number: starts with "+" and digits, or three or more space-separated digit groups that are not thousands groups. */
function phoneRunEnd(tokens: readonly Token[], i: number, to: number): number {
  let end = i + 1;
  while (end < to && tokens[end]!.type === 'number' && /^\d+$/.test(tokens[end]!.text) && tokens[end]!.start - tokens[end - 1]!.end === 1) end++;
  const plus = /^\+\d/.test(tokens[i]!.text);
  if (plus) return end;
  if (end - i < 3) return i;
  const grouped = /^\d{1,3}$/.test(tokens[i]!.text) && tokens.slice(i + 1, end).every((t) => /^\d{3}$/.test(t.text));
  return grouped ? i : end;
}

/** "one in five", "7 out of 10", "four out of every ten": a share, read as a percentage. */
function readRatio(tokens: readonly Token[], i: number, to: number, lex: Lexicon): NumberRead | undefined {
  const part = wholeNumber(tokens[i], lex);
  if (part === undefined || i + 2 >= to) return undefined;
  const outOf = tokens[i + 1]!.lower === 'out' && tokens[i + 2]!.lower === 'of';
  const of = outOf ? i + 3 : tokens[i + 1]!.lower === 'in' ? i + 2 : -1;
  // "7 out of every 10 homes", "one in every five": "every" before the whole changes nothing.
  const at = of > 0 && tokens[of]?.lower === 'every' ? of + 1 : of;
  const whole = at > 0 && at < to ? wholeNumber(tokens[at], lex) : undefined;
  if (whole === undefined || whole <= part || whole > 1000 || lex.durations.has(tokens[at + 1]?.lower ?? '')) return undefined;
  return { first: i, end: at + 1, value: tidy((part / whole) * 100), form: 'ratio', plain: false };
}

function wholeNumber(tok: Token | undefined, lex: Lexicon): number | undefined {
  if (!tok) return undefined;
  if (tok.type === 'number') return /^\d{1,4}$/.test(tok.text) ? Number(tok.text) : undefined;
  return lex.cardinals.get(tok.lower);
}

function readFraction(tokens: readonly Token[], i: number, to: number, lex: Lexicon): NumberRead | undefined {
  const w = tokens[i]!.lower;
  let j = i;
  let count = 1;
  // "the other quarter", "the other half": what is left of a whole after the fractions named before.
  const other = w === 'other' && tokens[i - 1]?.lower === 'the';
  if (w === 'a' || w === 'an' || other || (lex.cardinals.has(w) && w !== 'zero')) {
    count = lex.cardinals.get(w) ?? 1;
    j = tokens[i + 1]?.text === '-' ? i + 2 : i + 1;
  }
  const frac = j < to ? lex.fractions.get(tokens[j]!.lower) : undefined;
  if (frac === undefined) return undefined;
  const next = tokens[j + 1]?.lower ?? '';
  const isHalf = tokens[j]!.lower === 'half';
  if (j === i && (!isHalf || tokens[i - 1]?.pos === 'ADJ')) return undefined;
  if (next !== 'of' && !(isHalf && HALF_FOLLOWERS.has(next)) && !standsAlone(tokens, i, j, lex)) return undefined;
  return { first: i, end: j + 1, value: tidy(count * frac), form: 'fraction', plain: false };
}

/**
 * "a quarter named crime", "crew wages a third.", "and half named transport": a fraction with no "of" after it stands
 * for a share when an article, number word or "the other" precedes it (or, for a bare "half", "and" or a comma) and a
 * verb, a clause break or a preposition of place or time follows (number-words.json fractionAlone).
 */
function standsAlone(tokens: readonly Token[], i: number, j: number, lex: Lexicon): boolean {
  const next = tokens[j + 1];
  if (next === undefined) return j > i;
  // "Half needed an X-ray.": a bare "Half" that opens its sentence is its subject, a share of the group named before.
  const opens = tokens[j]!.text === 'Half' && (i === 0 || SENTENCE_ENDS.has(tokens[i - 1]!.text));
  const prefixed = j > i || opens || (tokens[j]!.lower === 'half' && (tokens[i - 1]?.lower === 'and' || tokens[i - 1]?.text === ','));
  // "a third-party claim" joins the hyphen to the next word; "three-quarters - 1,604 - opposed" sets a spaced dash apart.
  const joined = next.text === '-' && next.start === tokens[j]!.end;
  if (!prefixed || joined) return false;
  if (next.pos === 'VERB' || next.pos === 'AUX' || lex.fractionAlone.has(next.lower)) return true;
  // "40 percent came for work, a quarter to study": 'to' and a verb give the share's purpose, its own verb left out;
  // 'to' before a number or a word of time is a time of day ("a quarter to six", "a quarter to midnight").
  if (next.lower === 'to' && tokens[j + 2]?.pos === 'VERB') return true;
  // "rose by a quarter last year", "fell by almost a third during the closure": the size of a change, whatever follows
  // it but a noun ("by a third party") or a time of day ("by a quarter past five"); after a verb of change, "to 412"
  // and "after the strike" go with the change.
  return j > i && changedBy(tokens, i, lex) && !NOUN_TAGS.has(next.pos) && !TIME_LINKS.has(next.lower);
}

const SENTENCE_ENDS = new Set(['.', '!', '?', '"', '\u201C', ':']);
const NOUN_TAGS = new Set(['NOUN', 'PROPN']);
const TIME_LINKS = new Set(['past']);
/** How many words ("almost", "more than") may stand between "by" and the fraction. */
const BY_REACH = 2;

/** True when a verb of change and "by" come right before the fraction at `i`, a bound word or two between them at most. */
function changedBy(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  for (let k = i - 1; k >= Math.max(1, i - 1 - BY_REACH); k--) {
    if (tokens[k]!.lower !== 'by') continue;
    const verb = tokens[k - 1]!;
    return lex.changeWords.has(verb.lower) || lex.changeWords.has(verb.lemma);
  }
  return false;
}

function readWords(tokens: readonly Token[], i: number, to: number, lex: Lexicon): NumberRead | undefined {
  let j = i;
  let total = 0;
  let group = 0;
  let any = false;
  let prevTens = false;
  const w0 = tokens[i]!.lower;
  if ((w0 === 'a' || w0 === 'an') && lex.multipliers.has(tokens[i + 1]?.lower ?? '')) {
    group = 1;
    any = true;
    j++;
  }
  for (; j < to; j++) {
    const w = tokens[j]!.lower;
    const card = lex.cardinals.get(w);
    const mult = lex.multipliers.get(w);
    if (card !== undefined && (group % 100 === 0 || (prevTens && card < 10))) {
      group += card;
      prevTens = card >= 20 && card % 10 === 0;
      any = true;
    } else if (w === '-' && prevTens && (lex.cardinals.get(tokens[j + 1]?.lower ?? '') ?? 10) < 10) {
      continue;
    } else if (mult && any) {
      if (mult.small) group = (group || 1) * mult.value;
      else [total, group] = [total + (group || 1) * mult.value, 0];
      prevTens = false;
    } else if (w === 'and' && any && group % 100 === 0 && group > 0 && lex.cardinals.has(tokens[j + 1]?.lower ?? '')) {
      continue;
    } else break;
  }
  if (!any) return undefined;
  if (j === i + 1 && w0 === 'one' && !lastOfCounts(tokens, i, lex)) return undefined;
  return { first: i, end: j, value: total + group, form: 'words', plain: false };
}

/** How many tokens back a list's figure may stand before "and one coach" (a figure, its noun of up to two words, "and"). */
const LIST_REACH = 4;

/**
 * "29 cars, 12 lorries, 6 vans and one coach": "one" alone is mostly a pronoun or an article ("one of them", "one
 * day"), but after "and" or a comma that goes on from a figure and its noun, and before a noun of its own, it is the
 * last count of the list.
 */
function lastOfCounts(tokens: readonly Token[], i: number, lex: Lexicon): boolean {
  const joint = tokens[i - 1]?.lower;
  const next = tokens[i + 1];
  if (joint !== 'and' && joint !== ',') return false;
  if (next && SUBJECT_VERBS.has(next.pos)) return lastOfSubjects(tokens, i);
  if (!next || next.pos !== 'NOUN' || lex.oneIdioms.has(next.lower)) return false;
  for (let k = i - 2; k >= Math.max(0, i - 1 - LIST_REACH); k--) {
    const t = tokens[k]!;
    if (t.type === 'number' || t.pos === 'NUM') return k < i - 2 && tokens[k + 1]!.pos === 'NOUN';
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.text !== ',') return false;
  }
  return false;
}

/** How many tokens back the figure of a list's earlier clause may stand before "and one remains at large". */
const CLAUSE_LIST_REACH = 16;
const SUBJECT_VERBS = new Set(['AUX', 'VERB']);

/**
 * "nine were arrested, three were ordered to report daily and one remains at large": "one" before a verb, after "and"
 * or a comma, is the last figure of a list of figures that are each the subject of their own verb, when the figure of
 * the clause before it is one too ("three were"); not "He met two ministers and one said ...".
 */
function lastOfSubjects(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 2; k >= Math.max(0, i - 1 - CLAUSE_LIST_REACH); k--) {
    const t = tokens[k]!;
    if (t.text === '.' || t.text === ';' || t.text === ':') return false;
    if (t.type === 'number' || t.pos === 'NUM') return SUBJECT_VERBS.has(tokens[k + 1]?.pos ?? '') && (k === 0 || tokens[k - 1]!.text === ',' || tokens[k - 1]!.lower === 'and');
  }
  return false;
}

/** Significant digits a figure keeps: more than any figure is written with, fewer than a double's 17. */
const FIGURE_DIGITS = 15;

/**
 * Rounds away floating-point noise: to a millionth (1.1 * 20000 = 22000.000000000004), then a value still not whole to
 * FIGURE_DIGITS significant digits, since past a billion a millionth is below a double's precision (8379.3 * 1e6 =
 * 8379299999.999999).
 */
export function tidy(x: number): number {
  const rounded = Math.round(x * 1e6) / 1e6;
  // A whole number is exact as it stands (up to Number.MAX_SAFE_INTEGER); only a fraction left over is noise.
  return Number.isInteger(rounded) || !Number.isFinite(rounded) ? rounded : Number(rounded.toPrecision(FIGURE_DIGITS));
}
