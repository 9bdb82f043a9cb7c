// "Police seized 4,160 bottles ... found that 4,610 of the bottles carried fake labels": a figure said to be "of the"
// things an earlier figure counted is a part of that figure, however far back it stands in the story.
import { tokenAt } from '../../nlp/tokens.js';
import { stated, type Located } from './context.js';
import { isBaseline, isGoal, isRate, isSuperseded } from './part-words.js';
import type { Candidate, PartitionInput } from './partitions.js';
import { normUnit, sameThings } from './units.js';

/** How many paragraphs and sentences back the whole of "N of the things" may stand (the check stays linear). */
const PARAGRAPHS_BACK = 4;
const SENTENCES_BACK = 30;

/**
 * A figure of sentence `s` followed by "of the" and a noun that earlier figures counted (or a word for the same things,
 * nouns.json sameThings: "214 assaults ... 229 of the attacks") (in the last few paragraphs, no
 * baseline, goal, rate or revised figure): the largest of them holds it. Only a part larger than that whole is
 * returned, as a candidate of one part; the whole is otherwise left to the other readings.
 */
export function partitiveBack(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  for (const part of group) {
    const k = tokenAt(tokens, part.q.end);
    if (part.q.quantityKind !== 'count' || tokens[k]?.lower !== 'of' || tokens[k + 1]?.lower !== 'the' || tokens[k + 2]?.pos !== 'NOUN') continue;
    // "4,610 of the bottles carried ...": the noun ends the phrase ("of the bottle caps" names other things).
    if (tokens[k + 3]?.pos === 'NOUN') continue;
    const noun = normUnit(tokens[k + 2]!.text);
    const whole = largestCounted(input, noun, part);
    if (whole && part.q.value > stated(whole.q).high) return { total: whole, parts: [part], role: 'subset', rest: false };
  }
  return undefined;
}

/**
 * The largest figure before `part` counted in `noun`, at most PARAGRAPHS_BACK paragraphs back, that may be a whole: "the
 * ponds" may be all the ponds of the story or a part named last ("3 of the 40 ponds"), so a part is judged only against
 * the largest.
 */
function largestCounted(input: PartitionInput, noun: string, part: Located): Located | undefined {
  const { tokens } = input;
  let best: Located | undefined;
  for (let n = part.sentence - 1; n >= Math.max(0, part.sentence - SENTENCES_BACK); n--) {
    const figures = input.bySentence[n];
    if (!figures || figures.length === 0) continue;
    if (part.paragraph - figures[0]!.paragraph > PARAGRAPHS_BACK) break;
    for (const l of figures) {
      if (l.q.quantityKind !== 'count' || l.q.unit === undefined || !(normUnit(l.q.unit) === noun || sameThings(normUnit(l.q.unit), noun))) continue;
      if (isBaseline(tokens, l.q) || isGoal(tokens, l.q) || isRate(tokens, l.q) || isSuperseded(tokens, l.q)) continue;
      if (!best || stated(l.q).high > stated(best.q).high) best = l;
    }
  }
  return best;
}

const PRONOUN_WHOLES = new Set(['them', 'those', 'these']);

/**
 * "The claim was brought by 318 current and former staff. Of them, 381 are women": a sentence that opens "Of them," (or
 * those, these) right before a figure names the last count of the sentence before, in its paragraph, as that figure's
 * whole; returned only when the part is larger (a list of several parts is read by the next-sentence rules).
 */
export function ofThemNext(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const next = input.bySentence[s + 1];
  if (!next || next.length === 0 || s + 1 >= input.doc.all('sentence').length) return undefined;
  const [from] = input.sentenceTokens(s + 1);
  if (tokens[from]?.lower !== 'of' || !PRONOUN_WHOLES.has(tokens[from + 1]?.lower ?? '') || tokens[from + 2]?.text !== ',') return undefined;
  const part = next[0]!;
  if (tokenAt(tokens, part.q.start) !== from + 3 || part.q.quantityKind !== 'count') return undefined;
  const whole = group.findLast((l) => l.q.quantityKind === 'count' && l.paragraph === part.paragraph && !isBaseline(tokens, l.q) && !isGoal(tokens, l.q) && !isRate(tokens, l.q));
  return whole && part.q.value > stated(whole.q).high ? { total: whole, parts: [part], role: 'subset', rest: false } : undefined;
}
