// Totals whose parts run on over the next two or three sentences, each sentence tied to the list by a word that
// continues it ("a further 5,200", "another £12 million", "the remaining 6,100", "The rest, £9.4 million", "The other
// 19") or that names the whole the part belongs to ("7,900 of them", "1,380 of the break-ins", "Of the patients, 51
// ..."). Word lists in numeric.json (additiveBefore, additiveAfter, residualParts, partOfWhole, chainPeriods).
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { guaranteed, stated, type Located } from './context.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { memberOf, placeOf } from './members.js';
import { closesList, isSibling } from './next-sentence.js';
import { bareListBeforeTotal } from './bare-lists.js';
import { countsTheParts } from './evidence.js';
import { isBaseline, isGoal, isRemainder } from './part-words.js';
import { statedRemainder } from './remainders.js';
import { runningTotal } from './running-totals.js';
import { colonTable } from './tables.js';
import { canPartition, isKindOf, normUnit, type UnitKeys } from './units.js';

/** How many sentences after its total a list of parts may run (keeps the check linear). */
const MAX_SENTENCES = 3;
/** Parts are read up to this many figures of each sentence. */
const MAX_PARTS = 12;

/** Word lists of the chains (numeric.json). */
export interface ChainRules {
  /** "a further", "another": a figure that adds to the parts before it. */
  readonly additiveBefore: ReadonlySet<string>;
  /** "20 more", "9 others": the same written after the figure. */
  readonly additiveAfter: ReadonlySet<string>;
  /** "the remaining", "the rest", "the other": the figure is what is left of the whole. */
  readonly residualParts: ReadonlySet<string>;
  /** "of them", "of those", "of that": a figure said to be a part of a whole named before. */
  readonly partOfWhole: ReadonlySet<string>;
  /** "make up the rest", "account for the remainder": the figures before these words are the remainder of the whole. */
  readonly residualObjects: ReadonlySet<string>;
  /** Weekdays, months, seasons: a sentence set in a period of its own counts another period, not parts of the total. */
  readonly periods: ReadonlySet<string>;
  /** "this", "next", "last": before a unit of time ("this spring", "next year") they name a period too. */
  readonly deixis: ReadonlySet<string>;
  readonly periodUnits: ReadonlySet<string>;
  /** Prepositions of place after a total, and opening the next sentence ("in the north" ... "In the south, ..."). */
  readonly places: ReadonlySet<string>;
  /**
   * Each amount's own unit, not carried along a list: over several sentences a bare part is matched with the total by
   * what it says itself ("51 were on the two elderly-care wards and 22 on the surgical ward": 22 is not "wards").
   */
  readonly ownUnits: UnitKeys;
}

/** What ties one sentence's figures to a list of parts. */
interface Marks {
  /** A figure adds to the parts before it. */
  readonly additive: boolean;
  /** A figure is the remainder of the whole. */
  readonly residual: boolean;
  /** A figure is said to be part of a whole named before; with the noun of that whole when it is named. */
  readonly anchor: boolean;
  readonly noun?: string;
  /** Figures said to be part of the whole ("1,380 of the break-ins"): the noun after "of" names the whole, not their kind. */
  readonly ofWhole: readonly string[];
}

/**
 * `total-unsupported` for "Employers added 18,400 jobs. Manufacturing accounted for 7,900 of them. Construction added a
 * further 5,200, and services the remaining 6,100." A list of parts that fills the next sentence and goes on in the one
 * or two after it, each of those opening its figures with an additive or residual word; or a single next sentence
 * whose parts are tied to the whole ("Two hundred and ten of them ...; a further 95 ..."). A remainder stated as a figure
 * closes the list (the parts must make the total); otherwise they may add up to less but never to more.
 */
export function chainedList(input: PartitionInput & { readonly chains: ChainRules }, s: number, group: readonly Located[]): Candidate | undefined {
  return frontedRun(input, s, group) ?? runAfter(input, s, group) ?? statedRemainder(input, s, group) ?? colonTable(input, s, group) ?? runningTotal(input, s, group) ?? bareListBeforeTotal(input, s, group);
}

/**
 * "Of the 500 jobs, 300 will go in Leeds. The other 250 will be cut in Hull.": a whole named first, its parts after the
 * comma, and the list going on in the next sentence or two, each opened by an additive or residual word.
 */
