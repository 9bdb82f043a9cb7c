import type { Bound, QuantityKind } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import type { Figure } from './figure.js';
import { currencyAfterOf, type Lexicon } from './lexicon.js';
import { readCounted, isPlural } from './counted.js';
import { isCapitalised, isListCount } from './list-count.js';
import { readNumber, tidy, type NumberRead, type Skipped } from './numerals.js';

/** A quantity before it gets an id: token span, kind, unit and bounds. */
export interface Draft {
  readonly first: number;
  readonly end: number;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly bound: Bound;
  readonly kind: QuantityKind;
  readonly unit?: string;
}

interface Kinded {
  readonly kind: QuantityKind;
  readonly unit?: string;
  /** Token after the span when the unit word belongs to it ("three weeks", "5 million dollars"). */
  readonly end?: number;
  /** What the written number is multiplied by in the unit ("1.38Mt" is 1,380,000 t). */
  readonly factor?: number;
}

/**
 * Decides what a figure is (count, year, money...) and computes its interval; dates, clock times and counts of items
 * just named ("those three states") are skipped: they state no figure.
 */
export function classifyFigure(tokens: readonly Token[], fig: Figure, to: number, lex: Lexicon): Draft | Skipped {
  if (isDateDay(tokens, fig, lex) || isDateRange(tokens, fig, lex) || isScore(fig) || isClockTime(tokens, fig, lex) || isListCount(tokens, fig, to, lex) || isRateBase(tokens, fig, lex) || isScaleBase(tokens, fig, lex) || isVagueDuration(tokens, fig, lex)) return { skip: true, end: fig.end };
  const tally = tallyEnd(tokens, fig, to, lex);
  if (tally !== undefined) return { skip: true, end: tally };
  const kinded = kindOf(tokens, fig, to, lex);
  const read = isDuring(tokens, fig, kinded) ? { ...fig, first: fig.first + 1, cueBound: undefined, close: undefined } : fig;
  const bounds = boundsOf(read, kinded.kind, lex.approxTolerance);
  return { first: read.first, end: kinded.end ?? fig.end, ...(kinded.factor ? scaleBounds(bounds, kinded.factor) : bounds), kind: kinded.kind, ...(kinded.unit && { unit: kinded.unit }) };
}

const DURING_AFTER = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);

/**
 * "sampled water in 86 towns over 18 months", "stole 3.4 million from customers over nine years": "over" after a noun and
 * before a length of time says when, not how much; after a verb ("took over 18 months") it is a floor.
 */
function isDuring(tokens: readonly Token[], fig: Figure, kinded: Kinded): boolean {
  if (kinded.kind !== 'duration' || kinded.end === undefined || tokens[fig.first]?.lower !== 'over') return false;
  return DURING_AFTER.has(tokens[fig.first - 1]?.pos ?? '');
}

