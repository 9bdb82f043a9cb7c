// End states of one event said of each figure of a list ("90 left on time, 30 were delayed and 10 were cancelled"):
// a member reaches only one of them, so the figures part their whole. Word lists in numeric.json (exclusiveOutcomes).
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { ListRules, Member } from './members.js';

/** How many tokens after a figure its end state is looked for ("were still pending" → "pending"); keeps the check linear. */
const OUTCOME_REACH = 5;
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but', 'or', '(', ')']);

/** An end state said of a figure and the groups it belongs to. */
interface Outcome {
  readonly word: string;
  readonly groups: readonly number[];
}

/**
 * The end state said of a figure ("30 were delayed" → "delayed", "90 left on time" → "on time"), or undefined when
 * none stands in its clause. Two-word states ("on time", "went home") are tried before single words.
 */
function outcomeOf(tokens: readonly Token[], m: Member, rules: ListRules): Outcome | undefined {
  // From what is said of the figure: past its counted noun, or past a share's whole ("47 percent of drivers").
  const from = Math.max(m.at, tokenAt(tokens, m.q.end));
  // "24 had been treated and sent home": "and" before a verb joins two verbs of the figure's own clause.
  // (Right after the figure, "and" ends it: "convicted on 9 and acquitted on 4".)
  const ends = (k: number) => CLAUSE_END.has(tokens[k]!.lower) && !(k > from && tokens[k]!.lower === 'and' && tokens[k + 1]?.pos === 'VERB');
  for (let k = from; k < Math.min(tokens.length, from + OUTCOME_REACH) && !ends(k); k++) {
    const two = `${tokens[k]!.lower} ${tokens[k + 1]?.lower ?? ''}`;
    for (const word of [two, tokens[k]!.lower]) {
      const groups = rules.exclusiveOutcomes.get(word);
      if (groups !== undefined) return { word, groups };
    }
  }
  // "convicted on 14 and cleared on 4", "acquitted of 3": the state right before the figure and a preposition.
  const first = tokenAt(tokens, m.q.start);
  if (!OUTCOME_PREPOSITIONS.has(tokens[first - 1]?.lower ?? '')) return undefined;
  const word = tokens[first - 2]?.lower ?? '';
  const groups = rules.exclusiveOutcomes.get(word);
  return groups === undefined ? undefined : { word, groups };
}

const OUTCOME_PREPOSITIONS = new Set(['on', 'of']);

/**
 * "300 were cancelled and 260 were delayed", "90 left on time, 30 ran late and 10 were cancelled", "60 went home, 25
 * stayed in hospital and 10 died": each figure of the list says a different end state of one event (one group of
 * numeric.json exclusiveOutcomes), so together they part their whole; states from no group ("25 were released and 20
 * were charged") may overlap and give no such list.
 */
export function areExclusiveOutcomes(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 2) return false;
  const outcomes = members.map((m) => outcomeOf(tokens, m, rules));
  // "sales improved and profits were better": two words for one state are one answer, not two.
  if (outcomes.some((o) => o === undefined) || new Set(outcomes.map((o) => rules.sameOutcomes.has(o!.word) ? `=${rules.sameOutcomes.get(o!.word)}` : o!.word)).size !== outcomes.length) return false;
  return outcomes[0]!.groups.some((g) => outcomes.every((o) => o!.groups.includes(g)));
}
