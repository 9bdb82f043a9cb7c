import assert from 'node:assert/strict';
import { test } from 'node:test';
import { firstStage } from './candidates.js';
import { candidateFeatures, FEATURES } from './features.js';
import { analyseQuery, buildMatchIndex } from './index.js';
import { collapseCopies, copyKey, matchClaim } from './match.js';
import { decodeReranker, encodeReranker, rerankScore, trainReranker } from './reranker.js';

const index = buildMatchIndex([
  { id: 'a', claim: 'The Thorndale harbour will close all 14 berths in 2025.', title: 'Is Thorndale Harbour Closing?' },
  { id: 'b', claim: 'Mayor Okafor said the ferry fare doubled last year.', title: 'Did the Ferry Fare Double?' },
  { id: 'c', claim: 'A photograph shows the harbour frozen over in winter.', title: 'Frozen Harbour Photo' },
]);

test('the first stage finds the fact-check sharing the most rare words, with per-field scores', () => {
  const [best] = firstStage(index, analyseQuery('Thorndale harbour closing its 14 berths! https://t.co/x1'), 10);
  assert.equal(best!.doc, 0);
  assert.ok(best!.claim > 0 && best!.title > 0 && best!.both > 0);
});

test("a trailer's author joins the query: a claim naming the speaker is found", () => {
  const matches = matchClaim(index, 'The fare went up twice over. — Ada Okafor (@MayorOkafor) June 2, 2020');
  assert.equal(matches[0]!.doc, 1);
});

test('features count shared numbers and the year of the trailer', () => {
  const query = analyseQuery('All 14 berths shut in 2025 — Port Watch (@portwatch) May 1, 2025');
  const candidates = firstStage(index, query, 10);
  const vector = candidateFeatures(index, query, candidates)[candidates.findIndex((c) => c.doc === 0)]!;
  assert.equal(vector.length, FEATURES.length);
  assert.deepEqual([vector[FEATURES.indexOf('sharedNumbers')], vector[FEATURES.indexOf('yearShared')]], [Math.log1p(2), 1]);
});

test('features count a month of the trailer named by the fact-check, and numbers near but not equal', () => {
  const query = analyseQuery('Berths cut from 15 to none — Port Watch (@portwatch) December 1, 2024');
  const index2 = buildMatchIndex([{ id: 'd', claim: 'In December the harbour closed 14 berths.', title: 'Harbour Berths' }]);
  const [vector] = candidateFeatures(index2, query, firstStage(index2, query, 10));
  assert.deepEqual([vector![FEATURES.indexOf('monthShared')], vector![FEATURES.indexOf('nearNumbers')]], [1, Math.log1p(1)]);
});

test('the re-ranker learns to prefer the candidate with the higher first feature, and survives its file format', () => {
  const groups = [0, 1, 2, 3].map((k) => ({ vectors: [Float64Array.from([k, 1]), Float64Array.from([k + 2, 0]), Float64Array.from([k + 1, 1])], relevant: 1 }));
  const model = trainReranker(groups, ['x', 'y'], 3, { epochs: 20, seed: 1, rate: 0.1, l2: 0, negatives: 2 });
  const { model: read, meta } = decodeReranker(encodeReranker(model, { note: 'toy' }));
  assert.deepEqual(meta, { note: 'toy' });
  assert.ok(rerankScore(read, Float64Array.from([5, 0])) > rerankScore(read, Float64Array.from([4, 0])));
  assert.equal(read.depth, 3);
});

test('training is deterministic for a seed', () => {
  const groups = [{ vectors: [Float64Array.from([1]), Float64Array.from([3]), Float64Array.from([2])], relevant: 1 }];
  const options = { epochs: 5, seed: 9, rate: 0.1, l2: 0.01, negatives: 1 };
  assert.deepEqual(trainReranker(groups, ['x'], 3, options).weights, trainReranker(groups, ['x'], 3, options).weights);
});

test('a copy of a fact-check (the same claim up to its quote marks, the same title) goes after the distinct ones', () => {
  const items = [
    { claim: 'The mayor said "fares will double."', title: 'Fares Doubled?' },
    { claim: "The mayor said 'fares will double.'", title: 'Fares Doubled?' },
    { claim: 'The harbour closed in 2025.', title: 'Harbour Closed?' },
    { claim: 'The mayor said "fares will double."', title: 'Did Fares Double Twice?' },
  ];
  assert.deepEqual(collapseCopies(items, copyKey).map((x) => items.indexOf(x)), [0, 2, 3, 1]);
});

test('a ranking without copies is kept as it is', () => {
  assert.deepEqual(collapseCopies(['b', 'a', 'c'], (x) => x), ['b', 'a', 'c']);
});
