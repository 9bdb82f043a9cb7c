import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ClaimtraceError } from '../src/core/errors.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/types.js';
import { runWatch, type PollResult } from '../src/watch/index.js';
import { FeedSite, RecordingSink, freshDbPath, schedule, watchOptions } from './watch-helpers.js';

const site = new FeedSite();
let store: Store;
let path: string;

before(() => site.start());
after(() => site.stop());
beforeEach(async () => {
  site.feeds.clear();
  site.failing.clear();
  site.raw.clear();
  site.seen = [];
  site.robots = 404;
  site.version = 1;
  site.delayMs = 0;
  site.maxActive = 0;
});

const items = (...ns: number[]) => ns.map((n) => ({ guid: `urn:harbourpost:${n}`, link: `${site.base}/news/${n}`, title: `Story ${n}` }));

/** One round over the feeds with a fresh store handle on `path` (as a new process would open it). */
async function round(feeds: string[], sink = new RecordingSink(), overrides: Parameters<typeof watchOptions>[0] extends infer O ? Partial<O> : never = {}): Promise<{ results: PollResult[]; sink: RecordingSink }> {
  store = await openSqliteStore(path);
  const results: PollResult[] = [];
  try {
    await runWatch(feeds, watchOptions({ store, sink, onPoll: (r) => results.push(r), ...overrides }));
  } finally {
    await store.close();
  }
  return { results, sink };
}

async function stateOf(feed: string) {
  const s = await openSqliteStore(path);
  try {
    return await s.getFeedState(feed);
  } finally {
    await s.close();
  }
}

test('the second poll sends the ETag and Last-Modified back, and a 304 delivers nothing', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1, 2));
  const first = await round([site.url('/feed.xml')]);
  const second = await round([site.url('/feed.xml')]);
  const [a, b] = site.requests('/feed.xml');
  assert.deepEqual([a!.headers['if-none-match'], a!.headers['if-modified-since']], [undefined, undefined]);
  assert.deepEqual([b!.headers['if-none-match'], b!.headers['if-modified-since']], ['"v1"', 'Tue, 03 Dec 2024 08:01:00 GMT']);
  assert.deepEqual(first.results.map((r) => [r.outcome, r.status, r.newItems, r.delivered]), [['fetched', 200, 2, 2]]);
  assert.deepEqual(second.results.map((r) => [r.outcome, r.status, r.newItems, r.delivered]), [['not-modified', 304, 0, 0]]);
  assert.deepEqual(second.sink.delivered, []);
  const state = await stateOf(site.url('/feed.xml'));
  assert.deepEqual([state?.etag, state?.lastStatus, state?.lastError], ['"v1"', 304, null]);
});

test('only the items added since the last poll are delivered, also after a restart on the same file', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1, 2));
  const first = await round([site.url('/feed.xml')]);
  site.feeds.set('/feed.xml', items(3, 1, 2));
  site.version = 2;
  const second = await round([site.url('/feed.xml')]);
  site.version = 3; // a changed ETag again, same items: nothing is new
  const third = await round([site.url('/feed.xml')]);
  assert.deepEqual(first.sink.links(), [`${site.base}/news/1`, `${site.base}/news/2`]);
  assert.deepEqual(second.sink.links(), [`${site.base}/news/3`]);
  assert.deepEqual([third.results[0]!.outcome, third.results[0]!.items, third.sink.delivered.length], ['fetched', 3, 0]);
});

test('an item without a GUID is known by its link', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', [{ link: `${site.base}/news/7`, title: 'Seven' }]);
  await round([site.url('/feed.xml')]);
  site.version = 2;
  site.feeds.set('/feed.xml', [{ link: `${site.base}/news/7`, title: 'Seven, retitled' }, { link: `${site.base}/news/8`, title: 'Eight' }]);
  const second = await round([site.url('/feed.xml')]);
  assert.deepEqual(second.sink.links(), [`${site.base}/news/8`]);
});

test('a feed that robots.txt disallows is not fetched and the refusal is recorded', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.robots = 'User-agent: *\nAllow: /\n\nUser-agent: claimtrace\nDisallow: /private/\n';
  site.feeds.set('/private/feed.xml', items(1));
  site.feeds.set('/feed.xml', items(2));
  const { results, sink } = await round([site.url('/private/feed.xml'), site.url('/feed.xml')]);
  assert.deepEqual(site.requests('/private/feed.xml'), []);
  assert.equal(site.requests('/robots.txt').length, 1); // one fetch per site, shared by both feeds
  assert.deepEqual(results.map((r) => [r.feed.slice(site.base.length), r.outcome, r.error?.code ?? null]).sort(), [
    ['/feed.xml', 'fetched', null], ['/private/feed.xml', 'disallowed', 'E_WATCH_ROBOTS_DISALLOWED'],
  ]);
  assert.deepEqual(sink.links(), [`${site.base}/news/2`]);
  assert.equal((await stateOf(site.url('/private/feed.xml')))?.lastError, 'E_WATCH_ROBOTS_DISALLOWED');
});

