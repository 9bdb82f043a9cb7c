import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DREDGING } from './conformance-fixtures.js';
import { matchDecisionTests } from './conformance-match-decisions.js';
import { openSqliteStore } from './sqlite.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-decisions-'));
let n = 0;
const freshPath = () => join(dir, `store-${++n}.db`);
after(() => rmSync(dir, { recursive: true, force: true }));

describe('Store conformance: SQLite match decisions', () => matchDecisionTests(() => openSqliteStore(freshPath())));

test('the match_decisions table refuses a decision other than accepted or rejected even past validation', async () => {
  const path = freshPath();
  const store = await openSqliteStore(path);
  const documentId = (await store.upsert({ report: DREDGING })).documentId;
  const [factCheck] = await store.upsertFactChecks([{ claim: 'Dredging cost 12 million euros.', url: 'https://check.example/a', rating: { name: 'True', alternateName: null, value: null, best: null, worst: null }, publisher: { name: 'Check', url: null }, date: null, language: null, claimant: null, claimDate: null, title: null }]);
  await store.close();
  const db = new Database(path);
  try {
    assert.throws(() => db.prepare(`INSERT INTO match_decisions (document_id, claim_id, claim_text, factcheck_id, decision, reviewer, created_at)
      VALUES (?, 'c1', 'x', ?, 'maybe', 'r', 't')`).run(documentId, factCheck!.id), /CHECK constraint failed/);
  } finally {
    db.close();
  }
});
