import assert from 'node:assert/strict';
import { test } from 'node:test';
import { idf, indexField, scoreField, scoreIndexed, scoreOne, topK } from './bm25.js';

const docs = [['bridg', 'clos'], ['bridg', 'bridg', 'toll'], ['ferry', 'toll', 'rais', 'again']];
const index = indexField(docs);

test('a rarer term has the higher idf', () => {
  assert.ok(idf(index, 'ferry') > idf(index, 'bridg'));
});

test('scores follow the BM25 formula (k1 1.2, b 0.75)', () => {
  const avg = 3;
  const expected = idf(index, 'clos') * 2.2 / (1 + 1.2 * (0.25 + (0.75 * 2) / avg));
  assert.ok(Math.abs(scoreField(index, ['clos'])[0]! - expected) < 1e-12);
});

test('a repeated query term counts once, and scoring one document agrees with the index', () => {
  const all = scoreField(index, ['toll', 'toll', 'bridg']);
  assert.ok(Math.abs(all[1]! - scoreOne(index, ['toll', 'bridg'], docs[1]!)) < 1e-12);
});

test('topK returns documents with a positive score, best first, ties by document number', () => {
  assert.deepEqual(topK(Float64Array.from([0, 2, 2, 5, 0]), 3), [3, 1, 2]);
});

test('scoreIndexed: the score scoreOne gives an indexed document, bit for bit', () => {
  const docs = [['vaccin', 'cost', 'cost', 'million'], ['vaccin', 'school'], ['school', 'cost', 'budget', 'million', 'year'], []];
  const field = indexField(docs);
  const query = ['cost', 'million', 'vaccin', 'school', 'absent'];
  docs.forEach((terms, d) => assert.equal(scoreIndexed(field, query, d), scoreOne(field, query, terms)));
  assert.ok(scoreIndexed(field, query, 0) > 0);
});
