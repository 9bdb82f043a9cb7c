import type { Database, Statement } from 'better-sqlite3';
import type { SourceGrade } from '../core/annotations.js';
import { DEFAULT_SEARCH_LIMIT } from './defaults.js';
import { checkSearchTerms, MARK_CLOSE, MARK_OPEN, parseSnippet, searchTermCount, toFts5AnyQuery, toFts5Query } from './fts-query.js';
import { createMatchCounter, createPartSnippets, mayHaveManyMatches, SNIPPET_MATCH_CAP, varintSum } from './sqlite-snippet.js';
import type { SearchHit, SearchQuery, SearchResult } from './types.js';

/** Tokens of context a snippet shows. */
const SNIPPET_TOKENS = 16;
/** A title match weighs this many times a text match. */
const TITLE_WEIGHT = 4;
/**
 * Most matches ranked by bm25 (articles, claims). bm25 reads every match of each term in the whole index (~1–2 µs per
 * article), so a query matching more articles (or claims) than this is listed newest first instead: a common word then
 * costs the same at 100,000 articles as at 1,000, and a more specific query (every term must match) gets bm25 back.
 */
export const SEARCH_RANK_CAP = { documents_fts: 1000, claims_fts: 2000 } as const;
/**
 * Matches below which bm25 is always used. Above it, a query matching half of the rows or more is listed newest first:
 * FTS5 then gives each of its terms (and phrases) an IDF of 1e-6 instead of a negative one, so bm25 only orders by how
 * densely the words occur, scaled by a millionth, and reading every match for that costs ~1 µs each.
 */
const RANK_ALWAYS_BELOW = 100;

type Table = keyof typeof SEARCH_RANK_CAP;

/** A hit chosen by rank, before its row and snippet are read. */
interface Ranked {
  readonly table: Table;
  readonly id: number;
  readonly score: number;
}

