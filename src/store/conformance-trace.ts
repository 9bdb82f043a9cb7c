import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../core/report-schema.js';
import { DREDGING, FERRIES, fixtureReport } from './conformance-fixtures.js';
import type { Store, StoreFactory } from './types.js';

/** The dredging bill as first reported, a month before DREDGING, with another figure. */
export const BILL_EARLY = fixtureReport({
  text: 'Dredging the Port of Vellmar cost 11 million euros in 2023, the harbour board said.',
  title: 'Dredging bill', url: 'https://coastpost.example/bill', site: 'Coast Post', published: '2024-02-01',
  claims: [{ text: 'Dredging the Port of Vellmar cost 11 million euros in 2023, the harbour board said.', grade: 'named', source: 'the harbour board', cue: 'said' }],
  quantities: [{ text: '11 million euros', value: 11_000_000, unit: 'euros' }],
});

const late = fixtureReport({
  text: 'Memo Leaked\n\nVellmar paid some 12 million euros for dredging its port in 2023, a council memo shows.',
  title: 'Memo leaked', url: 'https://herald.example/memo', site: 'Harbour Herald', published: '2024-04-09',
  claims: [{ text: 'Vellmar paid some 12 million euros for dredging its port in 2023, a council memo shows.', grade: 'named', source: 'a council memo', cue: 'shows' }],
  quantities: [{ text: 'some 12 million euros', value: 12_000_000, unit: 'euros' }],
});
/** The bill retold later with a hedged figure ("some": approx, 10.8–13.2 million). */
export const BILL_LATE: Report = { ...late, quantities: late.quantities.map((q) => ({ ...q, bound: 'approx', low: 10_800_000, high: 13_200_000 })) };

const cargo = fixtureReport({
  text: 'The port handled 12 million tonnes of cargo in 2023. What a disgrace!',
  title: 'Cargo record', url: 'https://coastpost.example/cargo', site: 'Coast Post', published: '2024-03-20',
  claims: [{ text: 'The port handled 12 million tonnes of cargo in 2023.', grade: 'none' }],
  quantities: [{ text: '12 million tonnes', value: 12_000_000, unit: 'tonnes' }],
});
/** A distractor sharing the figure and the port, not the claim; with an unsourced-statistic finding and a technique. */
export const CARGO: Report = {
  ...cargo,
  techniques: [{ id: 't1', start: 53, end: 70, text: 'What a disgrace!', technique: 'Loaded_Language', score: 0.9, evidence: 'disgrace' }],
  findings: [{ rule: 'unsourced-statistic', severity: 'warning', message: 'No source for the figure.', start: 17, end: 34, line: 1, col: 18, annotationIds: ['q1', 'c1'] }],
};

/** A one-claim article of the fighters story (invented town Kestrel); `source` and `cue` when the claim is attributed. */
function fighters(key: string, published: string, text: string, figure: string, value: number, source?: string, cue?: string): Report {
  return fixtureReport({
    text, title: `Fighters ${key}`, url: `https://ledger.example/fighters-${key}`, site: 'Kestrel Ledger', published,
    claims: [{ text, grade: source ? 'named' : 'none', ...(source && cue ? { source, cue } : {}) }],
    quantities: [{ text: figure, value, unit: 'people' }],
  });
}

/**
 * A claim retold in other words and number formats, and look-alikes that share its words but not the claim: another
 * figure, another place, another event. Keys: Q the claim; R1–R3 retellings; D1–D3 look-alikes.
 */
