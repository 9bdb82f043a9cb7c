// A minimal contrast: a candidate that keeps the query's claim in the query's words, or in the same things said
// otherwise, and brings few words of its own, one of which is another thing standing in for a thing of the query
// ("Bus fares in Tarnholm will rise by 30 percent" against "Ferry fares to Tarnholm will rise by 30 percent"; nurses
// for patients, the paper mill for the shipyard). Where a sentence repeats a claim and changes one thing, that change is
// what it says: it reports another claim. A retelling changes many words, so a near thing among them is read as the
// same thing in other words (the alignment's reading). The same reading for events (another verb or action noun in the
// query's slot: "deported" for "monitor") is written and calibrated but off by default (see DEFAULT_CONTRAST). Node-free.
import { SIBLING_SYNONYM_COSINE, sameRoot, wordCosine, type WordMeaning, type WordRelations } from './alignment.js';
import type { ClaimFingerprint } from './similarity.js';
import { stem } from './terms.js';
import time from './time-words.json' with { type: 'json' };
import verbForms from './verb-forms.json' with { type: 'json' };

/** How a minimal contrast is read; calibrated in {@link DEFAULT_CONTRAST}. */
export interface ContrastOptions {
  /** The least cosine at which a candidate's thing stands in for a thing of the query (its nearest, and it theirs). */
  readonly standIn: number;
  /**
   * The most words of its own (the query's in no form) a candidate may bring, and the most words of the query it may
   * lack, for its other thing to count as a contrast.
   */
  readonly ownWords: number;
  /** A word reads as a noun with at least 1/verbRatio as many noun senses as verb senses (see Lexicon.thing). */
  readonly verbRatio: number;
  /** How another event is read in the same minimal pair (see {@link EventContrastOptions}); absent or null for none. */
  readonly event?: EventContrastOptions | null;
  /**
   * Whether two claims with the same verb whose parties change places report two events (roles.ts: "X will buy 30
   * aircraft from Y" against "Y will buy 30 aircraft from X"); checked with the minimal contrast.
   */
  readonly roles?: boolean;
  /**
   * Whether the words the two share are counted by their written form alone (one word family: sameRoot), not by meaning
   * (a shared WordNet sense, a broader word, near vectors). A retelling made of near words of a sentence is then never
   * a minimal pair of it; a sentence that copies another and swaps one word still is. For comparing two matches of one
   * trace with each other (contrast-set.ts), where many wordings meet.
   */
  readonly surface?: boolean;
}

/**
 * Another event: in a minimal pair, a word of the candidate's own that tells an event (a verb form or an action noun,
 * Lexicon.event; not a thing) standing in for a word of the query it lacks ("deported" for "monitor", "sold" for
 * "built", "physiotherapy" for "surgery"), and that is not the same event in other words (not one word family, no
 * shared WordNet sense, no troponym or hypernym within the lexicon's levels: all read as the same thing already).
 */
export interface EventContrastOptions {
  /**
   * The least cosine at which the candidate's word stands in for the query's (each the other's nearest among the words
   * the pair does not share). Verbs of one frame can be far apart in the vectors ("monitor" and "deported" 0.09): the
   * place in a sentence that is otherwise the same is the evidence.
   */
  readonly standIn: number;
  /** The cosine at and above which two event words are the same event told otherwise ("lose" and "lost"). */
  readonly same: number;
  /** The most verb senses an event word may have: more make a light verb ("get", "make", "go"), which tells little. */
  readonly light: number;
  /** The most words of its own the candidate may bring, and of the query's it may lack (at most ContrastOptions.ownWords). */
  readonly ownWords: number;
  /**
   * Whether the other event must sit in the query word's slot: the words both share, in the same order, with as many of
   * them before it. A retelling that recasts the sentence ("jobs will be lost if the shipyard closes", "the closure of
   * the shipyard would cost jobs") puts its verb elsewhere.
   */
  readonly slot: boolean;
  /**
   * Whether the candidate's other event must be written as a verb (a past tense or participle, regular or in
   * verb-forms.json, or an -ing form: "sold", "deported", "repairing"): an action noun in its place ("physiotherapy"
   * for "surgery", "replacement" for "surgery") may name the same event more narrowly, and is left alone.
   */
  readonly verbForm?: boolean;
}

