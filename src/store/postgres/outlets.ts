import type pg from 'pg';
import { profilesFromCounts, type Cell, type OutletCounts } from '../outlet-profiles.js';
import type { OutletProfile } from '../types.js';

/** Month of publication: the first 7 characters of an ISO date (a date column, never article text). */
const MONTH = "CASE WHEN d.published ~ '^[0-9]{4}-[0-9]{2}' THEN left(d.published, 7) END";
const GROUP = 'GROUP BY d.site, month';

/** The five grouped counts of the SQLite store's outlets (per site and month), summed into profiles the same way. */
export function createPostgresOutlets(pool: pg.Pool): () => Promise<OutletProfile[]> {
  const queries = {
    docs: `SELECT d.site, ${MONTH} AS month, count(*) AS n, sum(d.word_count)::bigint AS words FROM documents d ${GROUP}`,
    grades: `SELECT d.site, ${MONTH} AS month, c.grade AS key, count(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id ${GROUP}, c.grade`,
    withFigures: `SELECT d.site, ${MONTH} AS month, count(*) AS n FROM claims c JOIN documents d ON d.id = c.document_id
      WHERE EXISTS (SELECT 1 FROM quantities q WHERE q.document_id = c.document_id AND q.start_offset >= c.start_offset AND q.end_offset <= c.end_offset) ${GROUP}`,
    unsourced: `SELECT d.site, ${MONTH} AS month, count(*) AS n FROM findings f JOIN documents d ON d.id = f.document_id WHERE f.rule = 'unsourced-statistic' ${GROUP}`,
    techniques: `SELECT d.site, ${MONTH} AS month, t.technique AS key, count(*) AS n FROM techniques t JOIN documents d ON d.id = t.document_id ${GROUP}, t.technique`,
  };
  return async () => {
    // One snapshot for the five counts: a repeatable-read, read-only transaction on one connection.
    const client = await pool.connect();
    let results: OutletCounts;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const out: Partial<OutletCounts> = {};
      for (const [name, sql] of Object.entries(queries) as [keyof typeof queries, string][]) out[name] = (await client.query<Cell>(sql)).rows;
      await client.query('COMMIT');
      results = out as OutletCounts;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    return profilesFromCounts(results);
  };
}
