// Token helpers of the cue and source policy (policy.ts judges cues, policy-subjects.ts finds sources): a cue's head,
// the verb group before it, the next word, relative pronouns. Each looks at a bounded number of tokens.
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };

export const RELATIVE = new Set(policy.relativeWords.words);
export const NOMINAL = new Set(['NOUN', 'PROPN']);
const CONTENT_POS = new Set(['VERB', 'NOUN', 'ADJ', 'PROPN']);
/** Commas and dashes: what sets an aside or a relative clause apart. */
export const PAUSES = new Set([',', '—', '–']);
export const POSSESSIVES = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);

/** The cue's head: its last verb, else its last noun or adjective (auxiliaries, particles, "that" and prepositions are not). */
export function headOf(tokens: readonly Token[], cue: Span): number {
  for (let i = cue.end - 1; i >= cue.first; i--) if (tokens[i]!.pos === 'VERB') return i;
  for (let i = cue.end - 1; i >= cue.first; i--) if (CONTENT_POS.has(tokens[i]!.pos)) return i;
  return cue.end - 1;
}

/** The first token from `from` on that is not whitespace; undefined past `limit` or the text. */
export function nextWord(tokens: readonly Token[], from: number, limit: number): number | undefined {
  let i = from;
  while (i < tokens.length && i < limit && isWhitespaceToken(tokens[i]!)) i++;
  return i < tokens.length && i < limit ? i : undefined;
}

/** How far back a verb group reaches ("would not have been", with an adverb or two); keeps every check constant-time. */
const GROUP_REACH = 8;

/** The first token of the verb group ending at the head: auxiliaries, adverbs and "not" before it. */
export function groupStart(tokens: readonly Token[], head: number, floor: number): number {
  let i = head - 1;
  while (i >= Math.max(floor, head - GROUP_REACH) && (tokens[i]!.pos === 'AUX' || tokens[i]!.pos === 'ADV' || tokens[i]!.pos === 'PART' || isWhitespaceToken(tokens[i]!))) i--;
  return i + 1;
}

/** A relative pronoun: "who", "which" or "whom", or "that" right after a noun or a pause ("the report that said"). */
export function isRelativePronoun(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!RELATIVE.has(t.lower) || t.lower === 'whose') return false;
  const before = tokens[i - 1];
  return t.lower !== 'that' || (before !== undefined && (NOMINAL.has(before.pos) || PAUSES.has(before.text)));
}
