import type { Database } from 'better-sqlite3';
import { ClaimtraceError } from '../core/errors.js';
import { MIGRATIONS } from './migrations/all.js';
import type { Migration } from './migrations/migration.js';

/** The schema version of a database: 0 for a fresh file. */
export function schemaVersion(db: Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const row = db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
  return row.version ?? 0;
}

/**
 * Applies the pending steps up to `target` (default: all), each in its own transaction. A file written by a newer
 * claimtrace (a version beyond the known steps) is refused rather than guessed at. Several processes may open a new
 * file at once (queue workers): each step is taken under SQLite's write lock (BEGIN IMMEDIATE) and skipped when
 * another process recorded it meanwhile, so every step runs once.
 */
export function migrate(db: Database, location: string, migrations: readonly Migration[] = MIGRATIONS, target = migrations.at(-1)?.version ?? 0): number {
  let current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new ClaimtraceError('E_STORE_SCHEMA', { path: location, found: String(current), known: String(latest) });
  }
  const record = db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)');
  const recorded = db.prepare('SELECT 1 FROM schema_version WHERE version = ?');
  for (const step of migrations) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      if (recorded.get(step.version)) return;
      db.exec(step.up);
      record.run(step.version, step.name, new Date().toISOString());
    }).immediate();
    current = step.version;
  }
  return current;
}
