import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DREDGING } from './conformance-fixtures.js';
import { matchDecisionTests } from './conformance-match-decisions.js';
import { migrate, schemaVersion } from './migrate.js';
import { MIGRATIONS } from './migrations/all.js';
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

test('a file at schema version 7 is migrated: its claims read back without matches and take decisions', async () => {
  const path = freshPath();
  const db = new Database(path);
  migrate(db, path, MIGRATIONS, 7);
  db.prepare(`INSERT INTO documents (id, url, title, text, text_hash, word_count, generator, pipeline, sentences, created_at, updated_at)
    VALUES (1, 'https://old.example/b', 'Dredging', 'The port spent 12 million euros.', 'h', 6, '{"name":"claimtrace","version":"0.0.0","annotators":[]}', 'p', '[]', 't', 't')`).run();
  db.prepare(`INSERT INTO claims (document_id, seq, ann_id, start_offset, end_offset, text, checkworthiness, kind, grade, attribution_ids) VALUES
    (1, 0, 'c1', 0, 32, 'The port spent 12 million euros.', 0.9, 'statistic', 'none', '[]')`).run();
  db.close();
  const store = await openSqliteStore(path);
  try {
    const [claim] = (await store.getReport(1))!.claims;
    assert.equal(Object.hasOwn(claim!, 'factChecks'), false);
    const [factCheck] = await store.upsertFactChecks([{ claim: 'The port spent 12 million euros.', url: 'https://check.example/b', rating: { name: 'True', alternateName: null, value: null, best: null, worst: null }, publisher: { name: 'Check', url: null }, date: null, language: null, claimant: null, claimDate: null, title: null }]);
    const decision = await store.addMatchDecision({ documentId: 1, claimId: 'c1', factCheckId: factCheck!.id, decision: 'accepted', reviewer: 'Ines Varga' });
    assert.deepEqual(await store.matchDecisions(1), [decision]);
  } finally {
    await store.close();
  }
  const check = new Database(path, { readonly: true });
  assert.equal(schemaVersion(check), MIGRATIONS.at(-1)!.version);
  check.close();
});