function kindOf(tokens: readonly Token[], fig: Figure, to: number, lex: Lexicon): Kinded {
  const { num, second } = fig;
  if (fig.percentUnit) return { kind: 'percent', unit: fig.percentUnit };
  if (fig.currency) return { kind: 'money', unit: fig.currency };
  if (num.form === 'fraction') return { kind: 'other', unit: 'fraction' };
  if (num.form === 'decade' || num.form === 'fiscal') return { kind: 'year-span' };
  if (num.form === 'ratio') return { kind: 'percent', unit: '%' };
  const counted = readCounted(tokens, fig.end, to, lex, num.value > 1);
  if (num.form === 'ordinal') return { kind: 'ordinal', ...(counted && { unit: counted.head.text }) };
  if (isYearLike(tokens, num) && (second ? isYearLike(tokens, second) : num.value2 === undefined || isYear(num.value2))) {
    if (second || num.value2 !== undefined) return { kind: 'year-span' };
    if (isYearContext(tokens, fig, counted?.head, lex)) return { kind: 'year' };
  }
  if (isOldYear(tokens, fig, counted !== undefined, lex)) return { kind: 'year' };
  if (isAge(tokens, fig, counted !== undefined, lex)) return { kind: 'duration', unit: 'years' };
  const measureAt = tokens[fig.end]?.text === '-' && tokens[fig.end]!.start === tokens[fig.end - 1]!.end ? fig.end + 1 : fig.end;
  const measure = measureAt < to ? tokens[measureAt] : undefined;
  // "She cleared 1.95m.": the sentence's full stop may stay on the unit.
  const measureWord = measure?.lower.endsWith('.') && !lex.measures.has(measure.lower) ? measure.lower.slice(0, -1) : measure?.lower;
  // "3.12 million cubic metres", "1.46 million m³", "40 sq km": an area or a volume is one unit (units.json powerUnits).
  const power = measure && !fig.second ? powerUnitAt(tokens, measureAt, to, lex) : undefined;
  if (power) return { kind: 'other', unit: power.unit, end: power.end };
  // "1.38Mt of ore": a unit with its scale in its letters is that many of the plain unit (units.json scaledMeasures).
  const scaled = measure ? lex.scaledMeasures.get(measure.text.replace(/\.$/, '')) : undefined;
  if (scaled && !fig.second) return { kind: 'other', unit: scaled.unit, end: measureAt + 1, factor: scaled.factor };
  if (measure && lex.measures.has(measureWord!) && !fig.second) return { kind: 'other', unit: measure.text.slice(0, measureWord!.length), end: measureAt + 1 };
  if (measure && lex.durations.has(measure.lower)) return { kind: 'duration', unit: measure.text, end: ageEnd(tokens, measureAt + 1, to, lex) };
  // "Route 9", "Article 5": the number names an item; like an ordinal it places rather than counts.
  const label = labelBefore(tokens, fig, counted !== undefined, lex);
  if (label) return { kind: 'ordinal', unit: label };
  // "14 Rowan Street", "call 101", "0800 4411", "the top two": an address, a telephone number or a place in a ranking.
  const item = itemNumber(tokens, fig, counted !== undefined, lex);
  if (item) return { kind: 'ordinal', unit: item };
  if (!counted) return { kind: 'count' };
  const { head, end } = counted;
  if (lex.durations.has(head.lower)) {
    if (datesFigure(tokens, fig.end, end - 1, lex)) return { kind: 'count' };
    return { kind: 'duration', unit: head.text, end: ageEnd(tokens, end, to, lex) };
  }
  const money = currencyAfterOf(lex, head);
  if (money) return { kind: 'money', unit: money, end };
  return { kind: 'count', unit: head.text };
}

/** "1,240 last year": a time word after "last", "next", "every"... dates or rates the figure, it is no length of time. */
function datesFigure(tokens: readonly Token[], from: number, head: number, lex: Lexicon): boolean {
  for (let k = from; k < head; k++) if (lex.timeDeixis.has(tokens[k]!.lower)) return true;
  return false;
}

/** "a 45-year-old", "45 years old": the age word belongs to the span. */
function ageEnd(tokens: readonly Token[], end: number, to: number, lex: Lexicon): number {
  const hyphen = tokens[end]?.text === '-' && tokens[end]!.start === tokens[end - 1]!.end ? 1 : 0;
  const word = tokens[end + hyphen];
  return end + hyphen < to && word !== undefined && lex.ageSuffix.has(word.lower) ? end + hyphen + 1 : end;
}

const AGE_BOUNDS = new Set(['under', 'over', 'above', 'below']);
/** Bounds that close an age after "or"/"and" ("25 or older", "65 and over"). */
const OPEN_AGE_BOUNDS = new Set(['older', 'younger', 'over', 'under', 'above', 'below']);
const CLAUSE_ENDS = new Set([',', '.', ';', 'and', 'or']);
const AGE_LINKS = new Set(['to', 'of', 'at', 'from']);
const MAX_AGE = 120;
const AGE_TURNS = new Set(['turns', 'turned']);
const AGE_STATES = new Set(['is', 'was', 'be', 'been', 'remains', 'remained', 'stays', 'stayed']);

