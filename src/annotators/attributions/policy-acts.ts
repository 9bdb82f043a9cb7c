// The policy's classes of acts that look like reporting (policy.json acts, depictions, entitlements, visits, directives, legalStates,
// nounParticiples, attributives): a plea, a visit ('calling at the ports'), an order or advice given in the passive, a legal state
// declared in the passive, an -ing form of claiming inside a noun phrase, and a participle after an article ('an
// estimated 380,000'). Each is judged from the cue's head verb
// and its neighbours only: constant work per cue.
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };

/** Why an act is not a source's statement. */
export type ActRefusal = 'act' | 'directive' | 'legal-state' | 'noun-participle' | 'attributive';

const ACTS = new Set([...policy.acts.lemmas, ...policy.deeds.lemmas]);
const ENTITLEMENTS = new Set(policy.entitlements.lemmas);
const PLEAS = new Set(policy.pleas.lemmas);
const AMOUNT_STARTS = new Set(policy.entitlements.amountStarts);
const ACT_OBJECTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(policy.actObjects.objects).map(([lemma, words]) => [lemma, new Set(words)]));
const PLEA_OBJECTS = new Set(policy.pleas.objects);
const ENTITLED_OBJECTS = new Set(policy.entitlements.objects);
const VISITS = new Set(policy.visits.lemmas);
const VISIT_AFTER = new Set(policy.visits.after);
const DIRECTIVES = new Set(policy.directives.lemmas);
const DIRECTIVE_AFTER = new Set(policy.directives.after);
const LEGAL_STATES = new Set(policy.legalStates.lemmas);
const STATE_POS = new Set(['ADJ', 'NOUN', 'DET', 'PROPN']);
const NOMINAL = new Set(['NOUN', 'PROPN']);
const NOUN_PARTICIPLES = new Set(policy.nounParticiples.lemmas);
const ATTRIBUTIVE_DETERMINERS = new Set(policy.attributives.determiners);
const ADDITIONS = new Set(policy.additions.lemmas);
const DECISIONS = new Set(policy.decisions.lemmas);
const STANCE_AFTER = new Set(policy.decisions.stanceAfter);
const DEPICTIONS = new Set(policy.depictions.lemmas);
const PERFECT_DEPICTIONS = new Set(policy.depictions.perfectLemmas);
const DEPICTION_AFTER = new Set(policy.depictions.after);
/** How far a depiction's "as" is looked for ("painted the new mayor of the town as"). */
const DEPICTION_REACH = 12;

/** The act a verb cue reports instead of a statement, if any. `passive`: the head stands in a passive verb group. */
export function refusedAct(tokens: readonly Token[], sent: Span, cue: Span, head: number, passive: boolean): ActRefusal | undefined {
  const h = tokens[head]!;
  if (h.pos !== 'VERB') return undefined;
  if (ACTS.has(h.lemma)) return 'act';
  if (isDeed(tokens, sent, head) || isAddition(tokens, sent, head)) return 'act';
  if (DECISIONS.has(h.lemma) && !STANCE_AFTER.has(wordAfter(tokens, head + 1, sent.end)?.lower ?? '')) return 'act';
  if (head === cue.first && /(?:ed|en|wn)$/.test(h.lower) && ATTRIBUTIVE_DETERMINERS.has(wordBefore(tokens, head - 1, sent.first)?.lower ?? '')) return 'attributive';
  const next = wordAfter(tokens, head + 1, sent.end);
  if (next && VISITS.has(h.lemma) && VISIT_AFTER.has(next.lower)) return 'act';
  if (next && ENTITLEMENTS.has(h.lemma) && (ENTITLED_OBJECTS.has(next.lower) || AMOUNT_STARTS.has(next.lower) || next.pos === 'NUM')) return 'act';
  if (next && (actObject(tokens, sent, head) || objectAct(tokens, sent, head))) return 'act';
  if (next && PLEAS.has(h.lemma) && pleadsTo(tokens, sent, head)) return 'act';
  if (passive && next && DIRECTIVES.has(h.lemma) && DIRECTIVE_AFTER.has(next.lower)) return 'directive';
  // "have been told to report to the depot": a cue that runs on past the order to the verb ordered.
  for (let i = cue.first; i < head; i++) {
    const t = tokens[i]!;
    const after = wordAfter(tokens, i + 1, sent.end);
    if (t.pos === 'VERB' && DIRECTIVES.has(t.lemma) && after && DIRECTIVE_AFTER.has(after.lower) && wordBefore(tokens, i - 1, sent.first)?.lemma === 'be') return 'directive';
  }
  if (passive && next && LEGAL_STATES.has(h.lemma) && STATE_POS.has(next.pos) && next.lower !== 'that') return 'legal-state';
  if (NOUN_PARTICIPLES.has(h.lemma) && h.lower.endsWith('ing') && head === cue.first && isNounParticiple(tokens, sent, head)) return 'noun-participle';
  return undefined;
}

