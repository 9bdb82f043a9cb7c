/**
 * Layout of the trace timeline: one point per dated appearance, x by publication date, y by the value of the traced
 * figure as each article wrote it (its interval as a bar), the point's size by how similar the wording is. A claim
 * without a figure is drawn by similarity instead. Laid out in CSS pixels for the measured width, so labels keep
 * their size on a phone. Pure.
 */
import type { FigureMutation, Grade, TraceMatch } from '../api/types.js';
import { GRADES } from '../api/types.js';
import { dateValue, formatTick, linearScale, niceExtent, timeTicks, type TimeTick } from './scale.js';

/** The chart box and its margins (CSS pixels). */
export interface ChartBox {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A figure of a match, as the API gives it. */
export type MatchFigure = TraceMatch['quantities'][number];

/** A placed appearance. */
export interface TimelinePoint {
  readonly x: number;
  readonly y: number;
  /** Radius: 3 px at the least similarity shown (50 %) up to 9 px for the same wording. */
  readonly r: number;
  /** The interval's ends (y) when the article gives one ("between 40 and 50"). */
  readonly range: { readonly y1: number; readonly y2: number } | null;
  readonly grade: Grade;
  readonly earliest: boolean;
  /** The traced figure as this article wrote it (null on a similarity chart). */
  readonly figure: MatchFigure | null;
  readonly match: TraceMatch;
}

/** Everything the chart draws. */
export interface TimelineLayout {
  /** What the y axis shows: the traced figure's values, or similarity when the claim has no amount. */
  readonly mode: 'figure' | 'similarity';
  readonly yTitle: string;
  readonly points: readonly TimelinePoint[];
  readonly xTicks: readonly (TimeTick & { readonly x: number })[];
  readonly yTicks: readonly { readonly value: number; readonly y: number; readonly label: string }[];
  /** Appearances without a publication date (listed in the table, not drawn). */
  readonly undated: number;
  /** Dated appearances that do not state the traced figure (listed in the table, not drawn). */
  readonly withoutFigure: number;
}

/** Kinds that name a point (a year, a rank), not an amount: never traced as a value. */
const LABEL_KINDS: ReadonlySet<string> = new Set(['year', 'year-span', 'ordinal']);

/** The best grade among a match's attributions (named > anaphoric > vague > none). */
export function bestGrade(attribution: readonly { grade: string }[]): Grade {
  let best = GRADES.length - 1;
  for (const a of attribution) {
    const rank = GRADES.indexOf(a.grade as Grade);
    if (rank >= 0 && rank < best) best = rank;
  }
  return GRADES[best]!;
}

/** The key of a match in the maps below. */
export function matchKey(m: { documentId: number; claimId: string }): string {
  return `${m.documentId}:${m.claimId}`;
}

/**
 * The amount followed along the matches: the one whose changes the server reported, else the first amount of the
 * earliest match that has one; for each match, its figure of the same kind and unit closest to that value.
 */
export function followedFigure(matches: readonly TraceMatch[], mutations: readonly FigureMutation[]): { reference: MatchFigure; byMatch: Map<string, MatchFigure> } | null {
  const amounts = (m: TraceMatch) => m.quantities.filter((q) => !LABEL_KINDS.has(q.kind));
  const reference = mutations[0]?.from.figure ?? matches.map((m) => amounts(m)[0]).find((q) => q !== undefined);
  if (!reference) return null;
  const byMatch = new Map<string, MatchFigure>();
  for (const m of matches) {
    let best: MatchFigure | undefined;
    for (const q of amounts(m)) {
      if (q.kind !== reference.kind || (q.unit ?? null) !== (reference.unit ?? null)) continue;
      if (!best || Math.abs(q.value - reference.value) < Math.abs(best.value - reference.value)) best = q;
    }
    if (best) byMatch.set(matchKey(m), best);
  }
  return { reference: reference as MatchFigure, byMatch };
}

/** The y axis title of a traced figure: "Figure (jobs)", "Figure (%)". */
function figureTitle(figure: MatchFigure): string {
  return figure.unit ? `Figure (${figure.unit})` : 'Figure';
}

/** Places the dated matches; the time domain is padded by a day on each side so single points sit inside the axis. */
export function timelineLayout(matches: readonly TraceMatch[], earliest: TraceMatch | null, mutations: readonly FigureMutation[], box: ChartBox): TimelineLayout {
  const followed = followedFigure(matches, mutations);
  const dated = matches.flatMap((m) => {
    const t = dateValue(m.published);
    return t === null ? [] : [{ m, t, figure: followed?.byMatch.get(matchKey(m)) ?? null }];
  });
  const drawn = followed ? dated.filter((d) => d.figure !== null) : dated;
  const day = 86_400_000;
  const times = drawn.map((d) => d.t);
  const from = (times.length ? Math.min(...times) : 0) - day;
  const to = (times.length ? Math.max(...times) : 0) + day;
  const x = linearScale([from, to], [box.left, box.width - box.right]);
  const ends = drawn.flatMap((d) => (d.figure ? [d.figure.value, d.figure.low, d.figure.high].filter((v): v is number => v !== null && Number.isFinite(v)) : []));
  const ticks = followed ? niceExtent(Math.min(0, ...ends), Math.max(0, ...ends), box.height >= 180 ? 5 : 3) : [0, 0.25, 0.5, 0.75, 1];
  const y = linearScale([ticks[0]!, ticks[ticks.length - 1]!], [box.height - box.bottom, box.top]);
  const radius = (similarity: number) => 3 + 6 * Math.max(0, Math.min(1, (similarity - 0.5) / 0.5));
  const points = drawn.map(({ m, t, figure }) => {
    const hasRange = figure !== null && figure.low !== null && figure.high !== null && figure.low !== figure.high;
    return {
      x: x(t),
      y: y(figure ? figure.value : Math.max(0, Math.min(1, m.similarity))),
      r: radius(m.similarity),
      range: hasRange ? { y1: y(figure.low!), y2: y(figure.high!) } : null,
      grade: bestGrade(m.attribution),
      earliest: earliest !== null && m.documentId === earliest.documentId && m.claimId === earliest.claimId,
      figure,
      match: m,
    };
  });
  const maxXTicks = Math.max(2, Math.floor((box.width - box.left - box.right) / 90));
  return {
    mode: followed ? 'figure' : 'similarity',
    yTitle: followed ? figureTitle(followed.reference) : 'Similarity',
    points,
    xTicks: times.length ? timeTicks(from, to, maxXTicks).map((t) => ({ ...t, x: x(t.value) })) : [],
    yTicks: ticks.map((value) => ({ value, y: y(value), label: followed ? formatTick(value) : `${Math.round(value * 100)}%` })),
    undated: matches.length - dated.length,
    withoutFigure: dated.length - drawn.length,
  };
}
