import type { SqliteStoreOptions } from './sqlite.js';
import type { Store } from './types.js';

/** Options of {@link openStore}: those of the SQLite store, which the PostgreSQL store honours where they apply. */
export type StoreOptions = SqliteStoreOptions;

/** True when `target` names a PostgreSQL database (`postgres://…` or `postgresql://…`) rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(target.trim());
}

/**
 * Opens the store that `target` names: a `postgres://` URL selects PostgreSQL, anything else is a SQLite file path.
 * Each driver is loaded only when it is used, so commands that never touch PostgreSQL never load its client.
 */
export async function openStore(target: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(target)) {
    const { openPostgresStore } = await import('./postgres/index.js');
    return openPostgresStore(target.trim(), options);
  }
  const { openSqliteStore } = await import('./sqlite.js');
  return openSqliteStore(target, options);
}
