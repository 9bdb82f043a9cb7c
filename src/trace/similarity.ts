import type { WordNearness } from './word-nearness.js';
import { alignedCoverage, kindConflict, wordCosine, type WordMeaning, type WordRelations } from './alignment.js';
import { DEFAULT_CONTRAST, minimalContrast, type ContrastOptions } from './contrast.js';
import type { ContrastSetOptions } from './contrast-set.js';
import { countedPhrase, directionOf, outsideNames } from './direction.js';
import { isAmount } from './figure-kinds.js';
import { frameConflict, frameOf, type ClaimFrame } from './frames.js';
import { roleSwap, roleWords, type RoleWords } from './roles.js';
import { contentWords, midSentenceNames, stem, type Span } from './terms.js';

export { isAmount } from './figure-kinds.js';

/** A figure of a claim as the quantities annotator read it: value and bounds, with its place in the claim text. */
export interface TraceFigure extends Span {
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly bound: string;
  readonly unit: string | null;
  /** The quantity kind (count, money, percent, year …); figures of different kinds never match. */
  readonly kind: string;
  readonly text: string;
}


/** A figure as compared: its value and kind. */
export interface FigureKey {
  readonly value: number;
  readonly kind: string;
}

/** What a claim is compared by: its stemmed content words and its figures' values. */
export interface ClaimFingerprint {
  readonly terms: readonly string[];
  readonly figures: readonly FigureKey[];
  /** Stems of proper names written mid-sentence ("Thorndale"): two claims naming different places are two claims. */
  readonly names: readonly string[];
  /** The word each term was first written as (lower-case), for word meaning; the term itself when absent. */
  readonly forms?: readonly string[];
  /** Which way the claim says something changes: 1 up, -1 down, 0 neither (see direction.ts). */
  readonly direction?: number;
  /** Stems of the names it puts outside what it counts ("suppliers outside Tarnholm"). */
  readonly outside?: readonly string[];
  /** What its first count counts ("fighters" in "23,000 former fighters"), lower-case; null or absent when unknown. */
  readonly head?: string | null;
  /** The word before that one in the phrase after the count ("bus" in "40 bus routes"); null or absent when none. */
  readonly headKin?: string | null;
  /** Its words in order, for who did what to whom (roles.ts); absent when not read. */
  readonly roleWords?: RoleWords;
  /** How it frames its figure: a change or a level, per which period, past or future (frames.ts); absent when not read. */
  readonly frame?: ClaimFrame;
}

/** Options of the comparison, frozen defaults in {@link DEFAULT_SIMILARITY}. */
export interface SimilarityOptions {
  /** Two figures are the same figure (perhaps mutated) when they differ by at most this share of the larger. */
  readonly tolerance: number;
  /** A shared figure counts as this many shared words. */
  readonly figureWeight: number;
}

/** Default comparison: figures within 20% are one figure; a figure weighs as two words. */
export const DEFAULT_SIMILARITY: SimilarityOptions = Object.freeze({ tolerance: 0.2, figureWeight: 2 });

/** The fingerprint's fields of what its first count counts: the last word after the count, and the word before it. */
function countedFields(phrase: readonly string[]): { head: string | null; headKin: string | null } {
  return { head: phrase.at(-1) ?? null, headKin: phrase.length >= 2 ? phrase.at(-2)! : null };
}

/**
 * The fingerprint of a claim text whose figures (offsets relative to the text) are known. `masks` are further spans
 * left out of the words, such as the source and cue of an attribution ("said Mayor Berg"): outlets attribute a claim
 * each their own way, and the attribution is reported beside the match. Its words in order, for the parties' roles
 * (roles.ts), are kept when `options.roles` asks for them (by default when DEFAULT_CONTRAST reads roles); how it frames
 * its figure (frames.ts) unless `options.frame` is false (screening reads words only).
 */