/**
 * An age: "aged 45", "aged 13 to 17", "voters under 30", "people over 75", "as young as five", "Jose Nunez, 58, denies ...". Only a
 * whole number up to 120 with no counted noun after it.
 */
function isAge(tokens: readonly Token[], fig: Figure, counted: boolean, lex: Lexicon): boolean {
  const { num } = fig;
  if (counted || num.value > MAX_AGE || !Number.isInteger(num.value) || !(num.plain || num.form === 'words')) return false;
  const before = (k: number) => tokens[fig.first - k]?.lower ?? '';
  // "aged 45", "aged 13 to 17", "aged between 19 and 34"
  // "aged nine to 11": the first age may be written in words.
  if (lex.agePrefix.has(before(1)) && (num.plain || num.form === 'words')) return (fig.second?.value ?? 0) <= MAX_AGE;
  // "raise the pension age to 67", "a retirement age of 65"
  if (AGE_LINKS.has(before(1)) && lex.agePrefix.has(before(2)) && num.plain && !fig.second) return true;
  if (fig.second) return false;
  // "The retirement age has been 65 since 1998", "the pension age is 67": an age word, a copula and the number.
  if (AGE_STATES.has(before(1)) && (lex.agePrefix.has(before(2)) || lex.agePrefix.has(before(3))) && !fig.cueBound) return true;
  // "A woman of 87 has died": one person, "of" and a bare number.
  if (before(1) === 'of' && lex.agedPersons.has(before(2)) && !fig.cueBound) return true;
  if (AGE_BOUNDS.has(tokens[fig.first]!.lower) && lex.ageHolders.has(before(1))) return true;
  // "of whom 105,000 are over 75, ...": a bound ending the clause after a copula.
  if (AGE_BOUNDS.has(tokens[fig.first]!.lower) && lex.ageCopulas.has(before(1)) && CLAUSE_ENDS.has(tokens[fig.end]?.lower ?? '.')) return true;
  if (before(1) === 'as' && lex.ageComparatives.has(before(2)) && before(3) === 'as') return true;
  // "41 were 25 or older", "are 65 and over": a bare number after a copula, with a bound of age after it, ending the clause.
  const then = (k: number) => tokens[fig.end + k]?.lower ?? '';
  if (num.plain && lex.ageCopulas.has(before(1)) && (then(0) === 'or' || then(0) === 'and') && OPEN_AGE_BOUNDS.has(then(1)) && CLAUSE_ENDS.has(tokens[fig.end + 2]?.lower ?? '.')) return true;
  // "25- to 34-year-olds": the first age of a band whose second carries "-year-olds".
  const after = (k: number) => tokens[fig.end + k]?.lower ?? '';
  if (num.plain && after(0) === '-' && after(1) === 'to' && tokens[fig.end + 2]?.type === 'number' && [3, 4, 5, 6].some((k) => /^olds?$/.test(after(k)))) return true;
  // "My neighbour, who is 83, ...", "who turned 90 last week": a bare number after "who" and a copula is an age.
  if (num.plain && before(2) === 'who' && (lex.ageCopulas.has(before(1)) || AGE_TURNS.has(before(1)))) return true;
  const name = tokens[fig.first - 2];
  const next = tokens[fig.end];
  return num.plain && before(1) === ',' && name?.pos === 'PROPN' && /^\p{Lu}/u.test(name.text) && (next?.text === ',' || next?.text === '.');
}

/** "built in 1898", "since 1848": a year before 1900 after a word of time, with no counted noun after it. */
function isOldYear(tokens: readonly Token[], fig: Figure, counted: boolean, lex: Lexicon): boolean {
  const { num } = fig;
  if (counted || fig.second || fig.cueBound || num.form !== 'digits' || !num.plain || !/^1\d{3}$/.test(tokens[num.first]!.text)) return false;
  return num.value >= 1000 && num.value < 1900 && lex.oldYearContext.has(tokens[fig.first - 1]?.lower ?? '');
}

