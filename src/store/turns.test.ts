import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTurnQueue } from './turns.js';

/** Keeps the thread busy for `ms`, as a long synchronous SQLite query does. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

test('queued tasks run in order and give their results or errors', async () => {
  const queue = createTurnQueue();
  const order: number[] = [];
  const results = await Promise.allSettled([1, 2, 3].map((i) => queue.run(() => {
    order.push(i);
    if (i === 2) throw new Error('second');
    return i * 10;
  })));
  assert.deepEqual(order, [1, 2, 3]);
  assert.deepEqual(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message)), [10, 'second', 30]);
});

test('other callbacks run between two queued tasks, not after all of them', async () => {
  const queue = createTurnQueue();
  let done = 0;
  let doneWhenTimerFired = -1;
  const all = Array.from({ length: 5 }, () => queue.run(() => {
    busy(5);
    done++;
  }));
  setTimeout(() => (doneWhenTimerFired = done), 0);
  assert.equal(queue.waiting, 5);
  await Promise.all(all);
  assert.ok(doneWhenTimerFired >= 0 && doneWhenTimerFired <= 1, `the timer waited for ${doneWhenTimerFired} tasks`);
});
