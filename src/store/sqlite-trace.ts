import type { Database } from 'better-sqlite3';
import type { SourceGrade } from '../core/annotations.js';
import { DEFAULT_SIMILARITY, contentWords, isAmount, figureMutations, fingerprint, regularForm, sourceMask, stem, traceScore, type Span, type TraceFigure } from '../trace/index.js';
import type { TraceAttribution, TraceClaim, TraceMatch, TraceQuantity, TraceQuery, TraceResult } from './types.js';

/** Least similarity a claim needs to count as the traced claim; chosen on the planted paraphrases of test/trace-cli. */
export const DEFAULT_TRACE_THRESHOLD = 0.5;
/** Most matches returned when the query gives no limit. */
export const DEFAULT_TRACE_LIMIT = 100;
/** Claims scored in full: the best-supported candidates by shared rare words and figures. */
const CANDIDATES = 300;
/** Postings read per word or figure of the query: a word found in more claims than this tells little about any one. */
const POSTINGS_CAP = 4000;

interface ClaimRow {
  id: number;
  document_id: number;
  ann_id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  attribution_ids: string;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
}

interface QuantityRow {
  claim_id: number;
  ann_id: string;
  start_offset: number;
  end_offset: number;
  text: string;
  value: number;
  low: number | null;
  high: number | null;
  bound: string;
  unit: string | null;
  kind: string;
}

const toQuantity = (q: QuantityRow): TraceQuantity => ({ id: q.ann_id, start: q.start_offset, end: q.end_offset, text: q.text, value: q.value, low: q.low, high: q.high, bound: q.bound, unit: q.unit, kind: q.kind });
/** A stored figure with offsets made relative to its claim. */
const relative = (q: QuantityRow, claimStart: number): TraceFigure => ({ ...toQuantity(q), start: q.start_offset - claimStart, end: q.end_offset - claimStart });

/** One FTS5 term query per content word of the query (and the regular form of an irregular one), with the stem it counts for. */
function ftsTerms(text: string, masks: readonly Span[]): { query: string; stem: string }[] {
  const seen = new Set<string>();
  const terms: { query: string; stem: string }[] = [];
  for (const word of contentWords(text, masks)) {
    for (const w of [word, regularForm(word)]) {
      if (w === undefined || seen.has(w)) continue;
      seen.add(w);
      terms.push({ query: `"${w.replaceAll('"', '""')}"`, stem: stem(word) });
    }
  }
  return terms;
}

interface MaskRow {
  document_id: number;
  source_start: number | null;
  source_end: number | null;
  cue_start: number;
  cue_end: number;
}

/** The attribution sources and cues inside a claim, relative to the claim's start. */
function masksIn(rows: readonly MaskRow[], start: number, end: number, text: string): Span[] {
  const masks: Span[] = [];
  for (const r of rows) {
    if (r.source_start !== null && r.source_end !== null && r.source_start >= start && r.source_end <= end) {
      masks.push(sourceMask(text, r.source_start - start, r.source_end - start));
    }
    if (r.cue_start >= start && r.cue_end <= end) masks.push({ start: r.cue_start - start, end: r.cue_end - start });
  }
  return masks;
}

/** Adds the evidence of one posting list: rarer words and figures weigh more (an inverse-document-frequency weight). */
function addEvidence(weights: Map<number, number>, rows: readonly { id: number }[]): void {
  const weight = 1 / Math.log2(2 + rows.length);
  for (const r of rows) weights.set(r.id, (weights.get(r.id) ?? 0) + weight);
}