/**
 * What a number names when it counts nothing: a house number before a street ("14 Rowan Street"), a telephone number
 * ("call 101", a number written with a leading zero: "0800 4411") or places in a ranking ("the top two candidates").
 */
function itemNumber(tokens: readonly Token[], fig: Figure, counted: boolean, lex: Lexicon): string | undefined {
  const { num } = fig;
  if (fig.cueBound || fig.second || num.value2 !== undefined) return undefined;
  const prev = tokens[fig.first - 1]?.lower ?? '';
  // "0800 4411": a number with a leading zero, and the group of digits written right after it.
  if (num.form === 'digits' && (/^0\d/.test(tokens[num.first]!.text) || /^0\d+$/.test(tokens[fig.first - 1]?.text ?? ''))) return 'phone';
  if (num.form === 'digits' && num.plain && !counted && lex.phoneVerbs.has(prev)) return 'phone';
  // "call Carnford Police on 101": the number after "on", a verb of calling a few words before.
  if (num.form === 'digits' && num.plain && !counted && prev === 'on' && [2, 3, 4, 5].some((k) => lex.phoneVerbs.has(tokens[fig.first - k]?.lower ?? ''))) return 'phone';
  // "the three busiest routes, the 12, the 31 and the 48": a bare number after "the" and before a comma or "and",
  // counting nothing, names an item (a bus, a train); "Of the 1,200, 700 ..." names a whole and stays.
  if (prev === 'the' && !counted && num.plain && num.value < MAX_ITEM && !FRONTING.has(tokens[fig.first - 2]?.lower ?? '') && ITEM_FOLLOWERS.has(tokens[fig.end]?.text ?? '')) return 'name';
  // "The 14 and 22 bus routes": a number joined to one named so keeps its kind.
  if (num.plain && (prev === 'and' || prev === 'or') && tokens[fig.first - 2]?.type === 'number' && tokens[fig.first - 3]?.lower === 'the' && !FRONTING.has(tokens[fig.first - 4]?.lower ?? '')) return 'name';
  // "the 4, the 9 and the 16.": the last of a list of names is one whatever follows it.
  if (prev === 'the' && !counted && num.plain && num.value < MAX_ITEM && LABEL_JOINERS.has(tokens[fig.first - 2]?.lower ?? '') && tokens[fig.first - 3]?.type === 'number' && tokens[fig.first - 4]?.lower === 'the') return 'name';
  // "bus routes 7 and 14": the last number of a list after a plural label names an item too.
  if (num.plain && LABEL_JOINERS.has(prev) && tokens[fig.first - 2]?.type === 'number' && pluralLabel(tokens[labelOfList(tokens, fig.first - 1)], lex)) return 'name';
  if (lex.rankWords.has(prev) && (num.plain || num.form === 'words') && num.value <= MAX_RANK) return 'rank';
  if (num.form !== 'digits' || !num.plain || num.value > MAX_HOUSE) return undefined;
  // A capitalised name of one to three words after the number, ending in a street word.
  for (let k = fig.end; k < fig.end + 3; k++) {
    const tok = tokens[k];
    if (!tok || tok.type !== 'word' || !/^\p{Lu}/u.test(tok.text)) return undefined;
    if (k > fig.end && lex.streetWords.has(tok.lower.replace(/\.$/, ''))) return 'address';
  }
  return undefined;
}

/** What joins the numbers of items after a plural label ("routes 7 and 14", "platforms 3, 4 and 5"). */
const LABEL_JOINERS = new Set([',', 'and', 'or']);

