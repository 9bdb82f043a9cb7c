import type { Database } from 'better-sqlite3';
import { MARK_CLOSE, MARK_OPEN, searchTerms } from './fts-query.js';

/**
 * Snippets of hits whose text holds very many matches. FTS5's `snippet()` scores a window for every match by reading
 * every match of the row again (SQLite 3.53), so its time grows with the square of the matches: an 800 KB article of
 * one sentence repeated, searched for a word of it, took 22 s, and the server answers nothing else meanwhile. Such a
 * hit's snippet is made by FTS5 from the first part of the text that matches, a few thousand characters, instead. A
 * hit is such when its words times the query's terms, then a guess from the words' first letters, then FTS5's own
 * count of the matches all pass {@link SNIPPET_MATCH_CAP}; below it every snippet is snippet()'s, as before.
 */

/** Matches in one row above which `snippet()` is not asked for: at this many it takes ~65 ms. */
export const SNIPPET_MATCH_CAP = 3_000;
/** Characters of text in each part. */
const PART_CHARS = 4_000;

/**
 * More than `cap` matches of the query's terms may be in the texts: for each word of the texts, the query words that
 * begin as it begins, case and accents aside (porter stemming changes only the end of a word; a word repeated in the
 * query is a term each time), counted until past `cap`. Never false where FTS5 counts more than `cap` (that row's
 * snippet would be asked of snippet()); wrongly true costs only FTS5's own count. Words are read as FTS5 may split
 * them, query and texts alike: a combining mark ends a word (FTS5 drops a diacritic and reads other marks as spaces).
 */
export function mayHaveManyMatches(texts: readonly string[], query: string, cap: number): boolean {
  const terms = new Map<string, number>();
  forEachWordStart(query, (initial) => void terms.set(initial, (terms.get(initial) ?? 0) + 1));
  let count = 0;
  for (const text of texts) if (forEachWordStart(text, (initial) => (count += terms.get(initial) ?? 0) > cap)) return true;
  return false;
}

/** Calls `visit` with the initial of each word of the text, until it returns true (and then returns true). */
function forEachWordStart(text: string, visit: (initial: string) => boolean | void): boolean {
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      const word = (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
      if (word && !inWord && visit(String.fromCharCode(code | (code >= 0x41 ? 0x20 : 0)))) return true;
      inWord = word;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char.length === 2) i++;
    const mark = MARK.test(char);
    const word = !mark && WORD_CHAR.test(char);
    if (word && !inWord && visit(initialOf(char))) return true;
    inWord = word;
  }
  return false;
}

const WORD_CHAR = /^[\p{L}\p{N}\p{Co}]/u;
/** Combining marks, and the New Tai Lue and Vedic signs that were marks in the Unicode tables of FTS5's tokenizer. */
const MARK = /^[\p{M}\u19B0-\u19C0\u19C8\u19C9\u1CF2\u1CF3]/u;
const initials = new Map<string, string>();

/**
 * The first letter of a word, case and accents aside, as FTS5 folds it or coarser: lower, upper and lower case again
 * join what FTS5 joins beyond decomposition (ſ and s, ς and σ, µ and μ, ϐ and β, ẞ and ß).
 */
function initialOf(char: string): string {
  let initial = initials.get(char);
  if (initial === undefined) initials.set(char, (initial = char.toLowerCase().toUpperCase().toLowerCase().normalize('NFD').charAt(0)));
  return initial;
}

/**
 * How many matches of the query's terms the texts hold, counted by FTS5 in temporary tables of the same tokenizer: the
 * query's words stemmed, then their occurrences in the texts (a prefix: of every word it begins; a phrase: of each of
 * its words). At least the matches snippet() reads, for {@link mayHaveManyMatches} only guesses.
 */
