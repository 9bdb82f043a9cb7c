import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureMutations } from './mutations.js';
import { attributionMasks, sourceMask, subjectMask } from './masks.js';
import { conflicting, fingerprint, minQueryCoverage, queryCoverageBound, sameFigure, traceScore, type TraceFigure } from './similarity.js';
import { drawnIds, namedAmong, planTrace, queryTerms, rankCandidates, TRACE_CANDIDATES, TRACE_NAME_CHECKS, TRACE_POSTINGS_MAX, TRACE_TIED_CANDIDATES } from './retrieval.js';
import { contentTerms, midSentenceNames, stem } from './terms.js';

/** A figure found by its wording in a text, as the quantities annotator would give it. */
function fig(text: string, part: string, value: number, extra: Partial<TraceFigure> = {}): TraceFigure {
  const start = text.indexOf(part);
  return { start, end: start + part.length, text: part, value, low: null, high: null, bound: 'exact', unit: null, kind: 'count', ...extra };
}

test('plural, past and gerund forms of a word share one stem', () => {
  assert.deepEqual(['floods', 'flooded', 'flooding', 'flood'].map(stem), ['flood', 'flood', 'flood', 'flood']);
});

test('irregular past forms are stemmed as their present form', () => {
  assert.deepEqual([stem('fled'), stem('flee'), stem('sold'), stem('sells')], ['fle', 'fle', 'sell', 'sell']);
});

test('content terms skip stopwords, attribution cues, bare digits and masked figure spans', () => {
  const text = 'Officials said some nine thousand fishermen left the harbour in 2023.';
  assert.deepEqual(text.slice(15, 33), 'some nine thousand');
  assert.deepEqual(contentTerms(text, [{ start: 15, end: 33 }]), ['fishermen', 'leav', 'harbour']);
});

test('amounts within a fifth of each other are one figure, years only when equal', () => {
  const count = (value: number) => ({ value, kind: 'count' });
  assert.deepEqual([sameFigure(count(23_000), count(20_000)), sameFigure(count(26_000), count(20_000))], [true, false]);
  assert.deepEqual([sameFigure({ value: 2023, kind: 'year' }, { value: 2022, kind: 'year' }), sameFigure(count(2023), { value: 2023, kind: 'year' })], [false, false]);
});

const even = () => 1;

test('a rewording with the same figure in another format covers the query and is covered by it in full', () => {
  const a = 'About 9,000 anglers crowded the Tarn pier.';
  const b = 'The Tarn pier was crowded by nine thousand anglers.';
  const score = traceScore(fingerprint(a, [fig(a, 'About 9,000', 9000)]), fingerprint(b, [fig(b, 'nine thousand', 9000)]), even);
  // Both have the words angler, crowd, tarn, pier and one figure (weight 2): each covers the other whole.
  assert.equal(score, 1);
});

test('a claim sharing only its figure scores below one half', () => {
  const a = 'About 9,000 anglers crowded the Tarn pier.';
  const b = 'About 9,000 tickets were sold for the regatta.';
  const score = traceScore(fingerprint(a, [fig(a, 'About 9,000', 9000)]), fingerprint(b, [fig(b, 'About 9,000', 9000)]), even);
  // Words angler, crowd, tarn, pier vs ticket, sell, regatta; one shared figure (weight 2): the query is covered
  // 2 / (4 + 2), the candidate 2 / (3 + 2), and their harmonic mean is 4/11.
  assert.ok(Math.abs(score - 4 / 11) < 1e-12, String(score));
});

test('mutations list each change of value and bound along the appearances, and nothing where the figure is unchanged', () => {
  const appear = (documentId: number, value: number, bound: string, text: string) => ({
    documentId, published: `2024-0${documentId}-01`, figures: [{ ...fig(text, text, value), bound }],
  });
  const steps = [appear(1, 23_000, 'exact', '23,000'), appear(2, 20_000, 'exact', '20,000'), appear(3, 20_000, 'exact', '20 000'), appear(4, 20_000, 'approx', 'some 20,000')];
  const mutations = figureMutations(steps, [{ value: 20_000, kind: 'count' }]);
  assert.deepEqual(mutations.map((m) => [m.from.figure.text, m.to.figure.text, m.changes]), [['23,000', '20,000', ['value']], ['20 000', 'some 20,000', ['bound']]]);
});

