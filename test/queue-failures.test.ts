/**
 * Failing jobs on a real Redis queue (127.0.0.1:6379), with the worker run in this process: a job that keeps failing
 * (a store that cannot be written) is retried with backoff and then left as a dead letter with its code; bad input is not retried; a job delivered
 * twice updates its article, never duplicates it.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ClaimtraceError } from '../src/core/errors.js';
import { resolveOptions } from '../src/engine/options.js';
import { enqueueInputs, jobIdFor, queueStatus, redisOptions, retryFailed, startConsumer, toJobData, type ConsumerEvent, type ConsumerOptions } from '../src/queue/index.js';
import { openStore } from '../src/store/open.js';
import { cli } from './cli-helpers.js';
import { REDIS_URL, article, testQueue, writeArticles } from './queue-helpers.js';

/** A store method made to fail its first `times` calls with `error`. */
interface Breakage {
  readonly method: 'upsert' | 'lookup';
  readonly times: number;
  readonly error: () => Error;
}

/** Runs a worker in this process until the queue is empty (with a store method that fails, if asked); returns its events. */
async function drain(q: ReturnType<typeof testQueue>, db: string, { broken, ...options }: Partial<ConsumerOptions> & { broken?: Breakage } = {}): Promise<ConsumerEvent[]> {
  const events: ConsumerEvent[] = [];
  const store = await openStore(db);
  let failures = 0;
  const used = new Proxy(store, {
    get: (target, key, receiver) => {
      const real = Reflect.get(target, key, receiver) as (...args: unknown[]) => Promise<unknown>;
      if (!broken || key !== broken.method) return real;
      return (...args: unknown[]) => (failures++ < broken.times ? Promise.reject(broken.error()) : real.apply(target, args));
    },
  });
  try {
    const consumer = await startConsumer(q.target, used, { analyze: resolveOptions({ models: false }), untilEmpty: true, onEvent: (e) => events.push(e), ...options });
    await consumer.done;
  } finally {
    await store.close();
  }
  return events;
}

