import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { resolveOptions } from '../src/engine/options.js';
import { openSqliteStore } from '../src/store/sqlite.js';
import { createPoliteness, runWatch, type PollResult } from '../src/watch/index.js';
import { createStoreSink } from '../src/watch/store-sink.js';
import { FeedSite, LOOPBACK_ONLY, freshDbPath, watchOptions } from './watch-helpers.js';

const site = new FeedSite();
before(() => site.start());
after(() => site.stop());

const analyze = resolveOptions({ models: false });

/** One in-process round (a new store handle on the file each time, as a restarted watch opens it). */
async function round(path: string, feeds: string[]): Promise<{ results: PollResult[]; documents: number; failures: { input: string; code: string }[] }> {
  const store = await openSqliteStore(path);
  const options = watchOptions({ store, sink: undefined as never });
  const politeness = createPoliteness(options);
  const sink = createStoreSink(store, { analyze, workers: 0, ...politeness, isAllowedAddress: LOOPBACK_ONLY });
  const results: PollResult[] = [];
  try {
    await runWatch(feeds, { ...options, sink, ...politeness, onPoll: (r) => results.push(r) });
    return { results, documents: await store.countDocuments(), failures: (await store.failures()).map(({ input, code }) => ({ input, code })) };
  } finally {
    await store.close();
  }
}

test('new items are fetched, analysed and stored; a restarted watch on the same file neither fetches nor stores them again', { timeout: 60_000 }, async () => {
  const path = freshDbPath();
  site.feeds.set('/feed.xml', [1, 2].map((n) => ({ guid: `urn:hp:${n}`, link: `${site.base}/news/${n}`, title: `Story ${n}` })));
  const first = await round(path, [site.url('/feed.xml')]);
  site.version++;
  site.feeds.set('/feed.xml', [3, 1, 2].map((n) => ({ guid: `urn:hp:${n}`, link: `${site.base}/news/${n}`, title: `Story ${n}` })));
  const second = await round(path, [site.url('/feed.xml')]);
  site.version++;
  const third = await round(path, [site.url('/feed.xml')]);
  assert.deepEqual(first.results.map((r) => [r.newItems, r.delivered, r.failed]), [[2, 2, 0]]);
  assert.deepEqual([first.documents, second.documents, third.documents], [2, 3, 3]);
  assert.deepEqual(['/news/1', '/news/2', '/news/3'].map((p) => site.requests(p).length), [1, 1, 1]);
  assert.deepEqual(third.results.map((r) => [r.outcome, r.newItems]), [['fetched', 0]]);
  const store = await openSqliteStore(path);
  const stored = await store.listDocuments({});
  await store.close();
  assert.deepEqual(stored.items.map((d) => d.url).sort(), [1, 2, 3].map((n) => `${site.base}/news/${n}`));
});

test('an article link that robots.txt disallows is not fetched: recorded as a failure and not tried again', { timeout: 60_000 }, async () => {
  const path = freshDbPath();
  site.robots = 'User-agent: *\nDisallow: /news/secret\n';
  site.feeds.set('/robots-feed.xml', [{ guid: 'urn:hp:secret', link: `${site.base}/news/secret`, title: 'Secret' }, { guid: 'urn:hp:open', link: `${site.base}/news/open`, title: 'Open' }]);
  try {
    const first = await round(path, [site.url('/robots-feed.xml')]);
    site.version++;
    const second = await round(path, [site.url('/robots-feed.xml')]);
    assert.deepEqual(first.results.map((r) => [r.newItems, r.delivered, r.failed]), [[2, 1, 1]]);
    assert.deepEqual(first.failures, [{ input: `${site.base}/news/secret`, code: 'E_WATCH_ROBOTS_DISALLOWED' }]);
    assert.deepEqual([site.requests('/news/secret').length, second.results[0]!.newItems, second.documents], [0, 0, 1]);
  } finally {
    site.robots = 404;
  }
});
