import type { Database } from 'better-sqlite3';
import { factCheckKey } from '../factchecks/import/key.js';
import type { FactCheck } from '../factchecks/import/schema.js';
import { FACTCHECK_COLUMNS, factCheckFromRow, factCheckListWindow, factCheckToRow, sha256, validatedFactCheck, type FactCheckRow } from './factcheck-rows.js';
import type { FactCheckList, FactCheckListQuery, FactCheckUpsertResult, StoredFactCheck } from './types.js';

/** The fact-check half of the SQLite store; `upsertFactChecks` is a transaction (call `.immediate`). */
export interface SqliteFactChecks {
  readonly upsertFactChecks: { immediate(factChecks: readonly FactCheck[]): FactCheckUpsertResult[] };
  getFactCheck(id: number): StoredFactCheck | undefined;
  listFactChecks(query?: FactCheckListQuery): FactCheckList;
}

/** Prepares the fact-check statements once per store. */
export function createSqliteFactChecks(db: Database): SqliteFactChecks {
  const byKey = db.prepare('SELECT id, content_hash AS contentHash FROM factchecks WHERE key_hash = ?');
  const insert = db.prepare(`INSERT INTO factchecks (key_hash, content_hash, ${FACTCHECK_COLUMNS.join(', ')}, created_at, updated_at)
    VALUES (@key_hash, @content_hash, ${FACTCHECK_COLUMNS.map((c) => `@${c}`).join(', ')}, @now, @now)`);
  const update = db.prepare(`UPDATE factchecks SET content_hash = @content_hash, ${FACTCHECK_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`);
  const byId = db.prepare('SELECT * FROM factchecks WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM factchecks');
  const page = db.prepare('SELECT * FROM factchecks ORDER BY review_date IS NULL, review_date DESC, id DESC LIMIT ? OFFSET ?');
  const after = db.prepare('SELECT * FROM factchecks WHERE id > ? ORDER BY id LIMIT ?');
  const lastUpdated = db.prepare('SELECT MAX(updated_at) AS at FROM factchecks');

  const upsertOne = (input: FactCheck, now: string): FactCheckUpsertResult => {
    const fc = validatedFactCheck(input);
    const keyHash = sha256(factCheckKey(fc));
    const contentHash = sha256(JSON.stringify(fc));
    const existing = byKey.get(keyHash) as { id: number; contentHash: string } | undefined;
    if (existing?.contentHash === contentHash) return { id: existing.id, status: 'unchanged' };
    const row = { ...factCheckToRow(fc), key_hash: keyHash, content_hash: contentHash, now };
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
      return row ? factCheckFromRow(row) : undefined;
    },
    listFactChecks: (query: FactCheckListQuery = {}): FactCheckList => {
      const { limit, offset } = factCheckListWindow(query);
      const total = (count.get() as { n: number }).n;
      if (query.afterId !== undefined) return { total, items: (after.all(Math.floor(query.afterId), limit) as FactCheckRow[]).map(factCheckFromRow) };
      return { total, items: (page.all(limit, offset) as FactCheckRow[]).map(factCheckFromRow), lastUpdatedAt: (lastUpdated.get() as { at: string | null }).at };
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
  const byId = new Map(rows.map((r) => [r.id, factCheckFromRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