function frontedRun(input: PartitionInput & { readonly chains: ChainRules }, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens, chains } = input;
  const [from] = input.sentenceTokens(s);
  const start = lower(tokens, from) === 'of' ? from + 1 : lower(tokens, from) === 'out' && lower(tokens, from + 1) === 'of' ? from + 2 : -1;
  if (start < 0) return undefined;
  let comma = -1;
  for (let k = start; k < start + FRONT_REACH && tokens[k]; k++) if (tokens[k]!.text === ',') { comma = k; break; }
  const total = comma >= 0 ? group.find((l) => tokenAt(tokens, l.q.start) < comma) : undefined;
  if (!total) return undefined;
  const parts = (input.partsBySentence[s] ?? []).filter((l) => l.q.start > tokens[comma]!.start).slice(0, MAX_PARTS);
  if (parts.length === 0) return undefined;
  let residual = false;
  let paragraph = total.paragraph;
  let more = 0;
  for (let k = 1; k <= MAX_SENTENCES - 1; k++) {
    const figures = (input.partsBySentence[s + k] ?? []).slice(0, MAX_PARTS);
    if (figures.length === 0 || figures[0]!.paragraph - paragraph > 1) break;
    const [f, t] = input.sentenceTokens(s + k);
    const marks = marksOf(tokens, f, t, figures, chains);
    if (setInPeriod(tokens, f, t, chains) || (!marks.additive && !marks.residual)) break;
    parts.push(...figures);
    residual = marks.residual;
    paragraph = figures.at(-1)!.paragraph;
    more++;
  }
  if (more === 0) return undefined;
  const whole = chains.ownUnits.get(total.q.id);
  const fitting = parts.filter((p) => whole === undefined || !chains.ownUnits.has(p.q.id) || canPartition(whole, chains.ownUnits.get(p.q.id)!));
  return fitting.length >= 2 ? { total, parts: fitting, role: 'chain', rest: residual } : undefined;
}

/** How many sentences without an amount may stand between a whole and the parts that name it ("254 of the offences"). */
const MAX_SKIPPED = 2;

/** How far after "Of the" the comma that closes a fronted whole is looked for. */
const FRONT_REACH = 10;

function runAfter(input: PartitionInput & { readonly chains: ChainRules }, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens, chains } = input;
  const parts: Located[] = [];
  let first: Marks | undefined;
  const ofWhole = new Set<string>();
  let residual = false;
  let sentences = 0;
  let skipped = 0;
  const sentenceCount = input.doc.all('sentence').length;
  let paragraph = group[0]!.paragraph;
  for (let k = 1; k <= MAX_SENTENCES + skipped; k++) {
    // "Resurfacing takes £3.2 million, of which £900,000 ...": a figure within another is no part of its own.
    // "... down from 341 a year earlier": the baseline of a change is no part.
    const figures = (input.partsBySentence[s + k] ?? []).filter((l) => !input.nested.has(l.q.id) && !isBaseline(tokens, l.q)).slice(0, MAX_PARTS);
    // "... fell to 642 offences. The chief constable called the drop 'fragile'.\n\nNorthgate accounted for 254 of the
    // offences ...": a sentence with no amount before the first part is passed over, if the parts then name the whole.
    if (s + k >= sentenceCount) break;
    const [from, to] = input.sentenceTokens(s + k);
    if (figures.length === 0 && parts.length === 0 && skipped < MAX_SKIPPED) {
      skipped++;
      continue;
    }
    // A sentence with no figure, or one in a paragraph after the next, ends the list.
    if (figures.length === 0 || figures[0]!.paragraph - paragraph > 1) break;
    if (setInPeriod(tokens, from, to, chains)) break;
    // "... a natural decrease of 3,600. Of the new arrivals, 71,000 came from ...": a sentence that names a whole of its
    // own in words before its figures splits that whole, not the list running before it.
    if (parts.length > 0 && frontsOwnWhole(tokens, from, to)) break;
    const marks = marksOf(tokens, from, to, figures, chains);
    // "23 people were arrested, 19 of them drivers and the remaining four supervisors": a sentence whose later figure is
    // "of them" splits its own first figure, no list of the sentence before.
    if (parts.length === 0 && splitsOwnFigure(tokens, figures, chains)) return undefined;
    if (parts.length === 0) first = marks;
    else if (!marks.additive && !marks.residual && !(k < MAX_SENTENCES && likeParts(parts, figures) && closedNext(input, s + k + 1, figures.at(-1)!.paragraph))) break;
    parts.push(...figures);
    for (const id of marks.ofWhole) ofWhole.add(id);
    residual = marks.residual;
    paragraph = figures.at(-1)!.paragraph;
    sentences = k;
  }
  // "The calls were split between two agencies. Deputies handled 151 of them, ... the other 103": the count of the
  // parts is none of them (evidence.ts countsTheParts).
  if (parts.length > 2 && countsTheParts(parts[0]!.q, parts.slice(1).map((p) => p.q))) parts.shift();
  // One sentence is a list of this kind only when it names the whole and adds to its first part.
  if (!first || (sentences - skipped < 2 && !(first.anchor && (first.additive || first.residual)))) return undefined;
  if (skipped > 0 && !(first.anchor && first.noun !== undefined)) return undefined;
  // "Health takes £18.4bn, pensions £15.9bn and education £11.2bn. Defence gets £6.3bn. The remaining £10.9bn ...": the
  // last of a list of amounts is one more part of the list the next sentences go on with, not their whole.
  // "96 crashes, up from 81": a baseline is no whole (part-words.ts).
  // "short of the government's target of 45,000": a goal neither (part-words.ts isGoal).
  const found = totalFor(tokens, chains.ownUnits, ofWhole, group.filter((l) => !closesList(input, group, l) && !isBaseline(tokens, l.q) && !isGoal(tokens, l.q)), parts, first.noun);
  // "Police arrested 64 people in a crackdown. Officers made 41 of the arrests in the city and 17 in the towns": parts
  // that say whose parts they are ("of the arrests", "of them") are no siblings of the total, whatever its preposition.
  if (!found || (!first.anchor && isSibling(input, found.total, found.parts)) || placedApart(input, found.total, s + 1)) return undefined;
  return { total: found.total, parts: found.parts, role: 'chain', rest: residual };
}

