// Parts handed out one each to items named before them, closed by "respectively": "The two hospitals saw 18,940
// patients, with St Aldhelm's and the Royal Northmoor recording 10,320 and 8,260 attendances respectively". The list
// of figures right before "respectively" is the parts; the figure before that list in the sentence is the candidate
// total. Whether they make it up is read by readings.ts (a total a cue marks, or whose clause counts as many owners).
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import type { Candidate, PartitionInput } from './partition-input.js';

/** How many words (the parts' noun) may stand between the last part and "respectively". */
const RESPECTIVELY_REACH = 2;
const LIST_GLUE = new Set([',', 'and']);

/** The candidate of a sentence whose last figures before "respectively" follow another figure; undefined when none. */
export function respectivelyList(input: PartitionInput, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  for (let i = 1; i < group.length; i++) {
    const after = tokenAt(tokens, group[i]!.q.end);
    let k = after;
    while (k < after + RESPECTIVELY_REACH && tokens[k]?.type === 'word' && tokens[k]!.lower !== 'respectively') k++;
    if (tokens[k]?.lower !== 'respectively') continue;
    let j = i;
    while (j > 0 && glued(tokens, group[j - 1]!, group[j]!)) j--;
    if (i - j < 1 || j === 0 || !elaborates(tokens, group[j - 1]!, group[j]!)) return undefined;
    return { total: group[j - 1]!, parts: group.slice(j, i + 1), role: 'comma', rest: false };
  }
  return undefined;
}

/** Words that open an elaboration of the figure before them (", with ...", ":", a dash, brackets). */
const ELABORATIONS = new Set(['with', ':', '—', '–', '-', '(']);

/**
 * True when the parts elaborate the total ("saw 18,940 patients, with A and B recording 10,320 and 8,260
 * respectively"), not a clause of their own ("employ 1,200 people and produce 700 and 600 respectively").
 */
function elaborates(tokens: readonly Token[], total: Located, first: Located): boolean {
  // "sent forty trucks on Monday and Tuesday, twenty-five and nineteen respectively": parts that open the clause after
  // a comma, with no verb of their own, name the total's share out ("..., making 700 and 600 tonnes" has one).
  if (tokens[tokenAt(tokens, first.q.start) - 1]?.text === ',') return true;
  for (let k = tokenAt(tokens, total.q.end); k < tokenAt(tokens, first.q.start); k++) if (ELABORATIONS.has(tokens[k]!.lower)) return true;
  return false;
}

/** True when only commas and "and" stand between two figures ("10,320 and 8,260", "41, 38 and 23"). */
function glued(tokens: readonly Token[], a: Located, b: Located): boolean {
  const from = tokenAt(tokens, a.q.end);
  const to = tokenAt(tokens, b.q.start);
  if (to <= from || to - from > 2) return false;
  for (let k = from; k < to; k++) if (!LIST_GLUE.has(tokens[k]!.lower)) return false;
  return true;
}
