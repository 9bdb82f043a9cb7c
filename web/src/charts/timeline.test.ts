import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TraceMatch } from '../api/types.js';
import { bestGrade, timelineLayout, type ChartBox } from './timeline.js';

const box: ChartBox = { width: 440, height: 120, left: 20, right: 20, top: 10, bottom: 10 };
const match = (documentId: number, published: string | null, similarity: number, grades: string[]): TraceMatch =>
  ({ documentId, published, similarity, claimId: 'c1', attribution: grades.map((grade) => ({ grade })) }) as unknown as TraceMatch;

test('the best grade wins, and no attribution means none', () => {
  assert.equal(bestGrade([{ grade: 'vague' }, { grade: 'named' }]), 'named');
  assert.equal(bestGrade([{ grade: 'vague' }, { grade: 'anaphoric' }]), 'anaphoric');
  assert.equal(bestGrade([]), 'none');
});

test('points sit by date, padded by a day on each side', () => {
  const matches = [match(1, '2024-03-01', 1, ['named']), match(2, '2024-03-03', 0.5, [])];
  const layout = timelineLayout(matches, matches[0]!, box);
  // Domain: 29 Feb .. 4 Mar (4 days) over x 20..420: 100 units a day.
  assert.deepEqual(layout.points.map((p) => [p.x, p.y, p.grade, p.earliest]), [
    [120, 10, 'named', true],
    [320, 60, 'none', false],
  ]);
});

test('undated matches are counted, not drawn', () => {
  const layout = timelineLayout([match(1, null, 0.9, []), match(2, '2024-05-02', 0.8, ['vague'])], null, box);
  assert.equal(layout.points.length, 1);
  assert.equal(layout.undated, 1);
});

test('the similarity axis runs from 0 at the bottom to 1 at the top', () => {
  const layout = timelineLayout([], null, box);
  assert.deepEqual(layout.yTicks.map((t) => [t.value, t.y]), [[0, 110], [0.5, 60], [1, 10]]);
  assert.deepEqual(layout.xTicks, []);
});
