import { createHash } from 'node:crypto';
import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import { factCheckKey } from '../../factchecks/import/key.js';
import { FactCheckSchema, type FactCheck } from '../../factchecks/import/schema.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from '../sqlite-reviews.js';
import type { FactCheckList, FactCheckListQuery, FactCheckUpsertResult, StoredFactCheck } from '../types.js';
import { inTransaction } from './transaction.js';

interface FactCheckRow {
  id: number;
  claim: string;
  url: string;
  rating_name: string | null;
  rating_alternate_name: string | null;
  rating_value: number | null;
  best_rating: number | null;
  worst_rating: number | null;
  publisher_name: string | null;
  publisher_url: string | null;
  review_date: string | null;
  language: string | null;
  claimant: string | null;
  claim_date: string | null;
  title: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = ['claim', 'url', 'rating_name', 'rating_alternate_name', 'rating_value', 'best_rating', 'worst_rating', 'publisher_name', 'publisher_url', 'review_date', 'language', 'claimant', 'claim_date', 'title'] as const;
const SELECT = `id, ${COLUMNS.join(', ')}, created_at, updated_at`;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const values = (fc: FactCheck) => [
  fc.claim, fc.url, fc.rating.name, fc.rating.alternateName, fc.rating.value, fc.rating.best, fc.rating.worst,
  fc.publisher.name, fc.publisher.url, fc.date, fc.language, fc.claimant, fc.claimDate, fc.title,
];

function fromRow(r: FactCheckRow): StoredFactCheck {
  return {
    id: r.id, claim: r.claim, url: r.url,
    rating: { name: r.rating_name, alternateName: r.rating_alternate_name, value: r.rating_value, best: r.best_rating, worst: r.worst_rating },
    publisher: { name: r.publisher_name, url: r.publisher_url },
    date: r.review_date, language: r.language, claimant: r.claimant, claimDate: r.claim_date, title: r.title,
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  };
}

/** A fact-check as the store takes it: validated, or E_REQUEST_INVALID naming the field. */
function validated(input: FactCheck): FactCheck {
  const parsed = FactCheckSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `fact-check ${issue.path.join('.') || ''}: ${issue.message}` });
}

/**
 * One statement per fact-check: insert, or on the same key (normalised review URL and claim) update it unless its
 * content hash is unchanged. Concurrent imports of one feed meet on the unique key and never duplicate a row.
 * `xmax = 0` tells a fresh row; no row back means the stored one was the same.
 */
const UPSERT_SQL = `INSERT INTO factchecks (key_hash, content_hash, ${COLUMNS.join(', ')}, created_at, updated_at)
  VALUES ($1, $2, ${COLUMNS.map((_, i) => `$${i + 3}`).join(', ')}, $${COLUMNS.length + 3}, $${COLUMNS.length + 3})
  ON CONFLICT (key_hash) DO UPDATE SET content_hash = EXCLUDED.content_hash, ${COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = EXCLUDED.updated_at
    WHERE factchecks.content_hash <> EXCLUDED.content_hash
  RETURNING id, (xmax = 0) AS inserted`;

/** The fact-check half of the PostgreSQL store. */
export function createPostgresFactChecks(pool: pg.Pool) {
  const upsertFactChecks = (factChecks: readonly FactCheck[]): Promise<FactCheckUpsertResult[]> => {
    const clean = factChecks.map(validated);
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
    return row ? fromRow(row) : undefined;
  };
  const listFactChecks = async (query: FactCheckListQuery = {}): Promise<FactCheckList> => {
    const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const page = query.afterId !== undefined
      ? pool.query<FactCheckRow>(`SELECT ${SELECT} FROM factchecks WHERE id > $1 ORDER BY id LIMIT $2`, [Math.floor(query.afterId), limit])
      : pool.query<FactCheckRow>(`SELECT ${SELECT} FROM factchecks ORDER BY review_date DESC NULLS LAST, id DESC LIMIT $1 OFFSET $2`, [limit, offset]);
    const [summary, rows] = await Promise.all([pool.query<{ n: number; at: Date | null }>('SELECT count(*) AS n, max(updated_at) AS at FROM factchecks'), page]);
    const { n, at } = summary.rows[0]!;
    return { total: n, items: rows.rows.map(fromRow), lastUpdatedAt: at === null ? null : at.toISOString() };
  };
  return { upsertFactChecks, getFactCheck, listFactChecks };
}