/**
 * Calibrated by bench/corpus/calibrate-alignment.ts (its --check asserts the thing reading). The event reading is off:
 * the calibration's pick (stand-in any, same event at cosine 0.6, at most 10 verb senses, one word either way, in the
 * same slot) turns away more tuning look-alikes, but on both never-tuned sets it loses a retelling and turns away no
 * look-alike, which the held-out test in alignment.test.ts does not allow; so does its pick when the other event must
 * be written as a verb (issue 14, second try: tuning look-alikes let through 97 -> 93 of 264, no tuning retelling
 * lost, paraphrases-heldout.json retellings 18 -> 17 of 18). The parties' roles (roles.ts) are off too: they change no
 * tuning pair and turned away 2 of 8 role look-alikes of paraphrases-heldout-2.json (written before them, scored once),
 * but lost 1 of its 42 retellings ("12 trapped Caddon miners" against "miners trapped underground ... on Thursday": an
 * attributive participle read as a verb, a time word as a party).
 */
export const DEFAULT_CONTRAST: ContrastOptions = Object.freeze({ standIn: 0.3, ownWords: 2, verbRatio: 2, event: null, roles: false });

const TIME: ReadonlySet<string> = new Set(time.words);
const QUALIFIERS: ReadonlySet<string> = new Set(time.qualifiers);
const PAST: ReadonlySet<string> = new Set(Object.keys(verbForms.forms));

/** Whether a lower-case word is written as a verb: a past tense or participle (regular or irregular) or an -ing form. */
export function writtenAsVerb(form: string): boolean {
  return PAST.has(form) || (form.length >= 5 && /(?:ed|ing)$/u.test(form));
}

/** A word of a claim: its stem (term) and the form it was written in. */
interface Word {
  readonly term: string;
  readonly form: string;
}

/** The claim's words that are not names (names are anchors, compared exactly). */
function wordsOf(x: ClaimFingerprint): Word[] {
  const names = new Set(x.names);
  return x.terms.flatMap((term, i) => (names.has(term) ? [] : [{ term, form: x.forms?.[i] ?? term }]));
}

/**
 * Two compounds of one word: one ends with the other ("shipyard", "yard"), or both begin with the same word of at
 * least four letters that the lexicon knows ("shipyard", "shipbuilding").
 */
export function compoundKin(a: string, b: string, relations: WordRelations): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.endsWith(short)) return true;
  if (a.slice(0, 4) !== b.slice(0, 4)) return false;
  for (let k = 4; k <= short.length - 3 && a[k - 1] === b[k - 1]; k++) if (relations.relation(a.slice(0, k), a.slice(0, k)) !== 'unknown') return true;
  return false;
}

/**
 * The same thing in other words: one word (or one word family), a shared WordNet sense, a broader or narrower word, a
 * compound of the other, or words the vectors put as near as synonyms (SIBLING_SYNONYM_COSINE).
 */
function sameThing(a: Word, b: Word, meaning: WordMeaning, relations: WordRelations): boolean {
  if (a.term === b.term || sameRoot(a.term, b.term)) return true;
  const r = relations.relation(a.form, b.form);
  if (r === 'same' || r === 'broader' || r === 'narrower') return true;
  return compoundKin(a.form, b.form, relations) || wordCosine(meaning, a.form, b.form) >= SIBLING_SYNONYM_COSINE;
}

/**
 * Whether a claim says the word itself, among its words that are no names: one word family, a shared WordNet sense
 * ("operation" for "surgery") or vectors as near as synonyms. Not a broader or narrower word: a light verb is broader
 * than most ("get" than "sold").
 */