test('years are never followed as mutating figures', () => {
  const steps = [{ documentId: 1, published: null, figures: [fig('2023', '2023', 2023, { kind: 'year' })] }, { documentId: 2, published: null, figures: [fig('2023', '2023', 2023, { kind: 'year', bound: 'approx' })] }];
  assert.deepEqual(figureMutations(steps, [{ value: 2023, kind: 'year' }]), []);
});

test('names are the capitalised words inside a sentence, not those that open one', () => {
  assert.deepEqual(midSentenceNames('Anglers crowded the Tarn pier. Later the Mayor of Oskarby left.'), ['tarn', 'mayor', 'oskarby']);
});

test('names inside a masked span (a source) are left out', () => {
  const text = 'The pier was closed, said Anna Berg of Tarnwick.';
  assert.deepEqual(midSentenceNames(text, [{ start: 26, end: 35 }]), ['tarnwick']);
});

test('claims with amounts of one kind that are far apart conflict, close ones do not', () => {
  const a = 'The wall will cost 26,000 euros.';
  const b = 'The wall will cost 55,000 euros.';
  const c = 'The wall will cost 24,000 euros.';
  const fa = fingerprint(a, [fig(a, '26,000 euros', 26_000, { kind: 'money' })]);
  assert.deepEqual([conflicting(fa, fingerprint(b, [fig(b, '55,000 euros', 55_000, { kind: 'money' })])), conflicting(fa, fingerprint(c, [fig(c, '24,000 euros', 24_000, { kind: 'money' })]))], [true, false]);
});

test('claims naming different places conflict unless one names the other anywhere', () => {
  const thorn = fingerprint('Jobs in Thorndale are at risk.', []);
  assert.deepEqual([
    conflicting(thorn, fingerprint('Jobs in Vardstead are at risk.', [])),
    conflicting(thorn, fingerprint('Thorndale jobs are at risk, as in Vardstead.', [])),
  ], [true, false]);
});

test('the trace score weighs the query words by the weight given, and is zero on a conflict', () => {
  const q = fingerprint('Ferry fares in Dunby will climb.', []);
  const c = fingerprint('In Dunby, ferry tickets will cost more.', []);
  const rare = (t: string) => (t === 'dunby' ? 5 : 1);
  // Query words ferry, fare, dunby, climb (weights 1, 1, 5, 1): ferry and dunby are covered, 6 of 8. Candidate words
  // dunby, ferry, ticket, cost ("more" is a stopword): 2 of 4 are the query's.
  assert.equal(traceScore(q, c, rare), (2 * 0.75 * 0.5) / 1.25);
  assert.equal(traceScore(q, fingerprint('Ferry fares in Oskarby will climb.', []), rare), 0);
});

test('a source is masked with the appositive that describes it, and a run-on source only up to its first comma', () => {
  const cut = (t: string, s: string) => {
    const i = t.indexOf(s);
    const m = sourceMask(t, i, i + s.length);
    return t.slice(m.start, m.end);
  };
  assert.deepEqual([
    cut('Jobs will go, says Anika Brandt, a spokesperson for the port.', 'Anika Brandt'),
    cut('According to officials, the closure of the yard would cost Tarnby jobs.', 'officials'),
    cut('According to experts, building the Tarn wall costs 5 euros.', 'experts, building the Tarn'),
    cut('The wall in Tarnby will cost 5 euros, Mara Lindqvist, a spokesperson for the union said.', 'a spokesperson for the union'),
    cut('Homes will be built in Tarnby, the housing agency said.', 'the housing agency'),
    cut('The closure threatens 5 jobs in Dunwick, an opposition member warned.', 'an opposition member'),
  ], ['Anika Brandt, a spokesperson for the port', 'officials', 'experts', 'Mara Lindqvist, a spokesperson for the union', 'the housing agency', 'an opposition member']);
});

