import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { FactCheck } from '../factchecks/import/schema.js';
import { DREDGING, FERRIES, KEEPER, POLICE, QUOTAS } from './conformance-fixtures.js';
import { BILL_EARLY, BILL_LATE, CARGO } from './conformance-trace.js';
import { copyStore, type CopySummary } from './copy.js';
import { testSchemas } from './postgres/test-database.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

const schemas = testSchemas('copy');
const dir = mkdtempSync(join(tmpdir(), 'claimtrace-copy-'));
let files = 0;
after(async () => {
  await schemas.dropAll();
  rmSync(dir, { recursive: true, force: true });
});

const REPORTS = [DREDGING, FERRIES, QUOTAS, POLICE, KEEPER, BILL_EARLY, BILL_LATE, CARGO];
const BILL: FactCheck = {
  claim: 'Vellmar port spent 12 million euros on dredging in 2023.', url: 'https://harbourcheck.example/checks/dredging-bill',
  rating: { name: 'True', alternateName: 'True', value: 5, best: 5, worst: 1 }, publisher: { name: 'Harbour Check', url: 'https://harbourcheck.example/' },
  date: '2024-03-20', language: 'en', claimant: null, claimDate: null, title: 'Was the dredging bill 12 million?',
};
const TENDER: FactCheck = { ...BILL, claim: 'The emergency dredging was never put out to tender.', url: 'https://coastfacts.example/tender', title: null };
const review = (documentId: number, claimId: string, rating: 'true' | 'false', reviewer: string) => ({ documentId, claimId, rating, explanation: `Checked by ${reviewer}.`, evidenceUrls: ['https://harbour.example/minutes'], reviewer });

/** A SQLite corpus with every kind of record a copy carries: eight articles, reviews, fact-checks, decisions, a failure, a feed. */
async function sourceCorpus(): Promise<Store> {
  const store = await openSqliteStore(join(dir, `source-${++files}.db`));
  const ids = (await store.upsertMany(REPORTS.map((report) => ({ report, settings: 'threshold=0.4' })))).map((r) => r.documentId);
  // The fact-checks are stored in the other order than they are listed (newest first), so ids must be mapped, not assumed.
  const [tender, bill] = await store.upsertFactChecks([TENDER, BILL]);
  await store.addReview(review(ids[0]!, 'c1', 'true', 'Ines Varga'));
  await store.addReview(review(ids[0]!, 'c1', 'false', 'Tomas Berg'));
  await store.addReview(review(ids[1]!, 'c1', 'true', 'Ines Varga'));
  await store.addMatchDecision({ documentId: ids[0]!, claimId: 'c1', factCheckId: bill!.id, decision: 'accepted', reviewer: 'Ines Varga', note: 'Same bill.' });
  await store.addMatchDecision({ documentId: ids[0]!, claimId: 'c1', factCheckId: tender!.id, decision: 'rejected', reviewer: 'Ines Varga' });
  await store.recordFailure({ input: 'feeds.jsonl:3', code: 'E_RECORD_INVALID', message: 'Record feeds.jsonl:3 is not an article: no text' });
  await store.saveFeedState({ url: 'https://harbourpost.example/feed.xml', etag: '"v1"', lastModified: null, lastPolledAt: '2024-12-03T08:00:05.000Z', nextPollAt: '2024-12-03T08:15:05.000Z', lastStatus: 200, lastError: null });
  return store;
}

/** Everything a store holds that a copy carries, by article URL (ids are each store's own). */
async function contents(store: Store) {
  const docs = (await store.listDocuments({ limit: 200 })).items;
  const factChecks = (await store.listFactChecks({ limit: 200 })).items;
  const urlOf = new Map(factChecks.map((f) => [f.id, f.url]));
  const articles = [];
  for (const d of docs) {
    const report = await store.getReport(d.documentId);
    const ref = await store.lookup({ url: d.url, textHash: '' });
    const reviews = (await store.reviews(d.documentId)).map(({ id, createdAt, documentId, ...r }) => r);
    const decisions = (await store.matchDecisions(d.documentId)).map(({ id, createdAt, documentId, factCheckId, ...r }) => ({ ...r, factCheck: urlOf.get(factCheckId) }));
    articles.push({ url: d.url, pipeline: ref?.pipeline, report, reviews, decisions });
  }
  return {
    articles, total: await store.countDocuments(), failures: await store.failures(), feeds: await store.listFeedStates(),
    factChecks: factChecks.map(({ id, createdAt, updatedAt, ...f }) => f),
  };
}

