// Bare parts before a total: "29 in Leeds, 21 in York and 22 in Hull. In total, 64 people were arrested last year." A
// closed list of figures each set in its own place, with no noun of their own, names the parts of the total that a cue
// marks in the sentence right after it, in the same paragraph; the total's noun is the one they leave out.
import type { Located } from './context.js';
import { isClosedList } from './list-ends.js';
import { byPlaces, memberOf } from './members.js';
import { fitsWhole, isRemainder } from './part-words.js';
import { isCueOf } from './next-sentence.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { cuesNear, findTotalCues } from './totals.js';

/** Parts are read up to this many figures (keeps the check linear). */
const MAX_PARTS = 12;

/** The total a cue marks and the bare list of the sentence before it, as a list that must make the total. */
export function bareListBeforeTotal(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  if (s === 0) return undefined;
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  const cues = findTotalCues(tokens, from, to, input.cues).filter((c) => c.role === 'total');
  const total = group.find((l) => l.q.bound !== 'range' && cuesNear(tokens, cues, l.q).some((c) => isCueOf(tokens, c, l.q)));
  const parts = (input.partsBySentence[s - 1] ?? []).slice(0, MAX_PARTS + 1);
  if (!total || parts.length < 2 || parts.length > MAX_PARTS || parts[0]!.paragraph !== total.paragraph) return undefined;
  const [pf, pt] = input.sentenceTokens(s - 1);
  // A sentence with a total, a split or a subset of its own is no bare list ("the remaining" only closes one).
  if (findTotalCues(tokens, pf, pt, input.cues).some((c) => c.role !== 'rest')) return undefined;
  // Bare after the first: a figure with its own noun is read by the check of totals (totals.ts).
  const bare = (l: Located) => l.q.quantityKind === 'count' && !input.chains.ownUnits.has(l.q.id) && !input.nested.has(l.q.id);
  const first = parts[0]!;
  if (!parts.slice(1).every(bare) || !(bare(first) || fitsWhole(input, total, first))) return undefined;
  if (total.q.quantityKind !== 'money' && !parts.every((p) => fitsWhole(input, total, p))) return undefined;
  const members = parts.map((p) => memberOf(tokens, p.q));
  const closed = isClosedList(tokens, members, input.rules) || isRemainder(tokens, parts.at(-1)!);
  // Read as a sum of the list before it ('back'): its parts must make it, and the message says they stand before it.
  return closed && byPlaces(tokens, members, input.rules) ? { total, parts, role: 'back', rest: false } : undefined;
}
