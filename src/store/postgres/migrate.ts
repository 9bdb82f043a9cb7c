import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import { PG_MIGRATIONS } from './migrations/all.js';
import type { PgMigration } from './migrations/migration.js';

/** Options of {@link migratePostgres}. */
export interface PgMigrateOptions {
  /** The schema the pool's search_path names (created under the lock unless `mustExist`), or null for the server's default. */
  readonly schema: string | null;
  /** For messages. */
  readonly location: string;
  /** Refuse a database where claimtrace's tables were never set up (readers): E_INPUT_NOT_FOUND instead. */
  readonly mustExist?: boolean;
  readonly migrations?: readonly PgMigration[];
  /** Apply steps up to this version only (tests of upgrades). */
  readonly target?: number;
}

/**
 * Brings the schema up to date: each pending step in its own transaction, recorded in `schema_migrations`. A
 * session-level advisory lock (keyed by the schema name) makes a second process that starts at the same moment wait,
 * then find nothing left to do; a schema already up to date is only read (no lock, no DDL). A database with steps this claimtrace does not know (written by a newer one) is
 * refused with E_STORE_SCHEMA. Returns the versions applied now.
 */
export async function migratePostgres(pool: pg.Pool, options: PgMigrateOptions): Promise<number[]> {
  const migrations = [...(options.migrations ?? PG_MIGRATIONS)].sort((a, b) => a.version - b.version);
  const target = options.target ?? Infinity;
  const client = await pool.connect();
  const lockKey = `claimtrace:${options.schema ?? ''}`;
  let locked = false;
  try {
    const setUp = await isSetUp(client, options.schema);
    if (options.mustExist && !setUp) {
      throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: `${options.location} (no claimtrace tables there yet: a write command such as ingest creates them)` });
    }
    // Up to date already (every process after the first): no lock and no DDL, so a read-only role can open the store.
    if (setUp && pending(migrations, await appliedVersions(client), target, options).length === 0) return [];
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    locked = true;
    if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done: number[] = [];
    for (const step of pending(migrations, await appliedVersions(client), target, options)) {
      await client.query('BEGIN');
      try {
        await client.query(step.up);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [step.version, step.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
      done.push(step.version);
    }
    return done;
  } finally {
    if (locked) await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch(() => {});
    client.release();
  }
}

async function appliedVersions(client: pg.PoolClient): Promise<Set<number>> {
  return new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
}

/** The steps still to apply, in order; E_STORE_SCHEMA when the database has a step this claimtrace does not know. */
function pending(migrations: readonly PgMigration[], applied: ReadonlySet<number>, target: number, options: PgMigrateOptions): PgMigration[] {
  const known = new Set(migrations.map((m) => m.version));
  const unknown = [...applied].filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new ClaimtraceError('E_STORE_SCHEMA', { path: options.location, found: String(Math.max(...unknown)), known: String(migrations.at(-1)?.version ?? 0) });
  }
  return migrations.filter((m) => !applied.has(m.version) && m.version <= target);
}

/** Whether the schema (or the search_path, without one) holds claimtrace's migration record. */
async function isSetUp(client: pg.PoolClient, schema: string | null): Promise<boolean> {
  const name = schema ? `${schema}.schema_migrations` : 'schema_migrations';
  const { rows } = await client.query<{ found: string | null }>('SELECT to_regclass($1)::text AS found', [name]);
  return rows[0]?.found != null;
}
