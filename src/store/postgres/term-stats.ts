import { namedQuery, type PgQueryable } from './prepared.js';

/** How long the claim-word statistics are kept before being read again, in ms (they change only when ANALYZE runs). */
const STATS_TTL_MS = 10 * 60_000;
/** Lexemes remembered per store (see lexemesOf). */
const LEXEME_CACHE_MAX = 20_000;

/**
 * Claim counts per word from PostgreSQL's own statistics of `claims.search` (ANALYZE's most common elements of the
 * tsvector, kept for up to 10,000 lexemes after migration 101): counting a common word's claims exactly would visit
 * one heap page per claim, tens of thousands at 100,000 articles, where the statistics answer at once. A lexeme left
 * out of them is rarer than the least common one kept, so its exact count is cheap.
 */
export interface TermStats {
  /** The lexemes of each word (the `claimtrace` configuration's stems), as `to_tsvector` makes them. */
  lexemesOf(words: readonly string[]): Promise<string[][]>;
  /** Claims holding a lexeme, estimated from the statistics, or undefined when the statistics leave it out. */
  estimate(lexeme: string): Promise<number | undefined>;
}

const STATS_SQL = `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs, greatest(c.reltuples, 0)::float8 AS rows
  FROM pg_stats s JOIN pg_namespace n ON n.nspname = s.schemaname JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
  WHERE s.schemaname = current_schema() AND s.tablename = 'claims' AND s.attname = 'search'`;
const LEXEMES_SQL = `SELECT u.ord::int AS i, tsvector_to_array(to_tsvector('claimtrace', u.w)) AS lexemes FROM unnest($1::text[]) WITH ORDINALITY AS u(w, ord)`;

/** Reads and caches the statistics and word lexemes of one store. */
export function createTermStats(pool: PgQueryable, now: () => number = Date.now): TermStats {
  const query = namedQuery(pool);
  let counts: Map<string, number> | undefined;
  let readAt = -Infinity;
  let reading: Promise<Map<string, number>> | undefined;
  const lexemes = new Map<string, string[]>();
  const load = async (): Promise<Map<string, number>> => {
    const row = (await query(STATS_SQL)).rows[0] as { elems: string[] | null; freqs: number[] | null; rows: number } | undefined;
    const map = new Map<string, number>();
    if (row?.elems && row.freqs) row.elems.forEach((lexeme, i) => map.set(lexeme, Math.round(row.freqs![i]! * row.rows)));
    return map;
  };
  const stats = async (): Promise<Map<string, number>> => {
    if (counts && now() - readAt < STATS_TTL_MS) return counts;
    reading ??= load().finally(() => {
      reading = undefined;
    });
    counts = await reading;
    readAt = now();
    return counts;
  };
  return {
    async lexemesOf(words) {
      const missing = [...new Set(words.filter((w) => !lexemes.has(w)))];
      if (missing.length > 0) {
        const { rows } = await query(LEXEMES_SQL, [missing]);
        for (const row of rows as { i: number; lexemes: string[] }[]) {
          if (lexemes.size >= LEXEME_CACHE_MAX) lexemes.delete(lexemes.keys().next().value!);
          lexemes.set(missing[row.i - 1]!, row.lexemes);
        }
      }
      return words.map((w) => lexemes.get(w) ?? []);
    },
    async estimate(lexeme) {
      return (await stats()).get(lexeme);
    },
  };
}
