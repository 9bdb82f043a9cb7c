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

function fts5Terms(input: string): string[] {
  const terms: string[] = [];
  for (const m of input.matchAll(TERM)) {
    const phrase = m[1];
    if (phrase !== undefined) {
      if (SEARCHABLE.test(phrase)) terms.push(quote(phrase));
      continue;
    }
    const word = m[2]!;
    const prefix = word.length > 1 && word.endsWith('*');
    const bare = prefix ? word.slice(0, -1) : word;
    if (SEARCHABLE.test(bare)) terms.push(prefix ? `${quote(bare)}*` : quote(bare));
  }
  return terms;
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