test('the coverage bound read from words alone is never below what the full score needs, masks and figures known', () => {
  const query = 'The flood wall in Dunby will cost 5,000 euros, the council said.';
  const q = fingerprint(query, [fig(query, '5,000 euros', 5000, { kind: 'money' })], [{ start: 47, end: 64 }]);
  const weight = (t: string) => (t === 'dunby' ? 5 : 1);
  const candidates = [
    ['Building the Dunby flood wall costs 5,200 euros, Anna Berg said.', '5,200 euros', 5200],
    ['A flood wall will cost 5,000 euros, officials in Dunby said.', '5,000 euros', 5000],
    ['The regatta in Dunby drew 5,000 visitors.', '5,000', 5000],
  ] as const;
  for (const [text, part, value] of candidates) {
    const full = fingerprint(text, [fig(text, part, value, { kind: 'money' })], [{ start: text.lastIndexOf(',') + 2, end: text.length - 1 }]);
    const score = traceScore(q, full, weight);
    const bound = queryCoverageBound(q, fingerprint(text, []).terms, weight);
    // A score at the threshold t needs the query's coverage at t / (2 - t): the bound must allow it.
    assert.ok(bound >= minQueryCoverage(score) - 1e-9, `${text}: bound ${bound}, score ${score}`);
  }
  assert.equal(queryCoverageBound(q, [], weight, 0), 0);
  assert.ok(queryCoverageBound(q, [], weight, 1) > 0);
});

test('a cue whose source was not found leaves out the role phrase that opens its clause, and nothing else', () => {
  const cut = (t: string, cue: string) => {
    const m = subjectMask(t, t.indexOf(cue));
    return m && t.slice(m.start, m.end);
  };
  assert.deepEqual([
    cut('Anika Brandt, a spokesperson for the port expects fares on the Tarn route to climb.', 'expects'),
    cut('The port is busy. A spokesperson for the port says fares will rise.', 'says'),
    cut('Fares will rise in Tarnby as the mayor expects.', 'expects'),
    cut('Jobs in Dunwick, an opposition member warned, will go.', 'warned'),
  ], ['Anika Brandt, a spokesperson for the port', 'A spokesperson for the port', undefined, undefined]);
  const text = 'Anika Brandt, a spokesperson for the port expects fares to climb, officials said.';
  const cue = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
  assert.deepEqual(attributionMasks(text, [{ source: null, cue: cue('expects') }, { source: cue('officials'), cue: cue('said') }]).map((m) => text.slice(m.start, m.end)), ['Anika Brandt, a spokesperson for the port', 'expects', 'officials', 'said']);
});

/** Word meaning for tests: words with the same letter after the first are near (cosine 0.8), others far. */
const toyNear = {
  near: { similarity: (a: string, b: string) => (a === b ? 1 : a[1] === b[1] ? 0.8 : 0.1), neighbours: () => [] },
  threshold: 0.65,
  credit: 0.5,
};

test('with word meaning, a query word is covered by a near word of the candidate for credit times cosine', () => {
  const a = 'About 9,000 anglers crowded the Tarn pier.';
  const b = 'About 9,000 fishermen crammed the Tarn pier.';
  const query = fingerprint(a, [fig(a, 'About 9,000', 9000)]);
  const candidate = fingerprint(b, [fig(b, 'About 9,000', 9000)]);
  // "crowded" / "crammed" share their second letter (near, 0.8: credit 0.5 × 0.8 = 0.4), "anglers" / "fishermen" do
  // not; tarn and pier are shared, and one figure (weight 2): each side is covered (2 + 0.4 + 2) / 6, against 4 / 6
  // without word meaning.
  assert.ok(Math.abs(traceScore(query, candidate, even, undefined, toyNear) - 4.4 / 6) < 1e-12);
  assert.ok(Math.abs(traceScore(query, candidate, even) - 4 / 6) < 1e-12);
});

test('names are never covered by a near word: another place still conflicts', () => {
  const a = 'Ferries to Tarnby carried 9,000 anglers.';
  const b = 'Ferries to Varnby carried 9,000 anglers.';
  assert.equal(traceScore(fingerprint(a, [fig(a, '9,000', 9000)]), fingerprint(b, [fig(b, '9,000', 9000)]), even, undefined, toyNear), 0);
});

test('weekdays and months written mid-sentence are not names', () => {
  assert.deepEqual(midSentenceNames('Anglers left Tarnby on Tuesday in March.'), ['tarnby']);
});