/** The token before a list of numbers "3, 4 and" that ends with the joiner at `at`. */
function labelOfList(tokens: readonly Token[], at: number): number {
  let k = at;
  while (k >= 2 && LABEL_JOINERS.has(tokens[k]!.lower) && tokens[k - 1]!.type === 'number') k -= 2;
  return k;
}

/** "routes", "platforms", "wards": the plural of a label word (units.json labels), in lower case. */
function pluralLabel(tok: Token | undefined, lex: Lexicon): boolean {
  if (!tok || tok.type !== 'word' || !tok.lower.endsWith('s')) return false;
  return lex.labels.has(tok.lower.slice(0, -1)) || (tok.lower.endsWith('es') && lex.labels.has(tok.lower.slice(0, -2)));
}

/** Words before "the" that make the number after it a whole named first ("Of the 1,200, ..."), not an item's name. */
export const FRONTING: ReadonlySet<string> = new Set(['of', 'among', 'amongst', 'from']);
/** What follows an item's name in a list of names ("the 12, the 31 and the 48"). */
const ITEM_FOLLOWERS = new Set([',', 'and', 'or']);
/** The largest number read as an item's name after "the". */
const MAX_ITEM = 1000;

/** The largest number read as places in a ranking ("the top 10") and as a house number. */
const MAX_RANK = 100;
const MAX_HOUSE = 9999;

/** "between 4 and 6 October", "from 3 to 9 May": the days of a stretch of dates, never a count. */
function isDateRange(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const { num, second } = fig;
  if (!second || !num.plain || num.value < 1 || num.value > 31 || second.value < 1 || second.value > 31 || !/^\d{1,2}$/.test(tokens[second.first]!.text)) return false;
  const month = (tok: Token | undefined) => tok !== undefined && isMonth(tok, lex);
  return month(tokens[second.end]) || month(tokens[num.first - 1]);
}

/** "3.1 doctors per 10,000 people": the base of a rate, not a figure of its own. */
function isRateBase(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  return !fig.currency && !fig.percentUnit && lex.rateBase.has(tokens[fig.first - 1]?.lower ?? '');
}

/** How far before "out of" the figure read on a scale may stand ("two points out of 100"). */
const SCALE_REACH = 4;

/** "rose by two points out of 100", "7 out of 10": a round scale after a figure and "out of", with no noun after it. */
function isScaleBase(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const { num } = fig;
  if (fig.cueBound || fig.second || fig.currency || fig.percentUnit || !lex.scaleBases.has(num.value)) return false;
  if (tokens[fig.first - 1]?.lower !== 'of' || tokens[fig.first - 2]?.lower !== 'out') return false;
  if (tokens[fig.end]?.pos === 'NOUN') return false;
  for (let k = fig.first - 3; k >= Math.max(0, fig.first - 2 - SCALE_REACH); k--) if (tokens[k]!.type === 'number' || lex.cardinals.has(tokens[k]!.lower)) return true;
  return false;
}

/** The largest number read as part of a vague length of time ("a year or two"). */
const MAX_VAGUE = 3;

/** "over the last year or two", "a day or two": a small number after a unit of time and "or". */
function isVagueDuration(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const { num } = fig;
  return !fig.second && !fig.cueBound && num.value <= MAX_VAGUE && (num.plain || num.form === 'words') && tokens[fig.first - 1]?.lower === 'or' && lex.vagueDurations.has(tokens[fig.first - 2]?.lower ?? '');
}

/** The largest count of a tally ("a vote of seven to two", "ruled 5 to 4"). */
const MAX_TALLY = 20;

/**
 * "The decision was taken by a vote of seven to two": two small whole numbers joined by "to", the larger first, with
 * no unit: a tally, not a range nor two counts. Returns the token after it.
 */
