import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ReviewInput } from '../review/types.js';
import { DREDGING, FERRIES, QUOTAS, fixtureReport, withText } from './conformance-fixtures.js';
import type { Store, StoreFactory } from './types.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** A verdict on a claim of `documentId`, with the given rating. */
const verdict = (documentId: number, claimId: string, rating: ReviewInput['rating'], reviewer = 'Ines Varga'): ReviewInput => ({
  documentId, claimId, rating, explanation: `Checked ${claimId} against the harbour board accounts.`, evidenceUrls: ['https://board.example/accounts'], reviewer,
});

/** DREDGING with the same wording under swapped claim ids: the tender sentence becomes c1, the spending sentence c2. */
const DREDGING_SWAPPED = fixtureReport({
  text: DREDGING.document.text, title: 'Harbour Dredging Costs Soar', url: 'https://gazette.example/dredging', site: 'Vellmar Gazette', published: '2024-03-14',
  claims: [DREDGING.claims[1]!, DREDGING.claims[0]!].map((c) => ({ text: c.text, grade: c.grade })),
});

async function seeded(factory: StoreFactory, body: (store: Store, ids: Record<string, number>) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    const ids: Record<string, number> = {};
    for (const [key, report] of Object.entries({ DREDGING, FERRIES, QUOTAS })) ids[key] = (await store.upsert({ report })).documentId;
    await body(store, ids);
  } finally {
    await store.close();
  }
}

/** Registers the review and document-listing behaviour every Store must show. */
export function reviewTests(factory: StoreFactory): void {
  addReviewTests(factory);
  reingestTests(factory);
  listingTests(factory);
}

function addReviewTests(factory: StoreFactory): void {
  test('addReview stores a verdict and returns it with an id and a timestamp, reviewer trimmed and links normalised', () => seeded(factory, async (store, ids) => {
    const review = await store.addReview({ ...verdict(ids.DREDGING!, 'c1', 'mostly-false'), reviewer: ' Ines Varga ', evidenceUrls: ['HTTPS://Board.example/accounts'] });
    const { id, createdAt, ...rest } = review;
    assert.deepEqual(rest, { ...verdict(ids.DREDGING!, 'c1', 'mostly-false'), evidenceUrls: ['https://board.example/accounts'] });
    assert.equal(Number.isInteger(id) && id > 0, true);
    assert.match(createdAt, ISO_INSTANT);
  }));

  test('reviews lists every verdict of a document oldest first, several per claim', () => seeded(factory, async (store, ids) => {
    await store.addReview(verdict(ids.DREDGING!, 'c2', 'unproven'));
    await store.addReview(verdict(ids.DREDGING!, 'c1', 'true', 'Tomas Berg'));
    await store.addReview(verdict(ids.DREDGING!, 'c1', 'half-true'));
    await store.addReview(verdict(ids.FERRIES!, 'c1', 'false'));
    const listed = await store.reviews(ids.DREDGING!);
    assert.deepEqual(listed.map((r) => [r.claimId, r.rating, r.reviewer]), [['c2', 'unproven', 'Ines Varga'], ['c1', 'true', 'Tomas Berg'], ['c1', 'half-true', 'Ines Varga']]);
    assert.equal(listed[0]!.id < listed[1]!.id && listed[1]!.id < listed[2]!.id, true);
  }));

  test('reviews of a document without any, or of no document, is an empty list', () => seeded(factory, async (store, ids) => {
    assert.deepEqual([await store.reviews(ids.QUOTAS!), await store.reviews(4242)], [[], []]);
  }));

  test('a review of an unknown document is E_NOT_FOUND', () => seeded(factory, async (store) => {
    await assert.rejects(store.addReview(verdict(4242, 'c1', 'true')), { code: 'E_NOT_FOUND', message: 'No document 4242' });
  }));

  test('a review of an unknown claim is E_NOT_FOUND and stores nothing', () => seeded(factory, async (store, ids) => {
    await assert.rejects(store.addReview(verdict(ids.FERRIES!, 'c2', 'true')), { code: 'E_NOT_FOUND', message: `No claim c2 in document ${ids.FERRIES}` });
    assert.deepEqual(await store.reviews(ids.FERRIES!), []);
  }));

  test('a review with a javascript: evidence link is E_REQUEST_INVALID and stores nothing', () => seeded(factory, async (store, ids) => {
    const bad = { ...verdict(ids.DREDGING!, 'c1', 'false'), evidenceUrls: ['javascript:alert(document.cookie)'] };
    await assert.rejects(store.addReview(bad), { code: 'E_REQUEST_INVALID' });
    assert.deepEqual(await store.reviews(ids.DREDGING!), []);
  }));

  test('a review with a rating off the scale is E_REQUEST_INVALID', () => seeded(factory, async (store, ids) => {
    await assert.rejects(store.addReview({ ...verdict(ids.DREDGING!, 'c1', 'false'), rating: 'pants-on-fire' as never }), { code: 'E_REQUEST_INVALID' });
  }));
}

