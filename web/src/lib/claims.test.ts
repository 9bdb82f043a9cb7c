import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report, Review } from '../api/types.js';
import { claimDetails, currentVerdicts, filterClaims, step } from './claims.js';

const attribution = (id: string, parent: string | null) => ({
  id, source: null, grade: 'named', cue: { start: 0, end: 1, text: 'x' }, content: { start: 0, end: 1 }, hedged: false, resolvesTo: null, parent, entityIds: [],
});
const claim = (id: string, start: number, end: number, grade: string, checkworthiness: number, attributionIds: string[] = []) =>
  ({ id, start, end, text: '', checkworthiness, kind: 'event', attributionIds, grade });
const report = {
  claims: [claim('c2', 50, 90, 'none', 0.9), claim('c1', 0, 49, 'named', 0.4, ['a2'])],
  attributions: [attribution('a1', null), attribution('a2', 'a1')],
  quantities: [
    { id: 'q1', start: 10, end: 14, text: '40', value: 40, low: 40, high: 40, bound: 'exact', kind: 'count', unit: null },
    { id: 'q2', start: 60, end: 65, text: '3,000', value: 3000, low: 3000, high: null, bound: 'at-least', kind: 'count', unit: null },
  ],
  techniques: [],
  findings: [
    { rule: 'total-unsupported', severity: 'warning', message: 'm', start: 40, end: 70, line: 1, col: 41, annotationIds: [] },
    { rule: 'unsourced-statistic', severity: 'warning', message: 'm', start: 50, end: 90, line: 1, col: 51, annotationIds: [] },
  ],
} as unknown as Report;

test('claims are listed by position', () => {
  assert.deepEqual(claimDetails(report).map((d) => d.claim.id), ['c1', 'c2']);
});

test('a nested attribution shows its parent first', () => {
  const [first] = claimDetails(report);
  assert.deepEqual(first!.chains.map((chain) => chain.map((a) => a.id)), [['a1', 'a2']]);
});

test('figures belong to the claim they start in', () => {
  assert.deepEqual(claimDetails(report).map((d) => d.figures.map((q) => q.id)), [['q1'], ['q2']]);
});

test('a finding across two claims is shown on both', () => {
  assert.deepEqual(claimDetails(report).map((d) => d.findings.map((f) => f.id)), [['f1'], ['f1', 'f2']]);
});

test('the latest review is the current verdict', () => {
  const review = (id: number, claimId: string, rating: Review['rating']) => ({ id, claimId, rating }) as Review;
  const verdicts = currentVerdicts([review(3, 'c1', 'false'), review(1, 'c1', 'true'), review(2, 'c2', 'unproven')]);
  assert.deepEqual([...verdicts].map(([id, r]) => [id, r.rating]), [['c1', 'false'], ['c2', 'unproven']]);
});

test('the filter keeps claims of a grade and above a check-worthiness', () => {
  const details = claimDetails(report);
  assert.deepEqual(filterClaims(details, { grade: 'all', minWorth: 0.5 }).map((d) => d.claim.id), ['c2']);
  assert.deepEqual(filterClaims(details, { grade: 'named', minWorth: 0 }).map((d) => d.claim.id), ['c1']);
});

test('stepping wraps around and starts at an end', () => {
  assert.deepEqual([step(-1, 3, 1), step(-1, 3, -1), step(2, 3, 1), step(0, 3, -1), step(0, 0, 1)], [0, 2, 0, 2, -1]);
});
