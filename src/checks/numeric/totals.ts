import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { contains, type Range } from '../../core/range.js';
import { phraseTokens } from '../../nlp/phrases.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { firstFigureFrom, fmt, guaranteed, lastEndingBy, stated, sumOf, type Located } from './context.js';
import totalCues from './total-cues.json' with { type: 'json' };
import settings from './numeric.json' with { type: 'json' };
import { canSum, type UnitKeys } from './units.js';

/** What a cue says of the figures around it (see total-cues.json). */
export type CueRole = 'total' | 'split' | 'subset' | 'rest';

interface TotalCue {
  readonly tokens: readonly string[];
  readonly notFollowedBy: ReadonlySet<string>;
  readonly notPrecededBy: ReadonlySet<string>;
  readonly role: CueRole;
  /** Marks only a figure after it (", giving turnover of £184m"), never the one before it. */
  readonly forward: boolean;
}

/** A cue found in the text: its characters, its tokens `[first, end)` and its role. */
export interface CueSpan extends Range {
  readonly first: number;
  readonly last: number;
  readonly role: CueRole;
  /** Marks only a figure after it, with a noun and "of" between at most (", giving turnover of £184m"). */
  readonly forward?: boolean;
}

/** Total cues indexed by their first token; '*' matches any token. */
export type TotalCues = ReadonlyMap<string, readonly TotalCue[]>;

/** Compiles total-cues.json once. */
export function compileTotalCues(): TotalCues {
  const byFirst = new Map<string, TotalCue[]>();
  for (const entry of totalCues.entries) {
    const tokens = phraseTokens(entry.phrase).map((t) => t.toLowerCase());
    const { notFollowedBy = [], notPrecededBy = [], role = 'total', forward = false } = entry as { notFollowedBy?: string[]; notPrecededBy?: string[]; role?: CueRole; forward?: boolean };
    const cue = { tokens, notFollowedBy: new Set(notFollowedBy), notPrecededBy: new Set(notPrecededBy), role, forward };
    byFirst.set(tokens[0]!, [...(byFirst.get(tokens[0]!) ?? []), cue]);
  }
  return byFirst;
}

const found = new WeakMap<TotalCues, WeakMap<readonly Token[], Map<number, readonly CueSpan[]>>>();

/**
 * Total cues in tokens `[from, to)`, in text order. Remembered per document and range: the readings ask for the cues of
 * a sentence once per candidate, and a long sentence of many candidates was read once per candidate.
 */
export function findTotalCues(tokens: readonly Token[], from: number, to: number, cues: TotalCues): readonly CueSpan[] {
  let byTokens = found.get(cues);
  if (!byTokens) found.set(cues, (byTokens = new WeakMap()));
  let byRange = byTokens.get(tokens);
  if (!byRange) byTokens.set(tokens, (byRange = new Map()));
  const key = from * (tokens.length + 1) + to;
  let spans = byRange.get(key);
  if (!spans) byRange.set(key, (spans = scanTotalCues(tokens, from, to, cues)));
  return spans;
}

function scanTotalCues(tokens: readonly Token[], from: number, to: number, cues: TotalCues): CueSpan[] {
  const out: CueSpan[] = [];
  for (let i = from; i < to; i++) {
    for (const cue of cues.get(tokens[i]!.lower) ?? []) {
      const end = i + cue.tokens.length;
      if (end > to || !cue.tokens.every((t, k) => t === '*' || tokens[i + k]!.lower === t)) continue;
      if (end < to && cue.notFollowedBy.has(tokens[end]!.lower)) continue;
      if (i > from && cue.notPrecededBy.has(tokens[i - 1]!.lower)) continue;
      out.push({ start: tokens[i]!.start, end: tokens[end - 1]!.end, first: i, last: end, role: cue.role, ...(cue.forward && { forward: true }) });
    }
  }
  return out;
}

const MAX_PARTS = 30;
/**
 * How many figures before a total are looked at for its parts: the parts of a total are stated just before it. A
 * paragraph of thousands of figures that do not fit (a text without blank lines) made every total scan it all.
 */