/** True when a sentence opens with "Of the …," or "Among the …," and no figure before that comma ("Of the new arrivals,"). */
function frontsOwnWhole(tokens: readonly Token[], from: number, to: number): boolean {
  const first = lower(tokens, from);
  if (first !== 'of' && first !== 'among') return false;
  for (let k = from + 1; k < Math.min(to, from + FRONT_REACH); k++) {
    if (tokens[k]!.type === 'number') return false;
    if (tokens[k]!.text === ',') return true;
  }
  return false;
}

/** True when every figure is an amount of the kind and unit of the list's first part, or a bare one ("6.3bn"). */
function likeParts(parts: readonly Located[], figures: readonly Located[]): boolean {
  const head = parts[0];
  return head !== undefined && figures.every((f) => f.q.unit === undefined || (f.q.quantityKind === head.q.quantityKind && f.q.unit === head.q.unit));
}

/**
 * "Health takes £18.4bn, ... Defence gets £6.3bn. The remaining £10.9bn goes to ...": a sentence of parts with no
 * additive word goes on with the list when the sentence right after it closes the list with its remainder.
 */
function closedNext(input: PartitionInput & { readonly chains: ChainRules }, t: number, paragraph: number): boolean {
  const figures = input.partsBySentence[t] ?? [];
  if (figures.length === 0 || figures[0]!.paragraph - paragraph > 1) return false;
  const [from, to] = input.sentenceTokens(t);
  return !setInPeriod(input.tokens, from, to, input.chains) && marksOf(input.tokens, from, to, figures.slice(0, MAX_PARTS), input.chains).residual;
}

/**
 * The figure of the total's sentence the parts belong to, with the parts whose unit it can hold: the whole named by
 * the list ("Of the patients, ...") first, else the last figure large enough to hold each of at least two parts.
 */
function totalFor(tokens: readonly Token[], units: UnitKeys, ofWhole: ReadonlySet<string>, group: readonly Located[], parts: readonly Located[], noun: string | undefined): { total: Located; parts: Located[] } | undefined {
  const withParts = (l: Located) => {
    const whole = units.get(l.q.id);
    const fitting = parts.filter((p) => whole === undefined || ofWhole.has(p.q.id) || !units.has(p.q.id) || canPartition(whole, units.get(p.q.id)!) || isKindOf(whole, units.get(p.q.id)!));
    const holds = l.q.bound !== 'range' && fitting.length >= 2 && fitting.every((p) => stated(l.q).high >= guaranteed(p.q).low);
    return holds ? { total: l, parts: fitting } : undefined;
  };
  // "lists 96 rescues, 231 first-aid cases and 85 people ... 38 of the rescues": the word right after a figure names it
  // too when the tagger took it for a verb.
  const writtenAfter = (l: Located) => { const t = tokens[tokenAt(tokens, l.q.end)]; return t?.type === 'word' && normUnit(t.text) === noun; };
  const named = noun === undefined ? undefined : group.find((l) => units.get(l.q.id) === noun) ?? group.find((l) => !units.has(l.q.id) && writtenAfter(l));
  const own = named && withParts(named);
  if (own) return own;
  for (let i = group.length - 1; i >= 0; i--) {
    const found = withParts(group[i]!);
    if (found) return found;
  }
  return undefined;
}

