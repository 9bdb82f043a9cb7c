import assert from 'node:assert/strict';
import { test } from 'node:test';
import { averagePrecision, meanAveragePrecision, readQrels, readRun, recallAt, scoreMatchRun } from '../bench/quality/match-metric.js';

const gold = readQrels('q1\t0\tc7\t1\nq2\t0\tc3\t1\nq3\t0\tc9\t1\n');

test('a run is read in rank order whatever the order of its lines', () => {
  const run = readRun('q1\tQ0\tc2\t2\t0.5\tt\nq1\tQ0\tc7\t1\t0.9\tt\nq1 Q0 c4 3 0.1 t\n');
  assert.deepEqual(run.get('q1'), ['c7', 'c2', 'c4']);
});

test('qrels keep only relevant lines', () => {
  assert.deepEqual([...readQrels('q1 0 c1 1\nq1 0 c2 0\n').get('q1')!], ['c1']);
});

test('average precision with one relevant claim is one over its rank within k, else 0', () => {
  const relevant = new Set(['c7']);
  assert.deepEqual([1, 2, 3, 5, 6].map((rank) => averagePrecision([...Array(rank - 1).fill('x'), 'c7'], relevant, 5)), [1, 0.5, 1 / 3, 0.2, 0]);
});

test('average precision divides by the number of relevant claims, found or not', () => {
  assert.equal(averagePrecision(['a', 'x', 'b'], new Set(['a', 'b', 'c']), 5), (1 + 2 / 3) / 3);
});

test('MAP@1, MAP@5 and Recall@5 average over the gold queries, a query missing from the run counting 0', () => {
  const run = readRun(['q1 Q0 c7 1 3 t', 'q2 Q0 c1 1 3 t', 'q2 Q0 c3 2 2 t'].join('\n'));
  assert.deepEqual(scoreMatchRun(run, gold), { queries: 3, map1: 1 / 3, map5: (1 + 0.5) / 3, recall5: 2 / 3 });
});

test('recall@k counts a relevant claim at rank k and not at rank k + 1', () => {
  const run = new Map([['q1', ['a', 'b', 'c7']], ['q2', ['a', 'b', 'c', 'c3']]]);
  assert.deepEqual([recallAt(run, gold, 3), meanAveragePrecision(run, gold, 3)], [1 / 3, 1 / 9]);
});