const counts = (s: CopySummary) => [s.documents, s.reviews, s.matchDecisions, s.factChecks, s.failures, s.feeds, s.interrupted];

test('a SQLite corpus copied into a fresh PostgreSQL schema twice holds the same records, and the second run writes nothing', async () => {
  const source = await sourceCorpus();
  const target = await schemas.open();
  try {
    const first = await copyStore(source, target, { batch: 3 });
    assert.deepEqual(counts(first), [{ inserted: 8, updated: 0, unchanged: 0 }, { copied: 3, present: 0 }, { copied: 2, present: 0 }, { inserted: 2, updated: 0, unchanged: 0 }, 1, 1, false]);
    const expected = await contents(source);
    assert.deepEqual(await contents(target), expected);
    const second = await copyStore(source, target, { batch: 3 });
    assert.deepEqual(counts(second), [{ inserted: 0, updated: 0, unchanged: 8 }, { copied: 0, present: 3 }, { copied: 0, present: 2 }, { inserted: 0, updated: 0, unchanged: 2 }, 1, 1, false]);
    assert.deepEqual(await contents(target), expected);
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('an interrupted copy stops after the batch in hand, and running it again copies the rest and nothing twice', async () => {
  const source = await sourceCorpus();
  const target = await schemas.open();
  try {
    const controller = new AbortController();
    const stored: string[] = [];
    const stopped = await copyStore(source, target, { batch: 3, signal: controller.signal }, (event) => {
      stored.push(event.input);
      controller.abort();
    });
    assert.deepEqual([stopped.documents, stopped.interrupted, await target.countDocuments(), stored.length], [{ inserted: 3, updated: 0, unchanged: 0 }, true, 3, 3]);
    assert.deepEqual(await target.failures(), []);
    const resumed = await copyStore(source, target, { batch: 3 });
    assert.deepEqual(counts(resumed).slice(0, 2), [{ inserted: 5, updated: 0, unchanged: 3 }, { copied: 3 - stopped.reviews.copied, present: stopped.reviews.copied }]);
    assert.deepEqual(await contents(target), await contents(source));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('an article already copied without its reviews (a crash between the two) gets them, and is not written again', async () => {
  const source = await sourceCorpus();
  const target = await openSqliteStore(join(dir, `target-${++files}.db`));
  try {
    await target.upsert({ report: DREDGING, settings: 'threshold=0.4' });
    const summary = await copyStore(source, target);
    assert.deepEqual([summary.documents, summary.reviews], [{ inserted: 7, updated: 0, unchanged: 1 }, { copied: 3, present: 0 }]);
    assert.deepEqual(await contents(target), await contents(source));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('a stale copy of an article (other text) is replaced by the source\'s analysis', async () => {
  const source = await sourceCorpus();
  const target = await openSqliteStore(join(dir, `target-${++files}.db`));
  try {
    const stale = { ...FERRIES, document: { ...FERRIES.document, text: `${FERRIES.document.text} Updated.` } };
    await target.upsert({ report: stale });
    const summary = await copyStore(source, target);
    assert.deepEqual(summary.documents, { inserted: 7, updated: 1, unchanged: 0 });
    assert.deepEqual(await contents(target), await contents(source));
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
});

test('a corpus copied from PostgreSQL back into a new SQLite file reads back as the original', async () => {
  const source = await sourceCorpus();
  const middle = await schemas.open();
  const back = await openSqliteStore(join(dir, `back-${++files}.db`));
  try {
    await copyStore(source, middle);
    const summary = await copyStore(middle, back, { batch: 1 });
    assert.deepEqual(counts(summary), [{ inserted: 8, updated: 0, unchanged: 0 }, { copied: 3, present: 0 }, { copied: 2, present: 0 }, { inserted: 2, updated: 0, unchanged: 0 }, 1, 1, false]);
    assert.deepEqual(await contents(back), await contents(source));
  } finally {
    await Promise.all([source.close(), middle.close(), back.close()]);
  }
});
