/**
 * `claimtrace worker` processes on a real Redis queue (127.0.0.1:6379) and a SQLite store: a worker killed with
 * SIGKILL in the middle of a job loses nothing (its job is delivered again) and duplicates nothing; SIGTERM stops a
 * worker cleanly after its job. A worker is made slow with CLAIMTRACE_QUEUE_TEST_DELAY_MS (a test hook).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/open.js';
import { queueStatus } from '../src/queue/index.js';
import { cli } from './cli-helpers.js';
import { REDIS_URL, spawnWorker, testQueue, writeArticles, type WorkerProcess } from './queue-helpers.js';

/** Short locks, so that a killed worker's job is delivered again within a few seconds. */
const FAST_STALL = ['--lock-duration', '2000', '--stalled-interval', '1000'];

describe('queue workers', { timeout: 120_000 }, () => {
  const started: WorkerProcess[] = [];
  after(() => {
    for (const worker of started) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  });
  const spawn = (args: string[], env?: Record<string, string>) => {
    const worker = spawnWorker(args, env);
    started.push(worker);
    return worker;
  };

  it('stores every article exactly once when one of two workers is killed with SIGKILL in the middle of a job', async () => {
    const q = testQueue();
    try {
      const N = 8;
      const inputs = writeArticles(q.dir, N);
      const db = join(q.dir, 'corpus.db');
      await (await openStore(db)).close(); // migrated before two processes open it
      const enqueued = await cli(['ingest', ...inputs, '--queue', REDIS_URL, '--queue-name', q.name, '--format', 'json']);
      assert.equal(enqueued.code, 0, enqueued.stderr);
      assert.equal(JSON.parse(enqueued.stdout).enqueued, N);

      const args = ['--queue', REDIS_URL, '--queue-name', q.name, '--db', db, ...FAST_STALL];
      // The slow worker takes one job and sleeps on it; the other works normally.
      const slow = spawn([...args, '--concurrency', '1'], { CLAIMTRACE_QUEUE_TEST_DELAY_MS: '600000' });
      const taken = await slow.waitFor((e) => e.event === 'active', 45_000);
      const steady = spawn([...args, '--until-empty']);
      await steady.waitFor((e) => e.event === 'completed', 45_000);
      slow.child.kill('SIGKILL');
      assert.equal(await slow.exited, 'SIGKILL');

      // The killed worker's job is taken up again by the other once its lock expires; then the queue is empty.
      const redelivered = await steady.waitFor((e) => e.event === 'completed' && e.jobId === taken.jobId, 30_000);
      assert.equal(redelivered.input, taken.input);
      assert.equal(await steady.exited, 0, steady.stderr());
      const summary = steady.events.at(-1)!;
      assert.equal(summary.schema, 'claimtrace/worker-summary@1');
      assert.equal(summary.completed, N);
      assert.equal(summary.failed, 0);

      const store = await openStore(db);
      try {
        assert.equal(await store.countDocuments(), N);
        assert.deepEqual(await store.failures(), []);
      } finally {
        await store.close();
      }
      const sqlite = new Database(db, { readonly: true });
      try {
        const rows = sqlite.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT text_hash) AS texts FROM documents').get() as { n: number; texts: number };
        assert.deepEqual(rows, { n: N, texts: N });
      } finally {
        sqlite.close();
      }
      const status = await queueStatus(q.target);
      assert.deepEqual(status.counts, { waiting: 0, active: 0, completed: N, failed: 0, delayed: 0 });
      assert.equal(status.throughput.completed, N);
    } finally {
      await q.cleanup();
    }
  });

  it('finishes the job in hand on SIGTERM, closes the store and exits 0', async () => {
    const q = testQueue();
    try {
      const inputs = writeArticles(q.dir, 3);
      const db = join(q.dir, 'corpus.db');
      const enqueued = await cli(['ingest', ...inputs, '--queue', REDIS_URL, '--queue-name', q.name]);
      assert.equal(enqueued.code, 0, enqueued.stderr);
      assert.match(enqueued.stdout, /^claimtrace: 3 enqueued, 0 already queued, 0 failed/);
      const worker = spawn(['--queue', REDIS_URL, '--queue-name', q.name, '--db', db, '--concurrency', '1'], { CLAIMTRACE_QUEUE_TEST_DELAY_MS: '1500' });
      const active = await worker.waitFor((e) => e.event === 'active', 45_000);
      worker.child.kill('SIGTERM');
      assert.equal(await worker.exited, 0, worker.stderr());
      const done = worker.events.filter((e) => e.event === 'completed');
      assert.deepEqual(done.map((e) => e.jobId), [active.jobId]);
      assert.equal(worker.events.at(-1)!.completed, 1);
      const store = await openStore(db);
      try {
        assert.equal(await store.countDocuments(), 1);
      } finally {
        await store.close();
      }
      const status = await queueStatus(q.target);
      assert.deepEqual(status.counts, { waiting: 2, active: 0, completed: 1, failed: 0, delayed: 0 });
    } finally {
      await q.cleanup();
    }
  });
});
