import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedState } from '../src/store/types.js';
import { formatDuration, parseDuration } from '../src/watch/duration.js';
import { createHostGate, WatchStopped } from '../src/watch/host-gate.js';
import { firstPollDelay, jittered, nextPollDelay } from '../src/watch/schedule.js';

const EVERY = 15 * 60_000;
const SCHEDULE = { everyMs: EVERY, jitter: 0.1, maxBackoffMs: 6 * 3_600_000 };

/** A seeded generator (mulberry32), so the draws are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const state = (overrides: Partial<FeedState>): FeedState => ({ url: 'https://harbourpost.example/feed.xml', etag: null, lastModified: null, lastPolledAt: null, nextPollAt: null, lastStatus: null, lastError: null, ...overrides });

test('a jittered interval stays within every × (1 ± jitter) and uses the whole span', () => {
  const random = seeded(7);
  const draws = Array.from({ length: 2000 }, () => jittered(EVERY, 0.1, random));
  assert.ok(draws.every((d) => d >= EVERY * 0.9 && d <= EVERY * 1.1));
  assert.ok(Math.min(...draws) < EVERY * 0.91 && Math.max(...draws) > EVERY * 1.09);
  assert.deepEqual([jittered(EVERY, 0.1, () => 0), jittered(EVERY, 0, () => 0.7)], [EVERY * 0.9, EVERY]);
});

test('the first poll of a new feed is spread over one jitter span', () => {
  const random = seeded(11);
  const delays = Array.from({ length: 500 }, () => firstPollDelay(undefined, SCHEDULE, Date.now(), random));
  assert.ok(delays.every((d) => d >= 0 && d < EVERY * 0.1));
  assert.ok(Math.max(...delays) > EVERY * 0.09 && Math.min(...delays) < EVERY * 0.01);
});

test('after a restart, a feed keeps a next poll stored ahead and an overdue one is spread like a new one', () => {
  const now = Date.parse('2024-12-03T08:00:00.000Z');
  const ahead = state({ nextPollAt: '2024-12-03T08:05:00.000Z', lastPolledAt: '2024-12-03T07:50:00.000Z' });
  const overdue = state({ nextPollAt: '2024-12-03T07:00:00.000Z' });
  assert.equal(firstPollDelay(ahead, SCHEDULE, now, () => 0.5), 5 * 60_000);
  assert.equal(firstPollDelay(overdue, SCHEDULE, now, () => 0.5), EVERY * 0.05);
});

test('a next poll stored further ahead than a shorter --every allows is brought forward, unless the feed is backing off', () => {
  const now = Date.parse('2024-12-03T08:00:00.000Z');
  const far = { nextPollAt: '2024-12-03T11:00:00.000Z', lastPolledAt: '2024-12-03T07:00:00.000Z' };
  assert.equal(firstPollDelay(state(far), SCHEDULE, now, () => 0.5), EVERY * 1.1);
  assert.equal(firstPollDelay(state({ ...far, lastError: 'E_URL_TIMEOUT' }), SCHEDULE, now, () => 0.5), 3 * 3_600_000);
});

test('the wait after errors doubles from one interval and stops at the cap; a success goes back to the interval', () => {
  const schedule = { everyMs: 1000, jitter: 0, maxBackoffMs: 5000 };
  const waits: number[] = [];
  let previous: FeedState | undefined;
  for (let i = 0; i < 5; i++) {
    const wait = nextPollDelay(previous, true, schedule, () => 0.5);
    waits.push(wait);
    previous = state({ lastPolledAt: new Date(0).toISOString(), nextPollAt: new Date(wait).toISOString(), lastError: 'E_URL_UNREACHABLE' });
  }
  assert.deepEqual(waits, [1000, 2000, 4000, 5000, 5000]);
  assert.equal(nextPollDelay(previous, false, schedule, () => 0.5), 1000);
});

test('durations are read with a unit and refused without one or below the least allowed', () => {
  assert.deepEqual(['250ms', '30s', '15m', '1.5h', '1d'].map((d) => parseDuration(d, '--every')), [250, 30_000, 900_000, 5_400_000, 86_400_000]);
  assert.throws(() => parseDuration('15', '--every'), { code: 'E_OPTION_INVALID' });
  assert.throws(() => parseDuration('soon', '--every'), { code: 'E_OPTION_INVALID' });
  assert.throws(() => parseDuration('5s', '--every', 10_000), { code: 'E_OPTION_INVALID', message: 'Invalid option --every: "5s" is shorter than 10s' });
  assert.deepEqual([formatDuration(900_000), formatDuration(1500)], ['15m', '1.5s']);
});

test('the host gate runs one request at a time per host, in order, with the pause between them, and hosts apart', async () => {
  const gate = createHostGate(50);
  const log: string[] = [];
  let active = 0;
  let most = 0;
  const request = (name: string) => async () => {
    active++;
    most = Math.max(most, active);
    log.push(`start ${name} ${Date.now()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    active--;
    log.push(`end ${name} ${Date.now()}`);
    return name;
  };
  const started = Date.now();
  const results = await Promise.all([gate.run('Site.example', request('a1')), gate.run('site.example', request('a2')), gate.run('other.example', request('b1')), gate.run('site.example', request('a3'))]);
  assert.deepEqual(results, ['a1', 'a2', 'b1', 'a3']);
  const starts = log.filter((l) => l.startsWith('start a')).map((l) => Number(l.split(' ')[2]) - started);
  const ends = log.filter((l) => l.startsWith('end a')).map((l) => Number(l.split(' ')[2]) - started);
  assert.deepEqual(log.filter((l) => l.startsWith('start')).map((l) => l.split(' ')[1]), ['a1', 'b1', 'a2', 'a3']);
  assert.ok(starts[1]! - ends[0]! >= 48 && starts[2]! - ends[1]! >= 48, `starts ${starts} ends ${ends}`);
  assert.equal(most, 2); // one per host, two hosts
});

test('a stopped watch gives up requests still waiting at the gate without sending them', async () => {
  const gate = createHostGate(10_000);
  await gate.run('site.example', async () => 'first');
  const controller = new AbortController();
  let sent = false;
  const waiting = gate.run('site.example', async () => (sent = true), { signal: controller.signal });
  setTimeout(() => controller.abort(), 20);
  await assert.rejects(waiting, WatchStopped);
  assert.equal(sent, false);
});