const MAX_LOOKBACK = 200;

/** The parts a total may sum: counted figures with a compatible unit earlier in its paragraph, else also the one before; earlier totals are not parts. */
export function partsOf(located: readonly Located[], at: number, total: Located, totals: ReadonlySet<string>, units: UnitKeys, loose: Loose = STRICT, money = false): Located[] {
  const unit = units.get(total.q.id)!;
  const counted = (l: Located) => (money ? isLoose(l.q, units) : isCount(l.q, units));
  // A whole of a figure within it ("£3.2 million, of which £900,000 ...") is still one part; that figure is none.
  const free = (l: Located) => (!totals.has(l.q.id) || loose.holders.has(l.q.id)) && !loose.nested.has(l.q.id);
  const fits = (l: Located) => counted(l) && free(l) && l.sentence < total.sentence && canSum(unit, units.get(l.q.id)!);
  const same: Located[] = [];
  const before: Located[] = [];
  for (let i = at - 1; i >= Math.max(0, at - MAX_LOOKBACK) && same.length + before.length < MAX_PARTS; i--) {
    const l = located[i]!;
    if (l.paragraph < total.paragraph - 1) break;
    if (fits(l)) (l.paragraph === total.paragraph ? same : before).push(l);
  }
  return (same.length >= 2 ? same : [...same, ...before]).reverse();
}

/**
 * The figures of a total's own sentence before its forward cue that can be its parts: free (no total, not within
 * another amount) and summable with it.
 */
function ownBefore(group: readonly Located[], total: Located, cue: CueSpan, totals: ReadonlySet<string>, loose: Loose): Located[] {
  const unit = loose.units.get(total.q.id);
  if (unit === undefined) return [];
  return group.filter((l) => l.q.end <= cue.start && isLoose(l.q, loose.units) && !totals.has(l.q.id) && !loose.nested.has(l.q.id) && canSum(unit, loose.units.get(l.q.id)!));
}

/** True when a count without a noun of its own stands after the first of `found`, before the sentence at `at`. */
function bareBetween(located: readonly Located[], at: number, found: readonly Located[], units: UnitKeys, nested: ReadonlySet<string> = new Set()): boolean {
  if (found.length < 2) return false;
  const first = found[0]!.q.start;
  for (let i = at - 1; i >= 0 && located[i]!.q.start > first; i--) {
    const { q } = located[i]!;
    if (q.quantityKind === 'count' && q.bound !== 'range' && !units.has(q.id) && !nested.has(q.id)) return true;
  }
  return false;
}

const isCount = (q: QuantityAnnotation, units: UnitKeys) => q.quantityKind === 'count' && units.has(q.id);
/** A count or a sum of money ("418 million euros in all") with a noun, its own or one left out (`Loose.units`). */
const isLoose = (q: QuantityAnnotation, units: UnitKeys) => (q.quantityKind === 'count' || q.quantityKind === 'money') && units.has(q.id);

/**
 * What a total cue may also tie together when it marks the total itself ("That made 485 in all", "418 million euros in
 * all"): sums of money, and bare figures whose noun is left out.
 */
export interface Loose {
  /** Units with the nouns that bare figures leave out (units.ts `elidedUnits`). */
  readonly units: UnitKeys;
  /** Figures within an amount of their own sentence (`nestedFigures`): never separate parts. */
  readonly nested: ReadonlySet<string>;
  /** The amounts that hold them: still parts, though judged as wholes of their own. */
  readonly holders: ReadonlySet<string>;
}

const STRICT: Loose = { units: new Map(), nested: new Set(), holders: new Set() };

/**
 * `total-unsupported`: a total (after a total cue) that the parts stated before it do not support. `totals` holds the
 * figures already judged as totals (of a list after them); they are neither judged again nor taken as parts. Counts
 * with their own noun are tried first, as any figure of the cue's sentence; then, with `loose`, the figure the cue
 * marks, read with nouns left out and sums of money.
 */
