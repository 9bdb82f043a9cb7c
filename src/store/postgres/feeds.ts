import type pg from 'pg';
import { distinctFeedKeys, feedStateFromRow, validateFeedState, type FeedRow } from '../feed-state.js';
import type { FeedState } from '../types.js';
import { inTransaction } from './transaction.js';

/** The feed-watching half of the PostgreSQL store: polling state per feed and the item keys already handled. */
export function createPostgresFeeds(pool: pg.Pool) {
  return {
    getFeedState: async (url: string): Promise<FeedState | undefined> => {
      const row = (await pool.query<FeedRow>('SELECT * FROM feeds WHERE url = $1', [url])).rows[0];
      return row && feedStateFromRow(row);
    },
    saveFeedState: async (state: FeedState): Promise<void> => {
      const s = validateFeedState(state);
      await pool.query(`INSERT INTO feeds (url, etag, last_modified, last_polled_at, next_poll_at, last_status, last_error) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, last_polled_at = EXCLUDED.last_polled_at,
          next_poll_at = EXCLUDED.next_poll_at, last_status = EXCLUDED.last_status, last_error = EXCLUDED.last_error`,
      [s.url, s.etag, s.lastModified, s.lastPolledAt, s.nextPollAt, s.lastStatus, s.lastError]);
    },
    listFeedStates: async (): Promise<FeedState[]> => (await pool.query<FeedRow>('SELECT * FROM feeds ORDER BY url COLLATE "C"')).rows.map(feedStateFromRow),
    /**
     * One statement: the keys inserted now are the ones not seen before. Two callers claiming the same key meet on the
     * primary key; the second waits for the first to commit and gets nothing for it (ON CONFLICT DO NOTHING). Keys go
     * in sorted, so two callers with the same keys in other orders wait for each other rather than deadlock.
     */
    claimFeedItems: async (feedUrl: string, keys: readonly string[]): Promise<string[]> => {
      const distinct = distinctFeedKeys(feedUrl, keys);
      if (distinct.length === 0) return [];
      const { rows } = await inTransaction(pool, (client) => client.query<{ item_key: string }>(`INSERT INTO feed_items (feed_url, item_key, seen_at)
        SELECT $1, k, now() FROM unnest($2::text[]) AS k ORDER BY k COLLATE "C" ON CONFLICT DO NOTHING RETURNING item_key`, [feedUrl, distinct]));
      const claimed = new Set(rows.map((r) => r.item_key));
      return distinct.filter((key) => claimed.has(key));
    },
    unseenFeedItems: async (feedUrl: string, keys: readonly string[]): Promise<string[]> => {
      const distinct = distinctFeedKeys(feedUrl, keys);
      if (distinct.length === 0) return [];
      const { rows } = await pool.query<{ item_key: string }>('SELECT item_key FROM feed_items WHERE feed_url = $1 AND item_key = ANY($2::text[])', [feedUrl, distinct]);
      const seen = new Set(rows.map((r) => r.item_key));
      return distinct.filter((key) => !seen.has(key));
    },
  };
}
