// How a claim frames its figure, read from its words (frame-words.json, each list with its reason): whether the figure
// is the size of a change or a level ("waiting lists have shrunk by 7,200" against "7,200 are waiting"), whether it is
// counted per period ("2.8 million euros every year" against "will cost 2.8 million"), and whether the claim is placed
// in the past or the future ("were sold last year" against "will be built"). Two claims that share place, figure and
// most words but differ in one of these report different facts; word vectors put them side by side. Node-free.
import words from './frame-words.json' with { type: 'json' };
import { firstStartingFrom } from '../core/range.js';
import { isAmount } from './figure-kinds.js';
import type { Span } from './terms.js';

/** A figure's place in the claim text and its kind, as the quantities annotator read it. */
export interface FramedFigure extends Span {
  readonly kind: string;
}

/** How a claim frames its figure (see the file's head); absent fields are unknown. */
export interface ClaimFrame {
  /**
   * 'fall' or 'rise' when an amount is the size of a change (which way: the claim's direction, or 'fall' for a
   * comparative downwards), 'level' when the claim states no change at all, else 'unknown'.
   */
  readonly change: 'fall' | 'rise' | 'level' | 'unknown';
  /** The period a figure is counted per ('year', 'month', 'week', 'day'), or null. */
  readonly period: string | null;
  /** 1 placed in the future only, -1 in the past only, 0 neither or both. */
  readonly time: number;
  /**
   * Whether the claim is about one year ("last year", "this year", "in 2023"): a flow given for one year is a yearly
   * figure, so "made 5 million euros last year" can retell "an annual profit of 5 million euros". Absent: no.
   */
  readonly oneYear?: boolean;
}

const set = (xs: readonly string[]): ReadonlySet<string> => new Set(xs);
const CHANGE_BEFORE = set(words.change.before);
const CHANGE_NOUNS = set(words.change.nouns);
const BOUND_WORDS = set(words.change.boundWords);
const UP_DOWN_AFTER = set(words.change.upDownAfter);
const COMPARATIVES = set(words.change.comparatives);
const DOWNWARDS = set(words.change.downwards);
const UNIT_WORDS = set(words.change.unitWords);
const GROWTH = set(words.growth.words);
const PERIOD_UNITS: Readonly<Record<string, string>> = words.period.units;
const QUANTIFIERS = set(words.period.quantifiers);
const PERIOD_ADVERBS: Readonly<Record<string, string>> = words.period.adverbs;
const PERIOD_ADJECTIVES: Readonly<Record<string, string>> = words.period.adjectives;
const NOT_RATE_NOUNS = set(words.period.notRateAfterAdjective.words);
const NOT_RATE_BEFORE = set(words.period.notRateBefore.words);
const NOT_RATE_AFTER = set(words.period.notRateAfter.words);
const NOT_RATE_PAIRS: readonly (readonly string[])[] = words.period.notRateAfter.pairs;
const YEAR_DETERMINERS = set(words.period.oneYear.determiners);
const YEAR_PREPOSITIONS = set(words.period.oneYear.prepositions);
const PAST_AFTER_LAST = set(words.time.pastAfterLast);
const PAST_WORDS = set(words.time.pastWords);
const FUTURE_AFTER_NEXT = set(words.time.futureAfterNext);
const FUTURE_WORDS = set(words.time.futureWords);
const FUTURE_BEFORE_TO = set(words.time.futureBeforeTo);
const FUTURE_END_OF = set(words.time.futureByTheEndOf.words);
const BE_PRESENT = set(words.time.bePresent);
const TARGET_BEFORE = set(words.time.targetYear.before);
const TARGET_NOT_WITH = set(words.time.targetYear.notWith);

interface Word {
  readonly w: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}]+(?:['’][\p{L}]+)?/gu;

/** The claim's words outside the masks, lower-case, with their offsets. */
function wordsOf(text: string, masks: readonly Span[]): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    if (masks.some((r) => start < r.end && r.start < end)) continue;
    out.push({ w: m[0].toLowerCase().replace('’', "'"), start, end });
  }
  return out;
}

/**
 * Whether an amount figure is the size of a change: after "by" in a claim that moves, after "up"/"down" following a verb
 * of motion or "be" (bound words between), or before a noun of change or a comparative (unit words between).
 */
function isChange(figure: FramedFigure, list: readonly Word[], moves: boolean): boolean {
  let i = firstStartingFrom(list, figure.start) - 1;
  for (let n = 0; i >= 0 && n < 4; i--, n++) {
    const w = list[i]!.w;
    if (w === 'by' && moves) return true;
    if (CHANGE_BEFORE.has(w) && w !== 'by' && UP_DOWN_AFTER.has(list[i - 1]?.w ?? '')) return true;
    if (!BOUND_WORDS.has(w)) break;
  }
  let k = firstStartingFrom(list, figure.end);
  for (let n = 0; k < list.length && n < 2 && UNIT_WORDS.has(list[k]!.w); k++, n++);
  const next = list[k]?.w;
  return next !== undefined && (CHANGE_NOUNS.has(next) || COMPARATIVES.has(next));
}

