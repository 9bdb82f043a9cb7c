import type { Database, Statement } from 'better-sqlite3';
import type { SourceGrade } from '../core/annotations.js';
import { MARK_CLOSE, MARK_OPEN, parseSnippet, toFts5Query } from './fts-query.js';
import type { SearchHit, SearchQuery, SearchResult } from './types.js';

/** Tokens of context a snippet shows. */
const SNIPPET_TOKENS = 16;
/** Hits returned when the query gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;
/** A title match weighs this many times a text match. */
const TITLE_WEIGHT = 4;
/**
 * Most matches ranked per query: a term found in more articles (or claims) than this is ranked among its most
 * recently stored matches only, so that a common word costs the same at 100,000 articles as at 10,000.
 */
export const SEARCH_SCAN_CAP = 5000;

interface HitRow {
  document_id: number;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
  marked: string;
  score: number;
  ann_id?: string;
  start_offset?: number;
  end_offset?: number;
  grade?: SourceGrade;
  checkworthiness?: number;
}

/** Filters (site, from, to) as SQL over the `documents` alias `d`, with their parameters; shared with the document listing. */
export function filterSql(query: Pick<SearchQuery, 'site' | 'from' | 'to'>): { sql: string; params: Record<string, string> } {
  const parts: string[] = [];
  const params: Record<string, string> = {};
  if (query.site !== undefined) {
    parts.push('d.site = @site COLLATE NOCASE');
    params.site = query.site;
  }
  if (query.from !== undefined) {
    parts.push('d.published >= @from');
    params.from = query.from;
  }
  if (query.to !== undefined) {
    // Inclusive: "2024-03" takes in "2024-03-31T23:00Z"; U+FFFF sorts after every character of an ISO date.
    parts.push('d.published <= @to');
    params.to = `${query.to}\uffff`;
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/** Prepares statements on demand (the filter combinations are few) and runs both searches. */
export function createSqliteSearch(db: Database): (query: SearchQuery) => SearchResult {
  const cache = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  return (query) => {
    const match = toFts5Query(query.text);
    if (match === null) return { query: query.text, hits: [] };
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const filters = filterSql(query);
    const params = { ...filters.params, match, limit, open: MARK_OPEN, close: MARK_CLOSE };
    const claimRows = prepared(claimSql(filters.sql, query.grade !== undefined)).all(query.grade === undefined ? params : { ...params, grade: query.grade }) as HitRow[];
    const docRows = query.grade === undefined ? (prepared(documentSql(filters.sql)).all(params) as HitRow[]) : [];
    const hits = [...docRows.map((r) => toHit(r, 'document')), ...claimRows.map((r) => toHit(r, 'claim'))];
    hits.sort((a, b) => a.score - b.score || a.documentId - b.documentId);
    return { query: query.text, hits: hits.slice(0, limit) };
  };
}

/**
 * Ranking and snippets in two steps: the best `limit` rows are chosen by bm25 alone, and only those get a snippet
 * (a snippet reads the row's text; computed for every match, it made common words cost hundreds of milliseconds).
 */
function documentSql(filters: string): string {
  return `WITH scanned AS (
      SELECT f.rowid AS id, bm25(documents_fts, ${TITLE_WEIGHT}, 1) AS score
      FROM documents_fts f${filters ? ' JOIN documents d ON d.id = f.rowid' : ''}
      WHERE documents_fts MATCH @match${filters}
      ORDER BY f.rowid DESC LIMIT ${SEARCH_SCAN_CAP}),
    top AS (SELECT id, score FROM scanned ORDER BY score LIMIT @limit)
    SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
      snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked, top.score
    FROM top JOIN documents_fts ON documents_fts.rowid = top.id JOIN documents d ON d.id = top.id
    WHERE documents_fts MATCH @match
    ORDER BY top.score`;
}

function claimSql(filters: string, byGrade: boolean): string {
  const joins = filters || byGrade ? ' JOIN claims c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id' : '';
  return `WITH scanned AS (
      SELECT f.rowid AS id, bm25(claims_fts) AS score
      FROM claims_fts f${joins}
      WHERE claims_fts MATCH @match${byGrade ? ' AND c.grade = @grade' : ''}${filters}
      ORDER BY f.rowid DESC LIMIT ${SEARCH_SCAN_CAP}),
    top AS (SELECT id, score FROM scanned ORDER BY score LIMIT @limit)
    SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
      c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness,
      snippet(claims_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked, top.score
    FROM top JOIN claims_fts ON claims_fts.rowid = top.id JOIN claims c ON c.id = top.id JOIN documents d ON d.id = c.document_id
    WHERE claims_fts MATCH @match
    ORDER BY top.score`;
}

function toHit(row: HitRow, kind: SearchHit['kind']): SearchHit {
  const { snippet, highlights } = parseSnippet(row.marked);
  const hit: SearchHit = { kind, documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, snippet, highlights, score: row.score };
  if (kind === 'document') return hit;
  return { ...hit, claim: { id: row.ann_id!, start: row.start_offset!, end: row.end_offset!, grade: row.grade!, checkworthiness: row.checkworthiness! } };
}
