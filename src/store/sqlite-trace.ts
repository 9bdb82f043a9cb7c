import type { Database } from 'better-sqlite3';
import {
  DEFAULT_NEAR, TRACE_DF_CAP, TRACE_NEAR_POSTINGS_MAX, TRACE_POSTINGS_MAX, bestPerDocument, byClaim, fingerprint, figureRange, getNearness, getWordMeaning, itemWords, drawnIds, namedAmong, masksIn, planTrace, queryTerms, rankCandidates, relativeFigure, screenCandidates,
  type ClaimFingerprint, type NearOptions, type QueryTerm, type TraceCandidates, type TraceMaskRow, type TraceQuantityRow,
} from '../trace/index.js';
import { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from './defaults.js';
import { byDate, claimAttributions, toMatch, toTraceQuantity, traceResult, type TraceAttributionRow, type TraceMatchRow } from './trace-result.js';
import type { TraceClaim, TraceQuery, TraceResult } from './types.js';

export { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD };
export { prefixItems } from '../trace/index.js';

/** Word counts remembered per store (see dfOf). */
const DF_CACHE_MAX = 10_000;

/** The FTS5 query of words, each a phrase ("fled" OR "flee"). */
const ftsWords = (words: readonly string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ');
/** The FTS5 query of a query stem: its words. */
const ftsQuery = (term: QueryTerm) => ftsWords(term.forms);

/** Prepares the statements of `trace` and `getClaim` once per store. */
export function createSqliteTrace(db: Database): { trace: (query: TraceQuery) => TraceResult; getClaim: (documentId: number, claimId: string) => TraceClaim | undefined } {
  const dfQuery = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${TRACE_DF_CAP})`).pluck();
  // Claim counts per word, remembered while the number of claims moves by less than 1% (a long-lived store, the server).
  const dfCache = new Map<string, number>();
  let dfCachedAt = 0;
  const dfOf = (fts: string, claims: number): number => {
    if (Math.abs(claims - dfCachedAt) > dfCachedAt / 100) {
      dfCache.clear();
      dfCachedAt = claims;
    }
    let df = dfCache.get(fts);
    if (df === undefined) {
      df = dfQuery.get(fts) as number;
      if (dfCache.size >= DF_CACHE_MAX) dfCache.delete(dfCache.keys().next().value!);
      dfCache.set(fts, df);
    }
    return df;
  };
  const byTerm = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${TRACE_POSTINGS_MAX}`).pluck();
  const byNearWord = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${TRACE_NEAR_POSTINGS_MAX + 1}`).pluck();
  const figureDf = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high LIMIT ${TRACE_DF_CAP})`).pluck();
  const byFigure = db.prepare(`SELECT claim_id FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high AND claim_id IS NOT NULL ORDER BY claim_id DESC LIMIT ${TRACE_POSTINGS_MAX}`).pluck();
  const textsIn = db.prepare('SELECT id, text FROM claims WHERE id IN (SELECT value FROM json_each(?))');
  const claimsIn = db.prepare(`SELECT c.id, c.document_id, c.ann_id, c.start_offset, c.end_offset, c.text, c.attribution_ids, d.url, d.title, d.site, d.published
    FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id IN (SELECT value FROM json_each(?))`);
  const quantitiesIn = db.prepare(`SELECT c.id AS claim_id, q.ann_id, q.start_offset, q.end_offset, q.text, q.value, q.low, q.high, q.bound, q.unit, q.kind
    FROM claims c JOIN quantities q ON q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset
    WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY q.document_id, q.seq`);
  // Only the attributions whose cue or source lies inside a candidate claim (a document has dozens of attributions).
  const masksOf = db.prepare(`SELECT c.id AS claim_id, a.source_start, a.source_end, a.cue_start, a.cue_end FROM claims c JOIN attributions a ON a.document_id = c.document_id
    AND ((a.cue_start >= c.start_offset AND a.cue_end <= c.end_offset) OR (a.source_start >= c.start_offset AND a.source_end <= c.end_offset))
    WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id, a.seq`);
  const claimCount = db.prepare('SELECT coalesce(max(id), 0) AS n FROM claims');
  const attributionsOf = db.prepare('SELECT ann_id, source_text, grade, hedged, resolves_text FROM attributions WHERE document_id = ? ORDER BY seq');
  const claimByAnn = db.prepare('SELECT id, document_id, ann_id, start_offset, end_offset, text FROM claims WHERE document_id = ? AND ann_id = ?');

  /**
   * The claims sharing the most weight of rare words and figures with the query, drawn from the postings of its rarest
   * items only (see prefixItems), and the weight of each query stem: its inverse document frequency among claims.
   */
  const candidates = (query: TraceQuery, target: ClaimFingerprint, threshold: number, near: NearOptions): TraceCandidates & { idf: ReadonlyMap<string, number> } => {
    const total = (claimCount.get() as { n: number }).n + 1;
    const terms = queryTerms(query.text, [...query.figures, ...(query.masks ?? [])]);
    const ranges = target.figures.map(figureRange);
    const plan = planTrace(terms, terms.map((t) => dfOf(ftsQuery(t), total)), ranges.map((r) => figureDf.get(r) as number), total, target, threshold, near);
    const read = plan.toRead.map((item) => ({ item, ids: (item.term !== undefined ? (item.near !== undefined ? byNearWord : byTerm).all(ftsWords(itemWords(item, terms))) : byFigure.all(ranges[item.figure!]!)) as number[] }));
    // A name too common to read whole is looked up among the claims drawn (retrieval.ts checkNames).
    if (plan.checkNames.length > 0 && read.length > 0) read.push(...namedAmong(textsIn.all(JSON.stringify(drawnIds(read))) as { id: number; text: string }[], plan.checkNames, terms));
    return { ...rankCandidates(read, ranges.length), idf: plan.idf };
  };

  /** Attribution sources and cues inside the given claims, by claim. */
  const masksByClaim = (ids: readonly number[]) => byClaim(masksOf.all(JSON.stringify(ids)) as TraceMaskRow[]);
  /** Figures inside the given claims, by claim, in text order. */
  const figuresOf = (ids: readonly number[]) => byClaim(quantitiesIn.all(JSON.stringify(ids)) as TraceQuantityRow[]);

  const trace = (query: TraceQuery): TraceResult => {
    const threshold = query.threshold ?? DEFAULT_TRACE_THRESHOLD;
    const target = fingerprint(query.text, query.figures, query.masks ?? []);
    // Word meaning (read on the first trace): near words draw candidates and cover words in the scores, and a candidate
    // anchored on the query's place and figure is also scored by how its words cover the query's by meaning.
    const near: NearOptions = { near: getNearness(), meaning: getWordMeaning(), ...DEFAULT_NEAR };
    const { ids, idf, figuresPossible } = candidates(query, target, threshold, near);
    const weight = (term: string) => idf.get(term) ?? 1;
    // Two steps. The candidates' words rule most of them out (see screenCandidates); figures and attribution are read for the rest.
    const likely = screenCandidates(textsIn.all(JSON.stringify(ids)) as { id: number; text: string }[], target, weight, figuresPossible, threshold, near);
    const figures = figuresOf(likely);
    const rows = claimsIn.all(JSON.stringify(likely)) as TraceMatchRow[];
    const scored = bestPerDocument(rows, figures, masksByClaim(likely), target, weight, threshold, near);
    const ordered = scored.sort((a, b) => byDate(a.row, b.row)).slice(0, query.limit ?? DEFAULT_TRACE_LIMIT);
    const matches = ordered.map(({ row, score }) => {
      const attribution = JSON.parse(row.attribution_ids).length === 0 ? [] : claimAttributions(row, attributionsOf.all(row.document_id) as TraceAttributionRow[]);
      return toMatch(row, score, attribution, (figures.get(row.id) ?? []).map(toTraceQuantity));
    });
    return traceResult(query.text, matches, target);
  };

  const getClaim = (documentId: number, claimId: string): TraceClaim | undefined => {
    const row = claimByAnn.get(documentId, claimId) as { id: number; ann_id: string; start_offset: number; end_offset: number; text: string } | undefined;
    if (!row) return undefined;
    const own = (figuresOf([row.id]).get(row.id) ?? []).map((q) => relativeFigure(q, row.start_offset));
    const masks = masksIn(masksByClaim([row.id]).get(row.id) ?? [], row.start_offset, row.end_offset, row.text);
    return { documentId, id: row.ann_id, start: row.start_offset, end: row.end_offset, text: row.text, figures: own, masks };
  };
  return { trace, getClaim };
}
