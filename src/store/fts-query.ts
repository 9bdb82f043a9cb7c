import { ClaimtraceError } from '../core/errors.js';
import { MAX_SEARCH_TERMS } from './defaults.js';

const TERM = /"([^"]*)"?|(\S+)/g;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/**
 * Turns what a user typed into a safe FTS5 query: "quoted phrases" stay phrases, every other word becomes a quoted
 * term (so `-`, `:`, `*`, `(`, `AND`, `NEAR` and stray quotes are plain text, never syntax), a trailing `*` on a word
 * asks for a prefix, and the terms must all match. Null when nothing searchable is left.
 */
export function toFts5Query(input: string): string | null {
  const terms = fts5Terms(input);
  return terms.length > 0 ? terms.join(' ') : null;
}

/** {@link toFts5Query} with any one of the terms enough to match (`"a" OR "b c"`); null when nothing searchable is left. */
export function toFts5AnyQuery(input: string): string | null {
  const terms = fts5Terms(input);
  return terms.length > 0 ? terms.join(' OR ') : null;
}

/** How many words and phrases a search reads in the input (as both stores read it). */
export function searchTermCount(input: string): number {
  return searchTerms(input).length;
}

/** One word or phrase of a search as typed: its text, whether it was quoted, whether a trailing `*` asks for a prefix. */
export interface SearchTerm {
  readonly text: string;
  readonly phrase: boolean;
  readonly prefix: boolean;
}

/** The words and phrases a search reads in what a user typed (those with a letter or digit), as both stores read them. */
export function searchTerms(input: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const m of input.matchAll(TERM)) {
    const phrase = m[1];
    if (phrase !== undefined) {
      if (SEARCHABLE.test(phrase)) terms.push({ text: phrase, phrase: true, prefix: false });
      continue;
    }
    const word = m[2]!;
    const prefix = word.length > 1 && word.endsWith('*');
    const bare = prefix ? word.slice(0, -1) : word;
    if (SEARCHABLE.test(bare)) terms.push({ text: bare, phrase: false, prefix });
  }
  return terms;
}

function fts5Terms(input: string): string[] {
  return searchTerms(input).map((t) => (t.prefix ? `${quote(t.text)}*` : quote(t.text)));
}

/** E_REQUEST_INVALID for a query of more than {@link MAX_SEARCH_TERMS} words and phrases. */
export function checkSearchTerms(input: string): void {
  const terms = searchTermCount(input);
  if (terms > MAX_SEARCH_TERMS) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `the query has ${terms} words and phrases; a search takes ${MAX_SEARCH_TERMS} at most` });
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** Marks the FTS5 `snippet()` function puts around matches; control characters that article text does not carry. */
export const MARK_OPEN = '\u0002';
/** See {@link MARK_OPEN}. */
export const MARK_CLOSE = '\u0003';

/** Splits a marked snippet into plain text and the ranges of its highlighted matches. */
export function parseSnippet(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_OPEN) open = snippet.length;
    else if (ch === MARK_CLOSE && open >= 0) {
      highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}
