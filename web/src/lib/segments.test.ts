import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../api/types.js';
import { segmentText, spansOf, worthBand, type HighlightSpan } from './segments.js';

const span = (kind: HighlightSpan['kind'], id: string, start: number, end: number): HighlightSpan => ({ kind, id, start, end, modifiers: [] });
const shape = (length: number, spans: HighlightSpan[]) =>
  segmentText(length, spans).map((s) => [s.start, s.end, s.spans.map((x) => x.id).join('+')]);

test('text without spans is one plain segment', () => {
  assert.deepEqual(shape(12, []), [[0, 12, '']]);
});

test('a span inside the text cuts it into three segments', () => {
  assert.deepEqual(shape(20, [span('figure', 'q1', 4, 9)]), [[0, 4, ''], [4, 9, 'q1'], [9, 20, '']]);
});

test('crossing spans split at all four boundaries', () => {
  assert.deepEqual(shape(30, [span('claim', 'c1', 0, 15), span('technique', 't1', 10, 22)]), [
    [0, 10, 'c1'],
    [10, 15, 'c1+t1'],
    [15, 22, 't1'],
    [22, 30, ''],
  ]);
});

test('covering spans are listed outermost kind first whatever their input order', () => {
  const segments = segmentText(10, [span('figure', 'q2', 2, 5), span('cue', 'a1', 2, 5), span('claim', 'c2', 0, 10)]);
  assert.deepEqual(segments[1]!.spans.map((s) => s.kind), ['claim', 'cue', 'figure']);
});

test('spans past the end are clamped and empty spans dropped', () => {
  assert.deepEqual(shape(8, [span('finding', 'f1', 6, 40), span('figure', 'q3', 3, 3)]), [[0, 6, ''], [6, 8, 'f1']]);
});

test('check-worthiness bands start at 0.5 and 0.75', () => {
  assert.deepEqual([0.49, 0.5, 0.74, 0.75].map(worthBand), ['cw-lo', 'cw-mid', 'cw-mid', 'cw-hi']);
});

const report = {
  claims: [{ id: 'c1', start: 0, end: 40, text: '', checkworthiness: 0.8, kind: 'statistic', attributionIds: ['a1'], grade: 'vague' }],
  attributions: [
    { id: 'a1', source: { start: 0, end: 7, text: 'Critics', type: 'vague' }, grade: 'vague', cue: { start: 8, end: 12, text: 'said' }, content: { start: 13, end: 39 }, hedged: false, resolvesTo: null, parent: null, entityIds: [] },
    { id: 'a2', source: null, grade: 'none', cue: { start: 20, end: 30, text: 'reportedly' }, content: { start: 31, end: 39 }, hedged: true, resolvesTo: null, parent: null, entityIds: [] },
  ],
  quantities: [{ id: 'q1', start: 30, end: 35, text: '4,000', value: 4000, low: 4000, high: 4000, bound: 'exact', kind: 'count', unit: null }],
  techniques: [],
  findings: [{ rule: 'vague-source', severity: 'info', message: 'vague', start: 0, end: 7, line: 1, col: 1, annotationIds: ['a1'] }],
} as unknown as Report;

test('only the visible layers give spans', () => {
  const spans = spansOf(report, new Set(['figures', 'findings'] as const));
  assert.deepEqual(spans.map((s) => [s.kind, s.id, s.start, s.end, ...s.modifiers]), [
    ['figure', 'q1', 30, 35, 'b-exact'],
    ['finding', 'f1', 0, 7, 'sev-info'],
  ]);
});

test('the sources layer gives content, source and cue, and no source span when the cue names none', () => {
  const spans = spansOf(report, new Set(['sources'] as const));
  assert.deepEqual(spans.map((s) => [s.kind, s.id, s.start, s.end, ...s.modifiers]), [
    ['content', 'a1', 13, 39],
    ['source', 'a1', 0, 7, 'g-vague'],
    ['cue', 'a1', 8, 12, 'plain'],
    ['content', 'a2', 31, 39],
    ['cue', 'a2', 20, 30, 'hedged'],
  ]);
});

test('claims carry their check-worthiness band and grade', () => {
  const [claim] = spansOf(report, new Set(['claims'] as const));
  assert.deepEqual(claim!.modifiers, ['cw-hi', 'g-vague']);
});
