import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { feedTests } from '../src/store/conformance-feeds.js';
import { migrate, schemaVersion } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/all.js';
import { openSqliteStore } from '../src/store/sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-feeds-'));
let n = 0;
const freshPath = () => join(dir, `store-${++n}.db`);

describe('SQLite feed state', () => feedTests(() => openSqliteStore(freshPath())));

test('feed state and claimed items survive closing and reopening the file', async () => {
  const path = freshPath();
  const first = await openSqliteStore(path);
  await first.saveFeedState({ url: 'https://harbourpost.example/feed.xml', etag: '"a"', lastModified: null, lastPolledAt: null, nextPollAt: null, lastStatus: 304, lastError: null });
  await first.claimFeedItems('https://harbourpost.example/feed.xml', ['guid-1']);
  await first.close();
  const again = await openSqliteStore(path);
  const state = await again.getFeedState('https://harbourpost.example/feed.xml');
  const unseen = await again.unseenFeedItems('https://harbourpost.example/feed.xml', ['guid-1', 'guid-2']);
  await again.close();
  assert.deepEqual([state?.etag, state?.lastStatus, unseen], ['"a"', 304, ['guid-2']]);
});

test('two store handles on one file claiming the same keys at once each get a key exactly once', async () => {
  const path = freshPath();
  const [a, b] = [await openSqliteStore(path), await openSqliteStore(path)];
  const keys = Array.from({ length: 50 }, (_, i) => `urn:item:${i}`);
  const claims = await Promise.all([a.claimFeedItems('https://harbourpost.example/feed.xml', keys), b.claimFeedItems('https://harbourpost.example/feed.xml', [...keys].reverse())]);
  await Promise.all([a.close(), b.close()]);
  assert.deepEqual([...claims.flat()].sort(), [...keys].sort());
});

test('a file at schema version 6 is migrated to the feeds schema and keeps its documents', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 6);
  db.prepare(`INSERT INTO documents (url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES ('https://old.example/a', 'Old Quay', 'The quay reopened.', 'h', 3, '{}', 'p', '[]', 't', 't')`).run();
  db.close();
  const store = await openSqliteStore(path);
  const claimed = await store.claimFeedItems('https://old.example/feed', ['a']);
  const documents = await store.countDocuments();
  await store.close();
  const check = new Database(path, { readonly: true });
  assert.ok(schemaVersion(check) >= 7);
  check.close();
  assert.deepEqual([claimed, documents], [['a'], 1]);
});
