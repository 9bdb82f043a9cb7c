import { createHash } from 'node:crypto';

/** What trace needs of a connection: a pg `Pool` (queries may run side by side) or a `Client`. */
export interface PgQueryable {
  query(config: { readonly name?: string; readonly text: string; readonly values?: unknown[] }): Promise<{ rows: any[] }>;
}

/**
 * Runs a statement as a named prepared statement: each connection parses and plans it once, instead of at every
 * trace (planning cost about as much as running the small queries of a trace). The name is a hash of the text, so two
 * users of one pool never give one name to two statements.
 */
export function namedQuery(pool: PgQueryable): (text: string, values?: unknown[]) => Promise<{ rows: any[] }> {
  const names = new Map<string, string>();
  return (text, values = []) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `claimtrace_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return pool.query({ name, text, values });
  };
}
