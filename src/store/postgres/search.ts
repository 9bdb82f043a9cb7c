import type pg from 'pg';
import type { SourceGrade } from '../../core/annotations.js';
import { DEFAULT_SEARCH_LIMIT } from '../defaults.js';
import { checkSearchTerms } from '../fts-query.js';
import type { SearchHit, SearchQuery, SearchResult } from '../types.js';
import { toPgTextQuery, tsquerySql } from './query.js';
import { createHighlighter, queryLexemes } from './highlight.js';
import { fts5Snippet, type MarkedColumn } from './snippet.js';

/**
 * Most matches ranked by ts_rank_cd (articles, claims), as in the SQLite store: ranking reads every match's tsvector,
 * so a query matching more than this is listed newest first (score 0) and costs the same at 100,000 articles as at 1,000.
 */
export const PG_SEARCH_RANK_CAP = { documents: 1000, claims: 2000 } as const;
/**
 * ts_rank_cd weights {D, C, B, A}: document body words are D (0.1), title words B (0.4: a title match weighs four
 * times a body match, as TITLE_WEIGHT in the SQLite store), claim words A (1.0): a claim is the sentence that
 * matched, so at equal density it comes before the article holding it.
 */
const WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
/** Normalisation 1: the rank divided by 1 + log(words), so long articles do not win by length alone. */
const RANK = (column: string) => `ts_rank_cd(${WEIGHTS}, ${column}, ${tsquerySql(1, 2)}, 1)`;

type Table = keyof typeof PG_SEARCH_RANK_CAP;

/** Filters (site, from, to) over the `documents` alias `d`, numbered from `next`; shared with the document listing. */
export function pgFilterSql(query: Pick<SearchQuery, 'site' | 'from' | 'to'>, next: number): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (query.site !== undefined) {
    params.push(query.site);
    parts.push(`lower(d.site) = lower($${next + params.length - 1})`);
  }
  if (query.from !== undefined) {
    params.push(query.from);
    parts.push(`d.published >= $${next + params.length - 1}`);
  }
  if (query.to !== undefined) {
    // Inclusive: "2024-03" takes in "2024-03-31T23:00Z"; U+FFFF sorts after every character of an ISO date (byte order).
    params.push(`${query.to}\uffff`);
    parts.push(`d.published <= $${next + params.length - 1}`);
  }
  return { sql: parts.map((p) => ` AND ${p}`).join(''), params };
}

/**
 * Searches in three steps, as the SQLite store does: how many articles and claims match (the total), which `limit` of
 * them rank best (ts_rank_cd, or newest first past the rank cap), and only for those the row and its snippet (the
 * matched words found by their lexemes, see highlight.ts; the window chosen as FTS5's snippet() chooses it).
 */
export function createPostgresSearch(pool: pg.Pool): (query: SearchQuery) => Promise<SearchResult> {
  const highlight = createHighlighter(pool);
  return async (query) => {
    checkSearchTerms(query.text);
    const text = toPgTextQuery(query.text);
    if (text === null) return { query: query.text, total: 0, hits: [] };
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
    const byGrade = query.grade !== undefined;
    const filters = pgFilterSql(query, byGrade ? 4 : 3);
    const params: unknown[] = [text.websearch, text.prefixes, ...(byGrade ? [query.grade] : []), ...filters.params];
    const from = (table: Table) => table === 'documents'
      ? `FROM documents d WHERE d.search @@ ${tsquerySql(1, 2)}${filters.sql}`
      : `FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.search @@ ${tsquerySql(1, 2)}${byGrade ? ' AND c.grade = $3' : ''}${filters.sql}`;
    // One round trip for the totals and the query's lexemes (for highlighting), one for the best rows with their text.
    const counts = `SELECT ${byGrade ? '0::bigint' : `(SELECT count(*) ${from('documents')})`} AS documents, (SELECT count(*) ${from('claims')}) AS claims, ${tsquerySql(1, 2)}::text AS q`;
    const totals = (await pool.query<{ documents: number; claims: number; q: string }>(counts, params)).rows[0]!;
    const { documents, claims } = totals;
    const parts = (['documents', 'claims'] as const).filter((table) => totals[table] > 0 && limit > 0).map((table) => topSql(table, from(table), totals[table] <= PG_SEARCH_RANK_CAP[table], limit));
    const rows = parts.length === 0 ? [] : (await pool.query<HitRow>(parts.join(' UNION ALL '), params)).rows;
    rows.sort((a, b) => a.score - b.score || (a.tbl === b.tbl ? b.id - a.id : a.tbl === 'documents' ? -1 : 1));
    const chosen = rows.slice(0, limit);
    const columns = await highlight(chosen.flatMap((row) => (row.tbl === 'documents' ? [row.title ?? '', row.text] : [row.text])), queryLexemes(totals.q));
    let next = 0;
    const hits = chosen.map((row) => toHit(row, columns.slice(next, (next += row.tbl === 'documents' ? 2 : 1))));
    return { query: query.text, total: documents + claims, hits };
  };
}

interface HitRow {
  tbl: Table;
  id: number;
  score: number;
  document_id: number;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
  text: string;
  ann_id: string | null;
  start_offset: number | null;
  end_offset: number | null;
  grade: SourceGrade | null;
  checkworthiness: number | null;
}

/**
 * The best `limit` matches of a table with what a hit shows: by ts_rank_cd (negated: lower is better, as bm25 in the
 * SQLite store), or newest first past the rank cap. Texts travel only for these rows.
 */
function topSql(table: Table, from: string, ranked: boolean, limit: number): string {
  const a = table === 'documents' ? 'd' : 'c';
  const score = ranked ? `(-${RANK(`${a}.search`)})::real` : '0::real';
  const claim = table === 'claims' ? 'c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness' : 'NULL::text, NULL::int, NULL::int, NULL::text, NULL::float8';
  return `(SELECT '${table}' AS tbl, ${a}.id, ${score} AS score, d.id AS document_id, d.url, d.title, d.site, d.published, ${a}.text,
      ${claim.split(', ').map((c, i) => `${c} AS ${['ann_id', 'start_offset', 'end_offset', 'grade', 'checkworthiness'][i]}`).join(', ')}
    ${from} ORDER BY score, ${a}.id DESC LIMIT ${limit})`;
}

function toHit(row: HitRow, columns: readonly MarkedColumn[]): SearchHit {
  const { snippet, highlights } = fts5Snippet(columns);
  const hit: SearchHit = { kind: row.tbl === 'documents' ? 'document' : 'claim', documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, snippet, highlights, score: row.score };
  if (hit.kind === 'document') return hit;
  return { ...hit, claim: { id: row.ann_id!, start: row.start_offset!, end: row.end_offset!, grade: row.grade!, checkworthiness: row.checkworthiness! } };
}
