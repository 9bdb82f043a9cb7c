/** A figure's mutation between two articles, in words: "23,000 → 20,000: rounded down (−13%)". Pure. */
import type { FigureMutation } from '../api/types.js';
import { boundName } from './bounds.js';
import { formatNumber } from './format.js';

/** Significant digits of a number, ignoring trailing zeros of the integer part (20,000 → 1; 23,500 → 3). */
export function significantDigits(value: number): number {
  const digits = Math.abs(value).toPrecision(15).replace('.', '').replace(/e.*$/, '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** How the value changed: rounded (fewer significant digits, within 15 %), or raised/lowered by a percentage. */
export function valueChange(from: number, to: number): string {
  const rel = from === 0 ? 0 : (to - from) / Math.abs(from);
  const pct = `${rel > 0 ? '+' : '−'}${formatNumber(Math.abs(Math.round(rel * 1000) / 10))}%`;
  if (significantDigits(to) < significantDigits(from) && Math.abs(rel) <= 0.15) return `rounded ${to > from ? 'up' : 'down'} (${pct})`;
  if (from === 0) return `changed from ${formatNumber(from)} to ${formatNumber(to)}`;
  return `${to > from ? 'raised' : 'lowered'} (${pct})`;
}

function interval(low: number | null, high: number | null): string {
  return `${low === null ? '…' : formatNumber(low)}–${high === null ? '…' : formatNumber(high)}`;
}

/** The mutation as one line: the figures as written, then every change. */
export function describeMutation(mutation: FigureMutation): string {
  const a = mutation.from.figure;
  const b = mutation.to.figure;
  const parts: string[] = [];
  if (mutation.changes.includes('value')) parts.push(valueChange(a.value, b.value));
  if (mutation.changes.includes('bound')) parts.push(`bound ${boundName(a.bound)} → ${boundName(b.bound)}`);
  if (mutation.changes.includes('interval') && !mutation.changes.includes('value')) {
    parts.push(`interval ${interval(a.low, a.high)} → ${interval(b.low, b.high)}`);
  }
  return `${a.text} → ${b.text}: ${parts.join('; ') || 'reworded'}`;
}
