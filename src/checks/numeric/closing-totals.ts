// A list closed by a total cue after it ("31 shops in Tarra, 12 in Belmar and 9 in Oset, 47 in all"; "..., out of
// 4,900 votes cast"), and the figure that adds to a part stated in an earlier sentence ("another £51m"), which begins
// no list of its own.
import { tokenAt } from '../../nlp/tokens.js';
import { firstFigureFrom, type Located } from './context.js';
import type { CueSpan } from './totals.js';
import { isCueOf } from './next-sentence.js';
import { governedGroup } from './groups.js';
import { cueBetween, MAX_PARTS, type Candidate, type PartitionInput } from './partition-input.js';

/** "another £51m", "a further 20": the first figure of a sentence's list adds to a part stated before it. */
export function addsToEarlier(input: PartitionInput, first: Located): boolean {
  const k = tokenAt(input.tokens, first.q.start);
  return [1, 2].some((d) => input.chains.additiveBefore.has(input.tokens[k - d]?.lower ?? ''));
}

/** "31 shops in Tarra, 12 in Belmar and 9 in Oset, 47 in all": the figures before a total cue that follows them. */
export function partsBeforeCue(input: PartitionInput, group: readonly Located[], cues: readonly CueSpan[]): Candidate | undefined {
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


