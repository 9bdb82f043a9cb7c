import type { Report } from '../core/report-schema.js';
import { groupBy } from '../core/group.js';

/** Highlight layers, outermost first: an outer span stays whole across inner boundaries (outlines first, they show breaks). */
export const LAYERS = ['finding', 'claim', 'source', 'entity', 'technique', 'cue', 'figure'] as const;
/** One of {@link LAYERS}. */
export type Layer = (typeof LAYERS)[number];

/** One highlighted range: `ref` (`layer:index`) names the report item the page script describes. */
export interface Highlight {
  readonly layer: Layer;
  readonly index: number;
  readonly start: number;
  readonly end: number;
  /** Extra CSS classes (grade, type, bound, severity); plain tokens chosen by the renderer. */
  readonly classes: readonly string[];
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Check-worthiness band of a claim, as a CSS class. */
export function worthClass(checkworthiness: number): string {
  return checkworthiness >= 0.75 ? 'cw-hi' : checkworthiness >= 0.5 ? 'cw-mid' : 'cw-lo';
}

/** Every highlight of a report, one per annotation range and layer. */
export function highlightsOf(report: Report): Highlight[] {
  const out: Highlight[] = [];
  const add = (layer: Layer, index: number, range: { start: number; end: number }, ...classes: string[]) =>
    out.push({ layer, index, start: range.start, end: range.end, classes });
  report.claims.forEach((c, i) => add('claim', i, c, worthClass(c.checkworthiness), `g-${c.grade}`));
  report.attributions.forEach((a, i) => {
    add('source', i, a.source ?? a.cue, `g-${a.grade}`);
    add('cue', i, a.cue, a.hedged ? 'hedged' : 'plain');
  });
  report.entities.forEach((e, i) => add('entity', i, e, `e-${e.type}`));
  report.quantities.forEach((q, i) => add('figure', i, q, `b-${q.bound}`));
  report.techniques.forEach((t, i) => add('technique', i, t));
  report.findings.forEach((f, i) => add('finding', i, f, `sev-${f.severity}`));
  return out;
}

const RANK = new Map<Layer, number>(LAYERS.map((layer, i) => [layer, i]));

/** Nesting order: layer, then earlier start, then longer, then report order. */
function compareHighlights(a: Highlight, b: Highlight): number {
  return RANK.get(a.layer)! - RANK.get(b.layer)! || a.start - b.start || b.end - a.end || a.index - b.index;
}

/** The element id of a highlight's first fragment: built from the layer and index, never from report strings. */
export function anchorId(layer: Layer, index: number): string {
  return `ct-${layer}-${index}`;
}

/**
 * The text as escaped HTML with every highlight wrapped in spans. The text is cut at every boundary; each piece is
 * wrapped in the spans of the highlights covering it, nested in {@link compareHighlights} order, so overlapping and
 * crossing ranges become nested spans. A span stays open while the spans outside it do not change.
 */
export function renderHighlightedText(text: string, highlights: readonly Highlight[]): string {
  const valid = highlights.filter((h) => Number.isInteger(h.start) && Number.isInteger(h.end) && h.start >= 0 && h.start < h.end && h.end <= text.length);
  const startsAt = groupBy(valid, (h) => h.start);
  const cuts = [...new Set([0, text.length, ...valid.flatMap((h) => [h.start, h.end])])].sort((a, b) => a - b);
  const parts: string[] = [];
  const opened = new Set<Highlight>();
  let active: Highlight[] = [];
  let open: Highlight[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    active = active.filter((h) => h.end > from);
    const starting = startsAt.get(from);
    if (starting) active = [...active, ...starting].sort(compareHighlights);
    let keep = 0;
    while (keep < open.length && keep < active.length && open[keep] === active[keep]) keep++;
    for (let k = open.length; k > keep; k--) parts.push('</span>');
    for (const h of active.slice(keep)) {
      parts.push(openTag(h, !opened.has(h)));
      opened.add(h);
    }
    open = active;
    parts.push(escapeHtml(text.slice(from, to)));
  }
  for (let k = open.length; k > 0; k--) parts.push('</span>');
  return parts.join('');
}

function openTag(h: Highlight, first: boolean): string {
  const classes = ['hl', `L-${h.layer}`, ...h.classes, first ? 'first' : 'cont'].map(escapeHtml).join(' ');
  const anchor = first ? ` id="${anchorId(h.layer, h.index)}" tabindex="0"` : '';
  return `<span class="${classes}" data-ref="${h.layer}:${h.index}"${anchor}>`;
}