export const FIGHTERS: Readonly<Record<string, Report>> = {
  Q: fighters('q', '2024-05-02', 'Security services in Kestrel monitor 23,000 former fighters, the interior ministry said.', '23,000', 23_000, 'the interior ministry', 'said'),
  R1: fighters('r1', '2024-05-03', 'Intelligence officers in Kestrel are watching around 23,000 people who once fought for militant groups.', 'around 23,000', 23_000),
  R2: fighters('r2', '2024-05-04', 'Twenty-three thousand ex-fighters in Kestrel are being tracked by the security agencies.', 'Twenty-three thousand', 23_000),
  R3: fighters('r3', '2024-05-05', 'Agencies in Kestrel keep some 23,000 returned fighters under surveillance.', 'some 23,000', 23_000),
  D1: fighters('d1', '2024-05-06', 'Security services in Kestrel monitor 9,000 former fighters, the ministry said.', '9,000', 9_000, 'the ministry', 'said'),
  D2: fighters('d2', '2024-05-07', 'Security services in Dornoch monitor 23,000 former fighters.', '23,000', 23_000),
  D3: fighters('d3', '2024-05-09', 'Security cameras in Kestrel recorded 23,000 speeding drivers last year.', '23,000', 23_000),
};

/** A claim with no name and no figure, and a retelling that shares none of its words: only near words draw it. */
const plain = (key: string, published: string, text: string): Report => fixtureReport({
  text, title: `Plain ${key}`, url: `https://ledger.example/plain-${key}`, site: 'Kestrel Ledger', published, claims: [{ text, grade: 'none' }],
});
export const NEAR_ONLY: Readonly<Record<string, Report>> = {
  Q: plain('q', '2024-06-01', 'Security services monitor former fighters.'),
  R: plain('r', '2024-06-02', 'Police are tracking veteran rebels.'),
  D: plain('d', '2024-06-03', 'Bakers are selling fresh bread.'),
};

async function seeded(factory: StoreFactory, body: (store: Store, ids: Record<string, number>) => Promise<void>, reports: Readonly<Record<string, Report>> = { DREDGING, FERRIES, BILL_EARLY, BILL_LATE, CARGO }): Promise<void> {
  const store = await factory();
  try {
    const ids: Record<string, number> = {};
    for (const [key, report] of Object.entries(reports)) ids[key] = (await store.upsert({ report })).documentId;
    await body(store, ids);
  } finally {
    await store.close();
  }
}

