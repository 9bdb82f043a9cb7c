import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { firstStartingFrom } from '../../core/range.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { firstFigureFrom, guaranteed, type Located } from './context.js';
import type { ListRules } from './lists.js';
import { carryScale } from './scales.js';
import { findTotalCues, judgeSubset, judgeTotal, plausibleSum, silentShortfall, type CueSpan, type TotalCues } from './totals.js';
import { backReferenceTotal, laterList, partOfWholeList, shareParts } from './more-lists.js';
import { isCueOf, namedTwoBack, nextSentenceList, nextSentenceParts, restOfWhole } from './next-sentence.js';
import { chainedList, type ChainRules } from './chains.js';
import { governedGroup } from './groups.js';
import { isAverage, isBaseline, isChangedFrom, isGoal, isRanked, isRemainder, isSuperseded, ofDefiniteGroup, partitiveOwner } from './part-words.js';
import { allDistinct } from './kinds.js';
import settings from './numeric.json' with { type: 'json' };
import { totalBack } from './total-back.js';
import { includedBack, ofThemNext, participleBack, partitiveBack } from './partitive-back.js';
import { runningFloor } from './running-totals.js';
import { respectivelyList } from './respectively.js';
import { voteTotal } from './vote-totals.js';
import { countsTheParts, wholeNamedBefore } from './evidence.js';
import { readingOf, type Reading } from './readings.js';
import { lastPunctBefore, nextPunctAfter, openersIn, type Opener, type Role } from './openers.js';
import { isAmount, normUnit, type UnitKeys } from './units.js';

/** The amounts of each sentence (counts, sums of money and measures that are not ranges), by sentence index. */
export function amountsBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (isAmount(l.q)) (out[l.sentence] ??= []).push(l);
  return out;
}

/**
 * The figures of each sentence that may be parts: amounts, and ranges of amounts ("Between £2 million and £2.5 million
 * will go on the bridge": a part of at least its low end), by sentence index.
 */
export function partsBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (isAmount(l.q) || (l.q.bound === 'range' && isAmount({ ...l.q, bound: 'exact' }))) (out[l.sentence] ??= []).push(l);
  return out;
}

/** The shares (percentages) of each sentence, by sentence index. */
export function sharesBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (l.q.quantityKind === 'percent') (out[l.sentence] ??= []).push(l);
  return out;
}

/** Everything the check of totals and the lists of their parts reads. */
export interface PartitionInput {
  readonly doc: Document;
  /** Nouns that name a sum stated earlier ("the money"). */
  readonly anaphoricWholes: ReadonlySet<string>;
  /** Nouns of a measure of money, by group of words for one measure ("revenue", "sales"; numeric.json moneyMeasures). */
  readonly moneyMeasures: ReadonlyMap<string, number>;
  readonly sentenceTokens: (s: number) => [number, number];
  readonly tokens: readonly Token[];
  readonly cues: TotalCues;
  readonly units: UnitKeys;
  readonly rules: ListRules;
  /** The amounts of each sentence, by sentence index. */
  readonly bySentence: readonly (readonly Located[] | undefined)[];
  /** Every figure of the document, in text order (a part a reading may have left out, whatever it was read as). */
  readonly located: readonly Located[];
  /** The amounts and ranges of amounts of each sentence, by sentence index (parts only, never totals). */
  readonly partsBySentence: readonly (readonly Located[] | undefined)[];
  /** Word lists of the lists that run over several sentences (chains.ts). */
  readonly chains: ChainRules;
  /** The shares of each sentence, by sentence index. */
  readonly sharesBySentence: readonly (readonly Located[] | undefined)[];
  /** Words that open a sentence summing the one before ("That is"; numeric.json backReferenceTotals). */
  readonly backReferences: readonly (readonly string[])[];
  /** Words after a figure that make it a difference, not a sum or a share ("300 more"; numeric.json notShareAfter). */
  readonly notSums: ReadonlySet<string>;
  /** Figures whose noun is the object of a verb left out, not their unit ("612 chose parks, 389 bin collections"; units.ts). */
  readonly gapped: ReadonlySet<string>;
  /** Figures right after a subset cue, within an amount before it ("£3.2 million, of which £900,000"; totals.ts). */
  readonly nested: ReadonlySet<string>;
}

/** A total with the parts found for it. */
export interface Candidate {
  readonly total: Located;
  readonly parts: readonly Located[];
  readonly role: Role;
  /** "the rest": the list leaves a remainder unstated; for a `chain`, the remainder is stated as its last part. */
  readonly rest: boolean;
  /** "..., out of 4,900 votes cast": the parts are drawn from the total, which may hold others too. */
  readonly drawn?: boolean;
}

