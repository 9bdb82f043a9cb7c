/**
 * The article text cut into segments for highlighting. Every visible annotation becomes a span; the text is cut at
 * every span boundary, and each segment lists the spans covering it, outermost first, so the view can nest one
 * element per span and never has to build HTML from strings. Linear in the number of boundaries times the spans open
 * at once.
 */
import type { Report } from '../api/types.js';

/** The layer switches of the article view. */
export const LAYER_NAMES = ['claims', 'sources', 'figures', 'techniques', 'findings'] as const;
/** One of {@link LAYER_NAMES}. */
export type LayerName = (typeof LAYER_NAMES)[number];

/** Highlight classes, outermost first when spans cover the same text. */
export const SPAN_KINDS = ['claim', 'finding', 'content', 'technique', 'source', 'cue', 'figure'] as const;
/** One of {@link SPAN_KINDS}; the element gets the class `hl-<kind>`. */
export type SpanKind = (typeof SPAN_KINDS)[number];

/** One highlighted range: its kind, the annotation id it shows, and modifier classes (grade, band, bound, severity). */
export interface HighlightSpan {
  readonly kind: SpanKind;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly modifiers: readonly string[];
}

/** A piece of the text between two consecutive boundaries, with the spans covering it (outermost first). */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly spans: readonly HighlightSpan[];
}

/** The id the app gives the finding at `index` of `report.findings` (findings have no id of their own). */
export function findingId(index: number): string {
  return `f${index + 1}`;
}

/** Check-worthiness band of a claim, as a modifier class. */
export function worthBand(checkworthiness: number): 'cw-hi' | 'cw-mid' | 'cw-lo' {
  return checkworthiness >= 0.75 ? 'cw-hi' : checkworthiness >= 0.5 ? 'cw-mid' : 'cw-lo';
}

/** The highlight spans of the visible layers, in report order. */
export function spansOf(report: Report, visible: ReadonlySet<LayerName>): HighlightSpan[] {
  const out: HighlightSpan[] = [];
  const add = (kind: SpanKind, id: string, range: { start: number; end: number }, ...modifiers: string[]) =>
    out.push({ kind, id, start: range.start, end: range.end, modifiers });
  if (visible.has('claims')) for (const c of report.claims) add('claim', c.id, c, worthBand(c.checkworthiness), `g-${c.grade}`);
  if (visible.has('sources')) {
    for (const a of report.attributions) {
      add('content', a.id, a.content);
      if (a.source) add('source', a.id, a.source, `g-${a.grade}`);
      add('cue', a.id, a.cue, a.hedged ? 'hedged' : 'plain');
    }
  }
  if (visible.has('figures')) for (const q of report.quantities) add('figure', q.id, q, `b-${q.bound}`);
  if (visible.has('techniques')) for (const t of report.techniques) add('technique', t.id, t);
  if (visible.has('findings')) report.findings.forEach((f, i) => add('finding', findingId(i), f, `sev-${f.severity}`));
  return out;
}

const RANK = new Map<SpanKind, number>(SPAN_KINDS.map((kind, i) => [kind, i]));

/** Nesting order: kind rank, then earlier start, then longer, then id. */
function outerFirst(a: HighlightSpan, b: HighlightSpan): number {
  return RANK.get(a.kind)! - RANK.get(b.kind)! || a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Cuts `[0, length)` at every boundary of `spans` (clamped to the text; empty spans dropped). Consecutive segments
 * cover the text exactly; a segment without spans is plain text.
 */
export function segmentText(length: number, spans: readonly HighlightSpan[]): Segment[] {
  const valid = spans
    .map((s) => ({ ...s, start: Math.max(0, Math.min(s.start, length)), end: Math.max(0, Math.min(s.end, length)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, length]);
  for (const s of valid) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start);
  const open: HighlightSpan[] = [];
  const segments: Segment[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    while (next < byStart.length && byStart[next]!.start <= start) open.push(byStart[next++]!);
    for (let j = open.length - 1; j >= 0; j--) if (open[j]!.end <= start) open.splice(j, 1);
    segments.push({ start, end, spans: [...open].sort(outerFirst) });
  }
  return segments;
}
