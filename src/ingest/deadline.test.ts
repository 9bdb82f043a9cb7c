import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimtraceError } from '../core/errors.js';
import { resolveOptions } from '../engine/analyze.js';
import { analysisDeadlineMs } from './deadline.js';
import { createWorkerPool, type WorkerOutcome, type WorkerPool } from './pool.js';
import type { ArticleSource } from './source.js';
import { CRASH, HANG, TEST_WORKER } from './test-helpers.js';

const MB = 1024 * 1024;
/** Short enough for a test, long enough for a one-line article on a loaded machine. */
const options = resolveOptions({ models: false, deadlineMs: 2_000, deadlinePerMbMs: 0 });
const always = async () => true;
/** No test here may hang a test run, whatever the pool does. */
const bounded = { timeout: 60_000 };

function article(label: string, text: string): ArticleSource {
  return { label, bytes: new TextEncoder().encode(text), contentType: 'text/plain' };
}

const ferry = (n: number) => article(`ferry-${n}.txt`, `The ferry board said ${100 + n} sailings were cancelled in May.\n`);

/** The outcome's kind, or the error's code. */
function settle(promise: Promise<WorkerOutcome>): Promise<string> {
  return promise.then(
    (outcome) => outcome.kind,
    (err: unknown) => (err instanceof ClaimtraceError ? err.code : `not a ClaimtraceError: ${String(err)}`),
  );
}

async function withPool<T>(size: number, body: (pool: WorkerPool) => Promise<T>, analyze = options): Promise<T> {
  const pool = createWorkerPool(size, analyze, { entry: TEST_WORKER });
  try {
    return await body(pool);
  } finally {
    await pool.close();
  }
}

test('the deadline is the base plus an allowance per MB of input', () => {
  const defaults = resolveOptions({});
  assert.deepEqual([analysisDeadlineMs(0, defaults), analysisDeadlineMs(MB, defaults), analysisDeadlineMs(5 * MB, defaults)], [60_000, 80_000, 160_000]);
});

test('an article that never finishes is rejected with E_TIMEOUT at its deadline, and the pool goes on', bounded, async () => {
  await withPool(1, async (pool) => {
    const started = performance.now();
    const error = await pool.run(article('loop.html', `${HANG}\n`), always).catch((err: unknown) => err);
    const elapsed = performance.now() - started;
    assert.ok(error instanceof ClaimtraceError);
    assert.equal(error.message, 'Analysing loop.html took longer than 2000 ms');
    assert.ok(elapsed >= 1_900 && elapsed < 10_000, `rejected after ${Math.round(elapsed)} ms`);
    assert.equal(await settle(pool.run(ferry(1), always)), 'analysed');
  });
});

test('articles waiting on a worker that passed a deadline are sent again, not failed', bounded, async () => {
  await withPool(1, async (pool) => {
    const outcomes = [pool.run(article('hang.txt', `${HANG}\n`), always), pool.run(ferry(1), always), pool.run(ferry(2), always), pool.run(ferry(3), always)];
    assert.deepEqual(await Promise.all(outcomes.map(settle)), ['E_TIMEOUT', 'analysed', 'analysed', 'analysed']);
    assert.equal(pool.inFlight, 0);
  });
});

test('with two workers, the other worker keeps analysing while one is stuck', bounded, async () => {
  await withPool(2, async (pool) => {
    const hung = settle(pool.run(article('hang.txt', `${HANG}\n`), always));
    const others = await Promise.all([1, 2, 3, 4].map((n) => settle(pool.run(ferry(n), always))));
    assert.deepEqual(others, ['analysed', 'analysed', 'analysed', 'analysed']);
    assert.equal(await hung, 'E_TIMEOUT');
  });
});

test('an aborted signal stops the article being worked on: its worker is replaced at once', bounded, async () => {
  await withPool(1, async (pool) => {
    const controller = new AbortController();
    const hung = pool.run(article('hang.txt', `${HANG}\n`), always, { signal: controller.signal });
    setTimeout(() => controller.abort(new ClaimtraceError('E_TIMEOUT', { task: 'The request', ms: 100 })), 100);
    const started = performance.now();
    const error = await hung.catch((err: unknown) => err);
    assert.ok(error instanceof ClaimtraceError && error.message === 'The request took longer than 100 ms');
    assert.ok(performance.now() - started < 1_500, 'the abort did not wait for the deadline');
    assert.equal(await settle(pool.run(ferry(1), always)), 'analysed');
  });
});

test('an article whose worker dies fails with E_INTERNAL; the others are analysed by its replacement', bounded, async () => {
  await withPool(1, async (pool) => {
    const outcomes = [pool.run(ferry(1), always), pool.run(article('crash.txt', `${CRASH}\n`), always), pool.run(ferry(2), always)];
    assert.deepEqual(await Promise.all(outcomes.map(settle)), ['analysed', 'E_INTERNAL', 'analysed']);
    assert.deepEqual(pool.health().problems, []);
  });
});

test('a worker that cannot start is given up after three tries: the pool says why and refuses articles', bounded, async () => {
  const pool = createWorkerPool(1, options, { entry: new URL('./no-such-worker.ts', import.meta.url) });
  try {
    const outcome = await settle(pool.run(ferry(1), always));
    assert.equal(outcome, 'E_INTERNAL');
    assert.match(pool.health().problems.join('\n'), /could not be restarted/);
  } finally {
    await pool.close();
  }
});

test('the real worker rejects with a ClaimtraceError E_TIMEOUT, which ingest records before going on', bounded, async () => {
  const pool = createWorkerPool(1, resolveOptions({ models: false, deadlineMs: 1, deadlinePerMbMs: 0 }));
  const long = article('long.txt', Array.from({ length: 400 }, (_, n) => `The ferry board said ${n} sailings were cancelled in May.`).join('\n\n'));
  try {
    const error = await pool.run(long, always).catch((err: unknown) => err);
    assert.ok(error instanceof ClaimtraceError, 'a ClaimtraceError');
    assert.equal(error.code, 'E_TIMEOUT');
  } finally {
    await pool.close();
  }
});