/** "called a general strike", "declared a state of emergency": the verb's object noun names an act (policy.json actObjects). */
function actObject(tokens: readonly Token[], sent: Span, head: number): boolean {
  const objects = ACT_OBJECTS.get(tokens[head]!.lemma);
  if (!objects) return false;
  // An indefinite object only: "called the vote \"a betrayal\"" names what the vote was, a statement.
  for (let k = head + 1, words = 0; k < sent.end && words < 4; k++) {
    const t = tokens[k]!;
    if (isWhitespaceToken(t)) continue;
    if (t.pos === 'NOUN') return objects.has(t.lower);
    if (!(t.pos === 'ADJ' || (t.pos === 'DET' && (t.lower === 'a' || t.lower === 'an')))) return false;
    words++;
  }
  return false;
}

const OBJECT_ACTS: ReadonlyMap<string, ReadonlySet<string>> = new Map(Object.entries(policy.objectActs.objects).map(([lemma, words]) => [lemma, new Set(words)]));
const OBJECT_LEAD = new Set(['DET', 'PRON', 'ADJ', 'ADV', 'NUM']);

/** "tell a different story", "questioned 1,512 voters": the verb's object noun makes it an act (policy.json objectActs). */
function objectAct(tokens: readonly Token[], sent: Span, head: number): boolean {
  const objects = OBJECT_ACTS.get(tokens[head]!.lemma);
  if (!objects) return false;
  for (let k = head + 1, words = 0; k < sent.end && words < 5; k++) {
    const t = tokens[k]!;
    if (isWhitespaceToken(t)) continue;
    if (t.pos === 'NOUN') return objects.has(t.lower);
    if (!OBJECT_LEAD.has(t.pos)) return false;
    words++;
  }
  return false;
}

/** "admitted 23 counts of fraud", "denied the charges", "admitted to two offences": a plea to charges (policy.json pleas). */
function pleadsTo(tokens: readonly Token[], sent: Span, head: number): boolean {
  let k = head + 1;
  for (let words = 0; k < sent.end && words < 4; k++) {
    const t = tokens[k]!;
    if (isWhitespaceToken(t)) continue;
    if (PLEA_OBJECTS.has(t.lower)) return true;
    if (!(t.lower === 'to' || t.pos === 'DET' || t.pos === 'NUM' || t.pos === 'ADJ')) return false;
    words++;
  }
  return false;
}

/** "added a further 5,200", "added 18,400 jobs": "add" with a number in its object before any clause word. */
function isAddition(tokens: readonly Token[], sent: Span, head: number): boolean {
  if (!ADDITIONS.has(tokens[head]!.lemma)) return false;
  for (let i = head + 1, words = 0; i < sent.end && words < policy.additions.reach; i++) {
    const t = tokens[i]!;
    if (isWhitespaceToken(t)) continue;
    if (t.pos === 'NUM') return true;
    if (t.pos === 'PUNCT' || t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.lower === 'that') return false;
    words++;
  }
  return false;
}

/** "the council painted a cycle lane", "the town has seen three floods": a depiction verb with no "as" or clause after it. */
function isDeed(tokens: readonly Token[], sent: Span, head: number): boolean {
  const h = tokens[head]!;
  const perfect = PERFECT_DEPICTIONS.has(h.lemma) && wordBefore(tokens, head - 1, sent.first)?.lemma === 'have';
  if (!DEPICTIONS.has(h.lemma) && !perfect) return false;
  for (let i = head + 1; i < Math.min(sent.end, head + DEPICTION_REACH); i++) {
    const t = tokens[i]!;
    if (DEPICTION_AFTER.has(t.lower) || t.text === '"' || t.text === '“') return false;
    if (t.pos === 'PUNCT') break;
  }
  return true;
}

/** "a group claiming to represent": an -ing form right after a noun (no comma), not opening the sentence. */
function isNounParticiple(tokens: readonly Token[], sent: Span, head: number): boolean {
  let k = head - 1;
  while (k >= sent.first && isWhitespaceToken(tokens[k]!)) k--;
  return k >= sent.first && NOMINAL.has(tokens[k]!.pos);
}

/** The nearest word before `from` (skipping whitespace), not before `floor`. */
function wordBefore(tokens: readonly Token[], from: number, floor: number): Token | undefined {
  let i = from;
  while (i >= floor && isWhitespaceToken(tokens[i]!)) i--;
  return i >= floor ? tokens[i] : undefined;
}

function wordAfter(tokens: readonly Token[], from: number, limit: number): Token | undefined {
  let i = from;
  while (i < limit && isWhitespaceToken(tokens[i]!)) i++;
  return i < limit ? tokens[i] : undefined;
}
