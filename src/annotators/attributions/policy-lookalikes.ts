// Look-alikes of reporting that the cue and source policy refuses by the words around the cue (policy.json titleWords,
// possessiveNouns, commitments, orders, announcedEvents): a cue inside a title, 'their claims' pointing back with no
// content, a promise or a threat with no content, an order given, an event announced by nobody. Each is judged from
// the cue's head and a bounded number of words after it: constant work per cue.
import { isWhitespaceToken, type Token } from '../../nlp/tokens.js';
import type { Span } from './noun-phrase.js';
import policy from './policy.json' with { type: 'json' };

/** Why a look-alike is not a source's statement. */
export type LookalikeRefusal = 'title' | 'possessive-noun' | 'commitment' | 'order' | 'announced-event';

const POSSESSIVE = new Set(policy.possessiveNouns.words);
const CLAIM_NOUNS = new Set(policy.possessiveNouns.nouns);
const COMMITMENTS = new Set(policy.commitments.lemmas);
const ORDERS = new Set(policy.orders.lemmas);
const ANNOUNCED = new Set(policy.announcedEvents.lemmas);
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
  if (promise !== undefined && promisesWithoutContent(tokens, promise, sent.end)) return 'commitment';
  if (!passive && ORDERS.has(h.lemma) && ordersAnAct(tokens, head + 1, sent.end)) return 'order';
  if (passive && ANNOUNCED.has(h.lemma) && !announcedWithAgent(tokens, head + 1, sent.end) && !contentFollows(tokens, head + 1, sent.end) && !isIt(tokens, source)) return 'announced-event';
  return undefined;
}

/**
 * "the special \"What the Farmers Said\"": a title-case verb cue inside a quotation whose words up to it are all
 * capitalised or short function words (a title), not opening it. A headline ("Mayor Says Bridge Will Reopen") is left
 * alone: it is no quotation, and PolNeAR marks its cues.
 */
function isTitleWord(tokens: readonly Token[], sent: Span, head: number): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(tokens[head]!.text)) return false;
  let words = 0;
  for (let i = head - 1; i >= sent.first && words < TITLE_REACH; i--) {
    const t = tokens[i]!;
    if (isWhitespaceToken(t)) continue;
    if (OPEN_QUOTES.has(t.text)) return words > 0;
    if (t.pos === 'PUNCT' || !(/^\p{Lu}/u.test(t.text) || TITLE_SMALL.has(t.lower))) return false;
    words++;
  }
  return false;
}

/** How many words of a quoted title may stand before its cue ("What the Farmers Said"). */
const TITLE_REACH = 8;
/** Small words written in lower case inside a title ("Nothing to Say for Itself"). */
const TITLE_SMALL = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'for', 'and', 'or', 'at', 'by']);

/** "their claims could not be verified": a possessive right before the cue, and no content after it. */
function pointsBack(tokens: readonly Token[], sent: Span, cue: Span, source: Span | undefined): boolean {
  if (!source || source.end - source.first !== 1 || !POSSESSIVE.has(tokens[source.first]!.lower)) return false;
  const after = wordAfter(tokens, source.end, sent.end);
  if (after !== cue.first || !CLAIM_NOUNS.has(tokens[headOfNoun(tokens, cue)]!.lower)) return false;
  const next = wordAfter(tokens, cue.end, sent.end);
  return next === undefined || !CONTENT_OPENERS.has(tokens[next]!.lower);
}

/** The first verb of `lemmas` in the cue up to its head, if any. */
function verbIn(tokens: readonly Token[], first: number, head: number, lemmas: ReadonlySet<string>): number | undefined {
  for (let i = first; i <= head; i++) if (tokens[i]!.pos === 'VERB' && lemmas.has(tokens[i]!.lemma)) return i;
  return undefined;
}

/**
 * "has promised a final decision", "residents have been promised extra patrols", "has promised to look again": a promise
 * (or a threat) of a thing or an act, with no that-clause, colon or quotation after it, is an intention, not a statement.
 */
function promisesWithoutContent(tokens: readonly Token[], promise: number, limit: number): boolean {
  return !contentFollows(tokens, promise + 1, limit);
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

/** The last word of a cue ("claims"). */
function headOfNoun(tokens: readonly Token[], cue: Span): number {
  let i = cue.end - 1;
  while (i > cue.first && isWhitespaceToken(tokens[i]!)) i--;
  return i;
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
