/** Chart scales for the hand-drawn SVG charts: linear, nice ticks, dates on a time axis. Pure. */

/** A linear map from a domain onto a range; a flat domain maps to the middle of the range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * k;
}

/** Round tick values (steps of 1, 2 or 5 × 10^n) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Milliseconds (UTC) of an ISO 8601 date, month, year or date-time; null when it is none of these. */
export function dateValue(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return null;
  if (iso.length > 10) {
    const full = Date.parse(iso);
    if (!Number.isNaN(full)) return full;
  }
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** A tick on a time axis. */
export interface TimeTick {
  readonly value: number;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Ticks on month starts between two instants, every 1, 2, 3, 6 or 12 months so that at most `max` fit; labelled
 * "Mar 2024" (or "2024" on yearly steps). Spans under a month get ticks on days.
 */
export function timeTicks(from: number, to: number, max = 6): TimeTick[] {
  const day = 86_400_000;
  if (to - from < 40 * day) return dayTicks(from, to, max);
  const start = new Date(from);
  const end = new Date(to);
  const months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
  const step = [1, 2, 3, 6, 12, 24, 60].find((s) => months / s < max) ?? 120;
  const ticks: TimeTick[] = [];
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth() + 1;
  if (step >= 12) [y, m] = [y + 1, 0];
  else m = Math.ceil(m / step) * step;
  for (let t = Date.UTC(y, m, 1); t <= to; m += step, t = Date.UTC(y, m, 1)) {
    const d = new Date(t);
    ticks.push({ value: t, label: step >= 12 ? String(d.getUTCFullYear()) : `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` });
  }
  return ticks;
}

function dayTicks(from: number, to: number, max: number): TimeTick[] {
  const day = 86_400_000;
  const days = Math.max(1, Math.ceil((to - from) / day));
  const step = [1, 2, 7, 14].find((s) => days / s < max) ?? 14;
  const first = Math.ceil(from / day) * day;
  const ticks: TimeTick[] = [];
  for (let t = first; t <= to; t += step * day) {
    const d = new Date(t);
    ticks.push({ value: t, label: `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}` });
  }
  return ticks;
}

/** Nice ticks that enclose [min, max]: the first at or below min, the last at or above max (a flat range gets one step). */
export function niceExtent(min: number, max: number, count = 4): number[] {
  const hi = max > min ? max : min + (min === 0 ? 1 : Math.abs(min) * 0.5);
  const inner = niceTicks(min, hi, count);
  const step = inner.length > 1 ? inner[1]! - inner[0]! : hi - min;
  const ticks = [...inner];
  if (ticks[0]! > min) ticks.unshift(Number((ticks[0]! - step).toPrecision(12)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** A tick value, short: "40", "2.5", "18M", "3.2K". */
export function formatTick(value: number): string {
  return Math.abs(value) >= 10_000 ? COMPACT.format(value) : String(Number(value.toPrecision(6)));
}
