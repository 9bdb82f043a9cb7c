import type { Migration } from './migration.js';

/**
 * Watched feeds (`claimtrace watch`): per feed the validators of its last answer (ETag, Last-Modified) for a
 * conditional GET, when it was polled and is next due, and how the last poll ended; per feed the keys (GUID, else
 * link) of the items already handled, so a restarted watch neither loses nor re-ingests items. Item keys do not
 * reference `feeds`: an item can be claimed before its feed's state is first saved.
 */
export const feedsMigration: Migration = {
  version: 7,
  name: 'feeds',
  up: `
CREATE TABLE feeds (
  url TEXT PRIMARY KEY,
  etag TEXT,
  last_modified TEXT,
  last_polled_at TEXT,
  next_poll_at TEXT,
  last_status INTEGER,
  last_error TEXT
) WITHOUT ROWID;

CREATE TABLE feed_items (
  feed_url TEXT NOT NULL,
  item_key TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
) WITHOUT ROWID;
`,
};
