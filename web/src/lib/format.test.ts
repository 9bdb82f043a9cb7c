import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatShare, plural, shorten } from './format.js';

test('dates are shown at the precision they were given', () => {
  assert.deepEqual([formatDate('2024-03-14'), formatDate('2024-03'), formatDate('2024'), formatDate('2024-03-14T09:30:00Z')], ['14 Mar 2024', 'Mar 2024', '2024', '14 Mar 2024']);
});

test('a missing date reads "undated"', () => {
  assert.equal(formatDate(null), 'undated');
});

test('shares are whole percentages, with a decimal below ten', () => {
  assert.deepEqual([formatShare(0.351), formatShare(0.025), formatShare(0)], ['35%', '2.5%', '0%']);
});

test('plural agrees with the count', () => {
  assert.deepEqual([plural(1, 'claim'), plural(1200, 'claim')], ['1 claim', '1,200 claims']);
});

test('shorten cuts on a word boundary and adds an ellipsis', () => {
  assert.equal(shorten('The harbour master said the  new crane arrived late', 24), 'The harbour master said…');
  assert.equal(shorten('Short text', 24), 'Short text');
});