test('a robots.txt that fails with a server error fails the poll instead of allowing it', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.robots = 503;
  site.feeds.set('/feed.xml', items(1));
  const { results } = await round([site.url('/feed.xml')]);
  assert.deepEqual([results[0]!.outcome, results[0]!.error?.code, site.requests('/feed.xml').length], ['error', 'E_URL_HTTP_STATUS', 0]);
});

test('requests to one host go one at a time, with the pause between them', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.delayMs = 40;
  const feeds = ['/a.xml', '/b.xml', '/c.xml', '/d.xml'];
  for (const [i, feed] of feeds.entries()) site.feeds.set(feed, items(i));
  const { results } = await round(feeds.map((f) => site.url(f)), new RecordingSink(), { hostDelayMs: 60, concurrency: 4 });
  assert.equal(results.length, 4);
  assert.equal(site.maxActive, 1);
  const times = [...site.seen].sort((x, y) => x.start - y.start);
  const gaps = times.slice(1).map((s, i) => s.start - times[i]!.end);
  assert.equal(times.length, 5); // robots.txt and four feeds
  assert.ok(gaps.every((gap) => gap >= 55), `gaps between requests: ${gaps.join(', ')} ms`);
});

test('a failing feed backs off exponentially up to the cap, records its code, and recovers', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1));
  site.failing.set('/feed.xml', 500);
  const every = 60_000;
  const waits: number[] = [];
  for (let i = 0; i < 4; i++) {
    await round([site.url('/feed.xml')], new RecordingSink(), { schedule: schedule(every, { maxBackoffMs: 5 * every }) });
    const state = await stateOf(site.url('/feed.xml'));
    assert.deepEqual([state?.lastStatus, state?.lastError], [500, 'E_URL_HTTP_STATUS']);
    waits.push(Date.parse(state!.nextPollAt!) - Date.parse(state!.lastPolledAt!));
  }
  site.failing.delete('/feed.xml');
  await round([site.url('/feed.xml')], new RecordingSink(), { schedule: schedule(every, { maxBackoffMs: 5 * every }) });
  const recovered = await stateOf(site.url('/feed.xml'));
  assert.deepEqual(waits, [every, 2 * every, 4 * every, 5 * every]);
  assert.deepEqual([recovered?.lastStatus, recovered?.lastError, Date.parse(recovered!.nextPollAt!) - Date.parse(recovered!.lastPolledAt!)], [200, null, every]);
});

test('an item that fails for now stays unseen and the next poll reads the whole feed again to retry it', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1, 2));
  const flaky = new RecordingSink();
  flaky.fail = (s) => ('link' in s && s.link.endsWith('/news/2') ? new ClaimtraceError('E_URL_TIMEOUT', { url: s.link, ms: 10 }) : undefined);
  const first = await round([site.url('/feed.xml')], flaky);
  const second = await round([site.url('/feed.xml')]);
  assert.deepEqual([first.results[0]!.delivered, first.results[0]!.retry], [1, 1]);
  assert.equal(site.requests('/feed.xml')[1]!.headers['if-none-match'], undefined);
  assert.deepEqual(second.sink.links(), [`${site.base}/news/2`]);
});

test('an item that fails for good is recorded as a failure and not tried again', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1));
  const gone = new RecordingSink();
  gone.fail = (s) => new ClaimtraceError('E_URL_HTTP_STATUS', { url: s.label, status: 404 });
  const first = await round([site.url('/feed.xml')], gone);
  site.version = 2;
  const second = await round([site.url('/feed.xml')]);
  const s = await openSqliteStore(path);
  const failures = await s.failures();
  await s.close();
  assert.deepEqual([first.results[0]!.failed, second.sink.delivered.length], [1, 0]);
  assert.deepEqual(failures.map((f) => [f.input, f.code]), [[`${site.base}/news/1`, 'E_URL_HTTP_STATUS']]);
});

test('a page that is not served as a feed, or XML that is no feed, is an error of the poll', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.raw.set('/sitemap.xml', { type: 'application/xml', body: '<?xml version="1.0"?><catalogue><book>Tides</book></catalogue>' });
  const { results } = await round([site.url('/news/not-a-feed'), site.url('/sitemap.xml')]);
  assert.deepEqual(results.map((r) => [r.feed.slice(site.base.length), r.outcome, r.error?.code]).sort(), [
    ['/news/not-a-feed', 'error', 'E_URL_CONTENT_TYPE'], ['/sitemap.xml', 'error', 'E_LIST_INVALID'],
  ]);
});

