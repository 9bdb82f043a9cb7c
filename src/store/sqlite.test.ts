import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { runStoreConformance } from './conformance.js';
import { DREDGING, fixtureReport } from './conformance-fixtures.js';
import { ReportSchema } from '../core/report-schema.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/all.js';
import { openSqliteStore } from './sqlite.js';
import { readVarint } from './sqlite-search.js';
import { prefixItems } from './sqlite-trace.js';
import { minQueryCoverage } from '../trace/index.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-'));
let n = 0;
const freshPath = () => join(dir, `store-${++n}.db`);

runStoreConformance('SQLite', () => openSqliteStore(freshPath()));

test('a new SQLite file is at the latest schema version, in WAL mode, with foreign keys on', async () => {
  const path = freshPath();
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  assert.deepEqual([schemaVersion(db), db.pragma('journal_mode', { simple: true })], [MIGRATIONS.length, 'wal']);
  db.close();
});

test('a file at schema version 1 is migrated and its documents become searchable', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 1);
  db.prepare(`INSERT INTO documents (url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES ('https://old.example/a', 'Old Lighthouse', 'The lighthouse keeper retired after forty years.', 'h', 7, '{}', 'p', '[]', 't', 't')`).run();
  db.close();
  const store = await openSqliteStore(path);
  const hits = (await store.search({ text: 'lighthouse keeper' })).hits;
  await store.close();
  assert.deepEqual(hits.map((h) => [h.kind, h.url, h.snippet]), [['document', 'https://old.example/a', 'The lighthouse keeper retired after forty years.']]);
});

test('a file from a newer claimtrace is refused with E_STORE_SCHEMA', async () => {
  const path = freshPath();
  await (await openSqliteStore(path)).close();
  const db = new Database(path);
  db.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 't')").run();
  db.close();
  await assert.rejects(openSqliteStore(path), { code: 'E_STORE_SCHEMA' });
});

test('opening a missing file that must exist is E_INPUT_NOT_FOUND', async () => {
  await assert.rejects(openSqliteStore(join(dir, 'missing.db'), { mustExist: true }), { code: 'E_INPUT_NOT_FOUND' });
});

test('a file that is not a database is E_STORE_UNREADABLE', async () => {
  const path = join(dir, 'notes.db');
  writeFileSync(path, 'These are harbour notes, not a database file at all. '.repeat(20));
  await assert.rejects(openSqliteStore(path), { code: 'E_STORE_UNREADABLE' });
});

test('deleting a document through SQL cascades to its claims', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  const { DREDGING } = await import('./conformance-fixtures.js');
  await store.upsert({ report: DREDGING });
  await store.close();
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.prepare('DELETE FROM documents').run();
  assert.deepEqual([(db.prepare('SELECT COUNT(*) AS n FROM claims').get() as { n: number }).n, db.pragma('integrity_check', { simple: true })], [0, 'ok']);
  db.close();
});

test('prefix filtering reads the rarest items until the rest is worth less than the coverage needed', () => {
  const items = [{ id: 'common', df: 9000, weight: 1 }, { id: 'place', df: 12, weight: 6 }, { id: 'figure', df: 300, weight: 4 }, { id: 'verb', df: 2000, weight: 2 }];
  // total 13; a match must cover 1/3 of it (4.33): leaving out "verb" and "common" (3) cannot stop one from reaching it.
  assert.deepEqual(prefixItems(items, minQueryCoverage(0.5)).map((i) => i.id), ['place', 'figure']);
  // The more a match must cover, the fewer items it must share one of; the less, the more are read.
  assert.deepEqual(prefixItems(items, 0.9).map((i) => i.id), ['place']);
  assert.deepEqual(prefixItems(items, 0.05).map((i) => i.id), ['place', 'figure', 'verb', 'common']);
  assert.equal(minQueryCoverage(0.5), 1 / 3);
});

