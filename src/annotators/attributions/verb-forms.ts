// Word-form tests the verb cues use: subject-verb agreement of a cue the tagger read as a noun ("the figures show"),
// a that-clause, and the object of a figure cue ("estimate savings of 1.1 billion", "put the figure at 14"). Each looks
// at a few tokens only.
import type { Token } from '../../nlp/tokens.js';

export const OBJECT_START = new Set(['DET', 'NOUN', 'ADJ']);

/** "savings of 1.1 billion": a number within a few words after `from`, with no verb before it. */
export function objectWithNumber(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i < Math.min(tokens.length, from + 6); i++) {
    const t = tokens[i]!;
    if (t.type === 'number' || t.pos === 'NUM') return true;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** Subject-verb agreement of a cue read as a noun: "figures show", "the union estimates" (a name: either). */
export function agreesWith(cue: Token, head: Token, plural: boolean): boolean {
  const sForm = /[^s]s$/.test(cue.lower) && cue.lower !== cue.lemma;
  if (plural) return !sForm;
  return sForm && (head.pos === 'NOUN' || head.pos === 'PROPN');
}

/** "that" opening a clause of its own: not followed by a verb, as in a relative clause ("the estimates that were"). */
export function isThatClause(tokens: readonly Token[], at: number): boolean {
  const after = tokens[at + 1];
  return tokens[at]?.lower === 'that' && after !== undefined && after.pos !== 'AUX' && after.pos !== 'VERB';
}

/** How far after "put" its object may run before "at" (keeps the check constant-time). */
const OBJECT_REACH = 10;

/** "put [the number of arrests] at [about] 212": "at" after an object without a verb, then a number within four words. */
export function figureAt(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < Math.min(to, from + OBJECT_REACH); i++) {
    const t = tokens[i]!;
    // "put the shortfall owed to buyers at": a participle with its preposition stays inside the object.
    const linking = t.pos === 'VERB' && /(?:ed|en|wn)$/.test(t.lower) && tokens[i + 1]?.pos === 'ADP' && tokens[i + 1]!.lower !== 'at';
    if (((t.pos === 'VERB' || t.pos === 'AUX') && !linking) || t.text === ',') return false;
    if (t.lower === 'at' && i > from) return hasNumber(tokens, i + 1, Math.min(to, i + 5));
  }
  return false;
}

/** True when a number stands in tokens `[from, to)`. */
export function hasNumber(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i]!.type === 'number' || tokens[i]!.pos === 'NUM') return true;
  return false;
}
