import type { Annotation, Finding } from '../core/annotations.js';
import type { Range } from '../core/range.js';

/**
 * Texts longer than this are analysed in segments, so memory stays bounded on book-sized inputs: a segment's tokens,
 * model features and intermediate lists are garbage once it is merged. The longest news article of the benchmark data
 * is under 50,000 characters, so an article is always one segment. (5 MB of articles: 511 MB peak RSS unsegmented,
 * ~450 MB with 500,000-character segments, ~400 MB with these.)
 */
export const SEGMENT_CHARS = 100_000;

/**
 * Cuts a long text into segments of about `size` characters, each ending at a paragraph break (or, failing that, a
 * line break or space), so no sentence is split. Short texts are one segment.
 */
export function segmentText(text: string, size = SEGMENT_CHARS): Range[] {
  const out: Range[] = [];
  let start = 0;
  while (text.length - start > size) {
    const half = Math.floor(size / 2);
    let end = start + half + cutAfter(text.slice(start + half, start + size));
    // Never split a surrogate pair (only possible in a run with no space or line break at all).
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: text.length });
  return out;
}

/** Where to cut a window: just after its last paragraph break, else its last line break or space, else its end. */
function cutAfter(window: string): number {
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph >= 0) return paragraph + 2;
  const other = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
  return other >= 0 ? other + 1 : window.length;
}

/** Renumbers ids (`e3` → `e103`) and shifts offsets of one segment's results into the whole text. */
export class SegmentMerger {
  readonly annotations: Annotation[] = [];
  readonly findings: Finding[] = [];
  readonly #counts = new Map<string, number>();

  /** Adds one segment's annotations and findings, found in a text starting at `offset` of the whole. */
  add(offset: number, annotations: readonly Annotation[], findings: readonly Finding[]): void {
    const ids = new Map<string, string>();
    const base = new Map(this.#counts);
    for (const ann of annotations) {
      const [prefix, n] = splitId(ann.id);
      const renamed = `${prefix}${n + (base.get(prefix) ?? 0)}`;
      ids.set(ann.id, renamed);
      this.#counts.set(prefix, Math.max(this.#counts.get(prefix) ?? 0, n + (base.get(prefix) ?? 0)));
    }
    const id = (old: string) => ids.get(old) ?? old;
    const shift = <R extends Range>(range: R): R => ({ ...range, start: range.start + offset, end: range.end + offset });
    for (const ann of annotations) this.annotations.push(moveAnnotation(ann, id, offset));
    for (const finding of findings) this.findings.push({ ...shift(finding), annotationIds: finding.annotationIds.map(id) });
  }
}

function splitId(id: string): [string, number] {
  const m = /^(\D+)(\d+)$/.exec(id);
  return m ? [m[1]!, Number(m[2])] : [id, 0];
}

function moveAnnotation(ann: Annotation, id: (old: string) => string, offset: number): Annotation {
  const moved = { start: ann.start + offset, end: ann.end + offset, id: id(ann.id) };
  const shift = <R extends Range>(range: R): R => ({ ...range, start: range.start + offset, end: range.end + offset });
  switch (ann.kind) {
    case 'attribution':
      return {
        ...ann,
        ...moved,
        cue: shift(ann.cue),
        content: shift(ann.content),
        ...(ann.sourceSpan && { sourceSpan: shift(ann.sourceSpan) }),
        ...(ann.resolvesTo && { resolvesTo: { ...shift(ann.resolvesTo), ...(ann.resolvesTo.id && { id: id(ann.resolvesTo.id) }) } }),
        ...(ann.parent && { parent: id(ann.parent) }),
        ...(ann.entityIds && { entityIds: ann.entityIds.map(id) }),
      };
    case 'claim':
      return { ...ann, ...moved, attributionIds: ann.attributionIds.map(id) };
    default:
      return { ...ann, ...moved };
  }
}
