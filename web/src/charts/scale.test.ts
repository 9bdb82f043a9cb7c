import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateValue, formatTick, linearScale, niceExtent, niceTicks, timeTicks } from './scale.js';

test('a linear scale maps the domain ends onto the range ends', () => {
  const x = linearScale([0, 50], [10, 110]);
  assert.deepEqual([x(0), x(25), x(50)], [10, 60, 110]);
});

test('a linear scale can run downwards, as a y axis does', () => {
  const y = linearScale([0, 1], [200, 0]);
  assert.equal(y(0.25), 150);
});

test('a flat domain maps to the middle of the range', () => {
  assert.equal(linearScale([3, 3], [0, 80])(3), 40);
});

test('nice ticks step by 1, 2 or 5 times a power of ten', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 23, 4), [0, 10, 20]);
  assert.deepEqual(niceTicks(0, 7, 5), [0, 2, 4, 6]);
});

test('dates of any ISO precision become UTC milliseconds', () => {
  assert.equal(dateValue('2024-03-14'), Date.UTC(2024, 2, 14));
  assert.equal(dateValue('2024-03'), Date.UTC(2024, 2, 1));
  assert.equal(dateValue('2024'), Date.UTC(2024, 0, 1));
  assert.equal(dateValue('2024-03-14T12:00:00Z'), Date.UTC(2024, 2, 14, 12));
  assert.equal(dateValue('soon'), null);
  assert.equal(dateValue(null), null);
});

test('time ticks fall on month starts, every other month over a year', () => {
  const ticks = timeTicks(Date.UTC(2024, 0, 10), Date.UTC(2024, 9, 20), 6);
  assert.deepEqual(ticks.map((t) => t.label), ['Mar 2024', 'May 2024', 'Jul 2024', 'Sep 2024']);
});

test('time ticks over a few weeks fall on days', () => {
  const ticks = timeTicks(Date.UTC(2024, 2, 1), Date.UTC(2024, 2, 20), 4);
  assert.deepEqual(ticks.map((t) => t.label), ['1 Mar', '8 Mar', '15 Mar']);
});

test('time ticks over several years fall on years', () => {
  const ticks = timeTicks(Date.UTC(2019, 5, 1), Date.UTC(2024, 2, 1), 6);
  assert.deepEqual(ticks.map((t) => t.label), ['2020', '2021', '2022', '2023', '2024']);
});

test('nice extents enclose the values, with a tick at or beyond each end', () => {
  assert.deepEqual(niceExtent(0, 45, 5), [0, 10, 20, 30, 40, 50]);
  assert.deepEqual(niceExtent(7, 43, 4), [0, 10, 20, 30, 40, 50]);
  assert.deepEqual(niceExtent(3, 3, 4), [3, 3.5, 4, 4.5]);
  assert.deepEqual(niceExtent(0, 0, 4), [0, 0.5, 1]);
});

test('tick values are short: compact from ten thousand up', () => {
  assert.deepEqual([0, 40, 2.5, 0.1 + 0.2, 18_000_000, 32_000].map(formatTick), ['0', '40', '2.5', '0.3', '18M', '32K']);
});
