/** Bar layouts for the outlet charts: horizontal bars by category, small column charts over months. Pure. */
import { linearScale } from './scale.js';

/** A placed horizontal bar. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly y: number;
  readonly width: number;
}

/** Horizontal bars, one row each, scaled so the largest fills `maxWidth` (all zero: zero width). */
export function horizontalBars(rows: readonly { label: string; value: number }[], maxWidth: number, rowHeight: number): Bar[] {
  const max = Math.max(0, ...rows.map((r) => r.value));
  const w = linearScale([0, max || 1], [0, maxWidth]);
  return rows.map((r, i) => ({ label: r.label, value: r.value, y: i * rowHeight, width: Math.max(0, w(r.value)) }));
}

/** A placed column of a small multiple. */
export interface Column {
  readonly label: string;
  readonly value: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The widest a column gets (a month or two on a wide chart would otherwise fill it like a block). */
const MAX_COLUMN = 40;

/**
 * Columns across `width`, bottom at `height`, scaled to `max` (shared across the small multiples so they compare);
 * a gap of a fifth of each slot separates columns, which are at most {@link MAX_COLUMN} wide and centred in their slot.
 */
export function columns(points: readonly { label: string; value: number }[], width: number, height: number, max: number): Column[] {
  if (points.length === 0) return [];
  const slot = width / points.length;
  const h = linearScale([0, max > 0 ? max : 1], [0, height]);
  return points.map((p, i) => {
    const barHeight = Math.max(0, Math.min(height, h(p.value)));
    const barWidth = Math.min(slot * 0.8, MAX_COLUMN);
    return { label: p.label, value: p.value, x: i * slot + (slot - barWidth) / 2, y: height - barHeight, width: barWidth, height: barHeight };
  });
}
