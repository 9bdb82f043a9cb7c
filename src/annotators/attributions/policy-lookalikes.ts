// Look-alikes of reporting that the cue and source policy refuses by the words around the cue (policy.json titleWords,
// possessiveNouns, commitments, wants, orders, announcedEvents): a cue inside a title, a reporting noun pointing back
// with no content, a promise or a wish for an act, an order given, an event announced by nobody. Each is judged from
// the cue's head and a bounded number of words after it: constant work per cue.
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };

/** Why a look-alike is not a source's statement. */
export type LookalikeRefusal = 'title' | 'possessive-noun' | 'commitment' | 'wish' | 'order' | 'announced-event' | 'demand';

const POSSESSIVE = new Set(policy.possessiveNouns.words);
const COMMITMENTS = new Set(policy.commitments.lemmas);
const WANTS = new Set(policy.wants.lemmas);
const ORDERS = new Set(policy.orders.lemmas);
const ANNOUNCED = new Set(policy.announcedEvents.lemmas);
const DEMANDS = new Set(policy.demands.lemmas);
const DEMANDS_FOR = new Set(policy.demands.forLemmas);
const OPEN_QUOTES = new Set(['"', '“', '‘', "'"]);
const CONTENT_OPENERS = new Set(['that', ':', ...OPEN_QUOTES]);
const OBJECT_POS = new Set(['DET', 'NOUN', 'PROPN', 'PRON', 'ADJ', 'NUM']);
/** How far after a promise its that-clause or quotation is looked for ("promised voters in a letter that"). */
const CONTENT_REACH = 12;

/** The look-alike a cue is, if any. `verb`: the cue is a verb cue; `passive`: its head stands in a passive group. */
export function refusedLookalike(tokens: readonly Token[], sent: Span, cue: Span, source: Span | undefined, head: number, verb: boolean, passive: boolean): LookalikeRefusal | undefined {
  if (verb && isTitleWord(tokens, sent, head)) return 'title';
  if (pointsBack(tokens, sent, cue, source)) return 'possessive-noun';
  const h = tokens[head]!;
  if (!verb || h.pos !== 'VERB') return undefined;
  // A cue may run on past the promise to the act promised ("has promised to decide"): the promise still governs it.
  const promise = verbIn(tokens, cue.first, head, COMMITMENTS);
  if (promise !== undefined && !contentFollows(tokens, promise + 1, sent.end)) return 'commitment';
  if (isDemand(tokens, head, sent.end) && !contentFollows(tokens, head + 1, sent.end)) return 'demand';
  if (WANTS.has(h.lemma) && wantsAnAct(tokens, head + 1, sent.end)) return 'wish';
  if (!passive && ORDERS.has(h.lemma) && ordersAnAct(tokens, head + 1, sent.end)) return 'order';
  if (passive && ANNOUNCED.has(h.lemma) && !announcedWithAgent(tokens, head + 1, sent.end) && !contentFollows(tokens, head + 1, sent.end) && !isIt(tokens, source)) return 'announced-event';
  return undefined;
}

/**
 * "What the Farmers Said": a title-case verb cue that neither opens the sentence or a line nor follows a colon, an
 * opening quote or other punctuation.
 */
function isTitleWord(tokens: readonly Token[], sent: Span, head: number): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(tokens[head]!.text)) return false;
  let i = head - 1;
  for (; i >= sent.first && isWhitespaceToken(tokens[i]!); i--) if (tokens[i]!.text.includes('\n')) return false;
  const before = i >= sent.first ? tokens[i] : undefined;
  return before !== undefined && !OPEN_QUOTES.has(before.text) && before.pos !== 'PUNCT';
}

/** "their claims could not be verified": a possessive right before the cue, and no content after it. */
function pointsBack(tokens: readonly Token[], sent: Span, cue: Span, source: Span | undefined): boolean {
  if (!source || source.end - source.first !== 1 || !POSSESSIVE.has(tokens[source.first]!.lower)) return false;
  const after = wordAfter(tokens, source.end, sent.end);
  if (after !== cue.first) return false;
  const next = wordAfter(tokens, cue.end, sent.end);
  return next === undefined || !CONTENT_OPENERS.has(tokens[next]!.lower);
}

/** The first verb of `lemmas` in the cue up to its head, if any. */
function verbIn(tokens: readonly Token[], first: number, head: number, lemmas: ReadonlySet<string>): number | undefined {
  for (let i = first; i <= head; i++) if (tokens[i]!.pos === 'VERB' && lemmas.has(tokens[i]!.lemma)) return i;
  return undefined;
}

/** "demanded the release", "proposed a dividend", "called for compensation", "asked for a survey". */
function isDemand(tokens: readonly Token[], head: number, limit: number): boolean {
  const h = tokens[head]!;
  if (DEMANDS.has(h.lemma)) return true;
  const next = wordAfter(tokens, head + 1, limit);
  return DEMANDS_FOR.has(h.lemma) && next !== undefined && tokens[next]!.lower === 'for';
}

/** True when a that-clause, a colon or a quotation opens within reach after `from`, before a full stop or semicolon. */
function contentFollows(tokens: readonly Token[], from: number, limit: number): boolean {
  for (let i = from; i < Math.min(limit, from + CONTENT_REACH); i++) {
    const t = tokens[i]!;
    if (CONTENT_OPENERS.has(t.lower)) return true;
    if (t.text === '.' || t.text === ';') return false;
  }
  return false;
}

/** "wants to avoid", "wants the county to put up": "to" and a verb within reach, before any punctuation. */
function wantsAnAct(tokens: readonly Token[], from: number, limit: number): boolean {
  for (let i = from, words = 0; i < limit && words < policy.wants.reach; i++) {
    const t = tokens[i]!;
    if (isWhitespaceToken(t)) continue;
    if (t.pos === 'PUNCT' || t.lower === 'that') return false;
    if (t.lower === 'to') return isVerbAt(tokens, i + 1, limit);
    words++;
  }
  return false;
}

/** "told ministers to raise": an object of a few nominal words, then "to" and a verb. */
function ordersAnAct(tokens: readonly Token[], from: number, limit: number): boolean {
  let words = 0;
  for (let i = from; i < limit && words <= policy.orders.reach; i++) {
    const t = tokens[i]!;
    if (isWhitespaceToken(t)) continue;
    if (t.lower === 'to') return words > 0 && isVerbAt(tokens, i + 1, limit);
    if (!OBJECT_POS.has(t.pos) || t.lower === 'that') return false;
    words++;
  }
  return false;
}

/** "announced by the ministry": an agent right after the participle (an adverb or a time may stand between). */
function announcedWithAgent(tokens: readonly Token[], from: number, limit: number): boolean {
  for (let i = from; i < Math.min(limit, from + CONTENT_REACH); i++) {
    const t = tokens[i]!;
    if (t.lower === 'by') return true;
    if (t.text === '.' || t.text === ';') return false;
  }
  return false;
}

const isIt = (tokens: readonly Token[], source: Span | undefined) => source !== undefined && source.end - source.first === 1 && tokens[source.first]!.lower === 'it';

function isVerbAt(tokens: readonly Token[], from: number, limit: number): boolean {
  const i = wordAfter(tokens, from, limit);
  return i !== undefined && (tokens[i]!.pos === 'VERB' || tokens[i]!.pos === 'AUX');
}

function wordAfter(tokens: readonly Token[], from: number, limit: number): number | undefined {
  let i = from;
  while (i < limit && isWhitespaceToken(tokens[i]!)) i++;
  return i < limit ? i : undefined;
}
