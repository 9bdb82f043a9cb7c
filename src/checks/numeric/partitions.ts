import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import { guaranteed, type Located } from './context.js';
import { carryScale } from './scales.js';
import { findTotalCues, judgeSubset, judgeTotal, plausibleSum, silentShortfall } from './totals.js';
import { backReferenceTotal, laterList, partOfWholeList, shareParts } from './more-lists.js';
import { namedTwoBack, nextSentenceList, restOfWhole } from './next-sentence.js';
import { chainedList } from './chains.js';
import { isAverage, isBaseline, isGoal, isRanked, isRemainder, isSuperseded, partitiveOwner } from './part-words.js';
import settings from './numeric.json' with { type: 'json' };
import { totalBack } from './total-back.js';
import { includedBack, ofThemNext, participleBack, partitiveBack } from './partitive-back.js';
import { runningFloor } from './running-totals.js';
import { respectivelyList } from './respectively.js';
import { voteTotal } from './vote-totals.js';
import { readingOf, type Reading } from './readings.js';
import { openersIn } from './openers.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { listAfter } from './lists-after.js';
import { partsBeforeCue } from './closing-totals.js';
import { labelledList } from './tables.js';

/** Roles of a list its total's own sentence opens, which may split a total another reading found made up. */
const RESPLIT: ReadonlySet<Candidate['role']> = new Set(['colon', 'split']);
/**
 * `total-unsupported` for a total and a list of its parts in news phrasing: "A total of 50 people were hurt: 20 in the
 * first blast and 40 in the second", "The budget of 48 billion splits into 21 billion for health, 15 for schools ...",
 * "40 people, of whom ...", "Of the 300 passengers, ...", "31 shops in Tarra, 12 in Belmar and 9 in Oset, 47 in all", or
 * a total whose list fills the next sentence ("Of these, ..."). Adds every judged total to `totals`.
 */
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
