// The answer a figure of a list stands for: a stance after it ("backed Smith", "were undecided"), a name it is given to
// ("Vance is on 44 percent"), who won it ("the ruling party won 71 percent") or a stance in the passive ("backed by 58
// percent"). Figures with different answers to one question part one whole; a figure that abstains ("did not know")
// gives none. Word lists in numeric.json.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { predicate, type ListRules, type Member } from './members.js';

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

const NEGATIONS = new Set(['not', "n't", 'no', 'never']);

/**
 * "9 percent are undecided", "9 percent did not know", "21 percent said they did not mind", "45 percent do not": a
 * share that answers a question by not choosing, or by saying no (read a little further than other predicates).
 */
export function abstains(tokens: readonly Token[], m: Member, rules: ListRules): boolean {
  const words = predicate(tokens, m.at, ABSTAIN_REACH);
  // "62 percent want longer days while 45 percent do not": the answer "no" to the question the verb left out asks.
  if (words.length === 2 && words[0]!.pos === 'AUX' && NEGATIONS.has(words[1]!.lower)) return true;
  return words.some((t, k, words) => rules.abstentions.has(t.lower) || negatedAnswer(words, k, rules));
}

/** "did not know", "had no view": a word of answering right after a negation. */
function negatedAnswer(words: readonly Token[], k: number, rules: ListRules): boolean {
  const word = words[k]!;
  if (!rules.negatedAnswers.has(word.lower) && !rules.negatedAnswers.has(word.lemma)) return false;
  // "had not yet decided": "yet" may stand between the negation and the answer; "have not yet made up their minds":
  // so may the words of a phrase that ends with it.
  for (let j = k - 1; j >= Math.max(0, k - NEGATION_REACH); j--) if (NEGATIONS.has(words[j]!.lower)) return true;
  // "22 per cent have yet to make up their minds", "are yet to decide": "yet to" before the answer says it is not given.
  for (let j = k - 1; j >= 1; j--) if (words[j]!.lower === 'to' && words[j - 1]!.lower === 'yet') return true;
  return false;
}

/** "152 did not know", "80 were undecided": one of those asked who gave no answer (not a voter who spoiled a paper). */
function givesNoAnswer(tokens: readonly Token[], m: Member, rules: ListRules): boolean {
  const words = predicate(tokens, m.at, ABSTAIN_REACH);
  return words.some((t, k) => rules.noAnswers.has(t.lower) || negatedAnswer(words, k, rules));
}

const ABSTAIN_REACH = 7;
/** How many words before an answer word its negation may stand ("not yet made up their minds"). */
const NEGATION_REACH = 5;

/**
 * "703 backed the charge, 611 opposed it and 152 said they did not know": answers to one question whose last member
 * gave none (numeric.json noAnswers, "did not know", "had no view") and whose others each gave one name every answer,
 * so together they make up everyone asked.
 */
export function closedByAbstention(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 3 || onDifferentThings(tokens, members, rules)) return false;
  return givesNoAnswer(tokens, members.at(-1)!, rules) && !members.slice(0, -1).some((m) => abstains(tokens, m, rules));
}

/** True when at least two figures take their stances on different nouns ("backed the mayor", "opposed the budget"). */
export function onDifferentThings(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const objects = members.map((m) => stanceObject(tokens, m.at, rules)).filter((o) => o !== undefined);
  return new Set(objects).size > 1;
}

/** The noun a stance is taken on ("opposed the closure" → "closure"), or undefined for a name, a pronoun or none. */
export function stanceObject(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  for (let k = at; k < Math.min(tokens.length, at + REACH); k++) {
    if (!rules.stance.has(tokens[k]!.lower) && !rules.stance.has(tokens[k]!.lemma)) continue;
    let o = k + 1;
    while (tokens[o]?.pos === 'DET') o++;
    const object = tokens[o];
    // "backed Smith" / "backed Jones": a name is the answer itself, not the thing the question is about.
    return object && object.pos === 'NOUN' ? object.lemma : undefined;
  }
  return undefined;
}