export function fingerprint(text: string, figures: readonly TraceFigure[], masks: readonly Span[] = [], options: { readonly roles?: boolean; readonly frame?: boolean } = {}): ClaimFingerprint {
  const keys = new Map(figures.map((f) => [`${f.kind}:${f.value}`, { value: f.value, kind: f.kind }]));
  const hidden = [...figures, ...masks];
  const forms = new Map<string, string>();
  for (const word of contentWords(text, hidden)) if (!forms.has(stem(word))) forms.set(stem(word), word);
  const direction = directionOf(text, masks);
  return { terms: [...forms.keys()], figures: [...keys.values()], names: midSentenceNames(text, hidden).map(stem), forms: [...forms.values()], direction, ...(options.frame === false ? {} : { frame: frameOf(text, figures, masks, direction) }), outside: outsideNames(text, masks).map(stem), ...countedFields(countedPhrase(text, figures, masks)), ...((options.roles ?? DEFAULT_CONTRAST.roles) ? { roleWords: roleWords(text, hidden) } : {}) };
}

/** Whether two values are one amount within the tolerance (a share of the larger). */
export function closeValues(a: number, b: number, tolerance = DEFAULT_SIMILARITY.tolerance): boolean {
  return Math.abs(a - b) <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/** Whether two figures are one figure: same kind, and equal (years, ranks) or close (amounts). */
export function sameFigure(a: FigureKey, b: FigureKey, tolerance = DEFAULT_SIMILARITY.tolerance): boolean {
  if (a.kind !== b.kind) return false;
  return isAmount(a) ? closeValues(a.value, b.value, tolerance) : a.value === b.value;
}

/**
 * Whether two claims say different things despite shared words: an amount of one has a figure of the same kind in the
 * other but none within the tolerance (26,000 jobs against 55,000 jobs), both name places or people mid-sentence
 * and share none of them (Thorndale against Vardstead), one says things go up and the other down (fares rise against
 * fares fall, the shipyard expands against closes), or one puts outside a place the other is about.
 */
export function conflicting(a: ClaimFingerprint, b: ClaimFingerprint, tolerance = DEFAULT_SIMILARITY.tolerance): boolean {
  return figureConflict(a, b, tolerance) || figureConflict(b, a, tolerance) || nameConflict(a, b) || oppositeDirections(a, b) || frameConflict(a.frame, b.frame, sharedAmounts(a, b)) || yearConflict(a, b);
}

/** Whether both claims give an amount: 'percent' when both give a share, 'amount' for other amounts, 'none'. */
function sharedAmounts(a: ClaimFingerprint, b: ClaimFingerprint): 'none' | 'amount' | 'percent' {
  if (!a.figures.some(isAmount) || !b.figures.some(isAmount)) return 'none';
  return a.figures.some((f) => f.kind === 'percent') && b.figures.some((f) => f.kind === 'percent') ? 'percent' : 'amount';
}

/** Both give years and share none ("in 2019" against "in 2021"): two claims about different times. */
function yearConflict(a: ClaimFingerprint, b: ClaimFingerprint): boolean {
  const years = (x: ClaimFingerprint) => x.figures.filter((f) => f.kind === 'year').map((f) => f.value);
  const ya = years(a);
  const yb = years(b);
  return ya.length > 0 && yb.length > 0 && !ya.some((y) => yb.includes(y));
}

/** One says things go up, the other down (see direction.ts). */
export function oppositeDirections(a: ClaimFingerprint, b: ClaimFingerprint): boolean {
  return (a.direction ?? 0) * (b.direction ?? 0) < 0;
}

/** A name one claim puts outside what it counts and the other names plainly ("outside Tarnholm" against "in Tarnholm"). */
function outsideConflict(a: ClaimFingerprint, b: ClaimFingerprint): boolean {
  const plain = (x: ClaimFingerprint, n: string) => x.names.includes(n) && !(x.outside ?? []).includes(n);
  return (a.outside ?? []).some((n) => plain(b, n)) || (b.outside ?? []).some((n) => plain(a, n));
}

function figureConflict(a: ClaimFingerprint, b: ClaimFingerprint, tolerance: number): boolean {
  for (const f of a.figures.filter(isAmount)) {
    const sameKind = b.figures.filter((g) => g.kind === f.kind);
    if (sameKind.length > 0 && !sameKind.some((g) => closeValues(f.value, g.value, tolerance))) return true;
  }
  return false;
}

/** Both name someone or somewhere mid-sentence, and neither's names appear anywhere in the other; or one puts outside a place the other names. */
export function nameConflict(a: ClaimFingerprint, b: ClaimFingerprint): boolean {
  if (outsideConflict(a, b)) return true;
  if (a.names.length === 0 || b.names.length === 0) return false;
  const inA = new Set([...a.names, ...a.terms]);
  const inB = new Set([...b.names, ...b.terms]);
  return !a.names.some((n) => inB.has(n)) && !b.names.some((n) => inA.has(n));
}

/**
 * Word meaning in a comparison: a word of one claim that the other lacks is covered by the other's nearest word when
 * their cosine is at least `threshold`, for `credit` × cosine of a shared word. Names (places, people) are never
 * covered by another name: they must agree exactly, as figures must. Calibrated in {@link DEFAULT_NEAR}.
 */
export interface NearOptions {
  readonly near: WordNearness;
  readonly threshold: number;
  readonly credit: number;
  /** Word meaning for aligning an anchored candidate with the query (see anchoredAlignment); none: words and near words only. */
  readonly meaning?: WordMeaning;
  /**
   * When both claims say what their count counts, the least cosine of the two words for the alignment to score the
   * candidate ("drivers" is not "fighters", cosine 0.28); calibrated with the alignment.
   */
  readonly headFloor?: number;
  /**
   * The lexicon for telling a different thing of the same kind from the same thing in other words (kindConflict in
   * alignment.ts); by default the word meaning's own (meaning.relations), null for none.
   */
  readonly lexicon?: WordRelations | null;
  /**
   * What a different thing of the same kind does to the score: 'conflict' scores 0 as any conflict, 'alignment' only
   * withholds the alignment by meaning (the words' own score stands). Calibrated in {@link DEFAULT_KIND_CONFLICT}.
   */
  readonly kindConflict?: 'conflict' | 'alignment';
  /**
   * How a minimal contrast is read (minimalContrast in contrast.ts: the candidate keeps the query's words and puts
   * another thing for one of its things), which scores 0; by default {@link DEFAULT_CONTRAST}, null for none. Needs
   * `meaning` and a lexicon that tells things.
   */
  readonly contrast?: ContrastOptions | null;
  /**
   * How the matches of one trace are compared with each other (withoutContrasts in contrast-set.ts, applied by the
   * caller once all candidates are scored); by default DEFAULT_CONTRAST_SET, null for none.
   */
  readonly contrastSet?: ContrastSetOptions | null;
}

/** A different thing of the same kind is a conflict; calibrated by bench/corpus/calibrate-alignment.ts. */
export const DEFAULT_KIND_CONFLICT: 'conflict' | 'alignment' = 'conflict';

/** The counted things' floor of the anchored alignment, calibrated by bench/corpus/calibrate-alignment.ts. */
export const DEFAULT_HEAD_FLOOR = 0.25;

/** Calibrated by src/trace/calibration.test.ts on the project's own paraphrases and look-alikes (src/trace/paraphrases.json). */
export const DEFAULT_NEAR: Omit<NearOptions, 'near'> = Object.freeze({ threshold: 0.65, credit: 0.6 });

/**
 * How much of each term of `from` the other claim covers, in [0, 1]: 1 when it has the term, else the credit of its
 * nearest word that `from` lacks (see {@link NearOptions}); 0 for a name it lacks.
 */
export function coverage(from: ClaimFingerprint, to: ClaimFingerprint, options?: NearOptions): number[] {
  const own = new Set(to.terms);
  const credits: number[] = from.terms.map((t) => (own.has(t) ? 1 : 0));
  if (!options) return credits;
  const fromTerms = new Set(from.terms);
  const fromNames = new Set(from.names);
  const toNames = new Set(to.names);
  const others = to.terms.map((t, i) => ({ t, form: to.forms?.[i] ?? t })).filter((o) => !fromTerms.has(o.t) && !toNames.has(o.t));
  if (others.length === 0) return credits;
  from.terms.forEach((t, i) => {
    if (credits[i] === 1 || fromNames.has(t)) return;
    const form = from.forms?.[i] ?? t;
    let best = 0;
    for (const o of others) best = Math.max(best, options.near.similarity(form, o.form));
    if (best >= options.threshold) credits[i] = options.credit * best;
  });
  return credits;
}

/**
 * How well a candidate restates the query, in [0, 1]: the harmonic mean of the query's coverage (its words weighted
 * by `weight`, rarer words weighing more, plus its figures) and the candidate's coverage (unweighted). Zero when the
 * two conflict (see {@link conflicting}). With `near`, a word is also covered by a near word (see {@link coverage}).
 * With `near.meaning`, a candidate anchored on the query's place and figure (see {@link anchored}) that counts a near
 * enough thing scores at least how well its words cover the query's by meaning (alignedCoverage in alignment.ts): the
 * same threshold then decides for a retelling that shares few words. A candidate that is a minimal contrast of the query
 * (contrast.ts: the query's words with another thing for one of its things) scores 0; that is checked only for a
 * score at or above `threshold` (by default every score), since it can only lower a score to 0.
 */
export function traceScore(query: ClaimFingerprint, candidate: ClaimFingerprint, weight: (term: string) => number, options: SimilarityOptions = DEFAULT_SIMILARITY, near?: NearOptions, threshold = 0): number {
  if (conflicting(query, candidate, options.tolerance)) return 0;
  const lexicon = near?.lexicon === undefined ? near?.meaning?.relations : near.lexicon;
  const mode = near?.kindConflict ?? DEFAULT_KIND_CONFLICT;
  const otherKind = () => near?.meaning !== undefined && lexicon != null && kindConflict(query, candidate, near.meaning, lexicon) !== null;
  const words = wordScore(query, candidate, weight, options, near);
  if (mode === 'conflict' && words > 0 && otherKind()) return 0;
  const score = meaningScore(query, candidate, words, options, near, otherKind);
  const contrast = near?.contrast === undefined ? DEFAULT_CONTRAST : near.contrast;
  // A minimal contrast only ever lowers a score to 0: below the caller's threshold it cannot change what is kept.
  if (score > 0 && score >= threshold && contrast !== null && near?.meaning !== undefined && lexicon != null && (minimalContrast(query, candidate, near.meaning, lexicon, contrast) !== null || (contrast.roles === true && roleSwap(query, candidate, lexicon) !== null))) return 0;
  return score;
}

/** The score by meaning of traceScore: the word score, or the alignment's coverage for an anchored candidate counting a near enough thing. */
function meaningScore(query: ClaimFingerprint, candidate: ClaimFingerprint, words: number, options: SimilarityOptions, near: NearOptions | undefined, otherKind: () => boolean): number {
  if (!near?.meaning || !anchored(query, candidate, sharedFigures(query.figures, candidate.figures, options.tolerance))) return words;
  if ((near.kindConflict ?? DEFAULT_KIND_CONFLICT) === 'alignment' && otherKind()) return words;
  if (!sameCounted(query, candidate, near.meaning, near.headFloor ?? DEFAULT_HEAD_FLOOR)) return words;
  return Math.max(words, alignedCoverage(query, candidate, near.meaning));
}

/** Whether two claims count the same thing as far as is known: either says nothing of it, or the two words are near. */
function sameCounted(a: ClaimFingerprint, b: ClaimFingerprint, meaning: WordMeaning, floor: number): boolean {
  if (!a.head || !b.head || stem(a.head) === stem(b.head)) return true;
  return wordCosine(meaning, a.head, b.head) >= floor;
}

/**
 * Whether a candidate agrees with the query on its anchors: the query gives a figure and names a place or person
 * mid-sentence, and the candidate shares a figure (`figuresShared`, or could still) and a name. Such a candidate is
 * also scored by how well its words cover the query's by meaning (alignedCoverage): a retelling keeps the anchors and
 * changes the words.
 */
export function anchored(query: ClaimFingerprint, candidate: ClaimFingerprint | readonly string[], figuresShared: number): boolean {
  if (query.figures.length === 0 || query.names.length === 0 || figuresShared === 0) return false;
  const words = new Set(isFingerprint(candidate) ? [...candidate.names, ...candidate.terms] : candidate);
  return query.names.some((n) => words.has(n));
}

/** The word score of traceScore: the harmonic mean of the two coverages, words (and near words) and figures. */
function wordScore(query: ClaimFingerprint, candidate: ClaimFingerprint, weight: (term: string) => number, options: SimilarityOptions, near?: NearOptions): number {
  const { total, figureWeight } = queryWeights(query, weight, options);
  const queryCredits = coverage(query, candidate, near);
  let covered = 0;
  query.terms.forEach((t, i) => (covered += weight(t) * queryCredits[i]!));
  const shared = coverage(candidate, query, near).reduce((n, c) => n + c, 0);
  const figures = sharedFigures(query.figures, candidate.figures, options.tolerance);
  const candidateTotal = candidate.terms.length + options.figureWeight * candidate.figures.length;
  if (total === 0 || candidateTotal === 0) return 0;
  const q = (covered + figureWeight * figures) / total;
  const c = (shared + options.figureWeight * figures) / candidateTotal;
  return q + c === 0 ? 0 : (2 * q * c) / (q + c);
}

/** The query's weight in all (words and figures) and the weight of one of its figures: as much as its average word, times figureWeight. */
function queryWeights(query: ClaimFingerprint, weight: (term: string) => number, options: SimilarityOptions): { total: number; figureWeight: number } {
  let words = 0;
  for (const t of query.terms) words += weight(t);
  const figureWeight = options.figureWeight * (query.terms.length === 0 ? 1 : words / query.terms.length);
  return { total: words + figureWeight * query.figures.length, figureWeight };
}

/**
 * The most of the query's weight a candidate with these words could cover, before its figures and attribution are
 * known: its shared (or, with `near`, near) words, and `figuresShared` of the query's figures (by default all, as if shared). Leaving out the candidate's attribution only
 * removes words, so a candidate below {@link minQueryCoverage} here can never reach the threshold.
 */
export function queryCoverageBound(query: ClaimFingerprint, candidate: ClaimFingerprint | readonly string[], weight: (term: string) => number, figuresShared = query.figures.length, options: SimilarityOptions = DEFAULT_SIMILARITY, near?: NearOptions): number {
  const { total, figureWeight } = queryWeights(query, weight, options);
  if (total === 0) return 0;
  const other: ClaimFingerprint = isFingerprint(candidate) ? candidate : { terms: candidate, figures: [], names: [] };
  const credits = coverage(query, other, near);
  let covered = figureWeight * Math.min(figuresShared, query.figures.length);
  query.terms.forEach((t, i) => (covered += weight(t) * credits[i]!));
  return covered / total;
}

const isFingerprint = (x: ClaimFingerprint | readonly string[]): x is ClaimFingerprint => !Array.isArray(x);

/** The least share of the query's weight a candidate must cover to reach `threshold`: the harmonic mean with its own coverage at 1. */
export function minQueryCoverage(threshold: number): number {
  return threshold / (2 - threshold);
}

/** Figures of `a` matched one to one with figures of `b`. */
function sharedFigures(a: readonly FigureKey[], b: readonly FigureKey[], tolerance: number): number {
  const used = new Set<number>();
  let n = 0;
  for (const f of a) {
    const i = b.findIndex((g, j) => !used.has(j) && sameFigure(f, g, tolerance));
    if (i >= 0) {
      used.add(i);
      n++;
    }
  }
  return n;
}