test('near words are read for a claim with no name or figure to draw candidates from, and not for one with them', () => {
  const near = { ...toyNear, near: { ...toyNear.near, neighbours: (w: string) => (w === 'anglers' ? [{ word: 'fishermen', cosine: 0.8 }, { word: 'anglings', cosine: 0.9 }] : []) } };
  const plan = (text: string, figures: number) => {
    const terms = queryTerms(text, []);
    const target = fingerprint(text, []);
    return planTrace(terms, terms.map(() => 10), Array.from({ length: figures }, () => 10), 1000, target, 0.5, near).toRead.filter((it) => it.near !== undefined).map((it) => [it.near, it.weight]);
  };
  // "anglings" stems as "angl", not "angler": it is another stem, kept; its weight is the word's idf × credit × cosine.
  const idf = Math.log(1000 / 11);
  assert.deepEqual(plan('Anglers crowded the pier.', 0), [['anglings', idf * 0.5 * 0.9], ['fishermen', idf * 0.5 * 0.8]]);
  assert.deepEqual([plan('Anglers crowded the pier.', 1), plan('Anglers crowded the Tarn pier.', 0)], [[], []]);
});

test('the candidate cut never splits claims tied with the last kept: the oldest of many equal claims is screened too, up to a bound', () => {
  // 500 claims share the same two rare words (ids 1–500: the oldest first), 50 more hold a third word as well.
  const item = (weight: number) => ({ df: 0, weight, name: false, term: 0 });
  const tied = Array.from({ length: 500 }, (_, i) => i + 1);
  const stronger = Array.from({ length: 50 }, (_, i) => 1001 + i);
  const ids = rankCandidates([{ item: item(2), ids: [...tied, ...stronger] }, { item: item(2), ids: [...tied, ...stronger] }, { item: item(1), ids: stronger }], 0).ids;
  assert.equal(ids.length, 550);
  assert.ok(ids.includes(1), 'the oldest tied claim is kept');
  assert.deepEqual(ids.slice(0, 50), [...stronger].reverse());
  // Ties past the bound are cut (newest first), and with no tie the cut stays at TRACE_CANDIDATES.
  const many = Array.from({ length: TRACE_TIED_CANDIDATES + 500 }, (_, i) => i + 1);
  assert.equal(rankCandidates([{ item: item(1), ids: many }], 0).ids.length, TRACE_TIED_CANDIDATES);
  const graded = Array.from({ length: 600 }, (_, i) => ({ item: item(1 + i / 1000), ids: [i + 1] }));
  assert.equal(rankCandidates(graded, 0).ids.length, TRACE_CANDIDATES);
});

test('a place too common to read whole is looked up among the claims drawn, so that its claims with the figure come first', () => {
  const text = 'A new sea wall for Tarnby will cost 4.2 million euros.';
  const terms = queryTerms(text, []);
  const target = fingerprint(text, [fig(text, '4.2 million euros', 4_200_000, { kind: 'money', unit: 'EUR' })]);
  const place = terms.findIndex((t) => t.stem === 'tarnby');
  // Tarnby is in more claims than TRACE_POSTINGS_MAX: it is not read, but checked.
  const df = terms.map((_, i) => (i === place ? TRACE_POSTINGS_MAX + 1 : 500));
  const plan = planTrace(terms, df, [800], 10_000_000, target, 0.5);
  assert.ok(!plan.toRead.some((it) => it.term === place));
  assert.deepEqual(plan.checkNames.map((it) => it.term), [place]);
  // 1,000 claims give the figure (ids 1–1,000, the oldest first); only claim 3 names Tarnby, as a word.
  const figure = { df: 800, weight: 5, name: false, figure: 0 };
  const read = [{ item: figure, ids: Array.from({ length: 1000 }, (_, i) => i + 1) }];
  const drawn = drawnIds(read);
  assert.equal(drawn[0], 1000, 'newest first among equals');
  const rows = drawn.map((id) => ({ id, text: id === 3 ? 'Tarnby is to get a sea wall costing 4.2m euros.' : id === 4 ? 'Tarnbyholm will pay 4.2m euros.' : 'The ferry costs 4.2m euros.' }));
  const named = namedAmong(rows, plan.checkNames, terms);
  assert.deepEqual(named.map((n) => n.ids), [[3]]);
  const ids = rankCandidates([...read, ...named], 1).ids;
  assert.equal(ids[0], 3, 'the claim naming the place comes first');
  assert.equal(ids.length, TRACE_TIED_CANDIDATES, 'the others tie, cut as before');
  // Without the look-up, the oldest claims are cut: claim 3 is lost.
  assert.ok(!rankCandidates(read, 1).ids.includes(3));
  // The look-up reads a bounded number of claims, the heaviest first.
  assert.equal(drawnIds([{ item: figure, ids: Array.from({ length: TRACE_NAME_CHECKS + 10 }, (_, i) => i + 1) }]).length, TRACE_NAME_CHECKS);
});