/** Prepares the statements of `trace` and `getClaim` once per store. */
export function createSqliteTrace(db: Database): { trace: (query: TraceQuery) => TraceResult; getClaim: (documentId: number, claimId: string) => TraceClaim | undefined } {
  const byTerm = db.prepare(`SELECT rowid AS id FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${POSTINGS_CAP}`);
  const byFigure = db.prepare(`SELECT c.id FROM quantities q JOIN claims c ON c.document_id = q.document_id AND c.start_offset <= q.start_offset AND c.end_offset >= q.end_offset
    WHERE q.value BETWEEN @low AND @high AND q.kind = @kind LIMIT ${POSTINGS_CAP}`);
  const claimsIn = db.prepare(`SELECT c.id, c.document_id, c.ann_id, c.start_offset, c.end_offset, c.text, c.attribution_ids, d.url, d.title, d.site, d.published
    FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?))`);
  const quantitiesIn = db.prepare(`SELECT c.id AS claim_id, q.ann_id, q.start_offset, q.end_offset, q.text, q.value, q.low, q.high, q.bound, q.unit, q.kind
    FROM claims c JOIN quantities q ON q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset
    WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY q.document_id, q.seq`);
  const masksOf = db.prepare('SELECT document_id, source_start, source_end, cue_start, cue_end FROM attributions WHERE document_id IN (SELECT value FROM json_each(?))');
  const claimCount = db.prepare('SELECT coalesce(max(id), 0) AS n FROM claims');
  const attributionsOf = db.prepare('SELECT ann_id, source_text, grade, hedged, resolves_text FROM attributions WHERE document_id = ? ORDER BY seq');
  const claimByAnn = db.prepare('SELECT id, document_id, ann_id, start_offset, end_offset, text FROM claims WHERE document_id = ? AND ann_id = ?');

  /**
   * Claims sharing the most (rare) words and figures with the query, read from capped posting lists (no full ranking),
   * and the inverse document frequency of each query stem, from the same posting lists.
   */
  const candidates = (query: TraceQuery): { ids: number[]; idf: Map<string, number> } => {
    const weights = new Map<number, number>();
    const idf = new Map<string, number>();
    const total = (claimCount.get() as { n: number }).n + 1;
    for (const term of ftsTerms(query.text, [...query.figures, ...(query.masks ?? [])])) {
      const rows = byTerm.all(term.query) as { id: number }[];
      addEvidence(weights, rows);
      idf.set(term.stem, Math.max(idf.get(term.stem) ?? 0, Math.log(total / (rows.length + 1))));
    }
    for (const f of query.figures.filter(isAmount)) {
      const spread = DEFAULT_SIMILARITY.tolerance * Math.abs(f.value);
      addEvidence(weights, byFigure.all({ low: f.value - spread, high: f.value + spread, kind: f.kind }) as { id: number }[]);
    }
    return { ids: [...weights].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES).map(([id]) => id), idf };
  };

  /** Attribution sources and cues of the given documents, by document. */
  const masksByDocument = (documentIds: Iterable<number>): Map<number, MaskRow[]> => {
    const byDoc = new Map<number, MaskRow[]>();
    for (const r of masksOf.all(JSON.stringify([...new Set(documentIds)])) as MaskRow[]) {
      const list = byDoc.get(r.document_id);
      if (list) list.push(r);
      else byDoc.set(r.document_id, [r]);
    }
    return byDoc;
  };

  const figuresOf = (ids: number[]): Map<number, QuantityRow[]> => {
    const byClaim = new Map<number, QuantityRow[]>();
    for (const q of quantitiesIn.all(JSON.stringify(ids)) as QuantityRow[]) {
      const list = byClaim.get(q.claim_id);
      if (list) list.push(q);
      else byClaim.set(q.claim_id, [q]);
    }
    return byClaim;
  };

  const attributions = (row: ClaimRow): TraceAttribution[] => {
    const wanted = new Set(JSON.parse(row.attribution_ids) as string[]);
    if (wanted.size === 0) return [];
    const rows = attributionsOf.all(row.document_id) as { ann_id: string; source_text: string | null; grade: SourceGrade; hedged: number; resolves_text: string | null }[];
    return rows.filter((a) => wanted.has(a.ann_id)).map((a) => ({ id: a.ann_id, source: a.source_text, grade: a.grade, hedged: a.hedged === 1, resolvesTo: a.resolves_text }));
  };

  const trace = (query: TraceQuery): TraceResult => {
    const { ids, idf } = candidates(query);
    const target = fingerprint(query.text, query.figures, query.masks ?? []);
    const weight = (term: string) => idf.get(term) ?? 1;
    const figures = figuresOf(ids);
    const threshold = query.threshold ?? DEFAULT_TRACE_THRESHOLD;
    const rows = claimsIn.all(JSON.stringify(ids)) as ClaimRow[];
    const masks = masksByDocument(rows.map((r) => r.document_id));
    const best = new Map<number, { row: ClaimRow; score: number }>();
    for (const row of rows) {
      const own = (figures.get(row.id) ?? []).map((q) => relative(q, row.start_offset));
      const hidden = masksIn(masks.get(row.document_id) ?? [], row.start_offset, row.end_offset, row.text);
      const score = traceScore(target, fingerprint(row.text, own, hidden), weight);
      const kept = best.get(row.document_id);
      if (score >= threshold && (!kept || score > kept.score)) best.set(row.document_id, { row, score });
    }
    const ordered = [...best.values()].sort((a, b) => byDate(a.row, b.row)).slice(0, query.limit ?? DEFAULT_TRACE_LIMIT);
    const matches = ordered.map(({ row, score }) => toMatch(row, score, attributions(row), (figures.get(row.id) ?? []).map(toQuantity)));
    const mutations = figureMutations(matches.map((m) => ({ documentId: m.documentId, published: m.published, figures: m.quantities })), target.figures);
    return { query: query.text, matches, earliest: matches.find((m) => m.published !== null) ?? matches[0] ?? null, mutations };
  };

  const getClaim = (documentId: number, claimId: string): TraceClaim | undefined => {
    const row = claimByAnn.get(documentId, claimId) as (Omit<ClaimRow, 'attribution_ids' | 'url' | 'title' | 'site' | 'published'>) | undefined;
    if (!row) return undefined;
    const own = (figuresOf([row.id]).get(row.id) ?? []).map((q) => relative(q, row.start_offset));
    const masks = masksIn(masksByDocument([documentId]).get(documentId) ?? [], row.start_offset, row.end_offset, row.text);
    return { documentId, id: row.ann_id, start: row.start_offset, end: row.end_offset, text: row.text, figures: own, masks };
  };
  return { trace, getClaim };
}

/** Publication order: dated first, by date; then by document id. */
function byDate(a: ClaimRow, b: ClaimRow): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? -1 : 1;
  }
  return a.document_id - b.document_id;
}

function toMatch(row: ClaimRow, score: number, attribution: TraceAttribution[], quantities: TraceQuantity[]): TraceMatch {
  return {
    documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, claimId: row.ann_id,
    start: row.start_offset, end: row.end_offset, text: row.text, similarity: Math.round(score * 1000) / 1000, attribution, quantities,
  };
}