export function createMatchCounter(db: Database): (texts: readonly string[], query: string) => number {
  let statements: ReturnType<typeof prepare> | undefined;
  const prepare = () => {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.match_count USING fts5(text, tokenize='porter unicode61 remove_diacritics 2');
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.match_count_terms USING fts5vocab(temp, match_count, 'instance');`);
    return {
      clear: db.prepare('DELETE FROM temp.match_count'),
      insert: db.prepare('INSERT INTO temp.match_count (rowid, text) VALUES (?, ?)'),
      stems: db.prepare('SELECT doc, term FROM temp.match_count_terms'),
      exact: db.prepare('SELECT count(*) FROM temp.match_count_terms WHERE term = ?').pluck(),
      prefix: db.prepare('SELECT count(*) FROM temp.match_count_terms WHERE term >= ? AND term < ?').pluck(),
    };
  };
  return db.transaction((texts: readonly string[], query: string): number => {
    const sql = (statements ??= prepare());
    const words = searchTerms(query);
    sql.clear.run();
    words.forEach((word, i) => sql.insert.run(i + 1, word.text));
    const stems = sql.stems.all() as { doc: number; term: string }[];
    sql.clear.run();
    texts.forEach((text, i) => sql.insert.run(i + 1, text));
    let count = 0;
    for (const { doc, term } of stems) count += (words[doc - 1]!.prefix ? sql.prefix.get(term, `${term}\u{10FFFF}`) : sql.exact.get(term)) as number;
    sql.clear.run();
    return count;
  });
}

/** The sum of the SQLite varints of a blob (FTS5's `_docsize` rows: the words of each column). */
export function varintSum(bytes: Uint8Array): number {
  let sum = 0;
  let value = 0;
  let length = 0;
  for (const byte of bytes) {
    length++;
    value = length === 9 ? value * 256 + byte : value * 128 + (byte & 0x7f);
    if (length === 9 || (byte & 0x80) === 0) {
      sum += value;
      value = 0;
      length = 0;
    }
  }
  return sum;
}

/** The parts of a text: `PART_CHARS` long at most, cut after white space where there is some. */
function partsOf(text: string): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + PART_CHARS, text.length);
    if (end < text.length) {
      const space = text.slice(start, end).search(/\s\S*$/);
      end = space > 0 ? start + space + 1 : end - (/[\uD800-\uDBFF]/.test(text[end - 1]!) ? 1 : 0);
    }
    parts.push({ start, end });
    start = end;
  }
  return parts;
}

/** A marked snippet (as FTS5's `snippet()` marks it) from the first part of the text that matches, in a temporary table. */
export function createPartSnippets(db: Database): (title: string | null, text: string, match: string, any: string) => string {
  let statements: ReturnType<typeof prepare> | undefined;
  const prepare = () => {
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_parts USING fts5(title, text, tokenize='porter unicode61 remove_diacritics 2')");
    return {
      clear: db.prepare('DELETE FROM temp.snippet_parts'),
      insert: db.prepare('INSERT INTO temp.snippet_parts (rowid, title, text) VALUES (?, ?, ?)'),
      first: db.prepare('SELECT rowid FROM temp.snippet_parts WHERE snippet_parts MATCH ? ORDER BY rowid LIMIT 1').pluck(),
      snippet: db.prepare(`SELECT snippet(snippet_parts, -1, @open, @close, '…', 16) AS marked, snippet(snippet_parts, 0, @open, @close, '…', 16) AS title
        FROM temp.snippet_parts WHERE snippet_parts MATCH @any AND rowid = 1`),
    };
  };
  const run = db.transaction((title: string | null, text: string, match: string, any: string): string => {
    const sql = (statements ??= prepare());
    const parts = partsOf(text);
    sql.clear.run();
    parts.forEach((part, i) => sql.insert.run(i + 1, null, text.slice(part.start, part.end)));
    const at = ((sql.first.get(match) ?? sql.first.get(any) ?? 1) as number) - 1;
    const part = parts[at] ?? { start: 0, end: 0 };
    sql.clear.run();
    sql.insert.run(1, title, text.slice(part.start, part.end));
    const row = sql.snippet.get({ any, open: MARK_OPEN, close: MARK_CLOSE }) as { marked: string; title: string } | undefined;
    sql.clear.run();
    if (!row) return text.slice(part.start, part.end);
    if (title !== null && row.marked === row.title) return row.marked;
    // The text's own start and end are not the part's: say so where the snippet reaches them.
    const before = part.start > 0 && !row.marked.startsWith('…') ? '…' : '';
    const after = part.end < text.length && !row.marked.endsWith('…') ? '…' : '';
    return `${before}${row.marked}${after}`;
  });
  return run;
}