/** Parts are read up to this many figures after their total (a sentence of thousands of figures stays linear). */
const MAX_PARTS = 12;

/**
 * `total-unsupported` for a total and a list of its parts in news phrasing: "A total of 50 people were hurt: 20 in the
 * first blast and 40 in the second", "The budget of 48 billion splits into 21 billion for health, 15 for schools ...",
 * "40 people, of whom ...", "Of the 300 passengers, ...", "31 shops in Tarra, 12 in Belmar and 9 in Oset, 47 in all", or
 * a total whose list fills the next sentence ("Of these, ..."). Adds every judged total to `totals`.
 */
/** Roles of a list its total's own sentence opens, which may split a total another reading found made up. */
const RESPLIT: ReadonlySet<Candidate['role']> = new Set(['colon', 'split']);

export function checkPartitions(input: PartitionInput, totals: Set<string>): Finding[] {
  const findings: Finding[] = [];
  // A figure read as a part of one total is not the total of another list ("...; 190 in the east; 40 of them ...").
  const parts = new Set<string>();
  // Totals a reading found made up by its parts.
  const agreed = new Set<string>();
  const figureStarts = new Set(input.located.map((l) => l.q.start));
  input.bySentence.forEach((group, s) => {
    if (!group) return;
    const [from, to] = input.sentenceTokens(s);
    const cues = findTotalCues(input.tokens, from, to, input.cues);
    const candidates = [
      // A list that runs on over the next sentences ("Of the 500 jobs, 300 ... The other 250 ...") is read whole first.
      chainedList(input, s, group),
      totalBack(input, s, group),
      ...openersIn(input.tokens, from, to, cues, figureStarts).map((opener) => listAfter(input, s, group, cues, opener)),
      laterList(input, s, group, cues),
      labelledList(input, group),
      partsBeforeCue(input, group, cues),
      backReferenceTotal(input, s, group),
      nextSentenceList(input, s, group, cues),
      namedTwoBack(input, s, group),
      includedBack(input, s, group),
      partitiveBack(input, s, group),
      participleBack(input, s, group),
      ofThemNext(input, s, group),
      runningFloor(input, s, group),
      restOfWhole(input, s, group),
      partOfWholeList(input, group),
      respectivelyList(input, group),
      voteTotal(input, s, group),
    ];
    for (const found of candidates) {
      const c = found && withPartitiveOwner(input, found);
      // "Average rents reached £1,250 a month: ...": an average is no sum (part-words.ts isAverage).
      // "with the remaining 212 spread across ...": what is left of one whole is a part of it, never the whole of a list.
      // "The project costs €312,000 in total: €148,000 for ..., €96,000 ... and €58,000 .... The province is contributing
      // €120,000, and the remaining €192,000 comes from ...": a total whose parts by one reading make it up may be split
      // again by a list its own sentence opens (a colon, "split into"), of other figures.
      const again = c !== undefined && agreed.has(c.total.q.id) && RESPLIT.has(c.role) && c.parts.every((p) => p.sentence === c.total.sentence && !parts.has(p.q.id));
      const whole = c && (!totals.has(c.total.q.id) || again) && !parts.has(c.total.q.id) && !isRemainder(input.tokens, c.total);
      // "short of the government's target of 60,000": a goal is no sum either, nor a figure its sentence says was revised,
      // nor the part of the one hit hardest (part-words.ts isGoal, isSuperseded, isRanked), nor the level a change started
      // from ("rose to 3.6 million, up from 3.1 million, with 2.2 million ... and 1.4 million ...": isBaseline).
      const read = c && whole && !nestedWhole(input, c) && !isAverage(input.tokens, c.total.q) && !isGoal(input.tokens, c.total.q) && !isSuperseded(input.tokens, c.total.q) && !isRanked(input.tokens, c.total.q) && !isBaseline(input.tokens, c.total.q) ? readingOf(input, c) : undefined;
      if (!c || !read) continue;
      // A reading whose sum lies far from its total is a misreading, not a judgment: the total is left to the others.
      const scaled = scaledParts(input, { ...c, parts: read.parts });
      if (!plausibleSum(scaled.reduce((a, q) => a + (read.reading === 'subset' ? guaranteed(q).low : q.value), 0), c.total.q.value)) continue;
      totals.add(c.total.q.id);
      for (const p of read.parts) parts.add(p.q.id);
      const finding = judge(input, { ...c, parts: read.parts }, read.reading, scaled);
      // Parts far below their total are some of its parts, not a slip (numeric.json shortLists): nothing is said.
      // "£4,210 in back pay, £1,850 ... and £640 in interest, £7,700 in all": a total that closes its list at once, in its
      // own sentence, says the list is all of it; only a sum far below (numeric.json shortLists.closedRatio) reads as a
      // misreading there.
      const short = read.reading !== 'subset' && silentShortfall(input.doc, c.total.q, scaled, input.located, input.nested) && !closesAtOnce(input, c, read.parts, scaled);
      if (finding && !short && !madeBefore(input, c.total.q, read.parts, scaled) && !begunBefore(input, c, read.parts, read.reading)) findings.push(finding);
      else if (finding && short && read.reading !== 'subset') {
        const begun = shortBegunBefore(input, c, read.parts, read.reading);
        if (begun) findings.push(begun);
      }
      else if (!finding) agreed.add(c.total.q.id);
    }
  });
  return findings;
}