/** The words around a sentence's figures that tie them to a list of parts. */
function marksOf(tokens: readonly Token[], from: number, to: number, figures: readonly Located[], chains: ChainRules): Marks {
  let additive = false;
  let residual = false;
  let anchor = false;
  let noun: string | undefined;
  const ofWhole: string[] = [];
  for (const { q } of figures) {
    const k = tokenAt(tokens, q.start);
    const after = tokenAt(tokens, q.end);
    const lower = (i: number) => tokens[i]?.lower ?? '';
    if (chains.additiveBefore.has(lower(k - 1)) || chains.additiveAfter.has(lower(after))) additive = true;
    // "the remaining 6,100", "The rest, £9.4 million", "The other 19".
    const comma = lower(k - 1) === ',' ? 1 : 0;
    // The remainder is of the whole whatever noun it names ("143 people ... The other 11 cases"): it is kept as a part.
    // "Of the rest, six ...": the remainder named as a whole to split, not a figure that is the remainder.
    // "The others, 48, were admitted": the remainder as a plural pronoun before the figure in apposition (part-words.ts).
    if ((chains.residualParts.has(lower(k - 1 - comma)) && lower(k - 2 - comma) === 'the' && lower(k - 3 - comma) !== 'of') || isRemainder(tokens, { q })) {
      residual = true;
      ofWhole.push(q.id);
    }
    // "7,900 of them", "1,380 of the break-ins".
    if (lower(after) === 'of' && (chains.partOfWhole.has(lower(after + 1)) || lower(after + 1) === 'the')) {
      anchor = true;
      ofWhole.push(q.id);
      if (lower(after + 1) === 'the' && tokens[after + 2]?.type === 'word') noun ??= normUnit(tokens[after + 2]!.text);
    }
  }
  // "Planning (£1.2 million) and the town hall (£0.7 million) make up the rest.": the figures are the remainder, named
  // after them as the sentence's last words.
  if (figures.length > 0 && closesWithRemainder(tokens, tokenAt(tokens, figures.at(-1)!.q.end), to, chains)) {
    residual = true;
    for (const { q } of figures) ofWhole.push(q.id);
  }
  // "Of the patients, 51 ...": a whole named first, with no figure of its own, before the comma.
  if (lower(tokens, from) === 'of' && lower(tokens, from + 1) === 'the' && tokens[from + 2]?.type === 'word' && tokens[from + 3]?.text === ',') {
    anchor = true;
    noun = normUnit(tokens[from + 2]!.text);
  }
  return { additive, residual, anchor, ofWhole, ...(noun !== undefined && { noun }) };
}

const lower = (tokens: readonly Token[], i: number) => tokens[i]?.lower ?? '';

/** How far after the last figure "the rest" may close its sentence ("... make up the rest."). */
const REMAINDER_REACH = 6;

/** True when "the rest", "the remainder" or "the balance" (residualObjects) ends the clause after `at`, before `to`. */
function closesWithRemainder(tokens: readonly Token[], at: number, to: number, chains: ChainRules): boolean {
  for (let k = at; k < Math.min(to, at + REMAINDER_REACH); k++) {
    if (lower(tokens, k) !== 'the' || !chains.residualObjects.has(lower(tokens, k + 1))) continue;
    const next = tokens[k + 2];
    return k + 2 >= to || next === undefined || next.pos === 'PUNCT';
  }
  return false;
}

/**
 * "Floods killed 12 people in the north. In the south, 8 died. Another 40 were injured.": a total set in a place of its
 * own, followed by a sentence that opens in another place, is one place of a list, not the whole of the next figures.
 */
function placedApart(input: PartitionInput & { readonly chains: ChainRules }, total: Located, next: number): boolean {
  const { tokens } = input;
  const own = placeOf(tokens, memberOf(tokens, total.q).at, input.rules);
  if (!own || own.time || !input.chains.places.has(own.prep)) return false;
  const [from] = input.sentenceTokens(next);
  return input.chains.places.has(lower(tokens, from));
}

/** "this spring", "next year", "last month": a period named by a word of time after one of these. */
function deicticPeriod(tokens: readonly Token[], k: number, chains: ChainRules): boolean {
  return chains.deixis.has(lower(tokens, k)) && chains.periodUnits.has(lower(tokens, k + 1));
}

/** True when a sentence names a weekday, a month or a year: its figures count a period of their own. */
function setInPeriod(tokens: readonly Token[], from: number, to: number, chains: ChainRules): boolean {
  for (let k = from; k < to; k++) if (chains.periods.has(tokens[k]!.lower) || deicticPeriod(tokens, k, chains) || /^(?:19|20)\d\d$/.test(tokens[k]!.text)) return true;
  return false;
}

/** True when a figure after the first of a sentence is said to be "of them" (numeric.json partOfWhole) and the first is not. */
function splitsOwnFigure(tokens: readonly Token[], figures: readonly Located[], chains: ChainRules): boolean {
  const ofThem = (l: Located) => {
    const k = tokenAt(tokens, l.q.end);
    return tokens[k]?.lower === 'of' && chains.partOfWhole.has(tokens[k + 1]?.lower ?? '');
  };
  return figures.length >= 2 && !ofThem(figures[0]!) && figures.slice(1).some(ofThem);
}
