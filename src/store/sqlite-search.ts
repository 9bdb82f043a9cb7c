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
 * Most matches ranked by bm25 (articles, claims). bm25 reads every match of each term in the whole index (~10 µs per
 * article), so a query matching more articles (or claims) than this is listed newest first instead: a common word then costs the same at 100,000
 * articles as at 1,000, and a more specific query (every term must match) gets bm25 back.
 */
export const SEARCH_RANK_CAP = { documents_fts: 1000, claims_fts: 2000 } as const;

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
    const params = { ...filters.params, match, limit };
    const ranked = (table: keyof typeof SEARCH_RANK_CAP) => (prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH @match LIMIT ${SEARCH_RANK_CAP[table] + 1})`).get({ match }) as { n: number }).n <= SEARCH_RANK_CAP[table];
    const rows = (top: { id: number; score: number }[], sql: string) =>
      top.map((t) => ({ ...(prepared(sql).get({ match, id: t.id, open: MARK_OPEN, close: MARK_CLOSE }) as HitRow), score: t.score }));
    const claimTop = prepared(claimTopSql(filters.sql, query.grade !== undefined, ranked('claims_fts'))).all(query.grade === undefined ? params : { ...params, grade: query.grade }) as { id: number; score: number }[];
    const claimRows = rows(claimTop, CLAIM_ROW);
    const docRows = query.grade === undefined ? rows(prepared(documentTopSql(filters.sql, ranked('documents_fts'))).all(params) as { id: number; score: number }[], DOCUMENT_ROW) : [];
    const hits = [...docRows.map((r) => toHit(r, 'document')), ...claimRows.map((r) => toHit(r, 'claim'))];
    hits.sort((a, b) => a.score - b.score || a.documentId - b.documentId);
    return { query: query.text, hits: hits.slice(0, limit) };
  };
}

/**
 * Ranking and snippets in two steps: the best `limit` rows are chosen by bm25 alone (or, past the rank cap, the
 * newest), then each of those gets its snippet by rowid (a snippet reads the row's text; made for every match, or
 * joined back through a second MATCH scan, it cost tens of milliseconds for common words).
 */
function documentTopSql(filters: string, ranked: boolean): string {
  return `SELECT f.rowid AS id, ${ranked ? `bm25(documents_fts, ${TITLE_WEIGHT}, 1)` : '0'} AS score
    FROM documents_fts f${filters ? ' JOIN documents d ON d.id = f.rowid' : ''}
    WHERE documents_fts MATCH @match${filters}
    ORDER BY ${ranked ? 'score' : 'f.rowid DESC'} LIMIT @limit`;
}

const DOCUMENT_ROW = `SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
    snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked
  FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
  WHERE documents_fts MATCH @match AND documents_fts.rowid = @id`;

function claimTopSql(filters: string, byGrade: boolean, ranked: boolean): string {
  const joins = filters || byGrade ? ' JOIN claims c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id' : '';
  return `SELECT f.rowid AS id, ${ranked ? 'bm25(claims_fts)' : '0'} AS score
    FROM claims_fts f${joins}
    WHERE claims_fts MATCH @match${byGrade ? ' AND c.grade = @grade' : ''}${filters}
    ORDER BY ${ranked ? 'score' : 'f.rowid DESC'} LIMIT @limit`;
}

const CLAIM_ROW = `SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
    c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness,
    snippet(claims_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked
  FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id
  WHERE claims_fts MATCH @match AND claims_fts.rowid = @id`;

function toHit(row: HitRow, kind: SearchHit['kind']): SearchHit {
  const { snippet, highlights } = parseSnippet(row.marked);
  const hit: SearchHit = { kind, documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, snippet, highlights, score: row.score };
  if (kind === 'document') return hit;
  return { ...hit, claim: { id: row.ann_id!, start: row.start_offset!, end: row.end_offset!, grade: row.grade!, checkworthiness: row.checkworthiness! } };
}