export function checkTotals(doc: Document, located: readonly Located[], sentenceTokens: (s: number) => [number, number], tokens: readonly Token[], cues: TotalCues, units: UnitKeys, totals: Set<string>, loose?: Loose): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < located.length; ) {
    let j = i;
    while (j < located.length && located[j]!.sentence === located[i]!.sentence) j++;
    const group = located.slice(i, j);
    const [from, to] = sentenceTokens(located[i]!.sentence);
    const spans = group.some((l) => isLoose(l.q, loose?.units ?? units)) ? findTotalCues(tokens, from, to, cues).filter((c) => c.role === 'total') : [];
    const open = spans.length ? outside(group, spans).filter((l) => l.q.bound !== 'range' && !totals.has(l.q.id)) : [];
    const strict = open.filter((l) => isCount(l.q, units)).sort((a, b) => b.q.value - a.q.value);
    const finding = judgeFirst(strict, group, (total) => {
      const found = partsOf(located, i, total, totals, units, loose && { ...loose, holders: STRICT.holders });
      // "Easby followed on 1,208, Kerr on 731 and Ware on 219. A total of 3,800 ...": counts that name what they count
      // with bare counts among them are part of a list whose other parts leave the noun out; read without those, the
      // sum would be judged on half the list, so the loose reading below judges it whole.
      return bareBetween(located, i, found, units, loose?.nested) ? [] : found;
    });
    if (finding !== null) {
      if (finding) findings.push(finding);
    } else if (loose) {
      const marked = open.filter((l) => isLoose(l.q, loose.units) && cuesNear(tokens, spans, l.q).some((c) => marks(tokens, c, l.q)));
      const looseFinding = judgeFirst(marked, group, (total) => {
        const found = partsOf(located, i, total, totals, loose.units, loose, true);
        if (bareBetween(located, i, found, loose.units, loose.nested)) return [];
        // "Business rates bring in another £51m. Grants add £33m, giving an income of £168m": a forward cue closes the
        // list its own clause ends, so the figures before it in its sentence are the list's last parts.
        const cue = cuesNear(tokens, spans, total.q).find((c) => c.forward && marks(tokens, c, total.q));
        return found.length > 0 && cue ? [...found, ...ownBefore(group, total, cue, totals, loose)] : found;
      }, loose.units);
      if (looseFinding) findings.push(looseFinding);
    }
    i = j;
  }
  return findings;

  /** Judges the first candidate with two parts at least: its finding, undefined when it holds, null when none was judged. */
  function judgeFirst(candidates: readonly Located[], group: readonly Located[], parts: (total: Located) => Located[], keys: UnitKeys = units): Finding | undefined | null {
    for (const total of candidates) {
      // "would cost £58m in all, to be paid for with £12m ..., a £40m bank loan and a £6m grant": the figures after a
      // total in its own sentence that make it exactly are its parts; the figures before it are then none of them.
      if (closedAfter(doc, total, group, keys)) {
        totals.add(total.q.id);
        return undefined;
      }
      const found = parts(total);
      if (found.length < 2) continue;
      // A sum far from its total is a misreading, not a judgment (numeric.json plausibleSums).
      if (!plausibleSum(found.reduce((a, p) => a + p.q.value, 0), total.q.value)) return null;
      totals.add(total.q.id);
      // Parts far below their total are some of its parts: the reading holds them, and nothing is said.
      if (silentShortfall(doc, total.q, found.map((p) => p.q), located, loose?.nested ?? STRICT.nested)) return undefined;
      return judgeTotal(doc, total.q, found.map((p) => p.q), 'before');
    }
    return null;
  }
}

/**
 * True when two or more figures after `total` in its own sentence, each summable with it (`canSum` of their unit
 * keys), add up to it as `judgeTotal` reads a sum: then they are its parts.
 */
