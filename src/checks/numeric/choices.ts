// The answer a figure of a list stands for: a stance after it ("backed Smith", "were undecided"), a name it is given to
// ("Vance is on 44 percent"), who won it ("the ruling party won 71 percent") or a stance in the passive ("backed by 58
// percent"). Figures with different answers to one question part one whole. Word lists in numeric.json.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { ListRules, Member } from './lists.js';

/** How far after a figure its stance word is looked for (keeps the check linear). */
const REACH = 4;
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but']);

/** "backed Smith" → "back smith", "were undecided" → "undecided": the stance a figure takes, if any. */
export function stanceAfter(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  for (let k = at; k < Math.min(tokens.length, at + REACH); k++) {
    const tok = tokens[k]!;
    if (CLAUSE_END.has(tok.lower)) return undefined;
    // The tokenizer keeps a sentence's last period on "no." (read as an abbreviation).
    if (rules.stance.has(tok.lower.replace(/\.$/, '')) || rules.stance.has(tok.lemma)) {
      const next = tokens[k + 1];
      // "voted no" / "voted yes", "voted for" / "voted against": the answer after the verb tells the choices apart.
      const answer = next !== undefined && (next.pos === 'PROPN' || rules.stance.has(next.lower.replace(/\.$/, '')) || ANSWERS.has(next.lower));
      return answer ? `${tok.lemma} ${next.lower.replace(/\.$/, '')}` : tok.lemma;
    }
  }
  return undefined;
}

const CHOICE_BEFORE = new Set(['on', 'at']);
/** Words after a verb of choosing that name the choice ("voted for" / "voted against"). */
const ANSWERS = new Set(['for', 'against']);
const ITEM_START = new Set([',', ':', ';', 'and', '(']);

/** "Vance is on 44 percent", "Oyelaran on 39 percent": the name a poll figure is given to. */
function nameBefore(tokens: readonly Token[], q: QuantityAnnotation, rules: ListRules): string | undefined {
  const first = tokenAt(tokens, q.start);
  const prev = tokens[first - 1];
  // "Smith 48 percent, Jones 44 percent, others 12 percent": a name (or "others") right before a figure at the head of
  // its list item gives the figure to it.
  // "puts support at Ostrova 44%, Pell 41%": the first item may open after the "at" or "on" that gives the figures.
  const head = first < 2 || ITEM_START.has(tokens[first - 2]!.lower) || CHOICE_BEFORE.has(tokens[first - 2]!.lower);
  if (prev && head && ((prev.pos === 'PROPN' && /^\p{Lu}/u.test(prev.text)) || rules.residualChoices.has(prev.lower))) return `name ${prev.lower}`;
  if (!CHOICE_BEFORE.has(prev?.lower ?? '')) return undefined;
  for (let k = first - 2; k >= Math.max(0, first - 4); k--) {
    const tok = tokens[k]!;
    if (tok.pos === 'PROPN' && /^\p{Lu}/u.test(tok.text)) return `name ${tok.lower}`;
    if (tok.pos !== 'AUX' && tok.pos !== 'VERB') return undefined;
  }
  return undefined;
}

/** "the opposition parties together won 36 percent": the verb of winning right before a share, keyed by the word before it. */
function winnerBefore(tokens: readonly Token[], q: QuantityAnnotation, rules: ListRules): string | undefined {
  const first = tokenAt(tokens, q.start);
  const verb = tokens[first - 1];
  return verb && (rules.winVerbs.has(verb.lower) || (verb.pos === 'VERB' && rules.winVerbs.has(verb.lemma))) ? `won by ${tokens[first - 2]?.lower ?? ''}` : undefined;
}

/** The answer a figure stands for: a stance after it, a name it is given to, or who won it. */
export function choiceOf(tokens: readonly Token[], m: Member, rules: ListRules): string | undefined {
  return stanceAfter(tokens, m.at, rules) ?? nameBefore(tokens, m.q, rules) ?? winnerBefore(tokens, m.q, rules) ?? stanceBy(tokens, m.q, rules);
}

/** "backed by 58 percent", "opposed by 47 percent": a stance verb in the passive before the share. */
function stanceBy(tokens: readonly Token[], q: QuantityAnnotation, rules: ListRules): string | undefined {
  const first = tokenAt(tokens, q.start);
  const verb = tokens[first - 2];
  return tokens[first - 1]?.lower === 'by' && verb && rules.stance.has(verb.lower) ? `by ${verb.lemma}` : undefined;
}
