import type { Migration } from './migration.js';

/**
 * Documents and their annotations as rows. Offsets (`*_start`, `*_end`) are UTF-16 code units into `documents.text`,
 * end exclusive; the covered text is stored beside them where search or display needs it, so that no query ever
 * slices text (SQL string functions count other units). `seq` keeps the order of the report's arrays.
 */
export const documentsMigration: Migration = {
  version: 1,
  name: 'documents and annotations',
  up: `
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  url TEXT,
  title TEXT,
  byline TEXT,
  published TEXT,
  site TEXT,
  language TEXT,
  text TEXT NOT NULL,
  text_hash TEXT NOT NULL,
  word_count INTEGER NOT NULL,
  generator TEXT NOT NULL,
  pipeline TEXT NOT NULL,
  sentences TEXT NOT NULL,
  input TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_by_url ON documents(url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX documents_by_hash ON documents(text_hash) WHERE url IS NULL;
CREATE INDEX documents_by_published ON documents(published);
CREATE INDEX documents_by_site ON documents(site COLLATE NOCASE, published);

CREATE TABLE entities (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ann_id TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE quantities (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ann_id TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  value REAL NOT NULL,
  low REAL,
  high REAL,
  bound TEXT NOT NULL,
  kind TEXT NOT NULL,
  unit TEXT,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;
CREATE INDEX quantities_by_value ON quantities(value, unit);

CREATE TABLE attributions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ann_id TEXT NOT NULL,
  grade TEXT NOT NULL,
  hedged INTEGER NOT NULL,
  source_start INTEGER,
  source_end INTEGER,
  source_text TEXT,
  cue_start INTEGER NOT NULL,
  cue_end INTEGER NOT NULL,
  cue_text TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  resolves_start INTEGER,
  resolves_end INTEGER,
  resolves_text TEXT,
  resolves_id TEXT,
  parent_id TEXT,
  entity_ids TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ann_id TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  checkworthiness REAL NOT NULL,
  kind TEXT NOT NULL,
  grade TEXT NOT NULL,
  attribution_ids TEXT NOT NULL,
  UNIQUE (document_id, seq)
);

CREATE TABLE techniques (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  ann_id TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  technique TEXT NOT NULL,
  score REAL NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE findings (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  annotation_ids TEXT NOT NULL,
  PRIMARY KEY (document_id, seq)
) WITHOUT ROWID;

CREATE TABLE ingest_failures (
  input TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
`,
};