/** The lowest share of its total a list may add up to when the total closes it at once ("..., £7,700 in all"). */
const CLOSED_RATIO = settings.shortLists.closedRatio;
/** Words that may stand between a list's last part and the total that closes it (", £7,700 in all"). */
const CLOSING_GAP = /^\s*(?:[a-z]+\s+){0,3}?[a-z]*\s*,\s*$/i;

/**
 * True when the total stands right after its list's last part (its phrase and a comma between), in its sentence, and a
 * total cue of "in all", "in total" or "altogether" follows it, and the parts reach CLOSED_RATIO of it: a sum the list
 * itself says is complete.
 */
function closesAtOnce(input: PartitionInput, c: Candidate, parts: readonly Located[], scaled: readonly QuantityAnnotation[]): boolean {
  if (c.role !== 'before' || parts.length < 3 || parts.some((p) => p.sentence !== c.total.sentence)) return false;
  const last = parts.at(-1)!;
  if (!CLOSING_GAP.test(input.doc.text.slice(last.q.end, c.total.q.start))) return false;
  const after = input.doc.text.slice(c.total.q.end, c.total.q.end + 30).toLowerCase();
  if (!/^\s*(?:[a-z]+\s+)?(?:in all|in total|altogether)\b/.test(after)) return false;
  return scaled.reduce((a, q) => a + q.value, 0) >= CLOSED_RATIO * c.total.q.value;
}

/**
 * "312,400 of the district's 332,600 residents were covered: 41,250 ..., 198,700 ... and the remaining 72,450": the whole
 * of a partitive is not what a list after it parts; the figure said to be of it is (part-words.ts partitiveOwner). Only
 * a list wholly after the total, in its sentence.
 */
function withPartitiveOwner(input: PartitionInput, c: Candidate): Candidate {
  // "sold 538 of the 612 flats it offered ... The batch was made up of 402 ...": a list in a later sentence may part the
  // whole again; only a list in the total's own sentence goes on from the figure said to be of it.
  if (c.parts.some((p) => p.q.start < c.total.q.end || p.sentence !== c.total.sentence)) return c;
  const owner = partitiveOwner(input.tokens, input.located, c.total.q);
  return owner && !c.parts.includes(owner) ? { ...c, total: owner } : c;
}

/**
 * "Of these, 2,215 were at Wrenfield General and 1,655 at Coldharbour. A further 1,120 were cancelled by the hospitals":
 * parts that make their total exactly before a sentence ends are all of it; the figures of the sentences after them
 * count something beside it, so the reading's sum is not judged. Only a total stated as a figure, not as a bound.
 */
function madeBefore(input: PartitionInput, total: QuantityAnnotation, parts: readonly Located[], scaled: readonly QuantityAnnotation[]): boolean {
  if (total.bound === 'at-least' || total.bound === 'at-most') return false;
  for (let k = 2; k < parts.length; k++) {
    if (parts[k]!.sentence === parts[k - 1]!.sentence) continue;
    if (judgeTotal(input.doc, total, scaled.slice(0, k), 'after') === undefined) return true;
  }
  return false;
}

/** A figure within an amount of its own sentence ("of which £900,000") is no whole of parts stated after its sentence. */
const nestedWhole = (input: PartitionInput, c: Candidate) => input.nested.has(c.total.q.id) && c.parts.some((p) => p.sentence > c.total.sentence);

/**
 * "Marsh won 14,212 votes. Hollis took 11,870, Wren 3,405 and Quill 1,118 (30,605 valid votes in all).": a list
 * closed by a total cue may have begun in the sentence before; when the last figure of that sentence, counting the
 * same thing in the same paragraph, makes the sum agree, the total is supported and nothing is said.
 */
function begunBefore(input: PartitionInput, c: Candidate, parts: readonly Located[], reading: Reading): boolean {
  const lead = leadBefore(input, c, parts);
  return lead !== undefined && judge(input, { ...c, parts: [lead, ...parts] }, reading) === undefined;
}

