import type { Migration } from './migration.js';

/**
 * Published fact-checks (`claimtrace factchecks import`). One row per fact-check, identified by `key_hash`: SHA-256 of
 * its normalised review URL and normalised claim, so importing a feed again updates its rows and never duplicates
 * them; `content_hash` tells an update from an unchanged record. An FTS5 index over the claim and the headline (as
 * the search migration indexes claims: porter over unicode61 words, external content kept in step by triggers) is
 * what the matcher looks candidates up in.
 */
export const factChecksMigration: Migration = {
  version: 6,
  name: 'fact-checks',
  up: `
CREATE TABLE factchecks (
  id INTEGER PRIMARY KEY,
  key_hash TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  claim TEXT NOT NULL,
  url TEXT NOT NULL,
  rating_name TEXT,
  rating_alternate_name TEXT,
  rating_value REAL,
  best_rating REAL,
  worst_rating REAL,
  publisher_name TEXT,
  publisher_url TEXT,
  review_date TEXT,
  language TEXT,
  claimant TEXT,
  claim_date TEXT,
  title TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX factchecks_by_date ON factchecks(review_date);

CREATE VIRTUAL TABLE factchecks_fts USING fts5(claim, title, content='factchecks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER factchecks_fts_insert AFTER INSERT ON factchecks BEGIN
  INSERT INTO factchecks_fts(rowid, claim, title) VALUES (new.id, new.claim, new.title);
END;
CREATE TRIGGER factchecks_fts_delete AFTER DELETE ON factchecks BEGIN
  INSERT INTO factchecks_fts(factchecks_fts, rowid, claim, title) VALUES ('delete', old.id, old.claim, old.title);
END;
CREATE TRIGGER factchecks_fts_update AFTER UPDATE OF claim, title ON factchecks BEGIN
  INSERT INTO factchecks_fts(factchecks_fts, rowid, claim, title) VALUES ('delete', old.id, old.claim, old.title);
  INSERT INTO factchecks_fts(rowid, claim, title) VALUES (new.id, new.claim, new.title);
END;
`,
};
