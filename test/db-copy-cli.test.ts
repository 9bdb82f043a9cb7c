import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { DREDGING, FERRIES, QUOTAS } from '../src/store/conformance-fixtures.js';
import { TEST_PG_URL, testSchemas } from '../src/store/postgres/test-database.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { cli, tempFiles } from './cli-helpers.js';

const schemas = testSchemas('dbcopy');
const files = tempFiles({});
after(async () => {
  await schemas.dropAll();
  rmSync(files.dir, { recursive: true, force: true });
});

async function corpus(name: string): Promise<string> {
  const path = join(files.dir, name);
  const store = await openSqliteStore(path);
  await store.upsertMany([DREDGING, FERRIES, QUOTAS].map((report) => ({ report })));
  await store.addReview({ documentId: 1, claimId: 'c1', rating: 'true', explanation: 'Minutes agree.', evidenceUrls: [], reviewer: 'Ines Varga' });
  await store.close();
  return path;
}

test('db copy into PostgreSQL prints its counts as JSON, and a second run finds everything already there', async () => {
  const from = await corpus('a.db');
  const to = `${TEST_PG_URL}?schema=${schemas.next()}`;
  const first = await cli(['db', 'copy', '--from', from, '--to', to, '--format', 'json']);
  assert.equal(first.code, 0, first.stderr);
  const summary = JSON.parse(first.stdout);
  assert.deepEqual([summary.schema, summary.documents, summary.reviews, summary.interrupted], ['claimtrace/db-copy-summary@1', { inserted: 3, updated: 0, unchanged: 0 }, { copied: 1, present: 0 }, false]);
  const second = JSON.parse((await cli(['db', 'copy', '--from', from, '--to', to, '--format', 'json'])).stdout);
  assert.deepEqual([second.documents, second.reviews], [{ inserted: 0, updated: 0, unchanged: 3 }, { copied: 0, present: 1 }]);
});

test('db copy in text format writes NDJSON progress to stderr off a terminal and a summary line', async () => {
  const from = await corpus('b.db');
  const result = await cli(['db', 'copy', '--from', from, '--to', join(files.dir, 'b-copy.db'), '--progress-every', '2']);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^claimtrace: copied 3 articles new, 0 updated, 0 already there; reviews 1 copied, 0 already there;/);
  const events = result.stderr.trim().split('\n').map((line) => JSON.parse(line));
  assert.deepEqual(events.map((e) => [e.event, e.done, e.total]), [['progress', 2, 3], ['end', 3, 3]]);
});

test('db copy refuses a store onto itself (usage error) and a source that does not exist', async () => {
  const from = await corpus('c.db');
  const same = await cli(['db', 'copy', '--from', from, '--to', join(files.dir, '.', 'c.db')]);
  assert.deepEqual([same.code, same.stderr.trim()], [2, 'claimtrace: E_OPTION_INVALID: Invalid option --to: it names the same store as --from']);
  const missing = await cli(['db', 'copy', '--from', join(files.dir, 'none.db'), '--to', join(files.dir, 'd.db')]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /E_INPUT_NOT_FOUND/);
  const batch = await cli(['db', 'copy', '--from', from, '--to', join(files.dir, 'd.db'), '--batch', '0']);
  assert.deepEqual([batch.code, /E_OPTION_INVALID/.test(batch.stderr)], [2, true]);
});
