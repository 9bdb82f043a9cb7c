import type pg from 'pg';
import { WORD, type MarkedColumn } from './snippet.js';
/** Words whose lexemes a store remembers; past it the memory starts again (a cache, nothing another process needs). */
const CACHE_MAX = 50_000;

/** A lexeme of the query, and whether it is a prefix (`'harb':*`). */
export interface QueryLexeme {
  readonly lexeme: string;
  readonly prefix: boolean;
}

/** The lexemes of a tsquery's text form (`'polic' & 'ferri' <-> 'fare' & 'harb':*`). */
export function queryLexemes(tsquery: string): QueryLexeme[] {
  return [...tsquery.matchAll(/'((?:[^']|'')+)'(:\*)?/g)].map((m) => ({ lexeme: m[1]!.replaceAll("''", "'"), prefix: m[2] !== undefined }));
}

/**
 * Finds which words of hit texts match a query, without ts_headline (which parses the whole text again, ~10 ms an
 * article): the words are cut as the snippet cuts them, and only those that can stem to a query lexeme (Snowball
 * keeps a word's first two letters) are looked up in PostgreSQL: `to_tsvector('claimtrace', word)` for each distinct
 * word not seen before, remembered per store.
 */
export function createHighlighter(pool: pg.Pool) {
  const cache = new Map<string, readonly string[]>();
  const lexemesOf = async (words: readonly string[]): Promise<void> => {
    const missing = words.filter((w) => !cache.has(w));
    if (missing.length === 0) return;
    const { rows } = await pool.query<{ w: string; l: string[] }>("SELECT w, tsvector_to_array(to_tsvector('claimtrace', w)) AS l FROM unnest($1::text[]) AS w", [missing]);
    if (cache.size + rows.length > CACHE_MAX) cache.clear();
    for (const r of rows) cache.set(r.w, r.l);
  };
  /** Each text as a column with its matched words (ranges, and the query lexeme each matched). */
  return async (texts: readonly string[], query: readonly QueryLexeme[]): Promise<MarkedColumn[]> => {
    const heads = new Set(query.map((q) => q.lexeme.slice(0, 2)));
    const candidates = new Set<string>();
    const words = texts.map((text) => [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, lower: m[0].toLowerCase() })));
    for (const list of words) for (const w of list) if (heads.has(w.lower.slice(0, 2))) candidates.add(w.lower);
    await lexemesOf([...candidates]);
    const matchOf = (lower: string): string | null => {
      if (!candidates.has(lower)) return null;
      for (const lexeme of cache.get(lower) ?? []) {
        const hit = query.find((q) => (q.prefix ? lexeme.startsWith(q.lexeme) : lexeme === q.lexeme));
        if (hit) return hit.lexeme;
      }
      return null;
    };
    return texts.map((text, i) => {
      const matches: [number, number][] = [];
      const keys: string[] = [];
      for (const w of words[i]!) {
        const key = matchOf(w.lower);
        if (key === null) continue;
        matches.push([w.start, w.end]);
        keys.push(key);
      }
      return { text, matches, keys };
    });
  };
}