/** The last figure of the sentence before a 'before' list, in its paragraph and counting what its total counts. */
function leadBefore(input: PartitionInput, c: Candidate, parts: readonly Located[]): Located | undefined {
  if (c.role !== 'before' || parts.length === 0) return undefined;
  const first = parts[0]!;
  const earlier = input.bySentence[first.sentence - 1];
  const lead = earlier?.at(-1);
  if (!lead || lead.paragraph !== first.paragraph || (input.bySentence[first.sentence] ?? [])[0] !== first) return undefined;
  const unit = input.units.get(c.total.q.id);
  return unit !== undefined && input.units.get(lead.q.id) === unit ? lead : undefined;
}

/**
 * "They took 38 wheels. Eight days later they took 52, and on Sunday another 27 – 107 wheels in all": parts before a
 * total cue that fall far short of it began in the sentence before; read with that sentence's figure, the list is
 * judged whole when it then comes near its total (within the share a short list may miss, numeric.json shortLists).
 */
function shortBegunBefore(input: PartitionInput, c: Candidate, parts: readonly Located[], reading: Reading): Finding | undefined {
  const lead = leadBefore(input, c, parts);
  if (!lead) return undefined;
  const whole = { ...c, parts: [lead, ...parts] };
  const scaled = scaledParts(input, whole);
  if (silentShortfall(input.doc, c.total.q, scaled, input.located, input.nested) || !plausibleSum(scaled.reduce((a, q) => a + q.value, 0), c.total.q.value)) return undefined;
  return judge(input, whole, reading, scaled);
}

/** The parts' figures as they are summed: a scale carried to bare parts, shares of the total as their counts. */
function scaledParts(input: PartitionInput, c: Candidate): QuantityAnnotation[] {
  return [...carryScale(input.tokens, c.total.q, c.parts.map((p) => p.q)), ...shareParts(input, c.total.q, c.parts)];
}

function judge(input: PartitionInput, c: Candidate, reading: Reading, scaled = scaledParts(input, c)): Finding | undefined {
  if (reading === 'subset') return judgeSubset(input.doc, c.total.q, scaled);
  return judgeTotal(input.doc, c.total.q, scaled, c.role === 'before' || c.role === 'back' ? 'before' : 'after');
}

/** The total right before an opener and the parts after it, up to the next colon or semicolon; else in the next sentence. */
function listAfter(input: PartitionInput, s: number, group: readonly Located[], cues: readonly CueSpan[], opener: Opener): Candidate | undefined {
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  const clauseStart = lastPunctBefore(tokens, opener.start, from);
  const bounded = nextPunctAfter(tokens, opener.end, to, opener.role === 'paren', tokens[tokenAt(tokens, opener.start)]?.text === '-');
  const listEnd = opener.role === 'fronted' ? acrossSemicolons(tokens, bounded, to) : bounded;
  const parts: Located[] = [];
  for (let i = firstFigureFrom(group, opener.end); i < group.length && group[i]!.q.start < listEnd && parts.length < MAX_PARTS; i++) parts.push(group[i]!);
  // "split across three sites, with 300 in Leeds, 200 in York and 150 in Hull": the count of the parts is none of them.
  // "418 violent crimes: 9 homicides, 41 rapes, 57 robberies and 311 assaults": a first figure with a counted noun of its
  // own among parts that each have a different one is one more kind, not their count.
  // "of whom nine were dead, 31 injured and 11 unhurt": a small first figure that is the subject of its own verb is a part.
  if (parts.length > 2 && countsTheParts(parts[0]!.q, parts.slice(1).map((p) => p.q)) && !distinctKinds(parts) && !subjectOfVerb(tokens, parts[0]!.q)) parts.shift();
  const fused = opener.role === 'subset' ? partBeforeCue(input, group, opener, clauseStart) : undefined;
  if (fused) return { total: fused.total, parts: [fused.part, ...parts], role: 'subset', rest: false };
  // "Sixty-one of them were women living alone, and 70 were over 80": a figure right before "of them" is a part of a
  // group named before its clause, never the whole of what follows.
  if (opener.role === 'subset' && /^of\b/i.test(input.doc.text.slice(opener.start, opener.end)) && fusedBefore(input, group, opener)) return undefined;
  const total = listCountAside(group, totalBefore(input, group, opener, clauseStart, listEnd), parts, clauseStart);
  // "1,960 of the birds were found in a freezer on Tuesday, 1,420 in a car on Wednesday and 600 on a skiff": a figure said
  // to be of a group named before, then figures in its own frame with the verb left out, are siblings, not its parts.
  if (opener.role === 'comma' && total && parts.length > 0 && partitiveOfGroup(tokens, total.q) && parts.every((p) => gappedInPlace(tokens, p.q)) && ownFrame(tokens, total.q, opener.start, parts)) return undefined;
  // "The force has 2,300 officers. They are made up of 1,600 constables, ...": a pronoun subject of a split stands for
  // the last amount of the sentence before.
  const carried = !total && opener.role === 'split' && parts.length > 1 ? pronounWhole(input, s, clauseStart, opener.start) : undefined;
  // "of which 3,900 ... and the remaining 1,560": a remainder stated as the last part closes the list; only a rest left
  // unstated ("the rest were ...") leaves it open.
  const rest = cueBetween(cues, 'rest', opener.end, listEnd) && !(parts.length > 0 && isRemainder(input.tokens, parts.at(-1)!));
  if (carried) return { total: carried, parts, role: 'split', rest };
  if (!total) {
    // "the money went to the three firms in these amounts: ...": parts of a sum named earlier, which they may not exceed.
    const earlier = opener.role === 'colon' && parts.length > 1 ? wholeNamedBefore(input, s, clauseStart, opener.start, parts) : undefined;
    return earlier && { total: earlier, parts, role: 'subset', rest: false };
  }
  // "£4 million in 2023; in 2024 it paid £2.5 million to ...": a clause set in another year speaks of another whole.
  if (opener.role === 'clause' && parts.length > 0 && yearBetween(tokens, opener.end, parts[0]!.q.start)) return undefined;
  if (parts.length > 0) return { total, parts, role: opener.role, rest };
  const cued = opener.role === 'split' || cueBetween(cues, 'total', clauseStart, opener.start);
  const next = cued ? nextSentenceParts(input, s, total) : undefined;
  return next && { total, parts: next.parts, role: next.subset ? 'subset' : opener.role === 'split' ? 'split' : 'next', rest: next.rest };
}

