// A minimal contrast: a candidate that keeps the query's claim in the query's words, or in the same things said
// otherwise, and brings few words of its own, one of which is another thing standing in for a thing of the query
// ("Bus fares in Tarnholm will rise by 30 percent" against "Ferry fares to Tarnholm will rise by 30 percent"; nurses
// for patients, the paper mill for the shipyard). Where a sentence repeats a claim and changes one thing, that change is
// what it says: it reports another claim. A retelling changes many words, so a near thing among them is read as the
// same thing in other words (the alignment's reading). Node-free.
import { SIBLING_SYNONYM_COSINE, sameRoot, type WordMeaning, type WordRelations } from './alignment.js';
import type { ClaimFingerprint } from './similarity.js';
import time from './time-words.json' with { type: 'json' };

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
}

/** Calibrated by bench/corpus/calibrate-alignment.ts (its --check asserts it). */
export const DEFAULT_CONTRAST: ContrastOptions = Object.freeze({ standIn: 0.3, ownWords: 2, verbRatio: 2 });

const TIME: ReadonlySet<string> = new Set(time.words);

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

function cosine(meaning: WordMeaning, a: string, b: string): number {
  const x = meaning.vector(a);
  const y = meaning.vector(b);
  if (!x || !y) return 0;
  let dot = 0;
  for (let d = 0; d < x.length; d++) dot += x[d]! * y[d]!;
  return dot;
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
  return compoundKin(a.form, b.form, relations) || cosine(meaning, a.form, b.form) >= SIBLING_SYNONYM_COSINE;
}

/** The word of `among` nearest to `word` by cosine, with the cosine. */
function nearest(word: Word, among: readonly Word[], meaning: WordMeaning): { at: Word | null; cosine: number } {
  let best = -Infinity;
  let at: Word | null = null;
  for (const o of among) {
    const c = cosine(meaning, word.form, o.form);
    if (c > best) {
      best = c;
      at = o;
    }
  }
  return { at, cosine: best };
}

/**
 * The query's thing and the candidate's other thing when the candidate is a minimal contrast of the query (see the
 * file's head): the candidate brings at most `ownWords` words of its own and lacks at most as many of the query's; among its own a thing (Lexicon.thing, not a
 * time word) whose nearest thing among the query's words the candidate lacks is within `standIn`, and is that thing's
 * nearest in turn. Null when there is none, or when the lexicon cannot tell things (no `thing`).
 */
export function minimalContrast(query: ClaimFingerprint, candidate: ClaimFingerprint, meaning: WordMeaning, relations: WordRelations, options: ContrastOptions = DEFAULT_CONTRAST): { word: string; with: string } | null {
  const thing = relations.thing;
  if (!thing) return null;
  const q = wordsOf(query);
  const c = wordsOf(candidate);
  // Most candidates bring many words of their own: stop counting past ownWords.
  const own: Word[] = [];
  for (const y of c) if (!q.some((x) => sameThing(x, y, meaning, relations)) && own.push(y) > options.ownWords) return null;
  if (own.length === 0) return null;
  // Nor may the query have more words the candidate lacks: a minimal pair differs little either way (a short
  // candidate against a long retelling as the query is no contrast).
  const lacked = q.filter((x) => !c.some((y) => sameThing(x, y, meaning, relations)));
  if (lacked.length > options.ownWords) return null;
  const things = (ws: readonly Word[]) => ws.filter((w) => !TIME.has(w.form) && !TIME.has(w.form.replace(/s$/u, '')) && thing.call(relations, w.form, options.verbRatio));
  const queryThings = things(lacked);
  const candidateThings = things(own);
  for (const y of candidateThings) {
    const { at: x, cosine: c0 } = nearest(y, queryThings, meaning);
    if (!x || c0 < options.standIn) continue;
    if (nearest(x, candidateThings, meaning).at !== y) continue;
    return { word: x.form, with: y.form };
  }
  return null;
}