function closedAfter(doc: Document, total: Located, sentence: readonly Located[], units: UnitKeys): boolean {
  const unit = units.get(total.q.id);
  if (unit === undefined) return false;
  const after: QuantityAnnotation[] = [];
  // At most MAX_PARTS figures after it are read, so that a sentence of thousands of figures is not read once per total.
  for (let k = firstFigureFrom(sentence, total.q.end); k < sentence.length && after.length < MAX_PARTS; k++) {
    const { q } = sentence[k]!;
    const key = units.get(q.id);
    if (q.bound !== 'range' && q.quantityKind === total.q.quantityKind && key !== undefined && canSum(unit, key)) after.push(q);
  }
  return after.length >= 2 && judgeTotal(doc, total.q, after, 'after') === undefined;
}


/**
 * How many tokens a total cue has at most, with the reach of `marks` and `isCueOf` (next-sentence.ts) before a figure:
 * cues starting further off mark none.
 */
const CUE_WINDOW = 16;

/**
 * The cues of `spans` (in text order of their first token) that may mark the figure `q`: those starting at most
 * CUE_WINDOW tokens before it and at most two after its end, found by binary search, not by a scan of every cue of a
 * sentence for each figure (a long sentence of many cues was quadratic).
 */
export function cuesNear(tokens: readonly Token[], spans: readonly CueSpan[], q: QuantityAnnotation): readonly CueSpan[] {
  const first = tokenAt(tokens, q.start);
  const after = tokenAt(tokens, q.end);
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.first < first - CUE_WINDOW) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < spans.length && spans[end]!.first <= after + 2) end++;
  return spans.slice(lo, end);
}

/** "485 in all", "in all, 485", "a total of 485": the cue right before the figure, or right after it (and its noun). */
function marks(tokens: readonly Token[], cue: CueSpan, q: QuantityAnnotation): boolean {
  const first = tokenAt(tokens, q.start);
  const after = tokenAt(tokens, q.end);
  if (cue.forward) return forwardMark(tokens, cue, first);
  if ((cue.last <= first && first - cue.last <= 1) || (cue.first >= after && cue.first - after <= 2)) return true;
  // "Altogether that is 470 burglaries", "In all, there were 485": a cue, then a frame of a pronoun and a copula.
  if (cue.last > first || first - cue.last > FRAME_REACH + 1) return false;
  for (let k = cue.last; k < first; k++) if (!FRAME_WORDS.has(tokens[k]!.lower)) return false;
  return true;
}

/** How many words a forward cue's noun may take before its "of" (", giving total turnover of £184m"). */
const FORWARD_REACH = 3;
const FORWARD_WORDS = new Set(['NOUN', 'ADJ', 'DET']);

/** ", giving 184", ", giving turnover of £184m", ", making a total of 74": a forward cue, a noun and "of" at most, then the figure. */
export function forwardMark(tokens: readonly Token[], cue: CueSpan, first: number): boolean {
  if (first < cue.last) return false;
  if (first === cue.last) return true;
  if (tokens[first - 1]?.lower !== 'of' || first - 1 - cue.last > FORWARD_REACH) return false;
  for (let k = cue.last; k < first - 1; k++) if (!FORWARD_WORDS.has(tokens[k]!.pos)) return false;
  return true;
}

/** How many words of a frame may stand between a total cue and the figure it marks ("Altogether, that is 470"). */
const FRAME_REACH = 3;
const FRAME_WORDS = new Set([',', 'that', 'this', 'it', 'there', 'they', 'is', 'was', 'were', 'are', 'makes', 'made', 'comes', 'came', 'to', 'numbered', 'number']);

/** The figures of `group` not inside any of `spans` (both in text order): one merge, not a scan of every span per figure. */
function outside(group: readonly Located[], spans: readonly Range[]): Located[] {
  const out: Located[] = [];
  let k = 0;
  for (const l of group) {
    while (k < spans.length && spans[k]!.end <= l.q.start) k++;
    let inside = false;
    for (let j = k; j < spans.length && spans[j]!.start <= l.q.start; j++) if (contains(spans[j]!, l.q)) inside = true;
    if (!inside) out.push(l);
  }
  return out;
}

const quote = (doc: Document, q: QuantityAnnotation) => `"${doc.slice(q)}"${q.quantityKind === 'count' && q.unit && !doc.slice(q).includes(q.unit) ? ` ${q.unit}` : ''}`;

