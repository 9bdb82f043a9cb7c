/** Layout of the trace timeline: one point per dated appearance, x by publication date, y by similarity. Pure. */
import type { Grade, TraceMatch } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { dateValue, linearScale, niceTicks, timeTicks, type TimeTick } from './scale.js';

/** The chart box and its margins (SVG user units). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A placed appearance. */
export interface TimelinePoint {
  readonly x: number;
  readonly y: number;
  readonly grade: Grade;
  readonly earliest: boolean;
  readonly match: TraceMatch;
}

/** Everything the chart draws. */
export interface TimelineLayout {
  readonly points: readonly TimelinePoint[];
  readonly xTicks: readonly (TimeTick & { readonly x: number })[];
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  /** Appearances without a publication date (listed in the table, not drawn). */
  readonly undated: number;
}

/** The best grade among a match's attributions (named > anaphoric > vague > none). */
export function bestGrade(attribution: readonly { grade: string }[]): Grade {
  let best = GRADES.length - 1;
  for (const a of attribution) {
    const rank = GRADES.indexOf(a.grade as Grade);
    if (rank >= 0 && rank < best) best = rank;
  }
  return GRADES[best]!;
}

/** Places the dated matches; the domain is padded by a day on each side so single points sit inside the axis. */
export function timelineLayout(matches: readonly TraceMatch[], earliest: TraceMatch | null, box: ChartBox): TimelineLayout {
  const dated = matches.flatMap((m) => {
    const t = dateValue(m.published);
    return t === null ? [] : [{ m, t }];
  });
  const day = 86_400_000;
  const times = dated.map((d) => d.t);
  const from = (times.length ? Math.min(...times) : 0) - day;
  const to = (times.length ? Math.max(...times) : 0) + day;
  const x = linearScale([from, to], [box.left, box.width - box.right]);
  const y = linearScale([0, 1], [box.height - box.bottom, box.top]);
  const points = dated.map(({ m, t }) => ({
    x: x(t),
    y: y(Math.max(0, Math.min(1, m.similarity))),
    grade: bestGrade(m.attribution),
    earliest: earliest !== null && m.documentId === earliest.documentId && m.claimId === earliest.claimId,
    match: m,
  }));
  return {
    points,
    xTicks: times.length ? timeTicks(from, to, 6).map((t) => ({ ...t, x: x(t.value) })) : [],
    yTicks: niceTicks(0, 1, 4).map((value) => ({ value, y: y(value) })),
    undated: matches.length - dated.length,
  };
}