function tallyEnd(tokens: readonly Token[], fig: Figure, to: number, lex: Lexicon): number | undefined {
  const { num } = fig;
  if (fig.second || fig.cueBound || fig.currency || fig.percentUnit || !(num.plain || num.form === 'words') || num.value > MAX_TALLY || tokens[fig.end]?.lower !== 'to') return undefined;
  const other = fig.end + 1 < to ? readNumber(tokens, fig.end + 1, to, lex, false) : undefined;
  if (!other || 'skip' in other || !(other.plain || other.form === 'words') || other.value >= num.value) return undefined;
  const after = tokens[other.end];
  return after === undefined || after.type !== 'word' || after.pos !== 'NOUN' ? other.end : undefined;
}

/** "at 9 pm", "10 a.m.", "1500 GMT", "at eleven in the morning", "the 7.42 to Leeds": a time of day. */
function isClockTime(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const next = tokens[fig.end];
  if (fig.currency || fig.percentUnit || fig.second || fig.cueBound || next === undefined) return false;
  if (fig.num.form === 'digits' && lex.clockAfter.has(next.lower)) return true;
  const hour = ((fig.num.plain || fig.num.form === 'words') && Number.isInteger(fig.num.value) && fig.num.value >= 1 && fig.num.value <= MAX_CLOCK_HOUR) || isHourAndMinutes(tokens, fig);
  if (hour && next.lower === 'in' && tokens[fig.end + 1]?.lower === 'the' && lex.dayParts.has(tokens[fig.end + 2]?.lower ?? '')) return true;
  return isDepartureTime(tokens, fig, lex);
}

const MAX_CLOCK_HOUR = 12;

/** Prepositions that set a clock reading in time ("at 4.12", "until 11.30"); "rose 4.12" is a change, not a time. */
const CLOCK_BEFORE = new Set(['at', 'by', 'until', 'till', 'from', 'after', 'before', 'since', 'around']);

/**
 * "at 4.12", "until 11:05": one token of an hour (twelve at most) and two-digit minutes after a preposition of time,
 * read as a time before "in the morning" ("shares rose 4.12 in the morning session" stays a figure).
 */
function isHourAndMinutes(tokens: readonly Token[], fig: Figure): boolean {
  if (fig.num.form !== 'digits' || fig.num.end - fig.num.first !== 1 || !CLOCK_BEFORE.has(tokens[fig.first - 1]?.lower ?? '')) return false;
  const m = /^(\d{1,2})[.:]([0-5]\d)$/.exec(tokens[fig.num.first]!.text);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= MAX_CLOCK_HOUR;
}

/** "the 7.42": "the", then hours and two-digit minutes after a point, and no noun after it. */
function isDepartureTime(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const text = tokens[fig.num.first]!.text;
  const m = fig.num.form === 'digits' && fig.num.end - fig.num.first === 1 ? /^(\d{1,2})\.([0-5]\d)$/.exec(text) : null;
  if (!m || Number(m[1]) > lex.maxDepartureHour || tokens[fig.first - 1]?.lower !== 'the') return false;
  const next = tokens[fig.end];
  return next === undefined || next.type !== 'word' || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ');
}

const isYear = (value: number) => Number.isInteger(value) && value >= 1900 && value <= 2100;

function isYearLike(tokens: readonly Token[], num: NumberRead): boolean {
  const text = tokens[num.first]!.text;
  if (num.form !== 'digits' || !isYear(num.value)) return false;
  return num.plain || /^\d{4}[-–]\d{4}$/.test(text);
}

/** "in 2016", "March 2021", "the 2016 election": a year. "2000 people" or "more than 2000" is a count. */
function isYearContext(tokens: readonly Token[], fig: Figure, head: Token | undefined, lex: Lexicon): boolean {
  const prev = tokens[fig.first - 1];
  if (prev && (lex.yearContext.has(prev.lower) || isMonth(prev, lex))) return true;
  if (head && lex.yearHeads.has(head.lower)) return true;
  if (head && isPlural(head, lex)) return false;
  return fig.cueBound === undefined || fig.cueBound === 'approx';
}

function isMonth(tok: Token, lex: Lexicon): boolean {
  return lex.months.has(tok.lower) && /^\p{Lu}/u.test(tok.text);
}