/** Registers the trace and outlet behaviour every Store must show. */
export function traceTests(factory: StoreFactory): void {
  test('getClaim returns a stored claim with its figures relative to the claim text', () => seeded(factory, async (store, ids) => {
    const claim = await store.getClaim(ids.BILL_EARLY!, 'c1');
    assert.deepEqual([claim?.start, claim?.end, claim?.figures.map((f) => [f.start, f.end, f.text, f.value, f.kind])], [0, 83, [[34, 50, '11 million euros', 11_000_000, 'count']]]);
  }));

  test('getClaim of an unknown claim is undefined', () => seeded(factory, async (store, ids) => {
    assert.equal(await store.getClaim(ids.DREDGING!, 'c9'), undefined);
  }));

  test('trace finds the reworded claim in publication order and leaves out a claim sharing only its figure', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.DREDGING!, 'c1'))!;
    const { matches } = await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks });
    // The late bill says "paid" where the query says "spent": a near word (cosine 0.651, at least the near threshold 0.65), credited 0.6 × 0.651 of a shared word.
    // The early bill shares the place (Vellmar) and a figure within the tolerance: its words cover the query's by meaning (0.777, src/trace/alignment.ts).
    assert.deepEqual(matches.map((m) => [m.documentId, m.claimId, m.published, m.similarity]), [
      [ids.BILL_EARLY, 'c1', '2024-02-01', 0.777], [ids.DREDGING, 'c1', '2024-03-14', 1], [ids.BILL_LATE, 'c1', '2024-04-09', 0.853],
    ]);
  }));

  test('each trace match carries its attribution and its figures with document offsets', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.DREDGING!, 'c1'))!;
    const late = (await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks })).matches[2]!;
    assert.deepEqual([late.start, late.end, late.attribution], [13, 100, [{ id: 'a1', source: 'a council memo', grade: 'named', hedged: false, resolvesTo: null }]]);
    assert.deepEqual(late.quantities.map((q) => [q.start, q.end, q.text, q.bound, q.low, q.high]), [[26, 47, 'some 12 million euros', 'approx', 10_800_000, 13_200_000]]);
  }));

  test('trace names the earliest appearance and how the figure changed on the way', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.DREDGING!, 'c1'))!;
    const result = await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks });
    assert.equal(result.earliest?.url, 'https://coastpost.example/bill');
    assert.deepEqual(result.mutations.map((m) => [m.from.figure.text, m.to.figure.text, m.changes]), [
      ['11 million euros', '12\u00a0million euros', ['value']], ['12\u00a0million euros', 'some 12 million euros', ['bound', 'interval']],
    ]);
  }));

  test('trace finds a claim retold in other words and number formats, and no look-alike with another figure or place', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.Q!, 'c1'))!;
    const { matches } = await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks });
    // Each retelling shares the place and the figure, and its words cover the query's by meaning (src/trace/alignment.ts),
    // R1 too, with every word changed ("intelligence officers … watching … people who once fought"). D1 (another figure)
    // and D2 (another place) are conflicts. D3 ("security cameras in Kestrel recorded 23,000 speeding drivers") shares
    // the place and the figure and covers the query by meaning to 0.58 (security, cameras ~ monitor, last ~ former):
    // a look-alike word meaning lets through, a known limit of comparing claims by word vectors.
    assert.deepEqual(matches.map((m) => [m.documentId, m.similarity]), [[ids.Q, 1], [ids.R1, 0.562], [ids.R2, 0.797], [ids.R3, 0.709], [ids.D3, 0.58]]);
  }, FIGHTERS));

  test('a retelling traced back finds the claim it retells, in publication order', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.R2!, 'c1'))!;
    const { matches, earliest } = await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks });
    assert.deepEqual([matches.map((m) => [m.documentId, m.similarity]), earliest?.documentId], [[[ids.Q, 0.774], [ids.R1, 0.538], [ids.R2, 1], [ids.R3, 0.693]], ids.Q]);
  }, FIGHTERS));

  test('a claim with no name or figure draws a retelling in other words through its near words', () => seeded(factory, async (store, ids) => {
    const claim = (await store.getClaim(ids.Q!, 'c1'))!;
    const { matches } = await store.trace({ text: claim.text, figures: claim.figures, masks: claim.masks, threshold: 0.3 });
    // police ~ security, tracking ~ monitor, veteran ~ former, rebels ~ fighters (cosines 0.66 to 0.75, each credited 0.6 × cosine).
    assert.deepEqual(matches.map((m) => [m.documentId, m.similarity]), [[ids.Q, 1], [ids.R, 0.381]]);
  }, NEAR_ONLY));

  test('a trace threshold above every score finds nothing', () => seeded(factory, async (store) => {
    const result = await store.trace({ text: 'Dredging the port cost 11 million euros.', figures: [], threshold: 0.99 });
    assert.deepEqual([result.matches, result.earliest, result.mutations], [[], null, []]);
  }));

  test('outlets count articles, claims by grade and claims with figures per site, largest first', () => seeded(factory, async (store) => {
    const outlets = await store.outlets();
    assert.deepEqual(outlets.map((o) => [o.site, o.articles, o.claims, o.grades.named.count, o.grades.none.count, o.grades.none.share, o.claimsWithFigures]), [
      ['Coast Post', 3, 3, 1, 2, 0.667, 2], ['Harbour Herald', 1, 1, 1, 0, 0, 1], ['Vellmar Gazette', 1, 2, 1, 0, 0, 1],
    ]);
  }));

  test('outlets give the unsourced-statistic rate and technique rates per 1,000 words, overall and by month', () => seeded(factory, async (store) => {
    const coast = (await store.outlets())[0]!;
    assert.deepEqual([coast.words, coast.unsourcedStatistics, coast.unsourcedStatisticRate, coast.techniquesPer1000Words, coast.techniques], [
      50, 1, 0.5, 20, { Loaded_Language: { count: 1, per1000Words: 20 } },
    ]);
    assert.deepEqual(coast.months.map((m) => [m.month, m.articles, m.words, m.unsourcedStatisticRate, m.techniquesPer1000Words]), [
      ['2024-02', 1, 15, 0, 0], ['2024-03', 1, 13, 1, 76.92], ['2024-05', 1, 22, 0, 0],
    ]);
  }));
}
