import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Store, StoreFactory } from '../types.js';
import { openPostgresStore, type PostgresStoreOptions } from './store.js';

/** The database tests use: $CLAIMTRACE_TEST_PG, else the local server with trust auth. */
export const TEST_PG_URL = process.env.CLAIMTRACE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Fresh schemas for one test file: each `open()` (or factory call) gets a new schema named `<prefix>_<n>`, so test
 * files running in parallel and tests within a file never see each other's rows; `dropAll()` drops every schema the
 * file made (CASCADE), to run in an `after` hook.
 */
export function testSchemas(label: string) {
  const prefix = `ct_${label}_${process.pid}_${randomBytes(3).toString('hex')}`;
  let n = 0;
  const made: string[] = [];
  const next = () => {
    const schema = `${prefix}_${++n}`;
    made.push(schema);
    return schema;
  };
  const open = (options: PostgresStoreOptions = {}, schema = next()): Promise<Store> => openPostgresStore(TEST_PG_URL, { ...options, schema });
  const factory: StoreFactory = () => open();
  const dropAll = async () => {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 || '\\_%'", [prefix]);
      for (const { nspname } of rows) await client.query(`DROP SCHEMA IF EXISTS ${nspname} CASCADE`);
    } finally {
      await client.end();
    }
  };
  return { prefix, next, open, factory, dropAll, made };
}
