import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/all.js';

test('two processes opening a new file at once run each migration step once', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'claimtrace-migrate-')), 'new.db');
  const first = new Database(path);
  const second = new Database(path);
  try {
    // The first opener has read version 0; before it takes its first step, the second migrates the whole file.
    let raced = false;
    const steps = new Proxy(MIGRATIONS, {
      get(target, key, receiver) {
        if (key === '0' && !raced) {
          raced = true;
          migrate(second, path);
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const latest = MIGRATIONS.at(-1)!.version;
    assert.equal(migrate(first, path, steps), latest);
    assert.ok(raced, 'the second opener ran in between');
    assert.equal(schemaVersion(first), latest);
    const rows = first.prepare('SELECT version FROM schema_version ORDER BY version').all() as { version: number }[];
    assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
  } finally {
    first.close();
    second.close();
  }
});