test('each stored figure names the claim holding it, and a file at schema version 3 gets them filled in', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 3);
  db.prepare(`INSERT INTO documents (id, url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES (1, 'https://old.example/b', 'Dredging', 'Intro. The port spent 12 million euros. Outro 5.', 'h', 8, '{}', 'p', '[]', 't', 't')`).run();
  db.prepare(`INSERT INTO claims (id, document_id, seq, ann_id, start_offset, end_offset, text, checkworthiness, kind, grade, attribution_ids) VALUES
    (7, 1, 0, 'c1', 7, 40, 'The port spent 12 million euros.', 0.9, 'statistic', 'none', '[]')`).run();
  db.prepare(`INSERT INTO quantities (document_id, seq, ann_id, start_offset, end_offset, text, value, low, high, bound, kind, unit) VALUES
    (1, 0, 'q1', 22, 39, '12 million euros', 12000000, NULL, NULL, 'exact', 'money', 'EUR'), (1, 1, 'q2', 47, 48, '5', 5, NULL, NULL, 'exact', 'count', NULL)`).run();
  db.close();
  const store = await openSqliteStore(path);
  const { documentId } = await store.upsert({ report: DREDGING });
  await store.close();
  const check = new Database(path, { readonly: true });
  const rows = (id: number) => check.prepare('SELECT q.ann_id, c.ann_id AS claim FROM quantities q LEFT JOIN claims c ON c.id = q.claim_id WHERE q.document_id = ? ORDER BY q.seq').all(id);
  // The old file's figures: one inside claim c1, one in no claim. The new document's figures, written with their claims.
  assert.deepEqual(rows(1), [{ ann_id: 'q1', claim: 'c1' }, { ann_id: 'q2', claim: null }]);
  const expected = DREDGING.quantities.map((q) => ({ ann_id: q.id, claim: DREDGING.claims.find((c) => c.start <= q.start && q.end <= c.end)?.id ?? null }));
  assert.ok(expected.some((e) => e.claim !== null));
  assert.deepEqual(rows(documentId), expected);
  check.close();
});

test('entity rows of a file at schema version 4 read back without an entity key, in a report that validates', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 4);
  const generator = JSON.stringify({ name: 'claimtrace', version: '0.0.0-old', annotators: ['entities@1'] });
  db.prepare(`INSERT INTO documents (id, url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES (1, 'https://old.example/c', NULL, 'Jean Périer left. Jean Perier came back.', 'h', 7, ?, 'p', '[]', 't', 't')`).run(generator);
  db.prepare(`INSERT INTO entities (document_id, seq, ann_id, start_offset, end_offset, text, type) VALUES
    (1, 0, 'e1', 0, 11, 'Jean Périer', 'person'), (1, 1, 'e2', 18, 29, 'Jean Perier', 'person')`).run();
  db.close();
  const store = await openSqliteStore(path);
  const report = await store.getReport(1);
  await store.close();
  assert.deepEqual(ReportSchema.parse(report).entities, [
    { id: 'e1', start: 0, end: 11, text: 'Jean Périer', type: 'person' },
    { id: 'e2', start: 18, end: 29, text: 'Jean Perier', type: 'person' },
  ]);
});

test('searches queued together let other callbacks run between them (a server answers /healthz meanwhile)', async () => {
  const store = await openSqliteStore(freshPath());
  try {
    await store.upsert({ report: DREDGING });
    let done = 0;
    let doneWhenTimerFired = -1;
    const searches = Array.from({ length: 20 }, () => store.search({ text: 'dredging' }).then(() => done++));
    setImmediate(() => (doneWhenTimerFired = done));
    await Promise.all(searches);
    assert.ok(doneWhenTimerFired >= 0 && doneWhenTimerFired <= 1, `the callback waited for ${doneWhenTimerFired} searches`);
  } finally {
    await store.close();
  }
});

test('a word in half of the articles or more, with many matches, lists them newest first; a rarer one by bm25', async () => {
  const store = await openSqliteStore(freshPath());
  try {
    const reports = Array.from({ length: 150 }, (_, i) => fixtureReport({
      text: `Harbour note ${i}: the harbour ${i % 15 === 0 ? 'lighthouse ' : ''}was ${'busy '.repeat(1 + (i % 7))}today.`,
      url: `https://notes.example/${i}`,
    }));
    await store.upsertMany(reports.map((report) => ({ report })));
    const common = await store.search({ text: 'harbour', limit: 5 });
    assert.equal(common.total, 150);
    assert.deepEqual(common.hits.map((h) => [h.url, h.score]), [149, 148, 147, 146, 145].map((i) => [`https://notes.example/${i}`, 0]));
    const rare = await store.search({ text: 'lighthouse' });
    assert.equal(rare.total, 10);
    assert.ok(rare.hits.every((h) => h.score < 0), 'bm25 scores are negative');
  } finally {
    await store.close();
  }
});

test('readVarint reads SQLite varints of one to nine bytes', () => {
  assert.deepEqual([readVarint(Uint8Array.of(0x05)), readVarint(Uint8Array.of(0x87, 0x68)), readVarint(Uint8Array.of(0x81, 0x80, 0x00))], [5, 1000, 16384]);
  assert.equal(readVarint(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), 2 ** 64 - 255);
});
