import type { Migration } from './migration.js';

/**
 * Reviewers' decisions on fact-checks matched to claims (accepted / rejected), kept as history: every decision is a
 * row, the newest per (claim, fact-check) is current. Like a review, a decision keeps the wording of the claim it was
 * made on (`claim_text`) and follows that wording to a new claim id after a re-ingest, or stays stored but unlisted
 * while the wording is gone. Decisions go with their document and with their fact-check (ON DELETE CASCADE).
 * `claims.fact_checks` keeps the matches the analysis listed under each claim (the report's `factChecks`, as JSON;
 * NULL when the analysis had no fact-checks), so a stored report shows the reviewer what the decisions answer.
 */
export const matchDecisionsMigration: Migration = {
  version: 8,
  name: 'match-decisions',
  up: `
CREATE TABLE match_decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  claim_id TEXT NOT NULL,
  claim_text TEXT NOT NULL,
  factcheck_id INTEGER NOT NULL REFERENCES factchecks(id) ON DELETE CASCADE,
  decision TEXT NOT NULL CHECK (decision IN ('accepted', 'rejected')),
  reviewer TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX match_decisions_by_document ON match_decisions(document_id, claim_id);
CREATE INDEX match_decisions_by_factcheck ON match_decisions(factcheck_id);
ALTER TABLE claims ADD COLUMN fact_checks TEXT;
`,
};