function reingestTests(factory: StoreFactory): void {
  test('re-ingesting an unchanged article keeps its reviews', () => seeded(factory, async (store, ids) => {
    const review = await store.addReview(verdict(ids.DREDGING!, 'c2', 'mostly-true'));
    assert.equal((await store.upsert({ report: DREDGING })).status, 'updated');
    assert.deepEqual(await store.reviews(ids.DREDGING!), [review]);
  }));

  test('a review follows its claim wording to a new claim id after a re-ingest', () => seeded(factory, async (store, ids) => {
    const review = await store.addReview(verdict(ids.DREDGING!, 'c1', 'false'));
    await store.upsert({ report: DREDGING_SWAPPED });
    assert.deepEqual(await store.reviews(ids.DREDGING!), [{ ...review, claimId: 'c2' }]);
  }));

  test('a review whose claim wording is gone is not listed, and comes back with the wording', () => seeded(factory, async (store, ids) => {
    const review = await store.addReview(verdict(ids.DREDGING!, 'c1', 'false'));
    await store.upsert({ report: withText(DREDGING, 'Dredging bill corrected: the port spent 11 million euros.', 'the port spent 11 million euros.') });
    assert.deepEqual(await store.reviews(ids.DREDGING!), []);
    await store.upsert({ report: DREDGING });
    assert.deepEqual(await store.reviews(ids.DREDGING!), [review]);
  }));
}

function listingTests(factory: StoreFactory): void {
  const row = (d: { documentId: number; title: string | null; published: string | null; words: number; claims: number; reviewed: number }) =>
    [d.documentId, d.title, d.published, d.words, d.claims, d.reviewed];

  test('listDocuments lists newest published first, undated last, with words, claims and claims reviewed', () => seeded(factory, async (store, ids) => {
    await store.addReview(verdict(ids.DREDGING!, 'c1', 'true'));
    await store.addReview(verdict(ids.DREDGING!, 'c1', 'false'));
    await store.addReview(verdict(ids.DREDGING!, 'c2', 'unproven'));
    const list = await store.listDocuments({});
    assert.equal(list.total, 3);
    assert.deepEqual(list.items.map(row), [
      [ids.FERRIES, 'Ferry Fares Frozen', '2024-05-02T09:30:00Z', 22, 1, 0],
      [ids.DREDGING, 'Harbour Dredging Costs Soar', '2024-03-14', 40, 2, 2],
      [ids.QUOTAS, null, null, 12, 1, 0],
    ]);
  }));

  test('a listed document carries its URL and site', () => seeded(factory, async (store, ids) => {
    const [first] = (await store.listDocuments({ limit: 1 })).items;
    assert.deepEqual(first, { documentId: ids.FERRIES, url: 'https://coastpost.example/ferries', title: 'Ferry Fares Frozen', site: 'Coast Post', published: '2024-05-02T09:30:00Z', words: 22, claims: 1, reviewed: 0 });
  }));

  test('listDocuments pages with limit and offset, the total counting every match', () => seeded(factory, async (store, ids) => {
    const page = await store.listDocuments({ limit: 1, offset: 1 });
    assert.deepEqual([page.total, page.items.map((d) => d.documentId)], [3, [ids.DREDGING]]);
    assert.deepEqual(await store.listDocuments({ limit: 0 }), { total: 3, items: [] });
  }));

  test('listDocuments keeps only the given site, ignoring case, and counts only those', () => seeded(factory, async (store, ids) => {
    const list = await store.listDocuments({ site: 'vellmar gazette' });
    assert.deepEqual([list.total, list.items.map((d) => d.documentId)], [1, [ids.DREDGING]]);
  }));

  test('listDocuments dates are inclusive at both ends and leave out undated documents', () => seeded(factory, async (store, ids) => {
    const list = await store.listDocuments({ from: '2024-03-14', to: '2024-05' });
    assert.deepEqual([list.total, list.items.map((d) => d.documentId)], [2, [ids.FERRIES, ids.DREDGING]]);
    assert.deepEqual((await store.listDocuments({ to: '2024-04' })).items.map((d) => d.documentId), [ids.DREDGING]);
  }));
}