interface HitRow {
  document_id: number;
  url: string | null;
  title: string | null;
  site: string | null;
  published: string | null;
  marked: string;
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

/**
 * Searches in three steps: how many articles and claims match (the total a listing reports), which `limit` of them
 * rank best (bm25 alone, or newest first past the rank cap), and only for those the row and its snippet.
 */
export function createSqliteSearch(db: Database): (query: SearchQuery) => SearchResult {
  const cache = new Map<string, Statement>();
  const partSnippet = createPartSnippets(db);
  const countMatches = createMatchCounter(db);
  const prepared = (sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
    return stmt;
  };
  return (query) => {
    checkSearchTerms(query.text);
    const match = toFts5Query(query.text);
    if (match === null) return { query: query.text, total: 0, hits: [] };
    const limit = query.limit ?? DEFAULT_SEARCH_LIMIT;
    const filters = filterSql(query);
    const byGrade = query.grade !== undefined;
    const params = { ...filters.params, match, limit, ...(byGrade ? { grade: query.grade } : {}) };
    const top = (table: Table, total: number): Ranked[] => {
      if (total === 0) return [];
      const sql = topSql(table, filters.sql, byGrade, ranked(table, total));
      return (prepared(sql).all(params) as { id: number; score: number }[]).map((r) => ({ table, id: r.id, score: r.score }));
    };
    const count = (table: Table) => (prepared(countSql(table, filters.sql, byGrade)).get(params) as { n: number }).n;
    /** Whether bm25 orders these matches: few enough to read, and not in half of the rows (see RANK_ALWAYS_BELOW). */
    const ranked = (table: Table, total: number) => {
      if (total > SEARCH_RANK_CAP[table]) return false;
      if (total < RANK_ALWAYS_BELOW) return true;
      const half = Math.ceil(rowCount(table) / 2);
      if (half === 0) return true;
      // The filters narrow the total; IDF counts every match.
      const matches = filters.sql || byGrade ? (prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH @match LIMIT @half)`).get({ match, half }) as { n: number }).n : total;
      return matches < half;
    };
    /** Rows in the index, from FTS5's own totals record (rowid 1 of its data table: a varint first), without a scan. */
    const rowCount = (table: Table) => {
      const block = prepared(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as Buffer | undefined;
      return block ? readVarint(block) : 0;
    };
    const documents = byGrade ? 0 : count('documents_fts');
    const claims = count('claims_fts');
    const chosen = [...top('documents_fts', documents), ...top('claims_fts', claims)];
    chosen.sort((a, b) => a.score - b.score || (a.table === b.table ? b.id - a.id : a.table === 'documents_fts' ? -1 : 1));
    /**
     * The row and marked snippet of a hit: FTS5's snippet(), or one of a part of the text when it may match very often.
     * A row of fewer words than the cap per term (FTS5 keeps each row's words per column) is not read here.
     */
    const terms = searchTermCount(query.text);
    const rowOf = (r: Ranked): HitRow => {
      const withSnippet = () => prepared(ROW_SQL[r.table]).get({ match, id: r.id, open: MARK_OPEN, close: MARK_CLOSE }) as HitRow;
      const sizes = prepared(`SELECT sz FROM ${r.table}_docsize WHERE id = CAST(@id AS INTEGER)`).pluck().get({ id: r.id }) as Buffer | undefined;
      if (sizes && varintSum(sizes) * terms <= SNIPPET_MATCH_CAP) return withSnippet();
      const texts = prepared(TEXT_SQL[r.table]).get({ id: r.id }) as { title: string | null; text: string };
      const both = [texts.title ?? '', texts.text];
      if (!mayHaveManyMatches(both, query.text, SNIPPET_MATCH_CAP) || countMatches(both, query.text) <= SNIPPET_MATCH_CAP) return withSnippet();
      const row = prepared(PLAIN_ROW_SQL[r.table]).get({ id: r.id }) as Omit<HitRow, 'marked'>;
      return { ...row, marked: partSnippet(texts.title, texts.text, match, toFts5AnyQuery(query.text)!) };
    };
    const hits = chosen.slice(0, limit).map((r) => toHit(rowOf(r), r));
    return { query: query.text, total: documents + claims, hits };
  };
}

/** The joins a table's matches need for the filters: documents for site and dates, claims for the grade. */
function joinsOf(table: Table, filters: string, byGrade: boolean): string {
  if (table === 'documents_fts') return filters ? ' JOIN documents d ON d.id = f.rowid' : '';
  return filters || byGrade ? ' JOIN claims c ON c.id = f.rowid JOIN documents d ON d.id = c.document_id' : '';
}

function whereOf(table: Table, filters: string, byGrade: boolean): string {
  return `WHERE ${table} MATCH @match${table === 'claims_fts' && byGrade ? ' AND c.grade = @grade' : ''}${filters}`;
}

function countSql(table: Table, filters: string, byGrade: boolean): string {
  return `SELECT count(*) AS n FROM ${table} f${joinsOf(table, filters, byGrade)} ${whereOf(table, filters, byGrade)}`;
}

/** The best `limit` matches: by bm25 (a title match weighs more), or newest first (the highest rowid) past the rank cap. */
function topSql(table: Table, filters: string, byGrade: boolean, ranked: boolean): string {
  const bm25 = table === 'documents_fts' ? `bm25(documents_fts, ${TITLE_WEIGHT}, 1)` : 'bm25(claims_fts)';
  return `SELECT f.rowid AS id, ${ranked ? bm25 : '0'} AS score FROM ${table} f${joinsOf(table, filters, byGrade)}
    ${whereOf(table, filters, byGrade)} ORDER BY ${ranked ? 'score' : 'f.rowid DESC'} LIMIT @limit`;
}

/**
 * One hit's row and snippet, by rowid. The rowid is cast to INTEGER on purpose: FTS5 takes a `rowid =` constraint only
 * from an INTEGER value and silently drops it for a REAL one (which is how better-sqlite3 binds a JavaScript number),
 * and the query then read the first match's snippet for every hit.
 */
const ROW_SQL: Record<Table, string> = {
  documents_fts: `SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
      snippet(documents_fts, -1, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked
    FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
    WHERE documents_fts MATCH @match AND documents_fts.rowid = CAST(@id AS INTEGER)`,
  claims_fts: `SELECT d.id AS document_id, d.url, d.title, d.site, d.published,
      c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness,
      snippet(claims_fts, 0, @open, @close, '…', ${SNIPPET_TOKENS}) AS marked
    FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid JOIN documents d ON d.id = c.document_id
    WHERE claims_fts MATCH @match AND claims_fts.rowid = CAST(@id AS INTEGER)`,
};

/** A hit's texts, to tell whether FTS5's snippet() may take too long on them (see sqlite-snippet.ts). */
const TEXT_SQL: Record<Table, string> = {
  documents_fts: 'SELECT title, text FROM documents WHERE id = CAST(@id AS INTEGER)',
  claims_fts: 'SELECT NULL AS title, text FROM claims WHERE id = CAST(@id AS INTEGER)',
};

/** {@link ROW_SQL} without the snippet. */
const PLAIN_ROW_SQL: Record<Table, string> = {
  documents_fts: 'SELECT d.id AS document_id, d.url, d.title, d.site, d.published FROM documents d WHERE d.id = CAST(@id AS INTEGER)',
  claims_fts: `SELECT d.id AS document_id, d.url, d.title, d.site, d.published, c.ann_id, c.start_offset, c.end_offset, c.grade, c.checkworthiness
    FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = CAST(@id AS INTEGER)`,
};

function toHit(row: HitRow, ranked: Ranked): SearchHit {
  const { snippet, highlights } = parseSnippet(row.marked);
  const hit: SearchHit = { kind: ranked.table === 'documents_fts' ? 'document' : 'claim', documentId: row.document_id, url: row.url, title: row.title, site: row.site, published: row.published, snippet, highlights, score: ranked.score };
  if (hit.kind === 'document') return hit;
  return { ...hit, claim: { id: row.ann_id!, start: row.start_offset!, end: row.end_offset!, grade: row.grade!, checkworthiness: row.checkworthiness! } };
}

/** The first SQLite varint of a blob (big-endian, 7 bits a byte, high bit set on every byte but the last; at most 9). */
export function readVarint(bytes: Uint8Array): number {
  let value = 0;
  for (let i = 0; i < Math.min(bytes.length, 8); i++) {
    value = value * 128 + (bytes[i]! & 0x7f);
    if ((bytes[i]! & 0x80) === 0) return value;
  }
  return bytes.length > 8 ? value * 256 + bytes[8]! : value;
}
