import type pg from 'pg';
import type { SourceGrade } from '../../core/annotations.js';
import { DEFAULT_SEARCH_LIMIT } from '../defaults.js';
import { MARK_CLOSE, MARK_OPEN, parseSnippet } from '../fts-query.js';
import type { SearchHit, SearchQuery, SearchResult } from '../types.js';
import { toPgTextQuery, tsquerySql } from './query.js';
import { fts5Snippet } from './snippet.js';

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
/** ts_headline options: the whole text, each matched word between the marks the SQLite snippet uses. */
const HEADLINE_OPTIONS = `HighlightAll=true, StartSel="${MARK_OPEN}", StopSel="${MARK_CLOSE}"`;

type Table = keyof typeof PG_SEARCH_RANK_CAP;

interface Ranked {
  readonly table: Table;
  readonly id: number;
  readonly score: number;
}

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
 * matched words marked by ts_headline, the window chosen as FTS5's snippet() chooses it).
 */
export function createPostgresSearch(pool: pg.Pool): (query: SearchQuery) => Promise<SearchResult> {
  return async (query) => {
    const text = toPgTextQuery(query.text);
    if (text === null) return { query: query.text, total: 0, hits: [] };
    const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_SEARCH_LIMIT));
    const byGrade = query.grade !== undefined;
    const filters = pgFilterSql(query, byGrade ? 4 : 3);
    const params: unknown[] = [text.websearch, text.prefixes, ...(byGrade ? [query.grade] : []), ...filters.params];
    const from = (table: Table) => table === 'documents'
      ? `FROM documents d WHERE d.search @@ ${tsquerySql(1, 2)}${filters.sql}`
      : `FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.search @@ ${tsquerySql(1, 2)}${byGrade ? ' AND c.grade = $3' : ''}${filters.sql}`;
    const alias = (table: Table) => (table === 'documents' ? 'd' : 'c');
    const count = async (table: Table) => (await pool.query<{ n: number }>(`SELECT count(*) AS n ${from(table)}`, params)).rows[0]!.n;
    const top = async (table: Table, total: number): Promise<Ranked[]> => {
      if (total === 0 || limit === 0) return [];
      const a = alias(table);
      const ranked = total <= PG_SEARCH_RANK_CAP[table];
      const sql = `SELECT ${a}.id, ${ranked ? `-${RANK(`${a}.search`)}` : '0'} AS score ${from(table)} ORDER BY ${ranked ? 'score, ' : ''}${a}.id DESC LIMIT ${limit}`;
      return (await pool.query<{ id: number; score: number }>(sql, params)).rows.map((r) => ({ table, id: r.id, score: r.score }));
    };
    const [documents, claims] = await Promise.all([byGrade ? 0 : count('documents'), count('claims')]);
    const chosen = [...(await top('documents', documents)), ...(await top('claims', claims))];
    chosen.sort((a, b) => a.score - b.score || (a.table === b.table ? b.id - a.id : a.table === 'documents' ? -1 : 1));
    const hits = await readHits(pool, chosen.slice(0, limit), text.websearch, text.prefixes);
    return { query: query.text, total: documents + claims, hits };
  };
}

interface HitRow {
  id: number;
  document_id: number;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
  marked_title: string | null;
  marked: string;
  ann_id?: string;
  start_offset?: number;
  end_offset?: number;
  grade?: SourceGrade;
  checkworthiness?: number;
}

const HEADLINE = (column: string) => `ts_headline('claimtrace', ${column}, ${tsquerySql(1, 2)}, '${HEADLINE_OPTIONS}')`;

/** The rows of the chosen hits with their matched words marked: two statements, one per table. */
async function readHits(pool: pg.Pool, chosen: readonly Ranked[], websearch: string, prefixes: string): Promise<SearchHit[]> {
  const ids = (table: Table) => chosen.filter((r) => r.table === table).map((r) => r.id);
  const [docs, claims] = await Promise.all([
    ids('documents').length === 0 ? [] : pool.query<HitRow>(`SELECT d.id, d.id AS document_id, d.url, d.title, d.site, d.published,
        CASE WHEN d.title IS NULL THEN NULL ELSE ${HEADLINE('d.title')} END AS marked_title, ${HEADLINE('d.text')} AS marked
      FROM documents d WHERE d.id = ANY($3::bigint[])`, [websearch, prefixes, ids('documents')]).then((r) => r.rows),
    ids('claims').length === 0 ? [] : pool.query<HitRow>(`SELECT c.id, d.id AS document_id, d.url, d.title, d.site, d.published,
        c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness, ${HEADLINE('c.text')} AS marked
      FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ANY($3::bigint[])`, [websearch, prefixes, ids('claims')]).then((r) => r.rows),
  ]);
  const byKey = new Map<string, HitRow>([...docs.map((r) => [`documents:${r.id}`, r] as const), ...claims.map((r) => [`claims:${r.id}`, r] as const)]);
  return chosen.flatMap((ranked) => {
    const row = byKey.get(`${ranked.table}:${ranked.id}`);
    return row ? [toHit(row, ranked)] : [];
  });
}

function toHit(row: HitRow, ranked: Ranked): SearchHit {
  const column = (marked: string) => {
    const { snippet, highlights } = parseSnippet(marked);
    return { text: snippet, matches: highlights };
  };
  const columns = ranked.table === 'documents' ? [column(row.marked_title ?? ''), column(row.marked)] : [column(row.marked)];
  const { snippet, highlights } = fts5Snippet(columns);
  const hit: SearchHit = { kind: ranked.table === 'documents' ? 'document' : 'claim', documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, snippet, highlights, score: ranked.score };
  if (hit.kind === 'document') return hit;
  return { ...hit, claim: { id: row.ann_id!, start: row.start_offset!, end: row.end_offset!, grade: row.grade!, checkworthiness: row.checkworthiness! } };
}
