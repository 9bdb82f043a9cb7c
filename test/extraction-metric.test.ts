import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreExtraction } from '../bench/quality/extraction-metric.js';

test('a perfect prediction scores 1 and counts as exact', () => {
  const gold = { a: 'The ferry left the quay at dawn on Monday.' };
  assert.deepEqual(scoreExtraction(gold, { a: 'The ferry left the quay, at dawn on Monday!' }), { pages: 1, precision: 1, recall: 1, f1: 1, accuracy: 1 });
});

test('boilerplate costs precision and a lost paragraph costs recall, page by page', () => {
  // gold a: 7 words -> 4 shingles; prediction adds 4 words of menu -> 4 more shingles of which none are gold.
  const gold = { a: 'one two three four five six seven', b: 'alpha beta gamma delta epsilon zeta' };
  const predicted = { a: 'one two three four five six seven menu home news sport', b: 'alpha beta gamma delta' };
  const score = scoreExtraction(gold, predicted);
  // page a: tp 4, fp 4 -> precision 0.5, recall 1; page b: tp 1, fn 2 -> precision 1, recall 1/3.
  assert.equal(score.precision, 0.75);
  assert.equal(score.recall, (1 + 1 / 3) / 2);
  assert.equal(score.accuracy, 0);
});

test('words are Unicode letters and digits as in Python, so accented words are not split', () => {
  const gold = { a: 'Café owners in Málaga raised prices again' };
  assert.equal(scoreExtraction(gold, { a: 'Caf owners in M laga raised prices again' }).recall < 1, true);
  assert.equal(scoreExtraction(gold, { a: 'Café owners in Málaga raised prices again' }).recall, 1);
});

test('a missing prediction is an empty page: recall 0, and no precision to average', () => {
  const score = scoreExtraction({ a: 'one two three four five' }, {});
  assert.deepEqual([score.precision, score.recall, score.f1], [0, 0, 0]);
});
