import type { SourceGrade } from '../core/annotations.js';
import { figureMutations, type ClaimFingerprint, type TraceClaimRow, type TraceQuantityRow } from '../trace/index.js';
import type { TraceAttribution, TraceMatch, TraceQuantity, TraceResult } from './types.js';

// Turning scored claim rows into a TraceResult, the same for every store.

/** A claim row as read for a match: the claim and its document's metadata. */
export interface TraceMatchRow extends TraceClaimRow {
  readonly ann_id: string;
  /** The claim's attribution ids as JSON (`["a1"]`). */
  readonly attribution_ids: string;
  readonly url: string | null;
  readonly title: string | null;
  readonly site: string | null;
  readonly published: string | null;
}

/** An attribution row of a matched claim's document. */
export interface TraceAttributionRow {
  readonly ann_id: string;
  readonly source_text: string | null;
  readonly grade: SourceGrade;
  readonly hedged: boolean | number;
  readonly resolves_text: string | null;
}

/** A stored figure with its annotation id and document offsets. */
export function toTraceQuantity(q: TraceQuantityRow): TraceQuantity {
  return { id: q.ann_id, start: q.start_offset, end: q.end_offset, text: q.text, value: q.value, low: q.low, high: q.high, bound: q.bound, unit: q.unit, kind: q.kind };
}

/** The attributions a claim names, in document order. */
export function claimAttributions(row: TraceMatchRow, rows: readonly TraceAttributionRow[]): TraceAttribution[] {
  const wanted = new Set(JSON.parse(row.attribution_ids) as string[]);
  return rows.filter((a) => wanted.has(a.ann_id)).map((a) => ({ id: a.ann_id, source: a.source_text, grade: a.grade, hedged: a.hedged === 1 || a.hedged === true, resolvesTo: a.resolves_text }));
}

/** Publication order: dated first, by date; then by document id. */
export function byDate(a: TraceMatchRow, b: TraceMatchRow): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.document_id - b.document_id;
}

/** A scored row as a match (similarity rounded to three decimals). */
export function toMatch(row: TraceMatchRow, score: number, attribution: TraceAttribution[], quantities: TraceQuantity[]): TraceMatch {
  return {
    documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, claimId: row.ann_id,
    start: row.start_offset, end: row.end_offset, text: row.text, similarity: Math.round(score * 1000) / 1000, attribution, quantities,
  };
}

/** The result of a trace: matches in publication order, the earliest dated one, and how the query's figures changed. */
export function traceResult(query: string, matches: TraceMatch[], target: ClaimFingerprint): TraceResult {
  const mutations = figureMutations(matches.map((m) => ({ documentId: m.documentId, published: m.published, figures: m.quantities })), target.figures);
  return { query, matches, earliest: matches.find((m) => m.published !== null) ?? matches[0] ?? null, mutations };
}
