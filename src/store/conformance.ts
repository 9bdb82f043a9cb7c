import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DREDGING, FERRIES, KEEPER, POLICE, QUOTAS, withText } from './conformance-fixtures.js';
import { factCheckTests } from './conformance-factchecks.js';
import { traceTests } from './conformance-trace.js';
import { reviewTests } from './conformance-reviews.js';
import { MAX_SEARCH_TERMS } from './defaults.js';
import { normalisedTextHash } from './keys.js';
import type { SearchHit, Store, StoreFactory } from './types.js';

/** Opens a store, runs the body, and closes the store even when the body fails. */
async function using<T>(factory: StoreFactory, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await factory();
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Registers the behaviour every Store must show (node:test), run against stores from `factory` (each call a fresh, empty store). */
export function runStoreConformance(name: string, factory: StoreFactory): void {
  describe(`Store conformance: ${name}`, () => {
    identityTests(factory);
    searchTests(factory);
    failureTests(factory);
    traceTests(factory);
    reviewTests(factory);
    factCheckTests(factory);
  });
}

function identityTests(factory: StoreFactory): void {
  test('a new article is inserted and counted', () => using(factory, async (store) => {
    const result = await store.upsert({ report: DREDGING });
    assert.equal(result.status, 'inserted');
    assert.equal(await store.countDocuments(), 1);
  }));

  test('a stored report reads back unchanged, offsets and all', () => using(factory, async (store) => {
    const { documentId } = await store.upsert({ report: DREDGING });
    assert.deepEqual(await store.getReport(documentId), DREDGING);
  }));

  test('a stored report keeps which entity each mention is of', () => using(factory, async (store) => {
    const { documentId } = await store.upsert({ report: KEEPER });
    const report = await store.getReport(documentId);
    assert.deepEqual(report?.entities.map((e) => [e.text, e.entity]), [['Jean Périer', 'person:jean perier'], ['Jean Perier', 'person:jean perier'], ['Ana Lund', 'person:ana lund']]);
    assert.deepEqual(report, KEEPER);
  }));

  test('a report whose mentions say no entity (made before the field) reads back without the field', () => using(factory, async (store) => {
    const older = { ...KEEPER, entities: KEEPER.entities.map(({ entity: _, ...mention }) => mention) };
    const report = await store.getReport((await store.upsert({ report: older })).documentId);
    assert.deepEqual(report?.entities, older.entities);
    assert.equal(report?.entities.some((e) => Object.hasOwn(e, 'entity')), false);
  }));

  test('an unknown document id reads back as undefined', () => using(factory, async (store) => {
    assert.equal(await store.getReport(4242), undefined);
  }));

  test('the same URL with a corrected text updates the one document', () => using(factory, async (store) => {
    const first = await store.upsert({ report: DREDGING });
    const corrected = withText(DREDGING, 'Dredging bill corrected: the port spent 11 million euros.', 'the port spent 11 million euros.');
    const second = await store.upsert({ report: corrected });
    assert.deepEqual([second.status, second.documentId, await store.countDocuments()], ['updated', first.documentId, 1]);
    assert.equal((await store.getReport(first.documentId))?.claims.length, 1);
  }));

  test('without a URL, the same text with other spacing and quotes updates rather than duplicates', () => using(factory, async (store) => {
    const first = await store.upsert({ report: QUOTAS });
    const retyped = withText(QUOTAS, '  Fishing quotas in the bay\nwere cut by a third this spring.  ', 'Fishing quotas in the bay');
    const second = await store.upsert({ report: { ...retyped, document: { ...retyped.document, url: null } } });
    assert.deepEqual([second.status, second.documentId, await store.countDocuments()], ['updated', first.documentId, 1]);
  }));

  test('without a URL, a different text is a new document', () => using(factory, async (store) => {
    await store.upsert({ report: QUOTAS });
    const other = withText(QUOTAS, 'Fishing quotas in the bay were cut by half this spring.', 'Fishing quotas');
    assert.equal((await store.upsert({ report: { ...other, document: { ...other.document, url: null } } })).status, 'inserted');
    assert.equal(await store.countDocuments(), 2);
  }));

  test('upsertMany stores a batch in one go, in order, as single upserts would', () => using(factory, async (store) => {
    const corrected = withText(DREDGING, 'Dredging bill corrected: the port spent 11 million euros.', 'the port spent 11 million euros.');
    const results = await store.upsertMany([{ report: DREDGING }, { report: QUOTAS }, { report: corrected }]);
    assert.deepEqual(results.map((r) => r.status), ['inserted', 'inserted', 'updated']);
    assert.equal(results[2]!.documentId, results[0]!.documentId);
    assert.equal(await store.countDocuments(), 2);
    assert.deepEqual(await store.getReport(results[1]!.documentId), QUOTAS);
    assert.equal((await store.getReport(results[0]!.documentId))?.document.text, corrected.document.text);
  }));

  test('upsertMany is all or nothing: a bad article in the batch leaves no article of it stored', () => using(factory, async (store) => {
    const broken = { ...QUOTAS, claims: [{ ...QUOTAS.claims[0]!, text: null as unknown as string }] };
    await assert.rejects(store.upsertMany([{ report: DREDGING }, { report: broken }]));
    assert.equal(await store.countDocuments(), 0);
    assert.equal((await store.upsertMany([])).length, 0);
  }));

  test('lookup finds a document by URL with its text hash and pipeline signature', () => using(factory, async (store) => {
    const { documentId } = await store.upsert({ report: DREDGING, settings: 'threshold=0.5' });
    const found = await store.lookup({ url: 'https://gazette.example/dredging', textHash: 'ignored' });
    assert.deepEqual(found, { id: documentId, textHash: normalisedTextHash(DREDGING.document.text), pipeline: 'claimtrace@0.0.0-test sentences@1,claims@2 threshold=0.5' });
  }));

  test('lookup without a URL finds a document by its normalised-text hash only', () => using(factory, async (store) => {
    const { documentId } = await store.upsert({ report: QUOTAS });
    assert.equal((await store.lookup({ url: null, textHash: normalisedTextHash('fishing quotas in the bay were cut by a third this spring.') }))?.id, documentId);
    assert.equal(await store.lookup({ url: 'https://elsewhere.example/', textHash: normalisedTextHash(QUOTAS.document.text) }), undefined);
  }));
}

function searchTests(factory: StoreFactory): void {
  const seeded = (body: (store: Store) => Promise<void>) => using(factory, async (store) => {
    for (const report of [DREDGING, FERRIES, QUOTAS]) await store.upsert({ report });
    await body(store);
  });
  const kinds = (hits: readonly SearchHit[]) => hits.map((h) => `${h.kind}:${h.url ?? h.documentId}`);

  test('search finds a claim by a stemmed word, with its offsets, grade and highlighted snippet', () => seeded(async (store) => {
    const [hit] = (await store.search({ text: 'tenders' })).hits;
    assert.deepEqual(hit?.claim, { id: 'c2', start: 126, end: 187, grade: 'vague', checkworthiness: 0.8 });
    assert.deepEqual([hit?.snippet, hit?.highlights], ['Critics say the \u201cemergency\u201d work was never put out to tender.', [[54, 60]]]);
  }));

  test('search returns document hits with their metadata after the better-ranked claim hit', () => seeded(async (store) => {
    const hits = (await store.search({ text: 'tenders' })).hits;
    assert.deepEqual(kinds(hits), ['claim:https://gazette.example/dredging', 'document:https://gazette.example/dredging']);
    const { title, site, published, snippet, highlights } = hits[1]!;
    assert.deepEqual({ title, site, published, snippet, highlights }, {
      title: 'Harbour Dredging Costs Soar', site: 'Vellmar Gazette', published: '2024-03-14',
      snippet: '\u2026Critics say the \u201cemergency\u201d work was never put out to tender. \u{1F6A2} Officials declined to comment on\u2026', highlights: [[55, 61]],
    });
  }));

  test('search keeps only the given site, ignoring case', () => seeded(async (store) => {
    assert.deepEqual(kinds((await store.search({ text: 'dredging', site: 'coast post' })).hits), ['document:https://coastpost.example/ferries']);
  }));

  test('search dates are inclusive at both ends, by day or by month', () => seeded(async (store) => {
    assert.deepEqual(kinds((await store.search({ text: 'dredging', from: '2024-05', to: '2024-05' })).hits), ['document:https://coastpost.example/ferries']);
    assert.deepEqual(kinds((await store.search({ text: 'dredging', from: '2024-03-14', to: '2024-03-14' })).hits), ['claim:https://gazette.example/dredging', 'document:https://gazette.example/dredging']);
  }));

  test('search by grade returns only claims with that grade', () => seeded(async (store) => {
    const hits = (await store.search({ text: 'dredging', grade: 'named' })).hits;
    assert.deepEqual(hits.map((h) => [h.kind, h.claim?.id, h.claim?.grade]), [['claim', 'c1', 'named']]);
  }));

  test('a query with quotes, colons and hyphens is searched as plain words', () => seeded(async (store) => {
    const hits = (await store.search({ text: '"ferry fares" 2025: -frozen" (ferry)' })).hits;
    assert.deepEqual(kinds(hits), ['document:https://coastpost.example/ferries']);
  }));

  test('a query of punctuation alone finds nothing and does not fail', () => seeded(async (store) => {
    assert.deepEqual((await store.search({ text: ' - : " * ' })).hits, []);
  }));

  test(`a search of more than ${MAX_SEARCH_TERMS} words and phrases is refused; one of ${MAX_SEARCH_TERMS} is searched`, () => seeded(async (store) => {
    // Ranking and marking read every match once per term: time grew with the square of the terms (see defaults.ts).
    const words = (n: number) => 'dredging '.repeat(n);
    await assert.rejects(store.search({ text: words(MAX_SEARCH_TERMS + 1) }), { code: 'E_REQUEST_INVALID' });
    assert.deepEqual(kinds((await store.search({ text: words(MAX_SEARCH_TERMS) })).hits).sort(), kinds((await store.search({ text: 'dredging' })).hits).sort());
  }));

  test('search returns at most limit hits', () => seeded(async (store) => {
    assert.equal((await store.search({ text: 'dredging', limit: 1 })).hits.length, 1);
  }));

  test('every claim hit shows the text of its own claim, not the first matching one', () => using(factory, async (store) => {
    await store.upsert({ report: POLICE });
    const claims = (await store.search({ text: 'said' })).hits.filter((h) => h.kind === 'claim');
    const byId = new Map(POLICE.claims.map((c) => [c.id, POLICE.document.text.slice(c.start, c.end)]));
    assert.equal(claims.length, 4);
    for (const hit of claims) {
      assert.equal(hit.snippet, byId.get(hit.claim!.id));
      assert.deepEqual(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e)), ['said']);
    }
  }));

  test('every document hit shows a snippet of its own text', () => seeded(async (store) => {
    await store.upsert({ report: POLICE });
    const docs = (await store.search({ text: 'the' })).hits.filter((h) => h.kind === 'document');
    assert.equal(new Set(docs.map((h) => h.documentId)).size, 4);
    for (const hit of docs) {
      const { document } = (await store.getReport(hit.documentId))!;
      const inner = hit.snippet.replace(/^\u2026|\u2026$/g, '');
      assert.ok(document.text.includes(inner) || document.title === inner, `document ${hit.documentId}: ${hit.snippet}`);
    }
  }));

  test('search reports the total number of matching articles and claims, however many hits the limit keeps', () => seeded(async (store) => {
    await store.upsert({ report: POLICE });
    // POLICE: the document and its four claims; DREDGING: "the harbour board" claim and document; FERRIES: nothing.
    assert.deepEqual([(await store.search({ text: 'said' })).total, (await store.search({ text: 'said', limit: 2 })).hits.length], [5, 2]);
    const wide = await store.search({ text: 'the', limit: 200 });
    assert.equal(wide.total, wide.hits.length);
    assert.equal((await store.search({ text: 'the', limit: 3 })).total, wide.total);
  }));

  test('the total counts only what the filters keep', () => seeded(async (store) => {
    await store.upsert({ report: POLICE });
    assert.equal((await store.search({ text: 'said', site: 'Harbour Watch', limit: 1 })).total, 5);
    assert.equal((await store.search({ text: 'said', grade: 'named', limit: 1 })).total, 4);
    assert.equal((await store.search({ text: 'said', from: '2025' })).total, 0);
    assert.equal((await store.search({ text: ' - : ' })).total, 0);
  }));

  test('an updated article is found by its new words and no longer by its old ones', () => seeded(async (store) => {
    await store.upsert({ report: withText(DREDGING, 'Dredging bill corrected: the port spent 11 million euros.', 'the port spent 11 million euros.') });
    assert.deepEqual((await store.search({ text: 'tender' })).hits, []);
    assert.deepEqual(kinds((await store.search({ text: 'corrected' })).hits), ['document:https://gazette.example/dredging']);
  }));
}

function failureTests(factory: StoreFactory): void {
  test('a recorded failure is listed with its code', () => using(factory, async (store) => {
    await store.recordFailure({ input: 'feed.jsonl:3', code: 'E_INPUT_UNREADABLE', message: 'line 3 is not JSON' });
    assert.deepEqual(await store.failures(), [{ input: 'feed.jsonl:3', code: 'E_INPUT_UNREADABLE', message: 'line 3 is not JSON' }]);
  }));

  test('ingesting an input clears its earlier failure', () => using(factory, async (store) => {
    await store.recordFailure({ input: 'notes/quotas.txt', code: 'E_INPUT_EMPTY', message: 'Input is empty' });
    await store.upsert({ report: QUOTAS, input: 'notes/quotas.txt' });
    assert.deepEqual(await store.failures(), []);
  }));
}
