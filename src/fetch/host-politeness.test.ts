import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createHostPoliteness, HostWaitAborted } from './host-politeness.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request that records when it started and ended (ms since `t0`) under `name`, and lasts `ms`. */
function recorder(t0: number) {
  const spans = new Map<string, { start: number; end: number }>();
  let running = 0;
  let most = 0;
  const request = (name: string, ms = 20) => async () => {
    running++;
    most = Math.max(most, running);
    const start = Date.now() - t0;
    await pause(ms);
    running--;
    spans.set(name, { start, end: Date.now() - t0 });
    return name;
  };
  return { spans, request, most: () => most };
}

test('a per-call gap larger than the least one is kept (a Crawl-delay); a smaller one is not', async () => {
  const politeness = createHostPoliteness({ minGapMs: 30 });
  const { spans, request } = recorder(Date.now());
  await Promise.all([politeness.run('a.example', request('1')), politeness.run('a.example', request('2'), { gapMs: 120 }), politeness.run('a.example', request('3'), { gapMs: 5 })]);
  const [one, two, three] = ['1', '2', '3'].map((name) => spans.get(name)!);
  assert.ok(two!.start - one!.end >= 118, `crawl-delay gap ${two!.start - one!.end} ms`);
  assert.ok(three!.start - two!.end >= 28, `least gap ${three!.start - two!.end} ms`);
});

test('requests to one host start in the order they asked, even when a later one asks a shorter gap', async () => {
  const politeness = createHostPoliteness({ minGapMs: 0 });
  const order: string[] = [];
  const run = (name: string, gapMs?: number) => politeness.run('a.example', async () => void order.push(name), { gapMs });
  await run('first');
  await Promise.all([run('slow', 60), run('quick'), politeness.run('b.example', async () => void order.push('other'))]);
  assert.deepEqual(order, ['first', 'other', 'slow', 'quick']);
});

test('the global bound holds over hosts, and without one every free host runs at once', async () => {
  const hosts = ['a', 'b', 'c', 'd', 'e'].map((h) => `${h}.example`);
  const bounded = recorder(Date.now());
  const two = createHostPoliteness({ minGapMs: 0, concurrency: 2 });
  await Promise.all(hosts.map((host) => two.run(host, bounded.request(host))));
  const free = recorder(Date.now());
  const unbounded = createHostPoliteness({ minGapMs: 0 });
  await Promise.all(hosts.map((host) => unbounded.run(host, free.request(host))));
  assert.deepEqual([bounded.most(), free.most()], [2, 5]);
});

test('a request given up while its host is busy is never sent, and the next one still runs', async () => {
  const politeness = createHostPoliteness({ minGapMs: 0 });
  const controller = new AbortController();
  const sent: string[] = [];
  const busy = politeness.run('a.example', async () => {
    await pause(400);
    sent.push('busy');
  });
  const given = politeness.run('a.example', async () => void sent.push('given up'), { signal: controller.signal });
  const after = politeness.run('a.example', async () => void sent.push('after'));
  setTimeout(() => controller.abort(), 10);
  const t0 = Date.now();
  await assert.rejects(given, HostWaitAborted);
  assert.ok(Date.now() - t0 < 200, 'rejected when aborted (10 ms), not when the host got free (400 ms)');
  await Promise.all([busy, after]);
  assert.deepEqual(sent, ['busy', 'after']);
});

test('an already aborted signal rejects at once with the configured error, and a stop leaves no timer behind', async () => {
  class Stopped extends Error {}
  const politeness = createHostPoliteness({ minGapMs: 60_000, abortError: () => new Stopped() });
  await assert.rejects(politeness.run('a.example', async () => 'x', { signal: AbortSignal.abort() }), Stopped);
  await politeness.run('a.example', async () => 'first');
  const controller = new AbortController();
  const resting = politeness.run('a.example', async () => 'never', { signal: controller.signal });
  controller.abort();
  await assert.rejects(resting, Stopped);
  // A timer left for the 60 s pause would keep this test file alive for a minute; node --test would report it late.
});

test('a request that throws, even before returning a promise, frees its host and its slot', async () => {
  const politeness = createHostPoliteness({ minGapMs: 0, concurrency: 1 });
  const failed = politeness.run('a.example', () => {
    throw new Error('sync boom');
  });
  const next = politeness.run('A.example', async () => 'next');
  await assert.rejects(failed, /sync boom/);
  assert.equal(await next, 'next');
});

test('memory stays bounded: idle hosts whose pause is over are forgotten, resting and busy ones are kept', async () => {
  const politeness = createHostPoliteness({ minGapMs: 0, keepIdleHosts: 10 });
  for (let i = 0; i < 100; i++) await politeness.run(`h${i}.example`, async () => i);
  assert.ok(politeness.size() <= 21, `kept ${politeness.size()} hosts`);
  const resting = createHostPoliteness({ minGapMs: 0, keepIdleHosts: 2 });
  await resting.run('crawl-delay.example', async () => 0, { gapMs: 10_000 });
  for (let i = 0; i < 20; i++) await resting.run(`h${i}.example`, async () => i);
  const t0 = Date.now();
  const next = resting.run('crawl-delay.example', async () => Date.now() - t0, { gapMs: 10_000, signal: AbortSignal.timeout(50) });
  await assert.rejects(next, HostWaitAborted); // still resting: the host was not forgotten within its Crawl-delay
  assert.ok(resting.size() <= 5, `kept ${resting.size()} hosts`);
});
