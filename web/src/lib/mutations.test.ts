import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FigureMutation } from '../api/types.js';
import { describeMutation, significantDigits, valueChange } from './mutations.js';

type Fig = FigureMutation['from']['figure'];
const figure = (text: string, value: number, bound = 'exact', low: number | null = value, high: number | null = value): Fig =>
  ({ start: 0, end: text.length, text, value, low, high, bound, unit: 'tonnes', kind: 'count' }) as Fig;
const mutation = (a: Fig, b: Fig, changes: FigureMutation['changes']): FigureMutation => ({
  from: { documentId: 1, published: '2024-03-01', figure: a },
  to: { documentId: 2, published: '2024-03-09', figure: b },
  changes,
});

test('significant digits ignore trailing zeros', () => {
  assert.deepEqual([significantDigits(20000), significantDigits(23000), significantDigits(23500), significantDigits(0.25)], [1, 2, 3, 2]);
});

test('a value with fewer digits close by is rounded', () => {
  assert.equal(valueChange(23000, 20000), 'rounded down (−13%)');
  assert.equal(valueChange(1180, 1200), 'rounded up (+1.7%)');
});

test('a value that moves far is raised or lowered', () => {
  assert.equal(valueChange(2000, 3000), 'raised (+50%)');
  assert.equal(valueChange(3000, 1500), 'lowered (−50%)');
});

test('a rounded figure that also became approximate lists both changes', () => {
  const text = describeMutation(mutation(figure('23,000', 23000), figure('some 20,000', 20000, 'approx', 18000, 22000), ['value', 'bound', 'interval']));
  assert.equal(text, '23,000 → some 20,000: rounded down (−13%); bound exact → approximate');
});

test('an interval change without a value change is spelled out', () => {
  const text = describeMutation(mutation(figure('5,000', 5000), figure('at least 5,000', 5000, 'at-least', 5000, null), ['bound', 'interval']));
  assert.equal(text, '5,000 → at least 5,000: bound exact → lower bound; interval 5,000–5,000 → 5,000–…');
});
