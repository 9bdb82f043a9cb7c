import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FeedState, Store, StoreFactory } from './types.js';

const FEED = 'https://harbourpost.example/feed.xml';
const OTHER_FEED = 'https://coastgazette.example/rss';

/** An invented feed state; `overrides` change fields. */
const feedState = (overrides: Partial<FeedState> = {}): FeedState => ({
  url: FEED,
  etag: '"v1-9f2c"',
  lastModified: 'Tue, 03 Dec 2024 08:00:00 GMT',
  lastPolledAt: '2024-12-03T08:00:05.000Z',
  nextPollAt: '2024-12-03T08:15:05.000Z',
  lastStatus: 200,
  lastError: null,
  ...overrides,
});

async function using(factory: StoreFactory, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

async function assertInvalid(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (err: { code?: string }) => err.code === 'E_REQUEST_INVALID');
}

/** Feed watching: polling state saved and replaced per feed, item keys claimed once (atomically) per feed. */
export function feedTests(factory: StoreFactory): void {
  test('a saved feed state reads back as it was given', () => using(factory, async (store) => {
    await store.saveFeedState(feedState());
    assert.deepEqual(await store.getFeedState(FEED), feedState());
  }));

  test('a feed never saved has no state', () => using(factory, async (store) => {
    assert.equal(await store.getFeedState(FEED), undefined);
  }));

  test('saving a feed state again replaces it, nulls included', () => using(factory, async (store) => {
    await store.saveFeedState(feedState());
    const failed = feedState({ etag: null, lastModified: null, lastStatus: null, lastError: 'E_URL_TIMEOUT', nextPollAt: '2024-12-03T08:01:05.000Z' });
    await store.saveFeedState(failed);
    assert.deepEqual([await store.getFeedState(FEED), (await store.listFeedStates()).length], [failed, 1]);
  }));

  test('feed states are listed by URL', () => using(factory, async (store) => {
    await store.saveFeedState(feedState());
    await store.saveFeedState(feedState({ url: OTHER_FEED, etag: null }));
    assert.deepEqual((await store.listFeedStates()).map((s) => s.url), [OTHER_FEED, FEED]);
  }));

  test('a feed state with a malformed field is refused as an invalid request', () => using(factory, async (store) => {
    await assertInvalid(store.saveFeedState(feedState({ url: '' })));
    await assertInvalid(store.saveFeedState(feedState({ nextPollAt: 'next Tuesday' })));
    await assertInvalid(store.saveFeedState(feedState({ lastStatus: 2000 })));
    await assertInvalid(store.saveFeedState(feedState({ lastError: 'timed out' })));
    assert.deepEqual(await store.listFeedStates(), []);
  }));

  test('claiming item keys returns the unseen ones in input order, each once', () => using(factory, async (store) => {
    assert.deepEqual(await store.claimFeedItems(FEED, ['guid-3', 'guid-1', 'guid-3', 'guid-2']), ['guid-3', 'guid-1', 'guid-2']);
    assert.deepEqual(await store.claimFeedItems(FEED, ['guid-4', 'guid-1', 'guid-2', 'guid-5']), ['guid-4', 'guid-5']);
    assert.deepEqual(await store.claimFeedItems(FEED, []), []);
  }));

  test('item keys are claimed per feed', () => using(factory, async (store) => {
    await store.claimFeedItems(FEED, ['https://harbourpost.example/a']);
    assert.deepEqual(await store.claimFeedItems(OTHER_FEED, ['https://harbourpost.example/a']), ['https://harbourpost.example/a']);
  }));

  test('item keys are compared exactly: case and spacing make other keys', () => using(factory, async (store) => {
    await store.claimFeedItems(FEED, ['Item-A']);
    assert.deepEqual(await store.claimFeedItems(FEED, ['item-a', 'Item-A ', 'Item-A']), ['item-a', 'Item-A ']);
  }));

  test('when several claims of the same keys run at once, each key goes to exactly one of them', () => using(factory, async (store) => {
    const keys = Array.from({ length: 40 }, (_, i) => `urn:item:${i}`);
    const claims = await Promise.all([store.claimFeedItems(FEED, keys), store.claimFeedItems(FEED, [...keys].reverse()), store.claimFeedItems(FEED, keys.slice(10, 30))]);
    const all = claims.flat();
    assert.deepEqual([all.length, new Set(all).size], [keys.length, keys.length]);
  }));

  test('unseen item keys are told without recording them', () => using(factory, async (store) => {
    await store.claimFeedItems(FEED, ['guid-1']);
    assert.deepEqual(await store.unseenFeedItems(FEED, ['guid-2', 'guid-1', 'guid-2', 'guid-3']), ['guid-2', 'guid-3']);
    assert.deepEqual(await store.unseenFeedItems(FEED, ['guid-2']), ['guid-2']);
    assert.deepEqual(await store.claimFeedItems(FEED, ['guid-3', 'guid-2']), ['guid-3', 'guid-2']);
  }));

  test('an empty item key is refused as an invalid request and claims nothing', () => using(factory, async (store) => {
    await assertInvalid(store.claimFeedItems(FEED, ['guid-1', '']));
    assert.deepEqual(await store.unseenFeedItems(FEED, ['guid-1']), ['guid-1']);
  }));

  test('an item key of 4,000 characters with emoji and non-Latin letters is kept exactly', () => using(factory, async (store) => {
    const key = `https://harbourpost.example/${'é🌊ß'.repeat(1000)}`;
    assert.deepEqual([await store.claimFeedItems(FEED, [key]), await store.unseenFeedItems(FEED, [key])], [[key], []]);
  }));
}
