import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FigureMutation, TraceMatch } from '../api/types.js';
import { bestGrade, followedFigure, timelineLayout, type ChartBox, type MatchFigure } from './timeline.js';

const box: ChartBox = { width: 440, height: 120, left: 20, right: 20, top: 10, bottom: 10 };
const jobs = (value: number, text: string, low: number | null = value, high: number | null = value): MatchFigure =>
  ({ id: 'q1', start: 0, end: text.length, text, value, low, high, bound: 'exact', unit: 'jobs', kind: 'count' }) as MatchFigure;
const match = (documentId: number, published: string | null, similarity: number, grades: string[], quantities: MatchFigure[] = []): TraceMatch =>
  ({ documentId, published, similarity, claimId: 'c1', attribution: grades.map((grade) => ({ grade })), quantities }) as unknown as TraceMatch;

test('the best grade wins, and no attribution means none', () => {
  assert.equal(bestGrade([{ grade: 'vague' }, { grade: 'named' }]), 'named');
  assert.equal(bestGrade([{ grade: 'vague' }, { grade: 'anaphoric' }]), 'anaphoric');
  assert.equal(bestGrade([]), 'none');
});

test('a claim with a figure is drawn by the figure value: the axis runs from 0 past the largest value', () => {
  const matches = [match(1, '2024-03-01', 1, ['named'], [jobs(40, '40 jobs')]), match(2, '2024-03-03', 0.5, [], [jobs(45, 'about 45 jobs', 40, 50)])];
  const layout = timelineLayout(matches, matches[0]!, [], { ...box, height: 220 });
  assert.equal(layout.mode, 'figure');
  assert.equal(layout.yTitle, 'Figure (jobs)');
  // y: 0..50 over 210..10, 4 px a job. x: 29 Feb .. 4 Mar (4 days) over 20..420, 100 px a day.
  assert.deepEqual(layout.yTicks.map((t) => [t.label, t.y]), [['0', 210], ['10', 170], ['20', 130], ['30', 90], ['40', 50], ['50', 10]]);
  assert.deepEqual(layout.points.map((p) => [p.x, p.y, p.r, p.grade, p.earliest, p.figure?.text]), [
    [120, 50, 9, 'named', true, '40 jobs'],
    [320, 30, 3, 'none', false, 'about 45 jobs'],
  ]);
  assert.deepEqual(layout.points.map((p) => p.range), [null, { y1: 50, y2: 10 }]);
});

test('the followed figure is the one whose change the server reported, matched by kind and unit in each article', () => {
  const passengers: MatchFigure = { ...jobs(3000, '3,000 passengers'), unit: 'passengers' };
  const matches = [match(1, '2024-03-01', 1, [], [passengers, jobs(40, '40 jobs')]), match(2, '2024-03-02', 1, [], [jobs(41, '41 jobs'), jobs(400, '400 jobs')])];
  const mutation = { from: { documentId: 1, published: '2024-03-01', figure: jobs(40, '40 jobs') }, to: { documentId: 2, published: '2024-03-02', figure: jobs(41, '41 jobs') }, changes: ['value'] } as FigureMutation;
  const followed = followedFigure(matches, [mutation]);
  assert.deepEqual([...followed!.byMatch.values()].map((q) => q.text), ['40 jobs', '41 jobs']);
  assert.equal(followedFigure(matches, [])!.reference.text, '3,000 passengers');
});

test('undated appearances and those without the figure are counted, not drawn', () => {
  const matches = [match(1, null, 0.9, [], [jobs(40, '40 jobs')]), match(2, '2024-05-02', 0.8, ['vague'], [jobs(40, '40 jobs')]), match(3, '2024-05-03', 0.8, [], [])];
  const layout = timelineLayout(matches, null, [], box);
  assert.equal(layout.points.length, 1);
  assert.equal(layout.undated, 1);
  assert.equal(layout.withoutFigure, 1);
});

test('a claim without an amount is drawn by similarity, 0 % at the bottom to 100 % at the top', () => {
  const layout = timelineLayout([match(1, '2024-05-02', 0.75, [])], null, [], box);
  assert.equal(layout.mode, 'similarity');
  assert.equal(layout.yTitle, 'Similarity');
  assert.deepEqual(layout.yTicks.map((t) => [t.label, t.y]), [['0%', 110], ['25%', 85], ['50%', 60], ['75%', 35], ['100%', 10]]);
  assert.deepEqual(layout.points.map((p) => [p.y, p.r]), [[35, 6]]);
});

test('a narrow chart gets fewer date ticks', () => {
  const matches = [match(1, '2024-01-05', 1, []), match(2, '2024-12-20', 1, [])];
  const wide = timelineLayout(matches, null, [], { ...box, width: 900 });
  const narrow = timelineLayout(matches, null, [], { ...box, width: 300 });
  assert.ok(narrow.xTicks.length < wide.xTicks.length, `${narrow.xTicks.length} ticks at 300 px, ${wide.xTicks.length} at 900 px`);
  assert.ok(narrow.xTicks.length >= 1);
});
