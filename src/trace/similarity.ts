import { contentTerms, type Span } from './terms.js';

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

/** Kinds that name a point (a year, a rank) rather than an amount: they match only when equal and never mutate. */
const LABEL_KINDS: ReadonlySet<string> = new Set(['year', 'year-span', 'ordinal']);

/** Whether a figure is an amount that can be reworded and can mutate (a count, money, a share), not a year or a rank. */
export function isAmount(figure: { readonly kind: string }): boolean {
  return !LABEL_KINDS.has(figure.kind);
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

/** The fingerprint of a claim text whose figures (offsets relative to the text) are known. */
export function fingerprint(text: string, figures: readonly TraceFigure[]): ClaimFingerprint {
  const keys = new Map(figures.map((f) => [`${f.kind}:${f.value}`, { value: f.value, kind: f.kind }]));
  return { terms: contentTerms(text, figures), figures: [...keys.values()] };
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
 * Dice similarity of two fingerprints in [0, 1]: shared words plus shared figures (weighted), over all words and
 * figures of both. Figures are matched one to one, each to the first unmatched figure within the tolerance.
 */
export function similarity(a: ClaimFingerprint, b: ClaimFingerprint, options: SimilarityOptions = DEFAULT_SIMILARITY): number {
  const bTerms = new Set(b.terms);
  let shared = 0;
  for (const t of a.terms) if (bTerms.has(t)) shared++;
  const used = new Set<number>();
  let figures = 0;
  for (const f of a.figures) {
    const i = b.figures.findIndex((g, j) => !used.has(j) && sameFigure(f, g, options.tolerance));
    if (i >= 0) {
      used.add(i);
      figures++;
    }
  }
  const total = a.terms.length + b.terms.length + options.figureWeight * (a.figures.length + b.figures.length);
  return total === 0 ? 0 : (2 * (shared + options.figureWeight * figures)) / total;
}