const WHOLE_PRONOUNS = new Set(['they', 'it', 'these', 'this', 'those']);
const PRONOUN_AUX = new Set(['are', 'is', 'were', 'was', 'will', 'be', 'would', 'have', 'has', 'been']);

/**
 * "They are made up of", "It is split into", "These break down as": when the clause before a split is a pronoun and its
 * auxiliaries only, its whole is the last count or sum of money of the sentence before, in the same paragraph.
 */
function pronounWhole(input: PartitionInput, s: number, clauseStart: number, openerStart: number): Located | undefined {
  const { tokens } = input;
  const from = tokenAt(tokens, clauseStart);
  const at = tokens[from]?.text === ',' || tokens[from]?.text === ';' ? from + 1 : from;
  const opener = tokens[at]?.lower ?? '';
  const named = WHOLE_DETERMINERS.has(opener) ? namedNoun(tokens, at + 1, openerStart) : undefined;
  // "Revenue rose to 4.2bn kroner ...\n\nSales broke down as 2.6bn kroner ...": a bare noun that names a measure of
  // money (numeric.json moneyMeasures) which the sentence before also names.
  const measure = !named && !WHOLE_PRONOUNS.has(opener) ? input.moneyMeasures.get(opener) : undefined;
  if (!WHOLE_PRONOUNS.has(opener) && !named && measure === undefined) return undefined;
  for (let k = named ? named.after : at + 1; k < tokens.length && tokens[k]!.start < openerStart; k++) if (!PRONOUN_AUX.has(tokens[k]!.lower)) return undefined;
  const before = input.bySentence[s - 1] ?? [];
  const here = input.bySentence[s]?.[0];
  const amount = (l: Located) => l.q.quantityKind === 'count' || l.q.quantityKind === 'money';
  // "The government approved a 2.4 billion euro package ... The money will be split between ...": a noun that names a
  // sum stated earlier (numeric.json anaphoricWholes) stands for the last sum of money of the sentence before.
  const money = named !== undefined && input.anaphoricWholes.has(named.noun);
  if (measure !== undefined && !namesMeasure(input, s - 1, measure)) return undefined;
  // "Calder Valley recorded 486 knife offences ..., up 12 per cent. Those offences break down as ...": a demonstrative
  // and the noun of an amount of the sentence before stand for that amount, wherever it stands in its sentence.
  const last = money || measure !== undefined ? before.findLast((l) => l.q.quantityKind === 'money')
    : named ? before.findLast((l) => amount(l) && (input.units.get(l.q.id) ?? '').split(' ').at(-1) === named.noun) : before.at(-1);
  // A noun that names the sum again reaches into the paragraph before too; a pronoun only within its own.
  const near = (l: Located) => here !== undefined && (l.paragraph === here.paragraph || ((money || measure !== undefined) && l.paragraph === here.paragraph - 1));
  return last && here && near(last) && amount(last) && input.units.has(last.q.id) ? last : undefined;
}

