// A contrast of a stronger match: the matches of one trace compared with each other. A look-alike copies one telling of
// a claim and swaps a word ("20,000 jobs will be lost in Brisdale if the paper mill closes" from "... if the shipyard
// closes"); against the query, told in other words, it is no minimal pair and can score as well as a retelling, but
// against the telling it copies, which the trace also finds and scores higher, it is one. So a match that is a minimal
// contrast (contrast.ts) of a clearly stronger match, counting shared words by their written form (a retelling in near
// words is then no minimal pair of anything), or (with ContrastOptions.roles) that swaps the parties of its verb
// (roles.ts), is dropped. Node-free.
import type { WordMeaning, WordRelations } from './alignment.js';
import { minimalContrast, saysWord, type ContrastOptions } from './contrast.js';
import { roleSwap } from './roles.js';
import type { ClaimFingerprint, NearOptions } from './similarity.js';

/** How the matches of one trace are compared with each other; calibrated in {@link DEFAULT_CONTRAST_SET}. */
export interface ContrastSetOptions {
  /** The least score of a match that can show another to be a contrast (a telling of the claim, not a guess). */
  readonly floor: number;
  /**
   * How much more than the other a match must score to decide between the two: a minimal pair is symmetric, and of two
   * near-equal matches either may be the claim ("homes will be built" and "homes were sold" against "will get homes").
   */
  readonly gap: number;
  /** How many of the strongest matches are compared with each weaker one (the cost is linear in it). */
  readonly pivots: number;
  /** The minimal contrast as read between two matches (surface counting is meant: see ContrastOptions.surface). */
  readonly contrast: ContrastOptions;
  /**
   * Whether the query decides between two near-equal matches that are a minimal pair: when it says the stronger
   * match's word (itself or a synonym: saysWord) and not the other's ("waiting for an operation": the surgery waiting list, not the
   * physiotherapy one), the other is dropped whatever the gap.
   */
  readonly arbiter?: boolean;
}

/**
 * Calibrated by bench/corpus/calibrate-alignment.ts on the tuning claims (each query against its family's tellings
 * and look-alikes as one trace's matches): the best balanced accuracy among the settings that lose no tuning retelling
 * (see calibrate-alignment.ts for the figures). Opposite directions between matches were tried and are not read: a
 * look-alike that scores high ("homes being torn down") then drops every retelling that says homes go up.
 */
export const DEFAULT_CONTRAST_SET: ContrastSetOptions = Object.freeze({
  floor: 0.7,
  gap: 0.1,
  pivots: 8,
  arbiter: true,
  contrast: Object.freeze({ standIn: 0.3, ownWords: 2, verbRatio: 2, surface: true, roles: false, event: Object.freeze({ standIn: -1, same: 0.6, light: 10, ownWords: 1, slot: true, verbForm: false }) }),
});

/** A scored match as the set comparison needs it. */
export interface ScoredFingerprint {
  readonly fingerprint: ClaimFingerprint;
  readonly score: number;
}

/**
 * The matches without those that are a contrast of a stronger one (see the file's head), in their given order; with
 * the query, it decides between near-equal ones (ContrastSetOptions.arbiter). A dropped match shows nothing of others.
 * Null options keep every match.
 */
export function withoutContrasts<T extends ScoredFingerprint>(matches: readonly T[], meaning: WordMeaning, relations: WordRelations, options: ContrastSetOptions | null = DEFAULT_CONTRAST_SET, query?: ClaimFingerprint): T[] {
  if (options === null || matches.length < 2) return [...matches];
  const byScore = [...matches].sort((a, b) => b.score - a.score);
  const pivots: T[] = [];
  // A telling already among the pivots (the same words and score, another source or figure format) shows nothing more.
  const told = new Set<string>();
  const dropped = new Set<T>();
  const decides = (p: T, m: T) => {
    if (!options.arbiter || !query) return false;
    const pair = minimalContrast(p.fingerprint, m.fingerprint, meaning, relations, options.contrast);
    return pair !== null && saysWord(query, pair.word, meaning, relations) && !saysWord(query, pair.with, meaning, relations);
  };
  for (const m of byScore) {
    const shown = pivots.some((p) => (p.score >= m.score + options.gap ? isContrast(p.fingerprint, m.fingerprint, meaning, relations, options.contrast) : decides(p, m)));
    if (shown) dropped.add(m);
    else if (m.score >= options.floor && pivots.length < options.pivots && !told.has(tellingKey(m))) {
      pivots.push(m);
      told.add(tellingKey(m));
    }
  }
  return matches.filter((m) => !dropped.has(m));
}

/**
 * A trace's matches (each with its fingerprint) without the contrasts of stronger ones, as NearOptions say
 * (contrastSet; the default when absent); all of them without word meaning or a lexicon.
 */
export function withoutContrastsOf<T extends ScoredFingerprint>(matches: readonly T[], query: ClaimFingerprint, near: NearOptions | undefined): T[] {
  const relations = near?.lexicon === undefined ? near?.meaning?.relations : near.lexicon;
  if (!near?.meaning || !relations) return [...matches];
  return withoutContrasts(matches, near.meaning, relations, near.contrastSet === undefined ? DEFAULT_CONTRAST_SET : near.contrastSet, query);
}

/** A match's written words (as written, not stemmed: the contrast counts them so), in any order, and its score: matches with the same key are one telling of the claim. */
function tellingKey(m: ScoredFingerprint): string {
  return `${m.score} ${[...(m.fingerprint.forms ?? m.fingerprint.terms)].sort().join(' ')}`;
}

/** Whether `other` is a minimal contrast of `match`, or swaps the parties of its verb. */
function isContrast(match: ClaimFingerprint, other: ClaimFingerprint, meaning: WordMeaning, relations: WordRelations, options: ContrastOptions): boolean {
  return minimalContrast(match, other, meaning, relations, options) !== null || (options.roles === true && roleSwap(match, other, relations) !== null);
}
