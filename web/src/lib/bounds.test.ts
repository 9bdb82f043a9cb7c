import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boundName, boundWords, withUnit, type BoundedFigure } from './bounds.js';

const fig = (over: Partial<BoundedFigure>): BoundedFigure => ({ value: 0, low: null, high: null, bound: 'exact', kind: 'count', unit: null, ...over });

test('a lower bound reads "at least"', () => {
  assert.equal(boundWords(fig({ value: 5, low: 5, bound: 'at-least' })), 'at least 5');
});

test('an upper bound reads "at most" with its unit', () => {
  assert.equal(boundWords(fig({ value: 700, high: 700, bound: 'at-most', unit: 'containers' })), 'at most 700 containers');
});

test('a range reads "between … and …"', () => {
  assert.equal(boundWords(fig({ value: 2, low: 2, high: 7, bound: 'range' })), 'between 2 and 7');
});

test('an approximate figure reads "about" with its interval', () => {
  assert.equal(boundWords(fig({ value: 20000, low: 18000, high: 22000, bound: 'approx' })), 'about 20,000 (18,000 to 22,000)');
});

test('an approximate figure without interval reads "about" alone', () => {
  assert.equal(boundWords(fig({ value: 20000, bound: 'approx' })), 'about 20,000');
});

test('an exact figure reads "exactly"', () => {
  assert.equal(boundWords(fig({ value: 1200, low: 1200, high: 1200 })), 'exactly 1,200');
});

test('percentages, currencies and years are written as people write them', () => {
  assert.equal(withUnit(12.5, { kind: 'percent', unit: '%' }), '12.5%');
  assert.equal(withUnit(4000000, { kind: 'money', unit: '€' }), '€4,000,000');
  assert.equal(withUnit(2019, { kind: 'year', unit: null }), '2019');
});

test('bounds have names for people', () => {
  assert.equal(boundName('at-least'), 'lower bound');
  assert.equal(boundName('approx'), 'approximate');
});
