import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimtraceError } from '../core/errors.js';
import { createWorkQueue, withTimeout } from './limits.js';

const never = () => new Promise<never>(() => {});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a task whose signal aborts while it waits leaves the queue at once', async () => {
  const queue = createWorkQueue(1, 1);
  void queue.run(never);
  const controller = new AbortController();
  const waiting = queue.run(async () => 'ran', { signal: controller.signal });
  assert.equal(queue.waiting, 1);
  controller.abort(new ClaimtraceError('E_TIMEOUT', { task: 'The request', ms: 5 }));
  await assert.rejects(waiting, { code: 'E_TIMEOUT' });
  assert.equal(queue.waiting, 0);
  // The freed place in the queue takes the next request instead of E_BUSY.
  void queue.run(never);
  assert.equal(queue.waiting, 1);
});

test('a full queue where nothing finishes reports that it cannot drain', async () => {
  const queue = createWorkQueue(1, 1, { stallMs: 30 });
  void queue.run(never);
  void queue.run(never);
  assert.deepEqual(queue.problems(), []);
  await sleep(60);
  assert.match(queue.problems().join('\n'), /^the analysis queue is full \(1 waiting\) and no analysis has finished for \d+ s$/);
});

test('a full queue that keeps finishing tasks is healthy', async () => {
  const queue = createWorkQueue(1, 1, { stallMs: 1_000 });
  const releases: (() => void)[] = [];
  const held = () => new Promise<void>((resolve) => releases.push(resolve));
  const first = queue.run(held);
  for (let i = 0; i < 4; i++) {
    void queue.run(held);
    assert.deepEqual([queue.active, queue.waiting, queue.problems()], [1, 1, []]);
    releases.shift()!();
    await (i === 0 ? first : sleep(0));
    await sleep(0);
  }
});

test('the request timeout aborts the work with E_TIMEOUT naming the request', async () => {
  let reason: unknown;
  const error = await withTimeout(10, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject((reason = signal.reason))))).catch((err: unknown) => err);
  assert.ok(error instanceof ClaimtraceError && error.message === 'The request took longer than 10 ms');
  assert.equal(reason, error);
});
