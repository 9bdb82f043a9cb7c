import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { resolveOptions } from '../engine/analyze.js';
import { openSqliteStore } from '../store/sqlite.js';
import { ingest } from './ingest.js';

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
