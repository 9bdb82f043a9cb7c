import type { Migration } from './migration.js';

/**
 * FTS5 indexes over document titles and texts and over claim texts (porter stemming over unicode61 words), as
 * external-content tables so the text is stored once; triggers keep them in step with the rows. Existing rows of an
 * older file are indexed by the `rebuild` at the end.
 */
export const searchMigration: Migration = {
  version: 2,
  name: 'full-text search',
  up: `
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
  INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
  INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
`,
};
