import type { Database } from 'better-sqlite3';
import { distinctFeedKeys, feedStateFromRow, validateFeedState, type FeedRow } from './feed-state.js';
import type { FeedState } from './types.js';

/** The feed-watching half of the SQLite store: polling state per feed and the item keys already handled. */
export function createSqliteFeeds(db: Database) {
  const get = db.prepare('SELECT * FROM feeds WHERE url = ?');
  const list = db.prepare('SELECT * FROM feeds ORDER BY url');
  const save = db.prepare(`INSERT INTO feeds (url, etag, last_modified, last_polled_at, next_poll_at, last_status, last_error)
    VALUES (@url, @etag, @lastModified, @lastPolledAt, @nextPollAt, @lastStatus, @lastError)
    ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at,
      next_poll_at = excluded.next_poll_at, last_status = excluded.last_status, last_error = excluded.last_error`);
  const insertItem = db.prepare('INSERT INTO feed_items (feed_url, item_key, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
  const seen = db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?').pluck();
  // One write transaction: SQLite's write lock makes the claim atomic across handles and processes.
  const claim = db.transaction((feedUrl: string, keys: string[]): string[] => {
    const at = new Date().toISOString();
    return keys.filter((key) => insertItem.run(feedUrl, key, at).changes === 1);
  });
  return {
    getFeedState: (url: string): FeedState | undefined => {
      const row = get.get(url) as FeedRow | undefined;
      return row && feedStateFromRow(row);
    },
    saveFeedState: (state: FeedState): void => void save.run(validateFeedState(state)),
    listFeedStates: (): FeedState[] => (list.all() as FeedRow[]).map(feedStateFromRow),
    claimFeedItems: (feedUrl: string, keys: readonly string[]): string[] => claim.immediate(feedUrl, distinctFeedKeys(feedUrl, keys)),
    unseenFeedItems: (feedUrl: string, keys: readonly string[]): string[] => distinctFeedKeys(feedUrl, keys).filter((key) => seen.get(feedUrl, key) === undefined),
  };
}
