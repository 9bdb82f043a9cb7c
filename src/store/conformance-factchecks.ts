import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimtraceError } from '../core/errors.js';
import type { FactCheck } from '../factchecks/import/schema.js';
import type { Store, StoreFactory } from './types.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** An invented fact-check; `overrides` change fields. */
const factCheck = (overrides: Partial<FactCheck> = {}): FactCheck => ({
  claim: 'Ferry fares to Vellmar Island doubled in 2024.',
  url: 'https://harbourcheck.example/checks/ferry-fares',
  rating: { name: 'Mostly false', alternateName: 'Mostly false', value: 2, best: 5, worst: 1 },
  publisher: { name: 'Harbour Check', url: 'https://harbourcheck.example/' },
  date: '2024-05-06',
  language: 'en',
  claimant: 'Tomas Ekdal',
  claimDate: '2024-05-01',
  title: 'Did the ferry fares double?',
  ...overrides,
});

const LIGHTHOUSE = factCheck({ claim: 'The Tarnholm lighthouse will be sold to a hotel chain.', url: 'https://coastfacts.example/lighthouse', date: '2024-02-14', claimant: null, title: null });
const UNDATED = factCheck({ claim: 'Brennmoor council cut bus routes by half.', url: 'https://coastfacts.example/buses', date: null });

async function using(factory: StoreFactory, body: (store: Store) => Promise<void>): Promise<void> {
  const store = await factory();
  try {
    await body(store);
  } finally {
    await store.close();
  }
}

/** Fact-checks: stored, read back as stored, updated (never duplicated) on re-import, listed newest first. */
export function factCheckTests(factory: StoreFactory): void {
  test('a stored fact-check reads back as it was given, with its id and times', () => using(factory, async (store) => {
    const [result] = await store.upsertFactChecks([factCheck()]);
    assert.equal(result!.status, 'inserted');
    const stored = await store.getFactCheck(result!.id);
    const { id, createdAt, updatedAt, ...record } = stored!;
    assert.deepEqual(record, factCheck());
    assert.equal(id, result!.id);
    assert.match(createdAt, ISO_INSTANT);
    assert.equal(updatedAt, createdAt);
  }));

  test('importing the same fact-checks again leaves them unchanged and adds none', () => using(factory, async (store) => {
    const first = await store.upsertFactChecks([factCheck(), LIGHTHOUSE]);
    const again = await store.upsertFactChecks([factCheck(), LIGHTHOUSE]);
    assert.deepEqual(again, first.map(({ id }) => ({ id, status: 'unchanged' })));
    assert.equal((await store.listFactChecks()).total, 2);
  }));

  test('a fact-check whose rating changed updates the stored one', () => using(factory, async (store) => {
    const [first] = await store.upsertFactChecks([factCheck()]);
    const corrected = factCheck({ rating: { name: 'False', alternateName: 'False', value: 1, best: 5, worst: 1 } });
    assert.deepEqual(await store.upsertFactChecks([corrected]), [{ id: first!.id, status: 'updated' }]);
    assert.equal((await store.getFactCheck(first!.id))?.rating.name, 'False');
    assert.equal((await store.listFactChecks()).total, 1);
  }));

  test('the same claim and page written with other case, spacing, scheme and a trailing slash is the same fact-check', () => using(factory, async (store) => {
    const [first] = await store.upsertFactChecks([factCheck()]);
    const retyped = factCheck({ claim: '  ferry fares to Vellmar island   doubled in 2024 ', url: 'http://harbourcheck.example/checks/ferry-fares/#verdict' });
    const [second] = await store.upsertFactChecks([retyped]);
    assert.deepEqual([second!.id, second!.status, (await store.listFactChecks()).total], [first!.id, 'updated', 1]);
  }));

  test('two claims reviewed on one page are two fact-checks', () => using(factory, async (store) => {
    await store.upsertFactChecks([factCheck(), factCheck({ claim: 'Ferry fares to Vellmar Island tripled in 2023.' })]);
    assert.equal((await store.listFactChecks()).total, 2);
  }));

  test('fact-checks are listed newest review first, undated last, with the total', () => using(factory, async (store) => {
    await store.upsertFactChecks([LIGHTHOUSE, UNDATED, factCheck()]);
    const list = await store.listFactChecks({ limit: 2 });
    assert.equal(list.total, 3);
    assert.deepEqual(list.items.map((f) => f.date), ['2024-05-06', '2024-02-14']);
    assert.deepEqual((await store.listFactChecks({ offset: 2 })).items.map((f) => f.date), [null]);
  }));

  test('afterId pages through fact-checks in id order, whatever their dates; lastUpdatedAt is the newest change', () => using(factory, async (store) => {
    assert.equal((await store.listFactChecks()).lastUpdatedAt, null);
    const ids = (await store.upsertFactChecks([UNDATED, LIGHTHOUSE, factCheck()])).map((r) => r.id);
    const first = await store.listFactChecks({ afterId: 0, limit: 2 });
    assert.deepEqual(first.items.map((f) => f.id), ids.slice(0, 2));
    assert.deepEqual((await store.listFactChecks({ afterId: ids[1]!, limit: 2, offset: 5 })).items.map((f) => f.id), [ids[2]]);
    assert.equal(first.total, 3);
    const newest = (await store.listFactChecks({ limit: 1 })).lastUpdatedAt;
    assert.ok(typeof newest === 'string');
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.upsertFactChecks([factCheck({ rating: { name: 'False', alternateName: 'False', value: 1, best: 5, worst: 1 } })]);
    const changed = (await store.listFactChecks({ limit: 1 })).lastUpdatedAt;
    assert.ok(typeof changed === 'string' && changed > newest, `${changed} after ${newest}`);
  }));

  test('an unknown fact-check id reads back as undefined', () => using(factory, async (store) => {
    assert.equal(await store.getFactCheck(4242), undefined);
  }));

  test('a fact-check that fails validation is refused with E_REQUEST_INVALID and nothing of its batch is stored', () => using(factory, async (store) => {
    const bad = factCheck({ url: 'ftp://harbourcheck.example/x' });
    await assert.rejects(store.upsertFactChecks([LIGHTHOUSE, bad]), (err: unknown) => err instanceof ClaimtraceError && err.code === 'E_REQUEST_INVALID');
    assert.equal((await store.listFactChecks()).total, 0);
  }));
}