export function saysWord(claim: ClaimFingerprint, form: string, meaning: WordMeaning, relations: WordRelations): boolean {
  const term = stem(form);
  return wordsOf(claim).some((w) => w.term === term || sameRoot(w.term, term) || relations.relation(w.form, form) === 'same' || wordCosine(meaning, w.form, form) >= SIBLING_SYNONYM_COSINE);
}

/** The word of `among` nearest to `word` by cosine, with the cosine. */
function nearest(word: Word, among: readonly Word[], meaning: WordMeaning): { at: Word | null; cosine: number } {
  let best = -Infinity;
  let at: Word | null = null;
  for (const o of among) {
    const c = wordCosine(meaning, word.form, o.form);
    if (c > best) {
      best = c;
      at = o;
    }
  }
  return { at, cosine: best };
}

/**
 * The query's word and the candidate's other word when the candidate is a minimal contrast of the query (see the
 * file's head). Another thing: the candidate brings at most `ownWords` words of its own and lacks at most as many of
 * the query's; among its own a thing (Lexicon.thing, not a time word) whose nearest thing among the query's words the
 * candidate lacks is within `standIn`, and is that thing's nearest in turn. Else, with `event`, another event (see
 * {@link EventContrastOptions}). Null when there is none, or when the lexicon cannot tell things (no `thing`).
 */
export function minimalContrast(query: ClaimFingerprint, candidate: ClaimFingerprint, meaning: WordMeaning, relations: WordRelations, options: ContrastOptions = DEFAULT_CONTRAST): { word: string; with: string } | null {
  if (!relations.thing) return null;
  const q = wordsOf(query);
  const c = wordsOf(candidate);
  // Most candidates bring many words of their own: stop counting past the most either reading allows (time words, which
  // the event reading leaves out, aside).
  const event = options.event ?? null;
  const most = Math.max(options.ownWords, event?.ownWords ?? 0);
  const shares = options.surface ? (x: Word, y: Word) => x.term === y.term || sameRoot(x.term, y.term) : (x: Word, y: Word) => sameThing(x, y, meaning, relations);
  const own: Word[] = [];
  for (const y of c) if (!q.some((x) => shares(x, y)) && own.push(y) > options.ownWords && (!event || untimed(own).length > most)) return null;
  if (own.length === 0) return null;
  // Nor may the query have more words the candidate lacks: a minimal pair differs little either way (a short
  // candidate against a long retelling as the query is no contrast).
  const lacked = q.filter((x) => !c.some((y) => shares(x, y)));
  if (own.length <= options.ownWords && lacked.length <= options.ownWords) {
    const pair = otherThing(lacked, own, meaning, relations, options);
    if (pair) return pair;
    const counted = otherCounted(query, candidate, lacked, own, meaning, relations);
    if (counted) return counted;
  }
  if (!event || untimed(own).length > event.ownWords || untimed(lacked).length > event.ownWords) return null;
  const pair = otherEvent(untimed(lacked), untimed(own), meaning, relations, options.verbRatio, event);
  return pair && (!event.slot || sameSlot(q, c, pair, meaning, relations)) ? pair : null;
}

/**
 * The counted reading of minimalContrast: what the two claims' first counts count differs, the query's word among the
 * words the candidate lacks and the candidate's among its own, and they are not the same thing (one word family, a
 * WordNet sense or a broader or narrower word, vectors as near as synonyms): "11,000 new homes" against "11,000 new
 * parking spaces", "14,000 patients" against "14,000 nurses". WordNet's test of a thing (otherThing) misses these when
 * a word's first sense is no physical object ("spaces", "rooms"). A word both give before it names one kind counted
 * two ways ("40 bus routes", "40 bus services").
 */
function otherCounted(query: ClaimFingerprint, candidate: ClaimFingerprint, lacked: readonly Word[], own: readonly Word[], meaning: WordMeaning, relations: WordRelations): { word: string; with: string } | null {
  if (!query.head || !candidate.head || (query.headKin && query.headKin === candidate.headKin)) return null;
  const x = lacked.find((w) => w.form === query.head);
  const y = own.find((w) => w.form === candidate.head);
  return x && y && !sameThing(x, y, meaning, relations) ? { word: x.form, with: y.form } : null;
}

