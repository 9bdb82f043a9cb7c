import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions } from '../engine/analyze.js';
import { toStoreError, guardStore } from '../store/sqlite-errors.js';
import { openSqliteStore } from '../store/sqlite.js';
import { ClaimtraceError } from '../core/errors.js';
import { ingest, storeFailure, type IngestEvent } from './ingest.js';
import { HANG, TEST_WORKER } from './test-helpers.js';

const ARTICLE = 'The harbour board said the dredging cost 12 million euros.\n';

function files(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-'));
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'b.txt'), ARTICLE.replace('12', '14'));
  return dir;
}

test('ingest stores each article once and reports each as stored', async () => {
  const store = await openSqliteStore(':memory:');
  const events: string[] = [];
  const summary = await ingest([files()], store, { analyze: resolveOptions({ models: false }) }, (e) => events.push(`${e.type}:${e.type === 'stored' ? e.status : e.error.code}`));
  assert.deepEqual([events, await store.countDocuments(), summary.inserted], [['stored:inserted', 'stored:inserted'], 2, 2]);
  await store.close();
});

test('an article stored with other settings is analysed again and updated', async () => {
  const store = await openSqliteStore(':memory:');
  const dir = files();
  await ingest([dir], store, { analyze: resolveOptions({ models: false }) });
  const again = await ingest([dir], store, { analyze: resolveOptions({ models: false, threshold: 0.7 }) });
  assert.deepEqual([again.updated, again.unchanged, await store.countDocuments()], [2, 0, 2]);
  await store.close();
});

test('an aborted signal stops the run before the next article', async () => {
  const store = await openSqliteStore(':memory:');
  const controller = new AbortController();
  controller.abort();
  const summary = await ingest([files()], store, { analyze: resolveOptions({ models: false }), signal: controller.signal });
  assert.deepEqual([summary.interrupted, summary.inserted, await store.countDocuments()], [true, 0, 0]);
  await store.close();
});

function manyFiles(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-'));
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `m${String(i).padStart(2, '0')}.txt`), `The ferry board said ${100 + i} sailings were cancelled in May.\n`);
  writeFileSync(join(dir, 'm03.txt'), ' \n');
  writeFileSync(join(dir, 'm07.txt'), 'The ferry board said 100 sailings were cancelled in May.\n');
  return dir;
}

test('with worker threads, articles are committed in input order and failures and duplicates are found as on one thread', async () => {
  const store = await openSqliteStore(':memory:');
  const events: string[] = [];
  const summary = await ingest([manyFiles(10)], store, { analyze: resolveOptions({ models: false }), workers: 2 }, (e) => events.push(`${e.input.slice(-7)}:${e.type === 'stored' ? e.status : e.error.code}`));
  assert.deepEqual(events, ['m00.txt:inserted', 'm01.txt:inserted', 'm02.txt:inserted', 'm03.txt:E_INPUT_EMPTY', 'm04.txt:inserted', 'm05.txt:inserted', 'm06.txt:inserted', 'm07.txt:unchanged', 'm08.txt:inserted', 'm09.txt:inserted']);
  assert.deepEqual([summary.inserted, summary.unchanged, summary.failed, await store.countDocuments()], [8, 1, 1, 8]);
  await store.close();
});

test('a report analysed on a worker thread is the report analysed on the main thread', async () => {
  const dir = files();
  const reports = [];
  for (const workers of [0, 1]) {
    const store = await openSqliteStore(':memory:');
    await ingest([dir], store, { analyze: resolveOptions({ models: false }), workers });
    reports.push(await store.getReport(1));
    await store.close();
  }
  assert.ok(reports[0]?.claims.length);
  assert.deepEqual(reports[1], reports[0]);
});

test('when a batch cannot be committed, its articles are stored one by one and only the bad one is recorded as failed', async () => {
  const inner = await openSqliteStore(':memory:');
  const store: typeof inner = {
    ...inner,
    upsertMany: async () => {
      throw new Error('batch refused');
    },
    upsert: async (article) => {
      if (article.input?.endsWith('m05.txt')) throw new Error('disk says no');
      return inner.upsert(article);
    },
  };
  const events: string[] = [];
  const summary = await ingest([manyFiles(8)], store, { analyze: resolveOptions({ models: false }), workers: 1 }, (e) => events.push(`${e.input.slice(-7)}:${e.type === 'stored' ? e.status : e.error.code}`));
  assert.deepEqual(events, ['m00.txt:inserted', 'm01.txt:inserted', 'm02.txt:inserted', 'm03.txt:E_INPUT_EMPTY', 'm04.txt:inserted', 'm05.txt:E_INTERNAL', 'm06.txt:inserted', 'm07.txt:unchanged']);
  assert.deepEqual([summary.inserted, summary.failed, await inner.countDocuments()], [5, 2, 5]);
  assert.deepEqual((await inner.failures()).map((f) => f.input.slice(-7)), ['m03.txt', 'm05.txt']);
  await inner.close();
});