const { lowestRatio, highestRatio } = settings.plausibleSums;

/** Parts that add up to less than this share of their total name only some of its parts (numeric.json shortLists). */
export const SHORT_LIST_RATIO = settings.shortLists.lowestRatio;

/**
 * True when parts that add up to less than their total say nothing: they fall short by more than a tenth (some of its
 * parts), or a figure of the total's kind was left out among them (a misreading). The reading still holds its figures.
 */
export function silentShortfall(doc: Document, total: QuantityAnnotation, parts: readonly QuantityAnnotation[], figures: readonly Located[], nested: ReadonlySet<string>): boolean {
  const sum = sumOf(parts.map((p) => p.value));
  return sum < total.value && (stopsShort(sum, total.value) || skipsFigure(doc, total, parts, figures, nested));
}

/** True when parts summing to `sum` fall so far short of `total` that they read as some of its parts, not a slip. */
export function stopsShort(sum: number, total: number): boolean {
  return total > 0 && sum < SHORT_LIST_RATIO * total;
}

/**
 * True when a figure of the total's kind lies among the parts but is none of them ("Northgate has recorded 92 of the
 * cases and Riverside 67. Eastholm accounts for 41, with the remaining 19"): parts that fall short of their total may
 * then be a reading that left a part out, and a warning would show arithmetic the text does not state.
 */
export function skipsFigure(doc: Document, total: QuantityAnnotation, parts: readonly QuantityAnnotation[], figures: readonly Located[], nested: ReadonlySet<string>): boolean {
  if (parts.length < 2) return false;
  let from = Infinity;
  let to = -Infinity;
  for (const p of parts) {
    from = Math.min(from, p.start);
    to = Math.max(to, p.start);
  }
  const ids = new Set(parts.map((p) => p.id));
  for (let k = firstFigureFrom(figures, from + 1); k < figures.length && figures[k]!.q.start < to; k++) {
    const { q } = figures[k]!;
    // A figure within an amount of its own sentence ("of which £2 million") is rightly none of the parts.
    if (q.id === total.id || ids.has(q.id) || nested.has(q.id)) continue;
    // A bare number read as a label ("Riverside 67", as "Route 67" is) may be a part all the same.
    if (q.quantityKind === total.quantityKind || (q.quantityKind === 'ordinal' && /^\d[\d,]*$/.test(doc.slice(q)))) return true;
  }
  return false;
}

/** True when parts summing to `sum` may be a slip in a total `total` rather than a misreading (numeric.json plausibleSums). */
export function plausibleSum(sum: number, total: number): boolean {
  return total <= 0 || (sum >= lowestRatio * total && sum <= highestRatio * total);
}

/** Compares a total with the sum of its parts, stated `before` or `after` it; a finding when the parts cannot make it. */
export function judgeTotal(doc: Document, total: QuantityAnnotation, parts: readonly QuantityAnnotation[], where: 'before' | 'after'): Finding | undefined {
  const lows = parts.map((p) => guaranteed(p).low);
  const sumLow = sumOf(lows);
  const sumHigh = sumOf(parts.map((p) => guaranteed(p).high));
  const sumValue = sumOf(parts.map((p) => p.value));
  const terms = (xs: readonly number[]) => xs.map(fmt).join(' + ');
  let message: string;
  if (total.bound === 'at-least') {
    const floor = total.low ?? total.value;
    if (sumLow >= floor) return undefined;
    // "up to 6,000" adds nothing certain; "nearly 500" (a floor a tolerance below it) adds that floor.
    const upper = parts.filter((p) => p.bound === 'at-most' && !((p.low ?? 0) > 0));
    message = `${quote(doc, total)} is a lower bound of ${fmt(floor)}, but the figures ${where} it guarantee only ${fmt(sumLow)} (${terms(lows)}).`;
    if (upper.length) {
      message += ` ${upper.map((p) => quote(doc, p)).join(' and ')} ${upper.length > 1 ? 'are upper bounds and add' : 'is an upper bound and adds'} 0 to a lower bound: a lower-bound total built from an upper-bound part.`;
    }
    message += sumValue >= floor && upper.length
      ? ` The stated figures reach ${fmt(sumValue)} only by counting the upper bound as if it were certain.`
      : ` Even the stated figures sum to only ${fmt(sumValue)}.`;
  } else if (total.bound === 'at-most') {
    const ceiling = total.high ?? total.value;
    if (sumLow <= ceiling) return undefined;
    message = `${quote(doc, total)} is an upper bound of ${fmt(ceiling)}, but the figures ${where} it already guarantee ${fmt(sumLow)} (${terms(lows)}).`;
  } else {
    const { low, high } = stated(total);
    if (sumHigh >= low && sumLow <= high) return undefined;
    const expected = low === high ? fmt(low) : `${fmt(low)} to ${fmt(high)}`;
    const sum = sumLow === sumHigh ? fmt(sumLow) : sumHigh === Infinity ? `at least ${fmt(sumLow)}` : `${fmt(sumLow)} to ${fmt(sumHigh)}`;
    message = `Sum mismatch: ${quote(doc, total)} allows ${expected}, but the figures ${where} it add up to ${sum} (${terms(parts.map((p) => p.value))}).`;
  }
  return { rule: 'total-unsupported', severity: 'warning', message, start: total.start, end: total.end, annotationIds: [total.id, ...parts.map((p) => p.id)] };
}