/** A time noun or a word that only places one ("year", "last", "next"). */
function isTime(w: Word): boolean {
  return TIME.has(w.form) || TIME.has(w.form.replace(/s$/u, '')) || QUALIFIERS.has(w.form);
}

/** The words that are no time words. */
function untimed(ws: readonly Word[]): Word[] {
  return ws.filter((w) => !isTime(w));
}

/** The thing reading of minimalContrast: a thing of the candidate's own standing in for a thing of the query it lacks. */
function otherThing(lacked: readonly Word[], own: readonly Word[], meaning: WordMeaning, relations: WordRelations, options: ContrastOptions): { word: string; with: string } | null {
  const things = (ws: readonly Word[]) => ws.filter((w) => !TIME.has(w.form) && !TIME.has(w.form.replace(/s$/u, '')) && relations.thing!.call(relations, w.form, options.verbRatio));
  const queryThings = things(lacked);
  const candidateThings = things(own);
  for (const y of candidateThings) {
    const { at: x, cosine: c0 } = nearest(y, queryThings, meaning);
    if (!x || c0 < options.standIn) continue;
    // Counted on the written words (ContrastOptions.surface), a word of its own may still be the query word's same thing.
    if (nearest(x, candidateThings, meaning).at !== y || sameThing(x, y, meaning, relations)) continue;
    return { word: x.form, with: y.form };
  }
  return null;
}

/**
 * The query's word and the candidate's other event (EventContrastOptions) among the words a minimal pair does not
 * share (time words left out): either word tells an event, each is the other's nearest among the other side's, within
 * `standIn` and short of `same`. Null when there is none, or when the lexicon cannot tell events.
 */
function otherEvent(lacked: readonly Word[], own: readonly Word[], meaning: WordMeaning, relations: WordRelations, verbRatio: number, options: EventContrastOptions): { word: string; with: string } | null {
  const event = relations.event;
  if (!event || lacked.length === 0) return null;
  const told = (ws: readonly Word[]) => ws.filter((w) => meaning.vector(w.form) !== null);
  const isEvent = (w: Word) => event.call(relations, w.form, options.light) && !relations.thing?.(w.form, verbRatio);
  const queryWords = told(lacked);
  const candidateWords = told(own);
  for (const y of candidateWords) {
    if (options.verbForm && !writtenAsVerb(y.form)) continue;
    const { at: x, cosine: c0 } = nearest(y, queryWords, meaning);
    if (!x || c0 < options.standIn || c0 >= options.same) continue;
    if (!isEvent(x) && !isEvent(y)) continue;
    if (nearest(x, candidateWords, meaning).at !== y || sameThing(x, y, meaning, relations)) continue;
    return { word: x.form, with: y.form };
  }
  return null;
}

/**
 * Whether the candidate's word sits in the query word's slot: the words the two share (all but the unshared ones) are
 * the same thing pairwise in the same order, with as many of them before the candidate's word as before the query's.
 */
function sameSlot(q: readonly Word[], c: readonly Word[], pair: { word: string; with: string }, meaning: WordMeaning, relations: WordRelations): boolean {
  const shared = (ws: readonly Word[], other: readonly Word[]) => ws.filter((w) => other.some((o) => sameThing(w, o, meaning, relations)));
  const qs = shared(q, c);
  const cs = shared(c, q);
  if (qs.length !== cs.length || qs.some((w, i) => !sameThing(w, cs[i]!, meaning, relations))) return false;
  const before = (ws: readonly Word[], all: readonly Word[], form: string) => ws.filter((w) => all.indexOf(w) < all.findIndex((x) => x.form === form)).length;
  return before(qs, q, pair.word) === before(cs, c, pair.with);
}

