import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstStage } from './candidates.js';
import { candidateFeatures, FEATURES } from './features.js';
import { analyseQuery, buildMatchIndex } from './index.js';
import { addGramDocument, contentWords, gramCosine, gramVector, newGramFrequencies, softCoverage, weighWords } from './meaning.js';

const index = buildMatchIndex([
  { id: 'a', claim: 'A photograph shows a cache of wedding rings taken from war victims.', title: 'Wedding Rings Photo' },
  { id: 'b', claim: 'The town council sold the old ferry to a private buyer.', title: 'Ferry Sale' },
  { id: 'c', claim: 'Rapper Kiln Rock was shot dead outside a shoe shop.', title: 'Kiln Rock Death Hoax' },
]);

test('content words are folded, unique, without numbers and function words', () => {
  assert.deepEqual(contentWords("The Mayor's 12 ferries and the mayor's FERRIES"), ['mayor', 'ferries']);
});

test('soft coverage counts a shared stem fully and a near word by its cosine, a far word barely', () => {
  const query = weighWords(index.bothField, contentWords('engagement rings removed from soldiers'));
  const soft = softCoverage(query);
  const rings = soft(weighWords(index.bothField, contentWords(index.claims[0]!.claim)));
  const ferry = soft(weighWords(index.bothField, contentWords(index.claims[1]!.claim)));
  assert.ok(rings > 0.5 && rings < 1, `rings ${rings}`);
  assert.ok(ferry < rings - 0.2, `ferry ${ferry}`);
  assert.equal(soft(query), 1);
  assert.equal(softCoverage([])(query), 0);
});

test('the 4-gram cosine meets a joined name and its written-apart form', () => {
  const freq = newGramFrequencies();
  for (const c of index.claims) addGramDocument(freq, `${c.claim} ${c.title}`);
  const query = gramVector(freq, 'KilnRock is alive');
  assert.ok(gramCosine(query, gramVector(freq, 'Rapper Kiln Rock was shot dead')) > gramCosine(query, gramVector(freq, 'The town council sold the old ferry')));
  assert.equal(gramCosine(query, gramVector(freq, '')), 0);
});

test('the re-ranker sees both features, and the paraphrased claim has the higher soft coverage', () => {
  const query = analyseQuery('Picture of engagement rings removed from the fingers of soldiers killed in the war pic.twitter.com/x1');
  const candidates = firstStage(index, query, 10);
  const vectors = candidateFeatures(index, query, candidates);
  const soft = FEATURES.indexOf('softCoverage');
  const grams = FEATURES.indexOf('gramCosine');
  assert.ok(soft >= 0 && grams >= 0);
  const of = (doc: number) => vectors[candidates.findIndex((c) => c.doc === doc)];
  assert.ok(of(0)![soft]! > (of(1)?.[soft] ?? 0));
  assert.ok(of(0)![grams]! > 0);
});
