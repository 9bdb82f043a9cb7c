import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeSpans, readSiLabels, scoreSi } from '../bench/quality/si-metric.js';

test('overlapping spans merge, touching ones stay apart', () => {
  assert.deepEqual(mergeSpans([[10, 20], [0, 5], [15, 30], [30, 40]]), [[0, 5], [10, 30], [30, 40]]);
});

test('a prediction covering half of a gold span gets precision 1 and recall 0.5', () => {
  const s = scoreSi(new Map([['1', [[0, 10]]]]), new Map([['1', [[0, 5]]]]));
  assert.deepEqual([s.precision, s.recall, Number(s.f1.toFixed(4))], [1, 0.5, 0.6667]);
});

test('a prediction twice too long gets precision 0.5 and recall 1; a missed gold span only lowers recall', () => {
  const s = scoreSi(new Map([['1', [[0, 10]]], ['2', [[5, 9]]]]), new Map([['1', [[0, 20]]]]));
  assert.deepEqual([s.precision, s.recall, s.predicted, s.gold], [0.5, 0.5, 1, 2]);
});

test('gold spans that overlap are merged before scoring', () => {
  const s = scoreSi(new Map([['1', [[0, 10], [5, 20]]]]), new Map([['1', [[0, 20]]]]));
  assert.deepEqual([s.precision, s.recall, s.gold], [1, 1, 1]);
});

test('label lines are read per article, blank lines ignored', () => {
  assert.deepEqual([...readSiLabels('7\t1\t4\n\n7\t9\t12\n8\t0\t3\n')], [['7', [[1, 4], [9, 12]]], ['8', [[0, 3]]]]);
});