test('a watch without --once polls again on schedule and stops promptly when aborted', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1));
  const controller = new AbortController();
  const results: PollResult[] = [];
  store = await openSqliteStore(path);
  const started = Date.now();
  const running = runWatch([site.url('/feed.xml')], watchOptions({
    store, sink: new RecordingSink(), once: false, schedule: schedule(150, { jitter: 0.2 }), signal: controller.signal,
    onPoll: (r) => {
      results.push(r);
      if (results.length === 4) controller.abort();
    },
  }));
  await running;
  const elapsed = Date.now() - started;
  await store.close();
  assert.deepEqual(results.map((r) => r.outcome), ['fetched', 'not-modified', 'not-modified', 'not-modified']);
  assert.ok(elapsed < 3000, `took ${elapsed} ms`);
});

test('robots.txt is read once per site while it is kept and read again after that', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.robots = 'User-agent: *\nDisallow: /private/\n';
  site.feeds.set('/feed.xml', items(1));
  await round([site.url('/feed.xml')], new RecordingSink(), { robotsTtlMs: 60_000 });
  const politeness = { robotsTtlMs: 1000 };
  store = await openSqliteStore(path);
  const options = watchOptions({ store, sink: new RecordingSink(), ...politeness });
  const { createPoliteness } = await import('../src/watch/index.js');
  const shared = createPoliteness(options);
  try {
    await runWatch([site.url('/feed.xml')], { ...options, ...shared });
    await runWatch([site.url('/feed.xml')], { ...options, ...shared });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await runWatch([site.url('/feed.xml')], { ...options, ...shared });
  } finally {
    await store.close();
  }
  assert.equal(site.requests('/robots.txt').length, 3); // the first watch's, then once for two rounds, then again after 1 s
});

test("a robots.txt Crawl-delay for claimtrace lengthens the pause between requests to its site", { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.robots = 'User-agent: claimtrace\nCrawl-delay: 1\nAllow: /\n';
  site.feeds.set('/a.xml', items(1));
  site.feeds.set('/b.xml', items(2));
  await round([site.url('/a.xml'), site.url('/b.xml')]);
  const [first, second] = [...site.requests('/a.xml'), ...site.requests('/b.xml')].sort((x, y) => x.start - y.start);
  assert.ok(second!.start - first!.end >= 990, `${second!.start - first!.end} ms`);
});

test('a watch that dies between delivering an item and claiming it delivers the item again on restart, never loses it', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  site.feeds.set('/feed.xml', items(1, 2));
  const real = await openSqliteStore(path);
  // The process "dies" at the first claim: item 1 is stored downstream but not yet claimed.
  const dying = { ...real, claimFeedItems: async () => Promise.reject(new Error('killed')) } as Store;
  const sink = new RecordingSink();
  await assert.rejects(runWatch([site.url('/feed.xml')], watchOptions({ store: dying, sink })), /killed/);
  await real.close();
  const again = await round([site.url('/feed.xml')]);
  assert.deepEqual(sink.links(), [`${site.base}/news/1`]);
  assert.deepEqual(again.sink.links(), [`${site.base}/news/1`, `${site.base}/news/2`]);
});

test('a running watch spreads the first polls of new feeds over one jitter span and schedules each next poll within every ± jitter', { timeout: 20_000 }, async () => {
  path = freshDbPath();
  const feeds = [1, 2, 3, 4, 5, 6].map((n) => `/jitter-${n}.xml`);
  for (const feed of feeds) site.feeds.set(feed, items(1));
  const controller = new AbortController();
  const results: PollResult[] = [];
  store = await openSqliteStore(path);
  const started = Date.now();
  try {
    await runWatch(feeds.map((f) => site.url(f)), watchOptions({
      store, sink: new RecordingSink(), once: false, concurrency: 6, schedule: schedule(2000, { jitter: 0.5 }), signal: controller.signal,
      onPoll: (r) => {
        results.push(r);
        if (results.length === feeds.length) controller.abort();
      },
    }));
  } finally {
    await store.close();
  }
  const firstAt = results.map((r) => Date.parse(r.at) - started);
  const waits = results.map((r) => Date.parse(r.nextPollAt) - Date.parse(r.at));
  assert.equal(new Set(results.map((r) => r.feed)).size, feeds.length);
  assert.ok(firstAt.every((t) => t >= 0 && t < 1000 + 300), `first polls at ${firstAt} ms`);
  assert.ok(Math.max(...firstAt) - Math.min(...firstAt) > 50, `first polls at ${firstAt} ms are not spread`);
  assert.ok(waits.every((w) => w >= 1000 && w <= 3000 + 300), `waits ${waits} ms`);
});
