import type { Migration } from './migration.js';

/**
 * Reviewers' verdicts on claims. A review names its claim by annotation id and keeps the claim's text as it was
 * reviewed (`claim_text`): when a re-ingested article no longer has that wording under that id, the review follows the
 * wording to its new id, or stays stored but unlisted until the wording comes back; a verdict never lands on other
 * words. Reviews go with their document (ON DELETE CASCADE), not with its annotation rows, which upsert rewrites.
 */
export const reviewsMigration: Migration = {
  version: 3,
  name: 'reviews',
  up: `
CREATE TABLE reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL,
  claim_text TEXT NOT NULL,
  rating TEXT NOT NULL,
  explanation TEXT NOT NULL,
  evidence_urls TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX reviews_by_document ON reviews(document_id, claim_id);
`,
};
