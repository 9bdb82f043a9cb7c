// "... 2.6m fixed-line connections ... Fibre lines made up 1.1m of the total, copper 900,000 and cable 750,000.": a
// part said to be "of the total" names no figure, yet points back to the amount stated last before it; the list it
// opens lies within that amount (numeric.json totalBackReferences).
import { tokenAt } from '../../nlp/tokens.js';
import settings from './numeric.json' with { type: 'json' };
import type { Located } from './context.js';
import { listLength } from './list-ends.js';
import type { Candidate, PartitionInput } from './partition-input.js';

const DETERMINERS: ReadonlySet<string> = new Set(settings.totalBackReferences.determiners);
const NOUNS: ReadonlySet<string> = new Set(settings.totalBackReferences.nouns);
const SENTENCES = settings.totalBackReferences.sentences;

/**
 * The total a list opened by "N of the total" points back to, with that list as its parts (a `chain`: the parts may
 * leave some of the total unstated, never exceed it); undefined when no part says so or no amount stands before.
 */
export function totalBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const at = group.findIndex((l) => {
    const k = tokenAt(tokens, l.q.end);
    return tokens[k]?.lower === 'of' && DETERMINERS.has(tokens[k + 1]?.lower ?? '') && NOUNS.has(tokens[k + 2]?.lower ?? '');
  });
  if (at < 0) return undefined;
  const first = group[at]!;
  const total = amountBefore(input, s, first);
  if (!total) return undefined;
  const run = group.slice(at);
  const parts = run.slice(0, listLength(tokens, run.map((l) => l.q), input.rules));
  return parts.length >= 2 ? { total, parts, role: 'chain', rest: false } : undefined;
}

/** The last amount of the nearest earlier sentence that has amounts, larger than the part, in reach. */
function amountBefore(input: PartitionInput, s: number, part: Located): Located | undefined {
  for (let t = s - 1; t >= Math.max(0, s - SENTENCES); t--) {
    const last = input.bySentence[t]?.at(-1);
    if (!last) continue;
    if (part.paragraph - last.paragraph > 1) return undefined;
    return last.q.value > part.q.value ? last : undefined;
  }
  return undefined;
}