/** "won 3-1", "a 1-1 draw": a score, or an id, written as one token with a second number no larger than the first. */
function isScore(fig: Figure): boolean {
  return fig.num.value2 !== undefined && fig.num.value2 <= fig.num.value && fig.num.form === 'digits';
}

const DAY_JOINERS = new Set(['and', 'or', 'to', '-', '–', ',']);

/** The day of a date ("3 March", "March 3rd", "the 3rd of March"): never a count. */
function isDateDay(tokens: readonly Token[], fig: Figure, lex: Lexicon): boolean {
  const { num } = fig;
  const prev = tokens[num.first - 1];
  const next = tokens[num.end];
  // "conducted Sept. 8-14", "March 3-5": a range of days beside a month.
  const days = num.form === 'digits' && num.value2 !== undefined && num.value >= 1 && num.value < num.value2 && num.value2 <= 31;
  if (days && !fig.cueBound && [prev, next].some((tok) => tok !== undefined && isMonth(tok, lex))) return true;
  if (!(num.plain || num.form === 'ordinal') || num.value < 1 || num.value > 31 || fig.second || fig.cueBound) return false;
  const afterOf = next?.lower === 'of' ? tokens[num.end + 1] : undefined;
  if ([prev, next, afterOf].some((tok) => tok !== undefined && isMonth(tok, lex))) return true;
  // "August 20 and 27", "20 and 27 August": the second or first day of a pair of dates.
  const isDay = (tok: Token | undefined) => tok?.type === 'number' && /^\d{1,2}$/.test(tok.text) && Number(tok.text) <= 31;
  const paired = (tok: Token | undefined) => tok !== undefined && DAY_JOINERS.has(tok.lower);
  if (paired(prev) && isDay(tokens[num.first - 2]) && tokens[num.first - 3] !== undefined && isMonth(tokens[num.first - 3]!, lex)) return true;
  return paired(next) && isDay(tokens[num.end + 1]) && tokens[num.end + 2] !== undefined && isMonth(tokens[num.end + 2]!, lex);
}

/** "No. 10", "Article 5", "Boeing 737": the number names an item. Returns the label word. */
function labelBefore(tokens: readonly Token[], fig: Figure, counted: boolean, lex: Lexicon): string | undefined {
  const prev = tokens[fig.first - 1];
  if (!prev || fig.cueBound || fig.second || fig.num.form !== 'digits' || fig.num.value2 !== undefined) return undefined;
  // "the Deepwater terminal 640,000": a number written with thousands separators counts; labels are short numbers.
  if (/\d,\d{3}/.test(tokens[fig.first]?.text ?? '')) return undefined;
  // "contract customers number 3.6 million": a number with a decimal point or a scale word is counted, not a label.
  const scaled = !fig.num.plain || /\./.test(tokens[fig.first]?.text ?? '');
  if (lex.labels.has(prev.lower) && !(prev.lower === 'number' && scaled)) return prev.lower;
  // "The district's snakebite helpline, 104, works", "call the health line at 811": a number a line is reached on.
  const line = tokens[fig.first - 2];
  if (!scaled && line !== undefined && lex.phoneLines.has(line.lower) && ((prev.text === ',' && tokens[fig.end]?.text === ',') || prev.lower === 'at' || prev.lower === 'on')) return line.lower;
  // "bus routes 7 and 14", "platforms 3, 4 and 5": a plural label before numbers joined in a list names each of them.
  if (pluralLabel(prev, lex) && fig.num.plain && LABEL_JOINERS.has(tokens[fig.end]?.lower ?? '') && tokens[fig.end + 1]?.type === 'number') return prev.lower;
  const named = prev.pos === 'PROPN' && prev.type === 'word' && !isMonth(prev, lex) && /^\p{Lu}/u.test(prev.text);
  // "the Conservatives 22 and the Greens 14": a plural name after "the" is a group given a figure, not a numbered item.
  // "the Social Democrats 58": the name may run over several capitalised words after "the".
  const group = /[^su]s$/.test(prev.lower) && tokens[nameStart(tokens, fig.first - 1) - 1]?.lower === 'the';
  // "the Farmers Union 40 of the 90 seats": a figure that is a part of a whole after it counts, it names nothing.
  const partOf = tokens[fig.end]?.lower === 'of' && tokens[fig.end + 2]?.type === 'number';
  return named && fig.num.plain && !counted && !group && !partOf ? prev.text : undefined;
}