describe('queue failures', { timeout: 90_000 }, () => {
  it('retries a failing job with backoff, then leaves it as a dead letter with its code and records the failure', async () => {
    const q = testQueue();
    try {
      const [input] = writeArticles(q.dir, 1);
      const db = join(q.dir, 'corpus.db');
      const summary = await enqueueInputs([input!], q.target, { maxBytes: 1_000_000, attempts: 3, backoffMs: 100 });
      assert.equal(summary.enqueued, 1);
      // An unexpected error (a bug: E_INTERNAL) may not happen another time, so the job is retried.
      const events = await drain(q, db, { broken: { method: 'lookup', times: 1000, error: () => new Error('lookup broke (test)') } });
      const failed = events.filter((e) => e.event === 'failed');
      assert.deepEqual(
        failed.map((e) => e.event === 'failed' && [e.code, e.attempt, e.final]),
        [
          ['E_INTERNAL', 1, false],
          ['E_INTERNAL', 2, false],
          ['E_INTERNAL', 3, true],
        ],
      );
      const status = await queueStatus(q.target);
      assert.equal(status.counts.failed, 1);
      assert.equal(status.deadLetters.length, 1);
      const dead = status.deadLetters[0]!;
      assert.deepEqual([dead.input, dead.code, dead.attempts], [input, 'E_INTERNAL', 3]);
      assert.match(dead.message, /lookup broke \(test\)/);
      const store = await openStore(db);
      try {
        assert.deepEqual(
          (await store.failures()).map((f) => [f.input, f.code]),
          [[input, 'E_INTERNAL']],
        );
        assert.equal(await store.countDocuments(), 0);
      } finally {
        await store.close();
      }

      // Put back, it succeeds with a normal deadline.
      assert.equal(await retryFailed(q.target), 1);
      const again = await drain(q, db);
      assert.deepEqual(
        again.filter((e) => e.event === 'completed').map((e) => e.event === 'completed' && e.status),
        ['inserted'],
      );
    } finally {
      await q.cleanup();
    }
  });

  it('pauses while the store fails and stores the job once it works again, without spending its attempts', async () => {
    const q = testQueue();
    try {
      const [input] = writeArticles(q.dir, 1);
      const db = join(q.dir, 'corpus.db');
      await enqueueInputs([input!], q.target, { maxBytes: 1_000_000, attempts: 1 });
      // A store that cannot be written (a full disk, a database restarting) fails every job alike: not the job's fault.
      const broken: Breakage = { method: 'upsert', times: 2, error: () => new ClaimtraceError('E_STORE_UNWRITABLE', { path: db, reason: 'disk full (test)' }) };
      const events = await drain(q, db, { broken, storeRetryMs: 200 });
      assert.deepEqual(
        events.filter((e) => e.event !== 'ready').map((e) => [e.event, e.event === 'paused' ? e.code : e.event === 'active' ? e.attempt : e.event === 'completed' ? e.status : '']),
        [
          ['active', 1],
          ['paused', 'E_STORE_UNWRITABLE'],
          ['active', 1],
          ['paused', 'E_STORE_UNWRITABLE'],
          ['active', 1],
          ['completed', 'inserted'],
        ],
      );
      const status = await queueStatus(q.target);
      assert.deepEqual([status.counts.completed, status.counts.failed], [1, 0]);
    } finally {
      await q.cleanup();
    }
  });

  it('does not retry bad input: an empty article is a dead letter after one attempt', async () => {
    const q = testQueue();
    try {
      const empty = join(q.dir, 'empty.txt');
      writeFileSync(empty, '  \n\n ');
      const db = join(q.dir, 'corpus.db');
      await enqueueInputs([empty], q.target, { maxBytes: 1_000_000, attempts: 3, backoffMs: 100 });
      const events = await drain(q, db);
      assert.deepEqual(
        events.filter((e) => e.event === 'failed').map((e) => e.event === 'failed' && [e.code, e.attempt, e.final]),
        [['E_INPUT_EMPTY', 1, true]],
      );
      const result = await cli(['queue', 'status', '--queue', REDIS_URL, '--queue-name', q.name, '--format', 'json']);
      assert.equal(result.code, 0, result.stderr);
      const status = JSON.parse(result.stdout);
      assert.deepEqual(
        status.deadLetters.map((d: { input: string; code: string; attempts: number }) => [d.input, d.code, d.attempts]),
        [[empty, 'E_INPUT_EMPTY', 1]],
      );
      const text = await cli(['queue', 'status', '--queue', REDIS_URL, '--queue-name', q.name]);
      assert.match(text.stdout, /0 waiting, 0 active, 0 delayed \(retrying\), 0 completed, 1 failed/);
      assert.ok(text.stdout.includes(`${empty}: E_INPUT_EMPTY: Input is empty: ${empty} (1 attempts`), text.stdout);
    } finally {
      await q.cleanup();
    }
  });

  it('stores an article delivered twice once: the second delivery leaves it unchanged, or updates it with --force', async () => {
    const q = testQueue();
    try {
      // The same article under two names: two jobs (their labels differ), one document.
      const a = join(q.dir, 'a.txt');
      const b = join(q.dir, 'b.txt');
      writeFileSync(a, article(7));
      writeFileSync(b, article(7));
      const db = join(q.dir, 'corpus.db');
      assert.equal((await enqueueInputs([a, b], q.target, { maxBytes: 1_000_000 })).enqueued, 2);
      const events = await drain(q, db, { concurrency: 1 });
      assert.deepEqual(
        events.filter((e) => e.event === 'completed').map((e) => e.event === 'completed' && e.status),
        ['inserted', 'unchanged'],
      );
      writeFileSync(join(q.dir, 'c.txt'), article(7));
      await enqueueInputs([join(q.dir, 'c.txt')], q.target, { maxBytes: 1_000_000 });
      const forced = await drain(q, db, { force: true });
      assert.deepEqual(
        forced.filter((e) => e.event === 'completed').map((e) => e.event === 'completed' && e.status),
        ['updated'],
      );
      const store = await openStore(db);
      try {
        assert.equal(await store.countDocuments(), 1);
      } finally {
        await store.close();
      }
    } finally {
      await q.cleanup();
    }
  });

  it('fetches a link job with the address policy and stores the page; an HTTP 404 is a dead letter after one attempt', async () => {
    const q = testQueue();
    const server = createServer((req, res) => {
      if (req.url === '/story') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<html><head><title>Storm story</title></head><body><article>${article(3).split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
      } else {
        res.writeHead(404).end('gone');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { Queue } = await import('bullmq');
      const queue = new Queue(q.name, { connection: redisOptions(q.target, true), prefix: q.target.prefix });
      for (const [label, link] of [['urls.txt:1', `http://127.0.0.1:${port}/story`], ['urls.txt:2', `http://127.0.0.1:${port}/missing`]] as const) {
        const data = toJobData({ label, link, meta: { title: 'From the list' } });
        await queue.add(data.kind, data, { jobId: jobIdFor(data), attempts: 3, backoff: { type: 'exponential', delay: 100 } });
      }
      await queue.close();
      const db = join(q.dir, 'corpus.db');
      // Loopback is refused by default (src/fetch's policy); this test's server is on 127.0.0.1.
      const events = await drain(q, db, { isAllowedAddress: () => true, concurrency: 1 });
      assert.deepEqual(
        events.filter((e) => e.event === 'completed' || e.event === 'failed').map((e) => [e.event, e.input, e.event === 'failed' ? [e.code, e.attempt, e.final] : e.status]),
        [
          ['completed', 'urls.txt:1', 'inserted'],
          ['failed', 'urls.txt:2', ['E_URL_HTTP_STATUS', 1, true]],
        ],
      );
      const store = await openStore(db);
      try {
        const stored = await store.lookup({ url: `http://127.0.0.1:${port}/story`, textHash: '' });
        assert.ok(stored, 'the page is stored under its URL');
        const report = await store.getReport(stored.id);
        assert.equal(report?.document.title, 'Storm story');
      } finally {
        await store.close();
      }
    } finally {
      server.close();
      await q.cleanup();
    }
  });
});
