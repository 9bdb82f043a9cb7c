import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { ClaimtraceError } from '../core/errors.js';
import { factCheckKey } from '../factchecks/import/key.js';
import { FactCheckSchema, type FactCheck } from '../factchecks/import/schema.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './sqlite-reviews.js';
import type { FactCheckList, FactCheckListQuery, FactCheckUpsertResult, StoredFactCheck } from './types.js';

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
  created_at: string;
  updated_at: string;
}

const COLUMNS = ['claim', 'url', 'rating_name', 'rating_alternate_name', 'rating_value', 'best_rating', 'worst_rating', 'publisher_name', 'publisher_url', 'review_date', 'language', 'claimant', 'claim_date', 'title'] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function toRow(fc: FactCheck): Record<(typeof COLUMNS)[number], string | number | null> {
  return {
    claim: fc.claim, url: fc.url,
    rating_name: fc.rating.name, rating_alternate_name: fc.rating.alternateName, rating_value: fc.rating.value, best_rating: fc.rating.best, worst_rating: fc.rating.worst,
    publisher_name: fc.publisher.name, publisher_url: fc.publisher.url,
    review_date: fc.date, language: fc.language, claimant: fc.claimant, claim_date: fc.claimDate, title: fc.title,
  };
}

function fromRow(r: FactCheckRow): StoredFactCheck {
  return {
    id: r.id, claim: r.claim, url: r.url,
    rating: { name: r.rating_name, alternateName: r.rating_alternate_name, value: r.rating_value, best: r.best_rating, worst: r.worst_rating },
    publisher: { name: r.publisher_name, url: r.publisher_url },
    date: r.review_date, language: r.language, claimant: r.claimant, claimDate: r.claim_date, title: r.title,
    createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

/** A fact-check as the store takes it: validated, or E_REQUEST_INVALID naming the field. */
function validated(input: FactCheck): FactCheck {
  const parsed = FactCheckSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `fact-check ${issue.path.join('.') || ''}: ${issue.message}` });
}

/** The fact-check half of the SQLite store; `upsertFactChecks` is a transaction (call `.immediate`). */
export interface SqliteFactChecks {
  readonly upsertFactChecks: { immediate(factChecks: readonly FactCheck[]): FactCheckUpsertResult[] };
  getFactCheck(id: number): StoredFactCheck | undefined;
  listFactChecks(query?: FactCheckListQuery): FactCheckList;
}

/** Prepares the fact-check statements once per store. */
export function createSqliteFactChecks(db: Database): SqliteFactChecks {
  const byKey = db.prepare('SELECT id, content_hash AS contentHash FROM factchecks WHERE key_hash = ?');
  const insert = db.prepare(`INSERT INTO factchecks (key_hash, content_hash, ${COLUMNS.join(', ')}, created_at, updated_at)
    VALUES (@key_hash, @content_hash, ${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`);
  const update = db.prepare(`UPDATE factchecks SET content_hash = @content_hash, ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`);
  const byId = db.prepare('SELECT * FROM factchecks WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM factchecks');
  const page = db.prepare('SELECT * FROM factchecks ORDER BY review_date IS NULL, review_date DESC, id DESC LIMIT ? OFFSET ?');
  const after = db.prepare('SELECT * FROM factchecks WHERE id > ? ORDER BY id LIMIT ?');
  const lastUpdated = db.prepare('SELECT MAX(updated_at) AS at FROM factchecks');

  const upsertOne = (input: FactCheck, now: string): FactCheckUpsertResult => {
    const fc = validated(input);
    const keyHash = sha256(factCheckKey(fc));
    const contentHash = sha256(JSON.stringify(fc));
    const existing = byKey.get(keyHash) as { id: number; contentHash: string } | undefined;
    if (existing?.contentHash === contentHash) return { id: existing.id, status: 'unchanged' };
    const row = { ...toRow(fc), key_hash: keyHash, content_hash: contentHash, now };
    if (existing) {
      update.run({ ...row, id: existing.id });
      return { id: existing.id, status: 'updated' };
    }
    return { id: Number(insert.run(row).lastInsertRowid), status: 'inserted' };
  };

  return {
    upsertFactChecks: db.transaction((factChecks: readonly FactCheck[]): FactCheckUpsertResult[] => {
      const now = new Date().toISOString();
      return factChecks.map((fc) => upsertOne(fc, now));
    }),
    getFactCheck: (id: number): StoredFactCheck | undefined => {
      const row = byId.get(id) as FactCheckRow | undefined;
      return row ? fromRow(row) : undefined;
    },
    listFactChecks: (query: FactCheckListQuery = {}): FactCheckList => {
      const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
      const offset = Math.max(0, Math.floor(query.offset ?? 0));
      const total = (count.get() as { n: number }).n;
      if (query.afterId !== undefined) return { total, items: (after.all(Math.floor(query.afterId), limit) as FactCheckRow[]).map(fromRow) };
      return { total, items: (page.all(limit, offset) as FactCheckRow[]).map(fromRow), lastUpdatedAt: (lastUpdated.get() as { at: string | null }).at };
    },
  };
}

/** Every stored fact-check's id, claim and title (empty when none), in id order: what the matcher indexes. */
export function readFactCheckTexts(db: Database): { id: number; claim: string; title: string }[] {
  const rows = db.prepare("SELECT id, claim, COALESCE(title, '') FROM factchecks ORDER BY id").raw().all() as [number, string, string][];
  return rows.map(([id, claim, title]) => ({ id, claim, title }));
}

/** The stored fact-checks with these ids, in the order given; ids not stored are left out. */
export function readFactChecksByIds(db: Database, ids: readonly number[]): StoredFactCheck[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`SELECT * FROM factchecks WHERE id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as FactCheckRow[];
  const byId = new Map(rows.map((r) => [r.id, fromRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
