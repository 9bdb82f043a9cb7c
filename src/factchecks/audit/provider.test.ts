import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { loadReranker } from '../../engine/predict/match.js';
import type { FactCheck } from '../import/schema.js';
import { openSqliteStore } from '../../store/index.js';
import { testSchemas } from '../../store/postgres/test-database.js';
import type { Store } from '../../store/types.js';
import { createFactCheckMatcher } from '../match/store-match.js';
import { FACTCHECK_PAGE, readAllFactChecks } from '../match/store-load.js';
import { createFactCheckAudit } from './provider.js';

const check = (i: number, claim: string): FactCheck => ({
  claim, url: `https://checks.example/${i}`, rating: { name: null, alternateName: i % 2 ? 'False' : 'True', value: null, best: null, worst: null },
  publisher: { name: 'Check Desk', url: null }, date: i % 3 ? `2024-0${(i % 9) + 1}-1${i % 10}` : null, language: 'en', claimant: null, claimDate: null, title: `Verdict ${i}`,
});
const PLACES = ['Ostrand', 'Meridale', 'Eastbury', 'Brinmouth', 'Lakeside', 'Vellmar'];
/** 450 invented fact-checks: more than two pages, dated in no id order. */
const MANY = Array.from({ length: 450 }, (_, i) => check(i, `The council of ${PLACES[i % 6]} spent ${(i + 1) * 1000} euros on ${['ferries', 'libraries', 'a bridge', 'street lights', 'parks'][i % 5]} in ${2000 + (i % 24)}.`));
const model = loadReranker();
const pgSchemas = testSchemas('fcaudit');
after(() => pgSchemas.dropAll());

async function freshStore(): Promise<{ store: Store; path: string }> {
  const path = join(mkdtempSync(join(tmpdir(), 'claimtrace-fc-audit-')), 'test.db');
  return { store: await openSqliteStore(path), path };
}

test('a matcher read through the Store ranks exactly as the matcher over the SQLite file', async () => {
  const { store, path } = await freshStore();
  try {
    await store.upsertFactChecks(MANY);
    const all = await readAllFactChecks(store);
    assert.deepEqual(all.map((f) => f.id), MANY.map((_, i) => i + 1));
    const viaStore = (await createFactCheckAudit(store, { loadModel: () => model }).matcher())!;
    const db = new Database(path, { readonly: true });
    const viaFile = createFactCheckMatcher(db, model);
    let matched = 0;
    for (const q of ['The council of Ostrand spent 7000 euros on parks', 'Meridale libraries 14000 euros', 'street lights in Eastbury cost 24,000 euros', 'nothing shared']) {
      const strip = (ms: ReturnType<typeof viaFile.match>) => ms.map((m) => [m.factCheck.id, m.score, m.rankerScore, m.reasons]);
      assert.deepEqual(strip(viaStore.match(q, { limit: 10 })), strip(viaFile.match(q, { limit: 10 })), q);
      matched += viaStore.match(q, { limit: 10 }).length;
    }
    assert.ok(matched > 0, 'some query matches, so the comparison is not between empty lists');
    db.close();
  } finally {
    await store.close();
  }
});

test('a store that ignores afterId is read by offset instead, every fact-check once', async () => {
  const { store } = await freshStore();
  try {
    await store.upsertFactChecks(MANY);
    const ignoring: Store = { ...store, listFactChecks: ({ afterId: _ignored, ...rest } = {}) => store.listFactChecks(rest) };
    const all = await readAllFactChecks(ignoring);
    assert.equal(all.length, MANY.length);
    assert.deepEqual(all.map((f) => f.id), MANY.map((_, i) => i + 1));
    assert.ok(MANY.length > 2 * FACTCHECK_PAGE);
  } finally {
    await store.close();
  }
});

test('no matcher and no model while no fact-checks are stored; the report passes through untouched', async () => {
  const { store } = await freshStore();
  try {
    let loads = 0;
    const audit = createFactCheckAudit(store, { loadModel: () => (loads++, model) });
    assert.equal(await audit.matcher(), undefined);
    const report = { claims: [] } as never;
    assert.equal(await audit.annotate(report, 0.5), report);
    assert.equal(loads, 0);
  } finally {
    await store.close();
  }
});