/** The period a claim counts a figure per, or null (frame-words.json: period). */
function periodOf(list: readonly Word[]): string | null {
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!.w;
    if (PERIOD_ADVERBS[w]) return PERIOD_ADVERBS[w]!;
    if (PERIOD_ADJECTIVES[w] && !NOT_RATE_NOUNS.has(list[i + 1]?.w ?? '')) return PERIOD_ADJECTIVES[w]!;
    const unit = PERIOD_UNITS[list[i + 1]?.w ?? ''];
    if (!unit || !QUANTIFIERS.has(w)) continue;
    const after = list[i + 2]?.w ?? '';
    const spanAfter = NOT_RATE_AFTER.has(after) || NOT_RATE_PAIRS.some(([x, y]) => x === after && y === list[i + 3]?.w);
    // "a year" opening the claim, after a word of span ("in a year") or before one ("a year ago") is a time, not a rate.
    if ((w === 'a' || w === 'an') && (i === 0 || NOT_RATE_BEFORE.has(list[i - 1]?.w ?? '') || spanAfter)) continue;
    return unit;
  }
  return null;
}

/** Whether the words from `at` ("by the end of" before them) name a period ahead: "the decade", "this year", "next month", not "last year". */
function endOfAhead(list: readonly Word[], at: number): boolean {
  const first = list[at]?.w ?? '';
  const noun = first === 'the' || first === 'this' || first === 'next' ? list[at + 1]?.w ?? '' : '';
  return FUTURE_END_OF.has(noun);
}

/** 1 when the claim is placed in the future only, -1 in the past only, else 0 (frame-words.json: time). */
function timeOf(list: readonly Word[], figures: readonly FramedFigure[] = []): number {
  let past = false;
  // "By 2030, Wendholm should have 11,000 more homes": a year after "by" sets a target ahead (not with "had").
  let future = !list.some((x) => TARGET_NOT_WITH.has(x.w)) && figures.some((f) => f.kind === 'year' && TARGET_BEFORE.has(list[firstStartingFrom(list, f.start) - 1]?.w ?? ''));
  for (let i = 0; i < list.length; i++) {
    const w = list[i]!.w;
    const next = list[i + 1]?.w ?? '';
    if (PAST_WORDS.has(w) || (w === 'last' && PAST_AFTER_LAST.has(next))) past = true;
    if (FUTURE_WORDS.has(w) || w.endsWith("'ll") || (w === 'next' && FUTURE_AFTER_NEXT.has(next))) future = true;
    if (next === 'to' && (FUTURE_BEFORE_TO.has(w) || BE_PRESENT.has(w))) future = true;
    if (w === 'by' && next === 'the' && list[i + 2]?.w === 'end' && list[i + 3]?.w === 'of' && endOfAhead(list, i + 4)) future = true;
  }
  return past === future ? 0 : future ? 1 : -1;
}

/** Whether the words name one year ("last year", "this year") or a year figure follows "in", "during" or "for". */
function aboutOneYear(list: readonly Word[], figures: readonly FramedFigure[]): boolean {
  if (list.some((x, i) => x.w === 'year' && YEAR_DETERMINERS.has(list[i - 1]?.w ?? ''))) return true;
  return figures.some((f) => f.kind === 'year' && YEAR_PREPOSITIONS.has(list[firstStartingFrom(list, f.start) - 1]?.w ?? ''));
}

/** How a claim text frames its figures (offsets relative to the text), outside the masked spans. */
export function frameOf(text: string, figures: readonly FramedFigure[], masks: readonly Span[], direction: number): ClaimFrame {
  const list = wordsOf(text, masks);
  const amounts = figures.filter(isAmount);
  const changes = amounts.filter((f) => isChange(f, list, direction !== 0)).length;
  const downwards = direction < 0 || (direction === 0 && list.some((x) => DOWNWARDS.has(x.w)));
  // A claim that gives the level beside the change ("up 5 points to 35 percent") states both: it is either's retelling.
  const change = changes > 0 ? (changes === amounts.length ? (downwards ? 'fall' : 'rise') : 'unknown') : direction === 0 && !list.some((x) => GROWTH.has(x.w)) ? 'level' : 'unknown';
  return { change, period: periodOf(list), time: timeOf(list, figures), oneYear: aboutOneYear(list, figures) };
}

/**
 * Whether two claims frame the same figure differently: one gives it as a fall and the other states a level (a rise
 * only against a level share: "turnout rose 64 percent" is not "turnout was 64 percent", while "the housing stock will
 * swell by 12,000" can retell "the plan foresees 12,000 homes"), or they count it per different periods (or one per a
 * period, the other not, unless that one is about one year and the other is yearly) — both only when both give an
 * amount (`amounts`: 'percent' when both give a share); or one is placed in the past only and the other in the future
 * only.
 */
export function frameConflict(a: ClaimFrame | undefined, b: ClaimFrame | undefined, amounts: 'none' | 'amount' | 'percent'): boolean {
  if (!a || !b) return false;
  if (a.time * b.time < 0) return true;
  if (amounts === 'none') return false;
  const against = (x: ClaimFrame, y: ClaimFrame) => y.change === 'level' && (x.change === 'fall' || (x.change === 'rise' && amounts === 'percent'));
  if (against(a, b) || against(b, a)) return true;
  if (a.period === b.period) return false;
  // A figure for one year against a yearly one: the same flow told two ways.
  const yearly = (x: ClaimFrame, y: ClaimFrame) => x.period === 'year' && y.period === null && y.oneYear === true;
  return !yearly(a, b) && !yearly(b, a);
}