/** True when sentence `s` holds a word of the money measure `group` (numeric.json moneyMeasures). */
function namesMeasure(input: PartitionInput, s: number, group: number): boolean {
  if (s < 0) return false;
  const [from, to] = input.sentenceTokens(s);
  for (let k = from; k < to; k++) if (input.moneyMeasures.get(input.tokens[k]!.lower) === group) return true;
  return false;
}

/** Determiners that, with the noun of an amount just stated, name it again ("Those offences", "These jobs"). */
const WHOLE_DETERMINERS = new Set(['these', 'those', 'the']);
/** How many words a named whole may take after its determiner ("Those knife offences"). */
const NAMED_REACH = 3;

/** The head noun (its unit key) of a short noun phrase from `k` up to the opener, and the token after it. */
function namedNoun(tokens: readonly Token[], k: number, openerStart: number): { noun: string; after: number } | undefined {
  let head = -1;
  for (let i = k; i < k + NAMED_REACH && tokens[i] && tokens[i]!.start < openerStart; i++) {
    const pos = tokens[i]!.pos;
    if (pos === 'NOUN') head = i;
    else if (pos !== 'ADJ' || head >= 0) break;
  }
  return head >= 0 ? { noun: normUnit(tokens[head]!.text), after: head + 1 } : undefined;
}

/**
 * "Of the 1,300 who answered, 870 opposed the cuts and 290 backed them; 180 had no view.": after a whole named first, a
 * clause after a semicolon that opens with a figure and its verb goes on with the list (a clause that opens otherwise
 * ends it).
 */
function acrossSemicolons(tokens: readonly Token[], end: number, to: number): number {
  let listEnd = end;
  for (let n = 0; n < MAX_PARTS; n++) {
    const k = tokenAt(tokens, listEnd);
    // "...; 180 had no view": the figure is the subject of its clause (a verb right after it); "; 250 more are planned"
    // or "; 90 jobs will move" adds to the whole or counts something else.
    const next = tokens[k + 2];
    if (tokens[k]?.text !== ';' || tokens[k + 1]?.type !== 'number' || k + 1 >= to || !next || !(next.pos === 'VERB' || next.pos === 'AUX')) break;
    listEnd = nextPunctAfter(tokens, tokens[k + 1]!.start, to);
  }
  return listEnd;
}

/**
 * "30 passengers, 12 of whom ...", "Fifteen people were arrested, eight of them women": a figure right before a subset
 * cue is its first part, and the whole is the figure before that one, in the same clause.
 */
function partBeforeCue(input: PartitionInput, group: readonly Located[], opener: Opener, clauseStart: number): { total: Located; part: Located } | undefined {
  const at = firstFigureFrom(group, opener.start);
  const part = group[at - 1];
  // "slipped to 1,960 farm businesses from 1,994, with 2,140 of them": the earlier level of a change is no whole; the
  // level it changed to is.
  // "2.3 million people lived in the two worst-hit provinces, ... and 2.6 million of them": a small group a preposition
  // governs is what the sentence speaks of, not the whole (groups.ts).
  let before = at - 2;
  while (group[before] && governedGroup(input.tokens, group[before]!.q)) before--;
  const total = group[before] && isChangedFrom(input.tokens, group[before]!.q) ? group[before - 1] : group[before];
  const fusedTo = (l: Located, at: number) => /^\s*$/.test(input.doc.text.slice(l.q.end, at));
  if (!part || !total || total.q.start < clauseStart || !fusedTo(part, opener.start)) return undefined;
  // "12 of whom ... and 25 of whom": the figure before the second part is the first part, not their whole.
  const cue = input.doc.text.slice(opener.start, opener.end).toLowerCase();
  if (input.doc.text.slice(total.q.end, total.q.end + cue.length + 1).toLowerCase().trim() === cue) return undefined;
  return { total, part };
}

/** True when every figure has a counted noun of its own and no two share one ("9 homicides, 41 rapes, 57 robberies"). */
function distinctKinds(parts: readonly Located[]): boolean {
  const nouns = parts.map((p) => (p.q.quantityKind === 'count' && p.q.unit !== undefined ? normUnit(p.q.unit) : undefined));
  return allDistinct(nouns);
}

/** True when the figure right before a subset cue stands against it ("Sixty-one of them"), only spaces between. */
function fusedBefore(input: PartitionInput, group: readonly Located[], opener: Opener): boolean {
  const part = group[firstFigureFrom(group, opener.start) - 1];
  return part !== undefined && /^\s*$/.test(input.doc.text.slice(part.q.end, opener.start));
}

/**
 * "The 1,200 jobs will go in three waves: 500 this year, ...": a figure that counts the parts listed is no total; the
 * figure before it in its clause is.
 */