/** A subset listed within a total ("40 people, of whom 25 ... and 20 ..."): a finding only when the parts exceed it. */
export function judgeSubset(doc: Document, total: QuantityAnnotation, parts: readonly QuantityAnnotation[]): Finding | undefined {
  const lows = parts.map((p) => guaranteed(p).low);
  const sumLow = sumOf(lows);
  const ceiling = stated(total).high;
  if (sumLow <= ceiling) return undefined;
  const allows = ceiling === stated(total).low ? fmt(ceiling) : `at most ${fmt(ceiling)}`;
  const floors = parts.some((p) => p.bound === 'range' || p.bound === 'at-least') ? ' Ranges and lower bounds count at their low end.' : '';
  const within = lows.length === 1 ? `a part said to be within it is already ${quote(doc, parts[0]!)} (${fmt(sumLow)})` : `the parts listed within it already add up to ${fmt(sumLow)} (${lows.map(fmt).join(' + ')})`;
  const message = `Parts exceed the whole: ${quote(doc, total)} allows ${allows}, but ${within}.${floors}`;
  return { rule: 'total-unsupported', severity: 'warning', message, start: total.start, end: total.end, annotationIds: [total.id, ...parts.map((p) => p.id)] };
}

/** How many tokens may stand between a subset cue and the figure it opens ("of which about 40", "including some 12"). */
const NESTED_REACH = 2;

/**
 * "Resurfacing takes £3.2 million, of which £900,000 is for the A591", "30 people, including 12 children": a figure
 * right after a subset cue, with an amount before the cue in its sentence, lies within that amount. It is neither a
 * separate part of a total the sentence's figures make up, nor the whole of a list in the sentences after it.
 */
export function nestedFigures(bySentence: readonly (readonly Located[] | undefined)[], tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], cues: TotalCues): { nested: Set<string>; holders: Set<string> } {
  const nested = new Set<string>();
  const holders = new Set<string>();
  bySentence.forEach((group, s) => {
    if (!group || group.length < 2) return;
    const [from, to] = sentenceTokens(s);
    for (const cue of findTotalCues(tokens, from, to, cues)) {
      const holder = lastEndingBy(group, cue.start);
      // "Kenwick logged 120 of them, Ashby 70": a cue right after its figure says of which whole that figure is; it
      // opens no subset of it.
      if (cue.role !== 'subset' || !holder || tokenAt(tokens, holder.q.end) === cue.first) continue;
      const figure = group[firstFigureFrom(group, cue.end)];
      if (!figure || tokenAt(tokens, figure.q.start) - cue.last > NESTED_REACH) continue;
      nested.add(figure.q.id);
      holders.add(holder.q.id);
    }
  });
  return { nested, holders };
}