test('the matcher is built once and kept while the stamp is fresh; invalidate() makes the next use wait for the new fact-checks', async () => {
  const { store } = await freshStore();
  try {
    await store.upsertFactChecks(MANY.slice(0, 10));
    let loads = 0;
    let lists = 0;
    const counting: Store = { ...store, listFactChecks: (q) => (lists++, store.listFactChecks(q)) };
    const audit = createFactCheckAudit(counting, { loadModel: () => (loads++, model) });
    const first = await audit.matcher();
    assert.equal(first?.size, 10);
    const reads = lists;
    assert.equal(await audit.matcher(), first);
    assert.equal(lists, reads, 'no store read while the stamp is trusted');
    await store.upsertFactChecks(MANY.slice(10, 20));
    assert.equal(await audit.matcher(), first, 'another writer is not seen before the stamp ages (Infinity here)');
    audit.invalidate();
    assert.equal((await audit.matcher())?.size, 20);
    assert.equal(loads, 1, 'the model is loaded once');
  } finally {
    await store.close();
  }
});

test('past maxAgeMs the stamp is read again: an unchanged store keeps the matcher, a changed one is rebuilt while the old one answers', async () => {
  const { store } = await freshStore();
  try {
    await store.upsertFactChecks(MANY.slice(0, 10));
    let clock = 0;
    const audit = createFactCheckAudit(store, { maxAgeMs: 1000, now: () => clock, loadModel: () => model });
    const first = await audit.matcher();
    clock = 1500;
    assert.equal(await audit.matcher(), first, 'same stamp: same matcher');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.upsertFactChecks([{ ...MANY[3]!, rating: { ...MANY[3]!.rating, alternateName: 'Corrected' } }]);
    clock = 3000;
    assert.equal(await audit.matcher(), first, 'the old matcher answers while the new one is built');
    let next = await audit.matcher();
    for (let i = 0; i < 50 && next === first; i++) next = (await new Promise((resolve) => setTimeout(resolve, 20)), await audit.matcher());
    assert.notEqual(next, first);
    assert.equal(next!.match(MANY[3]!.claim, { limit: 1 })[0]?.factCheck.rating.alternateName, 'Corrected');
  } finally {
    await store.close();
  }
});

test('on PostgreSQL the matcher ranks as on SQLite over the same fact-checks, and the audit refreshes on its stamp', async () => {
  const [{ store: sqlite }, pgStore] = await Promise.all([freshStore(), pgSchemas.open()]);
  try {
    await sqlite.upsertFactChecks(MANY);
    await pgStore.upsertFactChecks(MANY);
    const [a, b] = await Promise.all([createFactCheckAudit(sqlite, { loadModel: () => model }).matcher(), createFactCheckAudit(pgStore, { loadModel: () => model }).matcher()]);
    for (const q of ['The council of Ostrand spent 7000 euros on parks', 'Meridale libraries 14000 euros']) {
      const strip = (ms: ReturnType<NonNullable<typeof a>['match']>) => ms.map((m) => [m.factCheck.claim, m.factCheck.url, m.score, m.reasons]);
      assert.deepEqual(strip(b!.match(q, { limit: 10 })), strip(a!.match(q, { limit: 10 })), q);
    }
    let clock = 0;
    const audit = createFactCheckAudit(pgStore, { maxAgeMs: 10, now: () => clock, loadModel: () => model });
    const first = await audit.matcher();
    await pgStore.upsertFactChecks([check(999, 'The harbour of Vellmar closed for 3 weeks in 2024.')]);
    clock = 100;
    await audit.matcher();
    let next = first;
    for (let i = 0; i < 100 && next === first; i++) next = (await new Promise((resolve) => setTimeout(resolve, 20)), await audit.matcher());
    assert.equal(next?.size, MANY.length + 1);
  } finally {
    await Promise.all([sqlite.close(), pgStore.close()]);
  }
});
