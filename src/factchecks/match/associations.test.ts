import assert from 'node:assert/strict';
import { test } from 'node:test';
import { associationCoverage, ASSOCIATION_MIN_DOCUMENTS } from './associations.js';
import { idf } from './bm25.js';
import { analyseQuery, buildMatchIndex, type CheckedClaim } from './index.js';
import { matchTerms } from './terms.js';

// A collection large enough for associations: fillers with invented words, and fact-checks in which "Kestrels" (a
// team) is always written with "hockey" and "league".
const fillers: CheckedClaim[] = Array.from({ length: ASSOCIATION_MIN_DOCUMENTS }, (_, i) => ({ id: `f${i}`, claim: `Report qa${i % 97} on zu${i % 89} and mo${i % 83}.`, title: `Item ro${i % 79}` }));
const topical: CheckedClaim[] = [
  { id: 'k1', claim: 'The Kestrels hockey league team fired its coach.', title: 'Kestrels Coach Fired?' },
  { id: 'k2', claim: 'Kestrels fans protested a hockey league ruling.', title: 'Hockey League Ruling Protest' },
  { id: 'k3', claim: 'The hockey league fined the Kestrels for a brawl.', title: 'Kestrels Fined by League?' },
  { id: 'target', claim: 'The governor meddled in a hockey league team dispute.', title: 'Governor and the League' },
  { id: 'other', claim: 'The governor signed a law on school mascots.', title: 'Governor Mascot Law' },
];
const index = buildMatchIndex([...fillers, ...topical]);
const terms = (id: string) => {
  const c = [...fillers, ...topical].find((x) => x.id === id)!;
  return new Set([...matchTerms(c.claim), ...matchTerms(c.title)]);
};

test("a query word the fact-check lacks counts by its association in the collection ('Kestrels' with a hockey league)", () => {
  const score = associationCoverage(index, analyseQuery('The governor should not tell the Kestrels to change their name').terms);
  const [target, other] = [score(terms('target')), score(terms('other'))];
  assert.ok(target > other, `${target} > ${other}`);
  assert.ok(target < 1);
});

test('a fact-check holding every query word scores 1; one sharing no word and no association 0', () => {
  const score = associationCoverage(index, matchTerms('Kestrels fined for a brawl'));
  assert.equal(score(terms('k3')), 1);
  assert.equal(score(terms('f5')), 0);
});

test('in a small collection only shared words count (co-occurrence in a few fact-checks is noise)', () => {
  const small = buildMatchIndex(topical);
  const query = [...new Set(analyseQuery('The governor should not tell the Kestrels to change their name').terms)];
  const doc = terms('target');
  const weight = (ts: string[]) => ts.reduce((s, t) => s + idf(small.bothField, t), 0);
  const expected = weight(query.filter((t) => doc.has(t))) / weight(query);
  assert.ok(expected > 0 && expected < 1);
  assert.equal(associationCoverage(small, query)(doc), expected);
});
