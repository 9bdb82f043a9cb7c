import { isAmount, sameFigure, type FigureKey, type TraceFigure } from './similarity.js';

/** One appearance of a traced figure: the article and the figure as it was written there. */
export interface FigureAppearance {
  readonly documentId: number;
  readonly published: string | null;
  readonly figure: TraceFigure;
}

/** How a figure changed between two consecutive appearances (by publication date). */
export interface FigureMutation {
  readonly from: FigureAppearance;
  readonly to: FigureAppearance;
  /** What changed: the value, the bound ("exact" → "approx"), the interval (low/high). */
  readonly changes: readonly ('value' | 'bound' | 'interval')[];
}

/** The appearance's figure closest to `value`, if one is within the tolerance. */
function closest(figures: readonly TraceFigure[], key: FigureKey): TraceFigure | undefined {
  let best: TraceFigure | undefined;
  for (const f of figures) {
    if (!sameFigure(f, key)) continue;
    if (!best || Math.abs(f.value - key.value) < Math.abs(best.value - key.value)) best = f;
  }
  return best;
}

function changesOf(a: TraceFigure, b: TraceFigure): FigureMutation['changes'] {
  const changes: FigureMutation['changes'][number][] = [];
  if (a.value !== b.value) changes.push('value');
  if (a.bound !== b.bound) changes.push('bound');
  if (a.low !== b.low || a.high !== b.high) changes.push('interval');
  return changes;
}

/**
 * The changes of each traced amount along the matches (already in publication order): for every reference figure
 * that is an amount (not a year or a rank), the closest figure of the same kind in each match is followed, and every step where its value, bound or interval differs from the
 * previous appearance is a mutation. A change of interval alone that follows from a value change is still listed.
 */
export function figureMutations(
  matches: readonly { documentId: number; published: string | null; figures: readonly TraceFigure[] }[],
  references: readonly FigureKey[],
): FigureMutation[] {
  const mutations: FigureMutation[] = [];
  for (const value of references.filter(isAmount)) {
    let previous: FigureAppearance | undefined;
    for (const m of matches) {
      const figure = closest(m.figures, value);
      if (!figure) continue;
      const current: FigureAppearance = { documentId: m.documentId, published: m.published, figure };
      if (previous) {
        const changes = changesOf(previous.figure, figure);
        if (changes.length > 0) mutations.push({ from: previous, to: current, changes });
      }
      previous = current;
    }
  }
  return mutations;
}