/** The first token of the run of capitalised words that ends at `at` (three words at most). */
function nameStart(tokens: readonly Token[], at: number): number {
  let k = at;
  while (k > at - 2 && k > 0 && isCapitalised(tokens[k - 1])) k--;
  return k;
}

type Bounds = Pick<Draft, 'value' | 'low' | 'high' | 'bound'>;

/** The interval a figure states: exact, ±tolerance, a floor, a ceiling (floor 0) or a range. */
/** "cubic metres" / "m ³" / "sq km" at token `at`: the unit as a symbol with its power ("m³", "km²") and the token after it. */
function powerUnitAt(tokens: readonly Token[], at: number, to: number, lex: Lexicon): { unit: string; end: number } | undefined {
  const first = tokens[at];
  const second = at + 1 < to ? tokens[at + 1] : undefined;
  if (!first || !second) return undefined;
  const before = lex.powers.get(first.lower);
  const beforeLength = lex.powerLengths.get(second.lower.replace(/\.$/, ''));
  if (before && beforeLength && /^[a-z]/i.test(first.text)) return { unit: `${beforeLength}${before}`, end: at + 2 };
  // "m³": the power sign written onto the unit, which the tokenizer cuts off.
  const length = lex.powerLengths.get(first.lower);
  const after = lex.powers.get(second.text);
  if (length && after && !/^[a-z]/i.test(second.text) && second.start === first.end) return { unit: `${length}${after}`, end: at + 2 };
  return undefined;
}

/** Bounds multiplied by a unit's scale. */
function scaleBounds(b: Bounds, factor: number): Bounds {
  return { ...b, value: tidy(b.value * factor), ...(b.low !== undefined && { low: tidy(b.low * factor) }), ...(b.high !== undefined && { high: tidy(b.high * factor) }) };
}

export function boundsOf(fig: Figure, kind: QuantityKind, tolerance: number): Bounds {
  const { num } = fig;
  const far = fig.second?.value ?? num.value2;
  if (far !== undefined) return { value: num.value, low: num.value, high: far, bound: 'range' };
  const bound: Bound = fig.cueBound ?? num.vague?.bound ?? 'exact';
  const vagueLow = num.vague?.low;
  const vagueHigh = num.vague?.high;
  const dated = kind === 'year' || kind === 'year-span';
  switch (bound) {
    case 'at-least': {
      // "just over 40 percent": just above 40, so no higher than a tolerance above it.
      const high = fig.close && !dated ? (vagueHigh ?? tidy(num.value + Math.abs(num.value) * tolerance)) : undefined;
      return { value: num.value, low: vagueLow ?? num.value, ...(high !== undefined && { high }), bound };
    }
    case 'at-most': {
      // "nearly 80 percent": just under 80, so no lower than a tolerance below it.
      const low = fig.close ? (vagueLow ?? tidy(num.value - Math.abs(num.value) * tolerance)) : 0;
      return { value: num.value, ...(!dated && { low }), high: vagueHigh ?? num.value, bound };
    }
    case 'approx':
      if (dated) return { value: num.value, bound };
      return { value: num.value, low: vagueLow ?? tidy(num.value - Math.abs(num.value) * tolerance), high: vagueHigh ?? tidy(num.value + Math.abs(num.value) * tolerance), bound };
    default:
      return { value: num.value, low: num.value, high: num.value, bound };
  }
}
