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
import { REDIS_URL, killOneOfTwoWorkers, spawnWorker, testQueue, writeArticles, type WorkerProcess } from './queue-helpers.js';


describe('queue workers', { timeout: 120_000 }, () => {
  const started: WorkerProcess[] = [];
  after(() => {
    for (const worker of started) if (worker.child.exitCode === null && worker.child.signalCode === null) worker.child.kill('SIGKILL');
  });
  const spawn = (args: readonly string[], env?: Record<string, string>) => {
    const worker = spawnWorker(args, env);
    started.push(worker);
    return worker;
  };

  it('stores every article exactly once when one of two workers is killed with SIGKILL in the middle of a job', async () => {
    const q = testQueue();
    try {
      const db = join(q.dir, 'corpus.db');
      await killOneOfTwoWorkers(q, db, spawn, () => {
        const sqlite = new Database(db, { readonly: true });
        try {
          return Promise.resolve(sqlite.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT text_hash) AS texts FROM documents').get() as { n: number; texts: number });
        } finally {
          sqlite.close();
        }
      });
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
      const worker = spawn(['--queue', REDIS_URL, '--queue-name', q.name, '--db', db, '--no-models', '--concurrency', '1'], { CLAIMTRACE_QUEUE_TEST_DELAY_MS: '1500' });
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
