const TERM = /"([^"]*)"?|(\S+)/g;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** A user's query as PostgreSQL takes it: a websearch_to_tsquery text of quoted terms, and prefix terms for to_tsquery. */
export interface PgTextQuery {
  /** Every phrase and word in double quotes: websearch_to_tsquery reads no operator inside quotes ("-", "or"). */
  readonly websearch: string;
  /** `'word':*` terms joined by `&` (to_tsquery syntax), or '' when none. */
  readonly prefixes: string;
}

/**
 * Reads what a user typed as the SQLite store does (see ../fts-query.ts): "quoted phrases" stay phrases, every other
 * word is a plain term (so `-`, `:`, `*`, `(`, `OR` are text, never syntax), a trailing `*` asks for a prefix, and every
 * term must match. Null when nothing searchable is left.
 */
export function toPgTextQuery(input: string): PgTextQuery | null {
  const terms: string[] = [];
  const prefixes: string[] = [];
  for (const m of input.matchAll(TERM)) {
    const phrase = m[1];
    if (phrase !== undefined) {
      if (SEARCHABLE.test(phrase)) terms.push(`"${phrase}"`);
      continue;
    }
    const word = m[2]!;
    const prefix = word.length > 1 && word.endsWith('*');
    const bare = (prefix ? word.slice(0, -1) : word).replaceAll('"', ' ');
    if (!SEARCHABLE.test(bare)) continue;
    if (prefix) prefixes.push(`'${bare.replaceAll('\\', '\\\\').replaceAll("'", "''")}':*`);
    else terms.push(`"${bare}"`);
  }
  if (terms.length === 0 && prefixes.length === 0) return null;
  return { websearch: terms.join(' '), prefixes: prefixes.join(' & ') };
}

/**
 * The tsquery of parameters `$w` (websearch text) and `$p` (prefix terms): `&&` of the two, an empty part left out by
 * PostgreSQL itself (an empty tsquery matches nothing on its own and is dropped from `&&`).
 */
export function tsquerySql(w: number, p: number): string {
  return `(websearch_to_tsquery('claimtrace', $${w}) && to_tsquery('claimtrace', $${p}))`;
}
