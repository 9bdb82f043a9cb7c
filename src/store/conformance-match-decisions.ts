import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../core/report-schema.js';
import type { FactCheck } from '../factchecks/import/schema.js';
import { currentMatchDecisions, matchKey, type MatchDecisionInput } from '../review/match-decisions.js';
import { DREDGING, FERRIES, fixtureReport, withText } from './conformance-fixtures.js';
import type { Store, StoreFactory } from './types.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Two invented fact-checks: one of the dredging bill, one of the tender. */
const BILL: FactCheck = {
  claim: 'Vellmar port spent 12 million euros on dredging in 2023.', url: 'https://harbourcheck.example/checks/dredging-bill',
  rating: { name: 'True', alternateName: 'True', value: 5, best: 5, worst: 1 }, publisher: { name: 'Harbour Check', url: 'https://harbourcheck.example/' },
  date: '2024-03-20', language: 'en', claimant: null, claimDate: null, title: 'Was the dredging bill 12 million?',
};
const TENDER: FactCheck = { ...BILL, claim: 'The emergency dredging was never put out to tender.', url: 'https://coastfacts.example/tender', title: null };

/** DREDGING with the same wording under swapped claim ids: the tender sentence becomes c1, the spending sentence c2. */
const DREDGING_SWAPPED = fixtureReport({
  text: DREDGING.document.text, title: 'Harbour Dredging Costs Soar', url: 'https://gazette.example/dredging', site: 'Vellmar Gazette', published: '2024-03-14',
  claims: [DREDGING.claims[1]!, DREDGING.claims[0]!].map((c) => ({ text: c.text, grade: c.grade })),
});

interface Seeded { readonly dredging: number; readonly ferries: number; readonly bill: number; readonly tender: number }

async function seeded(factory: StoreFactory, body: (store: Store, ids: Seeded) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    const dredging = (await store.upsert({ report: DREDGING })).documentId;
    const ferries = (await store.upsert({ report: FERRIES })).documentId;
    const [bill, tender] = await store.upsertFactChecks([BILL, TENDER]);
    await body(store, { dredging, ferries, bill: bill!.id, tender: tender!.id });
  } finally {
    await store.close();
  }
}

/** A decision on `factCheckId` matched to claim `claimId` of `documentId`. */
const decide = (documentId: number, claimId: string, factCheckId: number, decision: MatchDecisionInput['decision'], reviewer = 'Ines Varga'): MatchDecisionInput => ({
  documentId, claimId, factCheckId, decision, reviewer,
});

/** Registers the match-decision behaviour every Store must show. */
export function matchDecisionTests(factory: StoreFactory): void {
  storedMatchTests(factory);
  addTests(factory);
  rejectTests(factory);
  reingestTests(factory);
}

/** DREDGING whose spending claim lists one fact-check match (as the analysis writes it, with an emoji in a shared term). */
export function dredgingWithMatch(factCheckId: number): Report {
  const match = {
    factCheckId, score: 0.87, claimReviewed: BILL.claim, rating: { name: 'True', value: 5 }, publisher: 'Harbour Check', date: '2024-03-20', url: BILL.url,
    why: { sharedTerms: ['dredging', 'vellmar \u{1F6A2}'], sameFigures: ['12\u00a0million euros'], sameEntities: ['Port of Vellmar'] },
  };
  return { ...DREDGING, claims: DREDGING.claims.map((c, i) => (i === 0 ? { ...c, factChecks: [match] } : c)) };
}

