import type pg from 'pg';
import { factCheckKey } from '../../factchecks/import/key.js';
import type { FactCheck } from '../../factchecks/import/schema.js';
import { FACTCHECK_COLUMNS, factCheckFromRow, factCheckListWindow, factCheckToRow, sha256, validatedFactCheck, type FactCheckRow } from '../factcheck-rows.js';
import type { FactCheckList, FactCheckListQuery, FactCheckUpsertResult, StoredFactCheck } from '../types.js';
import { inTransaction } from './transaction.js';

const SELECT = `id, ${FACTCHECK_COLUMNS.join(', ')}, created_at, updated_at`;

/** A fact-check's content values in FACTCHECK_COLUMNS order ($3 onwards). */
const values = (fc: FactCheck) => {
  const row = factCheckToRow(fc);
  return FACTCHECK_COLUMNS.map((c) => row[c]);
};

/**
 * One statement per fact-check: insert, or on the same key (normalised review URL and claim) update it unless its
 * content hash is unchanged. Concurrent imports of one feed meet on the unique key and never duplicate a row.
 * `xmax = 0` tells a fresh row; no row back means the stored one was the same.
 */
const UPSERT_SQL = `INSERT INTO factchecks (key_hash, content_hash, ${FACTCHECK_COLUMNS.join(', ')}, created_at, updated_at)
  VALUES ($1, $2, ${FACTCHECK_COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}, $${FACTCHECK_COLUMNS.length + 3}, $${FACTCHECK_COLUMNS.length + 3})
  ON CONFLICT (key_hash) DO UPDATE SET content_hash = EXCLUDED.content_hash, ${FACTCHECK_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = EXCLUDED.updated_at
    WHERE factchecks.content_hash <> EXCLUDED.content_hash
  RETURNING id, (xmax = 0) AS inserted`;

/** The fact-check half of the PostgreSQL store. */
export function createPostgresFactChecks(pool: pg.Pool) {
  const upsertFactChecks = (factChecks: readonly FactCheck[]): Promise<FactCheckUpsertResult[]> => {
    const clean = factChecks.map(validatedFactCheck);
    const keyed = clean.map((fc) => ({ fc, keyHash: sha256(factCheckKey(fc)) }));
    return inTransaction(pool, async (client) => {
      // The keys' advisory locks in sorted order first: two imports of overlapping feeds wait for each other rather than
      // deadlock on the unique key, and rows still get their ids in input order.
      if (keyed.length > 1) {
        await client.query(`SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(current_schema() || ' factcheck ' || key, 0) AS k
          FROM unnest($1::text[]) AS key ORDER BY 1) AS sorted`, [keyed.map((k) => k.keyHash)]);
      }
      const now = new Date().toISOString();
      const results: FactCheckUpsertResult[] = [];
      for (const { fc, keyHash } of keyed) {
        const { rows } = await client.query<{ id: number; inserted: boolean }>(UPSERT_SQL, [keyHash, sha256(JSON.stringify(fc)), ...values(fc), now]);
        if (rows[0]) results.push({ id: rows[0].id, status: rows[0].inserted ? 'inserted' : 'updated' });
        else results.push({ id: (await client.query<{ id: number }>('SELECT id FROM factchecks WHERE key_hash = $1', [keyHash])).rows[0]!.id, status: 'unchanged' });
      }
      return results;
    });
  };
  const getFactCheck = async (id: number): Promise<StoredFactCheck | undefined> => {
    if (!Number.isSafeInteger(id)) return undefined;
    const row = (await pool.query<FactCheckRow>(`SELECT ${SELECT} FROM factchecks WHERE id = $1`, [id])).rows[0];
    return row ? factCheckFromRow(row) : undefined;
  };
  const listFactChecks = async (query: FactCheckListQuery = {}): Promise<FactCheckList> => {
    const { limit, offset } = factCheckListWindow(query);
    const page = query.afterId !== undefined
      ? pool.query<FactCheckRow>(`SELECT ${SELECT} FROM factchecks WHERE id > $1 ORDER BY id LIMIT $2`, [Math.floor(query.afterId), limit])
      : pool.query<FactCheckRow>(`SELECT ${SELECT} FROM factchecks ORDER BY review_date DESC NULLS LAST, id DESC LIMIT $1 OFFSET $2`, [limit, offset]);
    const [summary, rows] = await Promise.all([pool.query<{ n: number; at: Date | null }>('SELECT count(*) AS n, max(updated_at) AS at FROM factchecks'), page]);
    const { n, at } = summary.rows[0]!;
    return { total: n, items: rows.rows.map(factCheckFromRow), lastUpdatedAt: at === null ? null : at.toISOString() };
  };
  return { upsertFactChecks, getFactCheck, listFactChecks };
}
