import {
  DEFAULT_NEAR, TRACE_DF_CAP, TRACE_NEAR_POSTINGS_MAX, TRACE_POSTINGS_MAX, bestPerDocument, byClaim, drawnIds, figureRange, fingerprint, getNearness, getWordMeaning, itemWords, masksIn, namedAmong, planTrace, queryTerms, rankCandidates, relativeFigure, screenCandidates,
  type NearOptions, type QueryTerm, type TraceMaskRow, type TraceQuantityRow,
} from '../../trace/index.js';
import { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from '../defaults.js';
import { byDate, claimAttributions, toMatch, toTraceQuantity, traceResult, type TraceAttributionRow, type TraceMatchRow } from '../trace-result.js';
import type { TraceClaim, TraceQuery, TraceResult } from '../types.js';
import { namedQuery, type PgQueryable } from './prepared.js';
import { createTermStats } from './term-stats.js';

export type { PgQueryable };

/** Word counts remembered per store (see dfOf). */
const DF_CACHE_MAX = 10_000;

/**
 * The text-search query of a query stem, in websearch syntax: its words, each a phrase ("fled" or "flee"), as the
 * SQLite store asks FTS5. Words are letters, digits and inner apostrophes (see contentWords): no quotes to escape.
 */
const tsWords = (words: readonly string[]) => words.map((w) => `"${w}"`).join(' or ');
/** The text-search query of a query stem: its words. */
const tsQuery = (term: QueryTerm) => tsWords(term.forms);

/** A bigint column (pg gives it as a string) as a number: claim and document ids stay far below 2^53. */
const id = (value: unknown) => Number(value);

// Claims are found through the `search` tsvector of the claims table (GIN, the `claimtrace` configuration: English
// Snowball stems without stop words), the same index `search` uses; figures through quantities_by_figure (kind, value,
// claim_id), read index-only. Each step is one round trip whatever the number of words or figures.
const DF_SQL = `SELECT u.ord::int AS i, (SELECT count(*) FROM (SELECT 1 FROM claims WHERE search @@ websearch_to_tsquery('claimtrace', u.q) LIMIT ${TRACE_DF_CAP}) s)::int AS df
  FROM unnest($1::text[]) WITH ORDINALITY AS u(q, ord)`;
const FIGURE_DF_SQL = `SELECT u.ord::int AS i, (SELECT count(*) FROM (SELECT 1 FROM quantities q WHERE q.kind = u.kind AND q.value BETWEEN u.low AND u.high LIMIT ${TRACE_DF_CAP}) s)::int AS df
  FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS u(kind, low, high, ord)`;
export const TERM_POSTINGS_SQL = `SELECT u.ord::int AS i, ARRAY(SELECT id FROM claims WHERE search @@ websearch_to_tsquery('claimtrace', u.q) ORDER BY id DESC LIMIT ${TRACE_POSTINGS_MAX}) AS ids
  FROM unnest($1::text[]) WITH ORDINALITY AS u(q, ord)`;
/**
 * The same newest postings of a very common word, read newest claim first through the primary key until enough match:
 * a GIN bitmap has no order, so the form above fetches and sorts every match (half a million claims for a word such as
 * "ferry" at 100,000 articles, lossy at the default work_mem: seconds), while this one reads about
 * TRACE_POSTINGS_MAX x claims / matches rows. OFFSET 0 keeps the word test out of the ordered scan. Same rows either way.
 */
export const COMMON_TERM_POSTINGS_SQL = `SELECT u.ord::int AS i, ARRAY(SELECT c.id FROM (SELECT id, search FROM claims ORDER BY id DESC OFFSET 0) c
  WHERE c.search @@ websearch_to_tsquery('claimtrace', u.q) LIMIT ${TRACE_POSTINGS_MAX}) AS ids
  FROM unnest($1::text[]) WITH ORDINALITY AS u(q, ord)`;
/** Whether a word's newest postings are cheaper to read newest first (see COMMON_TERM_POSTINGS_SQL): rows read that way, TRACE_POSTINGS_MAX x claims / matches, under the matches a bitmap fetches. */
export const readNewestFirst = (matches: number, claims: number): boolean => matches * matches > TRACE_POSTINGS_MAX * claims;
const NEAR_POSTINGS_SQL = `SELECT u.ord::int AS i, ARRAY(SELECT id FROM claims WHERE search @@ websearch_to_tsquery('claimtrace', u.q) ORDER BY id DESC LIMIT ${TRACE_NEAR_POSTINGS_MAX + 1}) AS ids
  FROM unnest($1::text[]) WITH ORDINALITY AS u(q, ord)`;
const FIGURE_POSTINGS_SQL = `SELECT u.ord::int AS i, ARRAY(SELECT q.claim_id FROM quantities q WHERE q.kind = u.kind AND q.value BETWEEN u.low AND u.high AND q.claim_id IS NOT NULL
  ORDER BY q.claim_id DESC LIMIT ${TRACE_POSTINGS_MAX}) AS ids FROM unnest($1::text[], $2::float8[], $3::float8[]) WITH ORDINALITY AS u(kind, low, high, ord)`;
const CLAIM_COUNT_SQL = 'SELECT coalesce(max(id), 0) AS n FROM claims';
const TEXTS_SQL = 'SELECT id, document_id, attribution_ids, text FROM claims WHERE id = ANY($1::bigint[])';
const CLAIMS_SQL = `SELECT c.id, c.document_id, c.ann_id, c.start_offset, c.end_offset, c.text, c.attribution_ids, d.url, d.title, d.site, d.published
  FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ANY($1::bigint[])`;
const QUANTITIES_SQL = `SELECT c.id AS claim_id, q.ann_id, q.start_offset, q.end_offset, q.text, q.value, q.low, q.high, q.bound, q.unit, q.kind
  FROM claims c JOIN quantities q ON q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset
  WHERE c.id = ANY($1::bigint[]) ORDER BY q.document_id, q.seq`;
// Only the attributions whose cue or source lies inside a candidate claim (a document has dozens of attributions).
const MASKS_SQL = `SELECT c.id AS claim_id, a.source_start, a.source_end, a.cue_start, a.cue_end FROM claims c JOIN attributions a ON a.document_id = c.document_id
  AND ((a.cue_start >= c.start_offset AND a.cue_end <= c.end_offset) OR (a.source_start >= c.start_offset AND a.source_end <= c.end_offset))
  WHERE c.id = ANY($1::bigint[]) ORDER BY c.id, a.seq`;
const ATTRIBUTIONS_SQL = 'SELECT document_id, ann_id, source_text, grade, hedged, resolves_text FROM attributions WHERE document_id = ANY($1::bigint[]) ORDER BY document_id, seq';
const CLAIM_BY_ANN_SQL = 'SELECT id, ann_id, start_offset, end_offset, text FROM claims WHERE document_id = $1 AND ann_id = $2 LIMIT 1';

/**
 * `trace` and `getClaim` of the PostgreSQL store: the SQLite store's algorithm (src/trace/retrieval.ts: prefix
 * filtering over the query's rarest words and figures, names first, screening on words before figures and
 * attributions are read), with the claim counts per word remembered while the number of claims moves by less than 1%.
 */
export function createPostgresTrace(pool: PgQueryable): { trace: (query: TraceQuery) => Promise<TraceResult>; getClaim: (documentId: number, claimId: string) => Promise<TraceClaim | undefined> } {
  const run = namedQuery(pool);
  const stats = createTermStats(pool);
  const dfCache = new Map<string, number>();
  /** Claims per query stem as the statistics estimate them, not capped (for choosing how to read its postings). */
  const matchesCache = new Map<string, number>();
  let dfCachedAt = 0;
  /**
   * Claims per query stem (capped at TRACE_DF_CAP): from the cache; else the sum over its words of each word's claims,
   * estimated from the statistics when they hold every lexeme of the word (a phrase: its rarest lexeme), else counted
   * (one round trip for all such words). A word counted exactly is rare, so its count is cheap.
   */
  const dfOf = async (terms: readonly QueryTerm[], claims: number): Promise<number[]> => {
    if (Math.abs(claims - dfCachedAt) > dfCachedAt / 100) {
      dfCache.clear();
      matchesCache.clear();
      dfCachedAt = claims;
    }
    const missing = terms.filter((t) => !dfCache.has(tsQuery(t)));
    const words = [...new Set(missing.flatMap((t) => t.forms))];
    const lexemes = await stats.lexemesOf(words);
    const perWord = new Map<string, number>();
    const estimated = new Map<string, number>();
    const toCount: string[] = [];
    await Promise.all(words.map(async (word, i) => {
      const known = await Promise.all(lexemes[i]!.map((l) => stats.estimate(l)));
      if (known.length === 0) perWord.set(word, 0);
      else if (known.some((n) => n === undefined)) toCount.push(word);
      else {
        estimated.set(word, Math.min(...(known as number[])));
        perWord.set(word, Math.min(TRACE_DF_CAP, estimated.get(word)!));
      }
    }));
    if (toCount.length > 0) {
      const { rows } = await run(DF_SQL, [toCount.map((w) => `"${w}"`)]);
      for (const row of rows as { i: number; df: number }[]) perWord.set(toCount[row.i - 1]!, row.df);
    }
    for (const term of missing) {
      if (dfCache.size >= DF_CACHE_MAX) dfCache.delete(dfCache.keys().next().value!);
      dfCache.set(tsQuery(term), Math.min(TRACE_DF_CAP, term.forms.reduce((n, w) => n + (perWord.get(w) ?? 0), 0)));
      matchesCache.set(tsQuery(term), term.forms.reduce((n, w) => n + (estimated.get(w) ?? perWord.get(w) ?? 0), 0));
    }
    return terms.map((t) => dfCache.get(tsQuery(t)) ?? 0);
  };
  const figureColumns = (ranges: readonly { kind: string; low: number; high: number }[]) => [ranges.map((r) => r.kind), ranges.map((r) => r.low), ranges.map((r) => r.high)];
  /** Rows of one query per index (1-based `i`), back in input order. */
  const ordered = <T>(rows: readonly ({ i: number } & T)[], length: number): T[] => {
    const out = new Array<T>(length);
    for (const row of rows) out[row.i - 1] = row;
    return out;
  };

  const candidates = async (query: TraceQuery, threshold: number, near: NearOptions) => {
    const target = fingerprint(query.text, query.figures, query.masks ?? []);
    const terms = queryTerms(query.text, [...query.figures, ...(query.masks ?? [])]);
    const ranges = target.figures.map(figureRange);
    // Side by side: the claim count, the figures' counts, and the words' lexemes (the word counts need the claim count).
    const [total, figureDf] = await Promise.all([
      run(CLAIM_COUNT_SQL).then(({ rows }) => id(rows[0].n) + 1),
      ranges.length === 0 ? [] : run(FIGURE_DF_SQL, figureColumns(ranges)).then(({ rows }) => ordered<{ df: number }>(rows, ranges.length).map((r) => r.df)),
      stats.lexemesOf(terms.flatMap((t) => t.forms)),
    ]);
    const termDf = await dfOf(terms, total);
    const plan = planTrace(terms, termDf, figureDf, total, target, threshold, near);
    const words = plan.toRead.filter((it) => it.term !== undefined && it.near === undefined);
    const common = (it: (typeof words)[number]) => readNewestFirst(matchesCache.get(tsQuery(terms[it.term!]!)) ?? 0, total);
    // Rare words first, then very common ones, each read its cheaper way (the same rows either way).
    const wordItems = [...words.filter((it) => !common(it)), ...words.filter(common)];
    const commonFrom = words.filter((it) => !common(it)).length;
    const postingsOf = async (items: typeof words, sql: string) => items.length === 0 ? [] : run(sql, [items.map((it) => tsWords(itemWords(it, terms)))]).then(({ rows }) => ordered<{ ids: unknown[] }>(rows, items.length).map((r) => r.ids.map(id)));
    const nearItems = plan.toRead.filter((it) => it.near !== undefined);
    const figureItems = plan.toRead.filter((it) => it.figure !== undefined);
    const [wordIds, nearIds, figureIds] = await Promise.all([
      Promise.all([postingsOf(wordItems.slice(0, commonFrom), TERM_POSTINGS_SQL), postingsOf(wordItems.slice(commonFrom), COMMON_TERM_POSTINGS_SQL)]).then(([rare, many]) => [...rare, ...many]),
      nearItems.length === 0 ? [] : run(NEAR_POSTINGS_SQL, [nearItems.map((it) => tsWords(itemWords(it, terms)))]).then(({ rows }) => ordered<{ ids: unknown[] }>(rows, nearItems.length).map((r) => r.ids.map(id))),
      figureItems.length === 0 ? [] : run(FIGURE_POSTINGS_SQL, figureColumns(figureItems.map((it) => ranges[it.figure!]!))).then(({ rows }) => ordered<{ ids: unknown[] }>(rows, figureItems.length).map((r) => r.ids.map(id))),
    ]);
    const postings = new Map([...wordItems.map((it, i) => [it, wordIds[i]!] as const), ...nearItems.map((it, i) => [it, nearIds[i]!] as const), ...figureItems.map((it, i) => [it, figureIds[i]!] as const)]);
    // Read in the plan's order, as the SQLite store does: the ranking's ties are broken the same way.
    const read = plan.toRead.map((item) => ({ item, ids: postings.get(item)! }));
    // A name too common to read whole is looked up among the claims drawn (retrieval.ts checkNames).
    if (plan.checkNames.length > 0 && read.length > 0) {
      const { rows } = await run(TEXTS_SQL, [drawnIds(read)]);
      read.push(...namedAmong(rows.map((r: { id: unknown; text: string }) => ({ id: id(r.id), text: r.text })), plan.checkNames, terms));
    }
    return { target, idf: plan.idf, ...rankCandidates(read, ranges.length) };
  };

  const figuresOf = async (ids: readonly number[]) => byClaim(((await run(QUANTITIES_SQL, [ids])).rows as TraceQuantityRow[]).map((q) => ({ ...q, claim_id: id(q.claim_id) })));
  const masksOf = async (ids: readonly number[]) => byClaim(((await run(MASKS_SQL, [ids])).rows as TraceMaskRow[]).map((m) => ({ ...m, claim_id: id(m.claim_id) })));

  const trace = async (query: TraceQuery): Promise<TraceResult> => {
    const threshold = query.threshold ?? DEFAULT_TRACE_THRESHOLD;
    // Word meaning (read on the first trace): near words draw candidates and cover words in the scores, and a candidate
    // anchored on the query's place and figure is also scored by how its words cover the query's by meaning.
    const near: NearOptions = { near: getNearness(), meaning: getWordMeaning(), ...DEFAULT_NEAR };
    const { target, idf, ids, figuresPossible } = await candidates(query, threshold, near);
    const weight = (term: string) => idf.get(term) ?? 1;
    const texts = ids.length === 0 ? [] : (await run(TEXTS_SQL, [ids])).rows.map((r: { id: unknown; document_id: unknown; attribution_ids: string; text: string }) => ({ id: id(r.id), documentId: id(r.document_id), attributed: r.attribution_ids !== '[]', text: r.text }));
    const likely = screenCandidates(texts, target, weight, figuresPossible, threshold, near);
    if (likely.length === 0) return traceResult(query.text, [], target);
    // The attributions of every document with a likely claim that names some are read beside the claims' figures and
    // rows (one round trip less than after scoring), and only those of the matches are used.
    const wanted = new Set(likely);
    const attributed = [...new Set(texts.filter((t) => t.attributed && wanted.has(t.id)).map((t) => t.documentId))];
    const [figures, masks, rows, attributions] = await Promise.all([
      figuresOf(likely),
      masksOf(likely),
      run(CLAIMS_SQL, [likely]).then(({ rows }) => rows.map((r: TraceMatchRow) => ({ ...r, id: id(r.id), document_id: id(r.document_id) })) as TraceMatchRow[]),
      attributed.length === 0 ? new Map<number, TraceAttributionRow[]>() : run(ATTRIBUTIONS_SQL, [attributed]).then(({ rows }) => byDocument(rows as (TraceAttributionRow & { document_id: unknown })[])),
    ]);
    const best = bestPerDocument(rows, figures, masks, target, weight, threshold, near).sort((a, b) => byDate(a.row, b.row)).slice(0, query.limit ?? DEFAULT_TRACE_LIMIT);
    const matches = best.map(({ row, score }) => toMatch(row, score, claimAttributions(row, attributions.get(row.document_id) ?? []), (figures.get(row.id) ?? []).map(toTraceQuantity)));
    return traceResult(query.text, matches, target);
  };

  const getClaim = async (documentId: number, claimId: string): Promise<TraceClaim | undefined> => {
    if (!Number.isSafeInteger(documentId)) return undefined;
    const row = (await run(CLAIM_BY_ANN_SQL, [documentId, claimId])).rows[0] as { id: unknown; ann_id: string; start_offset: number; end_offset: number; text: string } | undefined;
    if (!row) return undefined;
    const claim = id(row.id);
    const [figures, masks] = await Promise.all([figuresOf([claim]), masksOf([claim])]);
    const own = (figures.get(claim) ?? []).map((q) => relativeFigure(q, row.start_offset));
    return { documentId, id: row.ann_id, start: row.start_offset, end: row.end_offset, text: row.text, figures: own, masks: masksIn(masks.get(claim) ?? [], row.start_offset, row.end_offset, row.text) };
  };
  return { trace, getClaim };
}

/** Attribution rows by document (bigint ids as numbers). */
function byDocument(rows: readonly (TraceAttributionRow & { document_id: unknown })[]): Map<number, TraceAttributionRow[]> {
  const out = new Map<number, TraceAttributionRow[]>();
  for (const row of rows) {
    const key = id(row.document_id);
    const list = out.get(key) ?? [];
    list.push(row);
    out.set(key, list);
  }
  return out;
}
