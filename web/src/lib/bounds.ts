/** A figure's bounds in words: "at least 5", "between 2 and 7", "about 20,000 (18,000 to 22,000)". Pure. */
import { formatNumber } from './format.js';

/** What the app needs of a figure (a report quantity or a traced one). */
export interface BoundedFigure {
  readonly value: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly bound: string;
  readonly kind: string;
  readonly unit: string | null;
}

/** A value with its unit: "12%", "$5", "€40", "1,200 containers"; years and ordinals without separators. */
export function withUnit(value: number, figure: Pick<BoundedFigure, 'kind' | 'unit'>): string {
  const number = figure.kind === 'year' || figure.kind === 'year-span' ? String(value) : formatNumber(value);
  const unit = figure.unit;
  if (!unit) return number;
  if (unit === '%' || figure.kind === 'percent') return `${number}%`;
  if (/^[$€£¥]$/.test(unit)) return `${unit}${number}`;
  return `${number} ${unit}`;
}

/** The interval the wording allows, in words. */
export function boundWords(figure: BoundedFigure): string {
  const v = (n: number) => withUnit(n, figure);
  switch (figure.bound) {
    case 'at-least':
      return `at least ${v(figure.low ?? figure.value)}`;
    case 'at-most':
      return `at most ${v(figure.high ?? figure.value)}`;
    case 'range':
      return figure.low !== null && figure.high !== null ? `between ${v(figure.low)} and ${v(figure.high)}` : `a range around ${v(figure.value)}`;
    case 'approx': {
      const spread = figure.low !== null && figure.high !== null ? ` (${v(figure.low)} to ${v(figure.high)})` : '';
      return `about ${v(figure.value)}${spread}`;
    }
    default:
      return `exactly ${v(figure.value)}`;
  }
}

/** A bound's name for people: "exact", "approximate", "lower bound", "upper bound", "range". */
export function boundName(bound: string): string {
  return ({ exact: 'exact', approx: 'approximate', 'at-least': 'lower bound', 'at-most': 'upper bound', range: 'range' } as Record<string, string>)[bound] ?? bound;
}