function storedMatchTests(factory: StoreFactory): void {
  test('a report whose claim lists fact-check matches reads back unchanged, the other claim without the field', () => seeded(factory, async (store, ids) => {
    const report = dredgingWithMatch(ids.bill);
    await store.upsert({ report });
    const stored = await store.getReport(ids.dredging);
    assert.deepEqual(stored, report);
    assert.equal(Object.hasOwn(stored!.claims[1]!, 'factChecks'), false);
  }));

  test('a claim with an empty list of matches reads back with the empty list', () => seeded(factory, async (store, ids) => {
    const report = { ...DREDGING, claims: DREDGING.claims.map((c) => ({ ...c, factChecks: [] })) };
    await store.upsert({ report });
    assert.deepEqual((await store.getReport(ids.dredging))?.claims.map((c) => c.factChecks), [[], []]);
  }));

  test('re-ingesting the article without matches drops them', () => seeded(factory, async (store, ids) => {
    await store.upsert({ report: dredgingWithMatch(ids.bill) });
    await store.upsert({ report: DREDGING });
    assert.deepEqual(await store.getReport(ids.dredging), DREDGING);
  }));
}

function addTests(factory: StoreFactory): void {
  test('addMatchDecision stores a decision and returns it with an id and a timestamp, reviewer and note trimmed', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision({ ...decide(ids.dredging, 'c1', ids.bill, 'accepted', ' Ines Varga '), note: '  Same figure, same year.\n' });
    const { id, createdAt, ...rest } = stored;
    assert.deepEqual(rest, { ...decide(ids.dredging, 'c1', ids.bill, 'accepted'), note: 'Same figure, same year.' });
    assert.equal(Number.isInteger(id) && id > 0, true);
    assert.match(createdAt, ISO_INSTANT);
  }));

  test('a decision without a note, or with a blank one, reads back without the field', () => seeded(factory, async (store, ids) => {
    await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'rejected'));
    await store.addMatchDecision({ ...decide(ids.dredging, 'c2', ids.tender, 'accepted'), note: '   ' });
    const listed = await store.matchDecisions(ids.dredging);
    assert.deepEqual(listed.map((d) => Object.hasOwn(d, 'note')), [false, false]);
  }));

  test('matchDecisions keeps every decision as history, oldest first; the newest per claim and fact-check is current', () => seeded(factory, async (store, ids) => {
    await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'accepted'));
    await store.addMatchDecision(decide(ids.dredging, 'c2', ids.tender, 'accepted'));
    await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'rejected', 'Tomas Berg'));
    await store.addMatchDecision(decide(ids.dredging, 'c1', ids.tender, 'rejected'));
    await store.addMatchDecision(decide(ids.ferries, 'c1', ids.bill, 'rejected'));
    const listed = await store.matchDecisions(ids.dredging);
    assert.deepEqual(listed.map((d) => [d.claimId, d.factCheckId, d.decision, d.reviewer]), [
      ['c1', ids.bill, 'accepted', 'Ines Varga'], ['c2', ids.tender, 'accepted', 'Ines Varga'],
      ['c1', ids.bill, 'rejected', 'Tomas Berg'], ['c1', ids.tender, 'rejected', 'Ines Varga'],
    ]);
    assert.deepEqual(listed.map((d) => d.id), [...listed.map((d) => d.id)].sort((a, b) => a - b));
    const current = currentMatchDecisions(listed);
    assert.deepEqual([current.size, current.get(matchKey('c1', ids.bill))?.decision, current.get(matchKey('c1', ids.bill))?.reviewer], [3, 'rejected', 'Tomas Berg']);
  }));

  test('match decisions of a document without any, or of no document, is an empty list', () => seeded(factory, async (store, ids) => {
    assert.deepEqual([await store.matchDecisions(ids.ferries), await store.matchDecisions(4242)], [[], []]);
  }));

  test('a document\'s reviews are not its match decisions, nor the other way round', () => seeded(factory, async (store, ids) => {
    await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'accepted'));
    assert.deepEqual(await store.reviews(ids.dredging), []);
  }));
}