function listCountAside(group: readonly Located[], total: Located | undefined, parts: readonly Located[], clauseStart: number): Located | undefined {
  if (!total || !countsTheParts(total.q, parts.map((p) => p.q))) return total;
  const before = group[group.indexOf(total) - 1];
  return before && before.q.start >= clauseStart ? before : total;
}

/** How many figures of its clause before an opener are tried as the total. */
const TOTAL_TRIES = 3;
/** What stands between the level a change reached and the level it started from ("3.6 million, up from 3.1 million"). */
const CHANGE_GAP = /^,?\s*(?:(?:up|down)\s+)?from\s+$/i;

/**
 * The figure right before an opener, in its clause; or, when the first part names its own unit and that figure counts
 * something else ("lost £60.5m over three seasons: £22.1m ..."), the nearest one before it with the part's unit.
 */
function totalBefore(input: PartitionInput, group: readonly Located[], opener: Opener, clauseStart: number, listEnd: number): Located | undefined {
  const at = firstFigureFrom(group, opener.start);
  const inClause = (l: Located | undefined) => l !== undefined && l.q.end <= opener.start && l.q.start >= clauseStart;
  let nearest = group[at - 1];
  // "The orchestra's 96 players come from 12 countries; 60 are British, ...": a figure in a phrase of place that is
  // smaller than every part cannot hold them; the figure its clause is about, before it, is their whole.
  const governed = (l: Located) => input.rules.prepositions.has(input.tokens[tokenAt(input.tokens, l.q.start) - 1]?.lower ?? '');
  const listed = group.slice(at).filter((l) => l.q.start < listEnd);
  const outer = group[at - 2];
  if (nearest && outer && inClause(nearest) && inClause(outer) && governed(nearest) && !governed(outer) && listed.length >= 2 && listed.every((l) => l.q.value > nearest!.q.value)) nearest = outer;
  // "cost the council £11.8m last year against a budget of £7.5m: £7.2m went on ...": a figure set up for comparison is
  // the yardstick, not the whole the list after it splits; the figure compared with it is.
  if (nearest && inClause(nearest) && comparedWith(input.tokens, nearest)) {
    if (!outer || !inClause(outer) || comparedWith(input.tokens, outer)) return undefined;
    nearest = outer;
  }
  // "rose to 3.6 million, up from 3.1 million, with 2.2 million ... and 1.4 million ...": the level a change started from
  // is no whole; the level it reached, right before it, is.
  if (nearest && inClause(nearest) && isBaseline(input.tokens, nearest.q)) {
    const reached = group[at - 2];
    return reached && CHANGE_GAP.test(input.doc.text.slice(reached.q.end, nearest.q.start)) ? reached : undefined;
  }
  const first = group[at];
  const unit = first && first.q.start < listEnd ? input.units.get(first.q.id) : undefined;
  if (!inClause(nearest) || unit === undefined || input.units.get(nearest!.q.id) === unit) return inClause(nearest) ? nearest : undefined;
  for (let i = at - 2; i >= Math.max(0, at - 1 - TOTAL_TRIES) && inClause(group[i]); i--) if (input.units.get(group[i]!.q.id) === unit) return group[i];
  // Sums of money never part a count ("the three companies ...: 610,000 euros, ..."); counts may name kinds of a count.
  const money = (u: string | undefined) => u?.startsWith('money ') ?? false;
  return money(unit) === money(input.units.get(nearest!.q.id)) ? nearest : undefined;
}

/** Words that set a figure up as the yardstick of a comparison ("against a budget of £7.5m", "compared with 212"). */
const YARDSTICKS = new Set(['against', 'compared', 'versus', 'than']);

/** True when a yardstick word stands within the four words before a figure. */
function comparedWith(tokens: readonly Token[], l: Located): boolean {
  const k = tokenAt(tokens, l.q.start);
  return tokens.slice(Math.max(0, k - 4), k).some((t) => YARDSTICKS.has(t.lower));
}

/**
 * "The firm's 2,400 employees work in sales (900), manufacturing (1,100) and administration (500)": figures each alone
 * in brackets after a label of their own are a table written as prose; the figure before the first of them in the
 * sentence, outside brackets, is their whole.
 */
const LABELS_END = new Set(['.', ';', ':', '!', '?']);