test('articles that finish while a commit is under way are committed together in the next transaction', async () => {
  const inner = await openSqliteStore(':memory:');
  const batches: number[] = [];
  // A slow disk: each commit takes 100 ms, while the worker goes on analysing (it needs ~1 ms per article here), so
  // the articles it finishes meanwhile are ready together when the next commit starts, however busy the machine is.
  const store: typeof inner = {
    ...inner,
    upsertMany: async (articles) => {
      batches.push(articles.length);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return inner.upsertMany(articles);
    },
  };
  const summary = await ingest([manyFiles(30)], store, { analyze: resolveOptions({ models: false }), workers: 1 });
  assert.equal(summary.inserted, 28);
  assert.equal(batches.reduce((a, b) => a + b, 0), 28);
  assert.ok(batches.length < 28, `batches: ${batches.join(',')}`);
  await inner.close();
});

test('an article whose analysis passes its deadline is recorded E_TIMEOUT and the run goes on', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-'));
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  writeFileSync(join(dir, 'b.txt'), `${HANG}\n`);
  writeFileSync(join(dir, 'c.txt'), ARTICLE.replace('12', '14'));
  const store = await openSqliteStore(':memory:');
  const events: string[] = [];
  const analyze = resolveOptions({ models: false, deadlineMs: 2_000, deadlinePerMbMs: 0 });
  const summary = await ingest([dir], store, { analyze, workers: 1, pool: { entry: TEST_WORKER } }, (e) => events.push(`${e.input.slice(-5)}:${e.type === 'stored' ? e.status : e.error.code}`));
  assert.deepEqual(events, ['a.txt:inserted', 'b.txt:E_TIMEOUT', 'c.txt:inserted']);
  assert.deepEqual([summary.inserted, summary.failed, (await store.failures()).map((f) => [f.input.slice(-5), f.code])], [2, 1, [['b.txt', 'E_TIMEOUT']]]);
  await store.close();
});

/** A store whose every lookup meets a damaged page, as SQLite reports it and the store maps it (sqlite-errors.ts). */
async function corruptStore() {
  const inner = await openSqliteStore(':memory:');
  const corrupt = () => Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
  const store: typeof inner = guardStore({
    ...inner,
    lookup: async () => {
      throw corrupt();
    },
  });
  return { inner, store };
}

test('a store that cannot be read ends the run with E_STORE_UNREADABLE instead of recording each article as failed', async () => {
  for (const workers of [0, 1]) {
    const { inner, store } = await corruptStore();
    const events: IngestEvent[] = [];
    await assert.rejects(ingest([files()], store, { analyze: resolveOptions({ models: false }), workers }, (e) => events.push(e)), { code: 'E_STORE_UNREADABLE', message: 'Database :memory: cannot be read: database disk image is malformed' });
    assert.deepEqual([events, await inner.failures()], [[], []]);
    await inner.close();
  }
});

test('storeFailure tells a broken store from one article\'s failure', () => {
  const sqlite = (code: string) => Object.assign(new Error(code), { code });
  assert.deepEqual(
    [sqlite('SQLITE_CORRUPT'), sqlite('SQLITE_NOTADB'), sqlite('SQLITE_IOERR_SHORT_READ'), sqlite('SQLITE_FULL'), sqlite('SQLITE_CONSTRAINT_UNIQUE'), new ClaimtraceError('E_STORE_SCHEMA', {}), new ClaimtraceError('E_INPUT_EMPTY', {}), new Error('x')].map((err) => storeFailure(toStoreError(err, 'c.db'))?.code),
    ['E_STORE_UNREADABLE', 'E_STORE_UNREADABLE', 'E_STORE_UNREADABLE', 'E_STORE_UNWRITABLE', undefined, 'E_STORE_SCHEMA', undefined, undefined],
  );
});