function rejectTests(factory: StoreFactory): void {
  test('a decision on an unknown document is E_NOT_FOUND', () => seeded(factory, async (store, ids) => {
    await assert.rejects(store.addMatchDecision(decide(4242, 'c1', ids.bill, 'accepted')), { code: 'E_NOT_FOUND', message: 'No document 4242' });
  }));

  test('a decision on an unknown claim is E_NOT_FOUND and stores nothing', () => seeded(factory, async (store, ids) => {
    await assert.rejects(store.addMatchDecision(decide(ids.ferries, 'c2', ids.bill, 'accepted')), { code: 'E_NOT_FOUND', message: `No claim c2 in document ${ids.ferries}` });
    assert.deepEqual(await store.matchDecisions(ids.ferries), []);
  }));

  test('a decision on an unknown fact-check is E_NOT_FOUND and stores nothing', () => seeded(factory, async (store, ids) => {
    await assert.rejects(store.addMatchDecision(decide(ids.dredging, 'c1', 4242, 'accepted')), { code: 'E_NOT_FOUND', message: 'No fact-check 4242' });
    assert.deepEqual(await store.matchDecisions(ids.dredging), []);
  }));

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ['a decision other than accepted or rejected', { decision: 'maybe' }, /decision/],
    ['a blank reviewer', { reviewer: '   ' }, /reviewer: a reviewer name is required/],
    ['a reviewer of 201 characters', { reviewer: 'x'.repeat(201) }, /reviewer/],
    ['a note of 2,001 characters', { note: 'n'.repeat(2001) }, /note/],
    ['a note with a control character', { note: 'ok\u0000' }, /note: control characters are not allowed/],
    ['a fact-check id that is not a whole number', { factCheckId: 1.5 }, /factCheckId/],
    ['a claim id with a space', { claimId: 'c 1' }, /claimId/],
  ];
  for (const [what, change, reason] of invalid) {
    test(`${what} is E_REQUEST_INVALID naming the field, and stores nothing`, () => seeded(factory, async (store, ids) => {
      await assert.rejects(store.addMatchDecision({ ...decide(ids.dredging, 'c1', ids.bill, 'accepted'), ...change } as MatchDecisionInput), (err: Error & { code?: string }) => {
        assert.equal(err.code, 'E_REQUEST_INVALID');
        assert.match(err.message, reason);
        return true;
      });
      assert.deepEqual(await store.matchDecisions(ids.dredging), []);
    }));
  }

  test('a note of exactly 2,000 characters is accepted', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision({ ...decide(ids.dredging, 'c1', ids.bill, 'accepted'), note: 'n'.repeat(2000) });
    assert.equal(stored.note?.length, 2000);
  }));
}

function reingestTests(factory: StoreFactory): void {
  test('re-ingesting an unchanged article keeps its match decisions', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision(decide(ids.dredging, 'c2', ids.tender, 'accepted'));
    await store.upsert({ report: DREDGING });
    assert.deepEqual(await store.matchDecisions(ids.dredging), [stored]);
  }));

  test('a match decision follows its claim wording to a new claim id after a re-ingest', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'accepted'));
    await store.upsert({ report: DREDGING_SWAPPED });
    assert.deepEqual(await store.matchDecisions(ids.dredging), [{ ...stored, claimId: 'c2' }]);
  }));

  test('a match decision whose claim wording is gone is not listed, and comes back with the wording', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'rejected'));
    await store.upsert({ report: withText(DREDGING, 'Dredging bill corrected: the port spent 11 million euros.', 'the port spent 11 million euros.') });
    assert.deepEqual(await store.matchDecisions(ids.dredging), []);
    await store.upsert({ report: DREDGING });
    assert.deepEqual(await store.matchDecisions(ids.dredging), [stored]);
  }));

  test('re-importing a matched fact-check keeps the decisions on it', () => seeded(factory, async (store, ids) => {
    const stored = await store.addMatchDecision(decide(ids.dredging, 'c1', ids.bill, 'accepted'));
    await store.upsertFactChecks([{ ...BILL, rating: { ...BILL.rating, name: 'Mostly true', value: 4 } }]);
    assert.deepEqual(await store.matchDecisions(ids.dredging), [stored]);
  }));
}