function labelledList(input: PartitionInput, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const alone = (l: Located) => {
    const first = tokenAt(tokens, l.q.start);
    const after = tokenAt(tokens, l.q.end);
    return tokens[first - 1]?.text === '(' && tokens[after]?.text === ')' && tokens[first - 2]?.type === 'word';
  };
  const at = group.findIndex(alone);
  if (at < 1) return undefined;
  const parts: Located[] = [];
  for (let i = at; i < group.length && alone(group[i]!) && parts.length < MAX_PARTS; i++) parts.push(group[i]!);
  const unit = (l: Located) => input.units.get(l.q.id);
  if (parts.length < 2 || new Set(parts.map(unit)).size > 1) return undefined;
  const total = group[at - 1]!;
  // "... and administration (300), and 150 contractors": a list that goes on past its brackets is not all of the total.
  const after = tokens[tokenAt(tokens, parts.at(-1)!.q.end) + 1];
  if (after !== undefined && !LABELS_END.has(after.text)) return undefined;
  return alone(total) ? undefined : { total, parts, role: 'labels', rest: false };
}

/** True when a year ("2024") stands between two offsets. */
function yearBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) if (/^(?:19|20)\d\d$/.test(tokens[k]!.text)) return true;
  return false;
}

/** True when a cue of `role` starts in `[from, to)`; cues are in text order, so a binary search finds the first. */
function cueBetween(cues: readonly CueSpan[], role: CueSpan['role'], from: number, to: number): boolean {
  for (let i = firstStartingFrom(cues, from); i < cues.length && cues[i]!.start < to; i++) if (cues[i]!.role === role) return true;
  return false;
}

/** "another £51m", "a further 20": the first figure of a sentence's list adds to a part stated before it. */
export function addsToEarlier(input: PartitionInput, first: Located): boolean {
  const k = tokenAt(input.tokens, first.q.start);
  return [1, 2].some((d) => input.chains.additiveBefore.has(input.tokens[k - d]?.lower ?? ''));
}

/** "31 shops in Tarra, 12 in Belmar and 9 in Oset, 47 in all": the figures before a total cue that follows them. */
function partsBeforeCue(input: PartitionInput, group: readonly Located[], cues: readonly CueSpan[]): Candidate | undefined {
  for (const cue of cues) {
    if (cue.role !== 'total') continue;
    const at = firstFigureFrom(group, cue.start);
    // The total stands right after the cue ("; in all, 40 pounds") or right before it ("47 in all").
    for (const i of [at, at - 1]) {
      const total = group[i];
      if (!total || i < 2 || !isCueOf(input.tokens, cue, total.q) || group[i - 1]!.q.end > cue.start) continue;
      // "350 new cases, including 40 in care homes, ...": a figure within another is no separate part.
      if (cueBetween(cues, 'subset', group[Math.max(0, i - MAX_PARTS)]!.q.start, total.q.start)) continue;
      // "..., out of 4,900 votes cast": the parts are drawn from the whole and others may remain (parts within it).
      const drawn = /\bout of$/i.test(input.doc.text.slice(cue.start, cue.end));
      // "412 at Amaranth, 186 at Caldeiro and 97 across the four island airports, 713 in all": a group the list speaks of is no part.
      const parts = group.slice(Math.max(0, i - MAX_PARTS), i).filter((l) => !governedGroup(input.tokens, l.q));
      // "Council tax raises £84m. Business rates bring in another £51m, and grants £39m, giving an income of £168m": a
      // list whose first part adds to one before ("another", "a further") began in an earlier sentence; the total's
      // reading over sentences (totals.ts) judges it whole.
      if (parts[0]!.sentence > 0 && addsToEarlier(input, parts[0]!)) return undefined;
      return { total, parts, role: 'before', rest: false, ...(drawn && { drawn }) };
    }
  }
  return undefined;
}



/** "1,960 of the birds": a figure followed by "of" and a definite group without a figure of its own. */
function partitiveOfGroup(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  return ofDefiniteGroup(tokens, q) && !/^\d/.test(tokens[tokenAt(tokens, q.end) + 2]?.text ?? '');
}

/** "1,960 of the birds were found in a freezer on Tuesday, 1,420 in a car": the figure's own clause has the preposition its siblings take. */
function ownFrame(tokens: readonly Token[], q: QuantityAnnotation, end: number, parts: readonly Located[]): boolean {
  const words = new Set(parts.map((p) => tokens[tokenAt(tokens, p.q.end)]!.lower));
  for (let k = tokenAt(tokens, q.end) + 2; k < tokens.length && tokens[k]!.start < end; k++) if (words.has(tokens[k]!.lower)) return true;
  return false;
}

/** "1,420 in a car": a figure followed at once by a preposition, its verb left out. */
function gappedInPlace(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const t = tokens[tokenAt(tokens, q.end)];
  return t?.pos === 'ADP' && t.lower !== 'of';
}

/** "nine were dead": a figure followed at once by a verb or its auxiliary, the subject of its own clause. */
function subjectOfVerb(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const next = tokens[tokenAt(tokens, q.end)];
  return next !== undefined && (next.pos === 'VERB' || next.pos === 'AUX') && next.type === 'word';
}
