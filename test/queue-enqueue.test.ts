/**
 * `claimtrace ingest --queue` on a real Redis queue (127.0.0.1:6379): one job per article, the same input twice makes
 * one job, unreadable inputs are reported (and recorded with --db), never enqueued.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openStore } from '../src/store/open.js';
import { queueStatus } from '../src/queue/index.js';
import { cli } from './cli-helpers.js';
import { REDIS_URL, article, testQueue, writeArticles } from './queue-helpers.js';

describe('ingest --queue', { timeout: 60_000 }, () => {
  it('enqueues one job per article of folders and JSON Lines, and none again for the same inputs', async () => {
    const q = testQueue();
    try {
      writeArticles(q.dir, 3);
      const jsonl = join(q.dir, 'more.jsonl');
      writeFileSync(jsonl, [JSON.stringify({ url: 'https://news.example/a', text: article(10), title: 'A' }), JSON.stringify({ html: `<p>${article(11)}</p>` })].join('\n'));
      const args = ['ingest', q.dir, '--queue', REDIS_URL, '--queue-name', q.name, '--format', 'json'];
      const first = await cli(args);
      assert.equal(first.code, 0, first.stderr);
      assert.deepEqual(pick(JSON.parse(first.stdout)), { schema: 'claimtrace/enqueue-summary@1', queue: q.name, enqueued: 5, alreadyQueued: 0, failed: 0 });
      const second = await cli(args);
      assert.deepEqual(pick(JSON.parse(second.stdout)), { schema: 'claimtrace/enqueue-summary@1', queue: q.name, enqueued: 0, alreadyQueued: 5, failed: 0 });
      const status = await queueStatus(q.target);
      assert.deepEqual(status.counts, { waiting: 5, active: 0, completed: 0, failed: 0, delayed: 0 });
    } finally {
      await q.cleanup();
    }
  });

  it('reports inputs that cannot be read, records them in the store named with --db, and enqueues the rest', async () => {
    const q = testQueue();
    try {
      const [good] = writeArticles(q.dir, 1);
      const big = join(q.dir, 'big.txt');
      writeFileSync(big, article(1).repeat(20));
      const bad = join(q.dir, 'bad.jsonl');
      writeFileSync(bad, '{"text": "A short text."}\nnot json\n');
      const db = join(q.dir, 'corpus.db');
      const result = await cli(['ingest', good!, big, bad, join(q.dir, 'missing.txt'), '--queue', REDIS_URL, '--queue-name', q.name, '--db', db, '--max-bytes', '4000']);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^claimtrace: 2 enqueued, 0 already queued, 3 failed in [\d.]+ s on queue /);
      assert.match(result.stderr, /big\.txt: E_INPUT_TOO_LARGE/);
      assert.match(result.stderr, /bad\.jsonl:2: E_RECORD_INVALID/);
      const store = await openStore(db);
      try {
        assert.deepEqual((await store.failures()).map((f) => f.code).sort(), ['E_INPUT_NOT_FOUND', 'E_INPUT_TOO_LARGE', 'E_RECORD_INVALID']);
      } finally {
        await store.close();
      }
      assert.equal((await queueStatus(q.target)).counts.waiting, 2);
    } finally {
      await q.cleanup();
    }
  });

  it('fails with E_QUEUE_UNREACHABLE when no server answers, and E_QUEUE_URL_INVALID for another scheme', async () => {
    const q = testQueue();
    try {
      const [input] = writeArticles(q.dir, 1);
      const down = await cli(['ingest', input!, '--queue', 'redis://127.0.0.1:1', '--queue-name', q.name]);
      assert.equal(down.code, 1);
      assert.match(down.stderr, /E_QUEUE_UNREACHABLE: Cannot reach the queue at redis:\/\/127\.0\.0\.1:1/);
      const wrong = await cli(['queue', 'status', '--queue', 'http://127.0.0.1:6379']);
      assert.equal(wrong.code, 1);
      assert.match(wrong.stderr, /E_QUEUE_URL_INVALID/);
    } finally {
      await q.cleanup();
    }
  });
});

function pick(summary: Record<string, unknown>) {
  const { schema, queue, enqueued, alreadyQueued, failed } = summary;
  return { schema, queue, enqueued, alreadyQueued, failed };
}
