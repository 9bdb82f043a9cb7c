// From BIO labels to role spans, and from role spans to attributions: each source and content span joins the nearest
// cue of its paragraph (a source in another sentence counts as farther away), and each cue keeps its nearest source
// and content.
import type { TaggedSequence } from './features.js';

/** The tagger's labels: outside, then begin/inside for Source, Cue and Content. */
export const LABELS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-T', 'I-T'] as const;

/** A role span of one sequence: positions `[from, to)` in the sequence and tokens `[first, end)` in the document. */
export interface RoleSpan {
  readonly role: 'S' | 'C' | 'T';
  readonly from: number;
  readonly to: number;
  readonly first: number;
  readonly end: number;
}

/** One attribution put together from role spans. */
export interface TaggedAttribution {
  readonly cue: RoleSpan;
  readonly source?: RoleSpan;
  readonly content?: RoleSpan;
}

/** The label index of a role and position (B or I). */
export function labelOf(role: 'S' | 'C' | 'T', begin: boolean): number {
  return LABELS.indexOf(`${begin ? 'B' : 'I'}-${role}` as (typeof LABELS)[number]);
}

/** Runs of B/I labels as role spans. */
export function spansOf(seq: TaggedSequence, labels: Uint8Array): RoleSpan[] {
  const out: RoleSpan[] = [];
  let k = 0;
  while (k < labels.length) {
    const label = LABELS[labels[k]!]!;
    if (label === 'O') {
      k++;
      continue;
    }
    const role = label.slice(2) as RoleSpan['role'];
    let to = k + 1;
    while (to < labels.length && LABELS[labels[to]!] === `I-${role}`) to++;
    out.push({ role, from: k, to, first: seq.tokens[k]!, end: seq.tokens[to - 1]! + 1 });
    k = to;
  }
  return out;
}

const gap = (a: RoleSpan, b: RoleSpan) => (a.to <= b.from ? b.from - a.to : a.from >= b.to ? a.from - b.to : 0);

/** Groups one sequence's spans into attributions, one per cue. `sentenceOf` maps a sequence position to its sentence. */
export function groupSpans(spans: readonly RoleSpan[], sentenceOf: (position: number) => number): TaggedAttribution[] {
  const cues = spans.filter((s) => s.role === 'C');
  if (cues.length === 0) return [];
  const sources = new Map<RoleSpan, RoleSpan[]>(cues.map((c) => [c, []]));
  const contents = new Map<RoleSpan, RoleSpan[]>(cues.map((c) => [c, []]));
  // Spans and cues are in sequence order and never overlap, and sentences follow that order: the cheapest cue is the
  // nearest one on the left or on the right (a farther cue on one side is no nearer and in no closer sentence), so a
  // pointer moving with the spans finds it without comparing every span with every cue.
  let right = 0;
  for (const span of spans) {
    if (span.role === 'C') continue;
    while (right < cues.length && cues[right]!.from < span.to) right++;
    const cost = (c: RoleSpan) => gap(span, c) + (span.role === 'S' && sentenceOf(span.from) !== sentenceOf(c.from) ? 1000 : 0);
    const before = cues[right - 1];
    const after = cues[right];
    // On equal cost the earlier cue wins, as when every cue was compared in order.
    const best = before && (!after || cost(before) <= cost(after)) ? before : after!;
    (span.role === 'S' ? sources : contents).get(best)!.push(span);
  }
  const nearest = (c: RoleSpan, list: RoleSpan[]) => list.reduce<RoleSpan | undefined>((a, b) => (a === undefined || gap(b, c) < gap(a, c) ? b : a), undefined);
  return cues.map((cue) => {
    const source = nearest(cue, sources.get(cue)!);
    const content = nearest(cue, contents.get(cue)!);
    return { cue, ...(source ? { source } : {}), ...(content ? { content } : {}) };
  });
}
