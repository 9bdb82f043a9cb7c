// A running total after an addition: "Detectives seized £186,000 in cash. In addition, £54,000 was frozen, bringing the
// total taken from the gangs to £230,000." A sentence that opens by adding to the one before (part-words.json
// additiveOpeners) and closes on "bringing the total to" sums its own figures and the one amount of their kind before.
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { guaranteed, stated, sumOf, type Located } from './context.js';
import { fitsWhole, PART_WORDS, phraseAt } from './part-words.js';
import type { Candidate, PartitionInput } from './partition-input.js';

/** How many words may stand between "the total" and its "to" ("the total taken from the gangs to"). */
const TOTAL_REACH = 8;
/** How many words after the total are read for an open period ("to 900 so far", "to 900 this year"). */
const AFTER_REACH = 3;

/** The running total of a sentence that adds to the one before, with the figures it sums. */
export function runningTotal(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  if (s === 0 || !PART_WORDS.additiveOpeners.some((words) => phraseAt(tokens, from, words) >= 0)) return undefined;
  const found = totalAfterVerb(input, from, to, group);
  if (!found || setInPeriod(input, s) || setInPeriod(input, s - 1)) return undefined;
  const { total, verb } = found;
  const added = group.filter((l) => l !== total && tokenAt(tokens, l.q.end) <= verb);
  const before = (input.bySentence[s - 1] ?? []).filter((l) => l.paragraph === total.paragraph && (l.q.quantityKind === 'money') === (total.q.quantityKind === 'money'));
  const parts = [...before, ...added];
  if (before.length !== 1 || added.length === 0 || !parts.every((p) => fitsWhole(input, total, p))) return undefined;
  return { total, parts, role: 'chain', rest: true };
}

/**
 * "The first works built 620 of the buses, the second 540 and the third 310, bringing the total delivered this school
 * year to 1,450": a running total, even one left open to earlier additions ("this year", "so far"), holds at least the
 * figures its own sentence adds before it when it says what it counts; only figures that exceed it are returned (read
 * within it, as a chain that is not closed).
 */
export function runningFloor(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const [from, to] = input.sentenceTokens(s);
  const found = totalAfterVerb(input, from, to, group, true);
  // "bringing the total to 25" may count more than the sentence names (pinned silent); "the total delivered this year"
  // names the very additions its sentence lists.
  if (!found || input.tokens[found.verb + 3]?.lower === 'to') return undefined;
  const { total, verb } = found;
  const parts = group.filter((l) => l !== total && tokenAt(input.tokens, l.q.end) <= verb && fitsWhole(input, total, l));
  const sum = sumOf(parts.map((p) => guaranteed(p.q).low));
  return parts.length >= 2 && sum > stated(total.q).high ? { total, parts, role: 'chain', rest: false } : undefined;
}

/**
 * "bringing the total ... to £230,000": the figure right after "to" and the verb's token, unless the total is open-ended
 * (`open`: also then).
 */
function totalAfterVerb(input: PartitionInput, from: number, to: number, group: readonly Located[], open = false): { total: Located; verb: number } | undefined {
  const { tokens } = input;
  for (let v = from; v < to; v++) {
    if (!PART_WORDS.runningVerbs.has(tokens[v]!.lower) || phraseAt(tokens, v + 1, ['the', 'total']) < 0) continue;
    for (let k = v + 3; k < Math.min(to, v + 3 + TOTAL_REACH); k++) {
      if (!open && PART_WORDS.openEnded.has(tokens[k]!.lower)) return undefined;
      if (tokens[k]!.lower !== 'to') continue;
      const total = group.find((l) => tokenAt(tokens, l.q.start) === k + 1);
      return total && (open || !openAfter(tokens, tokenAt(tokens, total.q.end), to)) ? { total, verb: v } : undefined;
    }
  }
  return undefined;
}

function openAfter(tokens: readonly Token[], k: number, to: number): boolean {
  for (let i = k; i < Math.min(to, k + AFTER_REACH); i++) if (PART_WORDS.openEnded.has(tokens[i]!.lower)) return true;
  return false;
}

/** True when a sentence names a weekday, a month or a season (chainPeriods): its figures count a period of their own. */
function setInPeriod(input: PartitionInput, s: number): boolean {
  const [from, to] = input.sentenceTokens(s);
  for (let k = from; k < to; k++) if (input.chains.periods.has(input.tokens[k]!.lower)) return true;
  return false;
}
