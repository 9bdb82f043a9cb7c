// The count of valid votes or of votes cast, stated after the candidates' votes: "Desai took 18,402 votes to 15,977
// for Hartley, with the Greens on 4,310 and three other candidates sharing 1,288. Turnout was 41.2%, with 39,877 valid
// votes and 215 ballots rejected." The valid votes of an election are the sum of its candidates' votes by definition;
// the list is the vote counts of the sentence before, in the same paragraph (word lists in numeric.json voteTotals).
import { tokenAt, type Token } from '../../nlp/tokens.js';
import settings from './numeric.json' with { type: 'json' };
import type { Located } from './context.js';
import type { Candidate, PartitionInput } from './partition-input.js';

const COUNTED: ReadonlySet<string> = new Set(settings.voteTotals.counted);
const BEFORE: ReadonlySet<string> = new Set(settings.voteTotals.before);
const AFTER: ReadonlySet<string> = new Set(settings.voteTotals.after);
const MARGINS: ReadonlySet<string> = new Set(settings.voteTotals.margins);
/** Vote counts read from the sentence before (keeps the check linear). */
const MAX_PARTS = 12;

/** The candidate of a sentence that states the valid votes or votes cast, with the vote counts of the sentence before. */
export function voteTotal(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  if (s === 0) return undefined;
  const { tokens } = input;
  const total = group.find((l) => namesValidVotes(tokens, l));
  if (!total) return undefined;
  const before = (input.bySentence[s - 1] ?? []).filter((l) => l.paragraph === total.paragraph && l.q.quantityKind === 'count');
  const votes = before.findIndex((l) => COUNTED.has(input.units.get(l.q.id) ?? ''));
  if (votes < 0) return undefined;
  // The vote counts from the first one named as votes on: bare figures after it count votes too ("15,977 for Hartley").
  const parts = before.slice(votes).filter((l) => [undefined, input.units.get(before[votes]!.q.id)].includes(input.units.get(l.q.id))).slice(0, MAX_PARTS);
  // "won by 2,425 votes", "up from 15,000", "a majority of 3,100": a margin or an earlier count is no candidate's votes;
  // a sentence of several years ("in 2019 ... in 2024") compares polls.
  if (parts.length < 2 || parts.some((l) => notCandidate(tokens, l)) || datedTwice(tokens, input.sentenceTokens(s - 1))) return undefined;
  return { total, parts, role: 'votes', rest: false };
}

/** True when the words before or after a vote count make it a margin, an earlier count or a comparison. */
function notCandidate(tokens: readonly Token[], l: Located): boolean {
  const k = tokenAt(tokens, l.q.start);
  const after = tokenAt(tokens, l.q.end);
  return [k - 1, k - 2].some((i) => MARGINS.has(tokens[i]?.lower ?? '')) || MARGINS.has(tokens[after]?.lower ?? '');
}

/** True when a sentence names two years or more. */
function datedTwice(tokens: readonly Token[], [from, to]: [number, number]): boolean {
  let years = 0;
  for (let k = from; k < to; k++) if (tokens[k]!.type === 'number' && /^(?:19|20)\d{2}$/.test(tokens[k]!.text)) years++;
  return years >= 2;
}

/**
 * "39,877 valid votes", "31,090 votes cast", "valid ballots": a figure whose words name the valid votes of a poll; or a
 * label before it, as a results table or live copy writes it ("Total valid votes: 4,531", "Votes cast - 28,114").
 */
function namesValidVotes(tokens: readonly Token[], l: Located): boolean {
  return labelledValidVotes(tokens, tokenAt(tokens, l.q.start)) || validVotesAfter(tokens, l);
}

/** A label ending right before token `k`: "valid votes" or "votes cast" (or counted), then a colon or dash. */
function labelledValidVotes(tokens: readonly Token[], k: number): boolean {
  if (!LABEL_MARKS.has(tokens[k - 1]?.text ?? '')) return false;
  const last = tokens[k - 2];
  const noun = AFTER.has(last?.lower ?? '') ? k - 3 : k - 2;
  if (!COUNTED.has((tokens[noun]?.lemma ?? '').toLowerCase())) return false;
  return noun < k - 2 || BEFORE.has(tokens[noun - 1]?.lower ?? '');
}

/** What closes a label before its figure. */
const LABEL_MARKS: ReadonlySet<string> = new Set([':', '-', '–', '—']);

function validVotesAfter(tokens: readonly Token[], l: Located): boolean {
  const k = tokenAt(tokens, l.q.end);
  const noun = BEFORE.has(tokens[k]?.lower ?? '') ? k + 1 : k;
  if (!COUNTED.has((tokens[noun]?.lemma ?? '').toLowerCase())) return false;
  return noun > k || AFTER.has(tokens[noun + 1]?.lower ?? '');
}
