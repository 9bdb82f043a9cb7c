import type { Database } from 'better-sqlite3';
import { profilesFromCounts, type Cell } from './outlet-profiles.js';
import type { OutletProfile } from './types.js';

/** The rule whose findings count as unsourced statistics. */
const UNSOURCED_RULE = 'unsourced-statistic';
/** Month of publication: the first 7 characters of an ISO date (a date column, never article text). */
const MONTH = "CASE WHEN d.published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' THEN substr(d.published, 1, 7) END";

/** Prepares the outlet queries once per store: five grouped scans, summed per site in memory. */
export function createSqliteOutlets(db: Database): () => OutletProfile[] {
  const group = `GROUP BY d.site, month`;
  const docs = db.prepare(`SELECT d.site, ${MONTH} AS month, COUNT(*) AS n, SUM(d.word_count) AS words FROM documents d ${group}`);
  const grades = db.prepare(`SELECT d.site, ${MONTH} AS month, c.grade AS key, COUNT(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id ${group}, c.grade`);
  const withFigures = db.prepare(`SELECT d.site, ${MONTH} AS month, COUNT(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id
    WHERE EXISTS (SELECT 1 FROM quantities q WHERE q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset) ${group}`);
  const unsourced = db.prepare(`SELECT d.site, ${MONTH} AS month, COUNT(*) AS n FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.rule = ? ${group}`);
  const techniques = db.prepare(`SELECT d.site, ${MONTH} AS month, t.technique AS key, COUNT(*) AS n FROM techniques t JOIN documents d ON d.id = t.document_id ${group}, t.technique`);
  return () => profilesFromCounts({
    docs: docs.all() as Cell[], grades: grades.all() as Cell[], withFigures: withFigures.all() as Cell[],
    unsourced: unsourced.all(UNSOURCED_RULE) as Cell[], techniques: techniques.all() as Cell[],
  });
}
