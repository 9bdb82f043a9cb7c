import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import type { FactCheck } from '../factchecks/import/schema.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/all.js';
import { openSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-factchecks-'));
let n = 0;
const freshPath = () => join(dir, `store-${++n}.db`);

const QUAY: FactCheck = {
  claim: 'The north quay has been closed for three years.', url: 'https://coastfacts.example/quay',
  rating: { name: null, alternateName: 'False', value: 1, best: 5, worst: 1 }, publisher: { name: 'Coast Facts', url: null },
  date: '2024-03-02', language: 'en', claimant: null, claimDate: null, title: 'Is the north quay closed?',
};

/** Ids of the fact-checks whose claim or title match an FTS5 query, read straight from the index. */
function ftsIds(path: string, query: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT rowid FROM factchecks_fts WHERE factchecks_fts MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map((r) => r.rowid);
  } finally {
    db.close();
  }
}

test('the full-text index finds a stored fact-check by a stemmed word of its claim or title', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  const id = (await store.upsertFactChecks([QUAY]))[0]!.id;
  await store.close();
  assert.deepEqual([ftsIds(path, 'closing'), ftsIds(path, 'title:quay')], [[id], [id]]);
});

test('the full-text index follows a re-imported claim to its new wording', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  await store.upsertFactChecks([QUAY]);
  await store.upsertFactChecks([{ ...QUAY, title: 'Is the north harbour wall shut?' }]);
  await store.close();
  assert.deepEqual([ftsIds(path, 'title:quay'), ftsIds(path, 'title:wall').length], [[], 1]);
});

test('a file at schema version 5 is migrated to 6 and keeps its documents', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 5);
  db.prepare(`INSERT INTO documents (url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES ('https://old.example/a', 'Old Quay', 'The quay reopened.', 'h', 3, '{}', 'p', '[]', 't', 't')`).run();
  db.close();
  const store = await openSqliteStore(path);
  await store.upsertFactChecks([QUAY]);
  const counts = [await store.countDocuments(), (await store.listFactChecks()).total];
  await store.close();
  const check = new Database(path, { readonly: true });
  assert.deepEqual([schemaVersion(check), ...counts], [MIGRATIONS.length, 1, 1]);
  check.close();
});
