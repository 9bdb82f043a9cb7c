// Tables written as prose (tables.ts). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('labels each with one figure in brackets right after a total are a table that must make it', () => {
  const text = 'The strike grounded 312 flights (Skyjet 180, Nordair 95, others 52).';
  assert.deepEqual(brief(text), [['total-unsupported', '312']]);
  assert.deepEqual(brief(text.replace('others 52', 'others 37')), []);
  assert.deepEqual(brief('Shops reported 64 break-ins (Kelby 30, Ardmore 21 and Fenwick 19) over the winter.'), [['total-unsupported', '64']]);
  assert.deepEqual(brief('Shops reported 70 break-ins (Kelby 30, Ardmore 21 and Fenwick 19) over the winter.'), []);
});

test('brackets that hold anything but labelled figures are no table', () => {
  assert.deepEqual(brief('The strike grounded 312 flights (up from 180 in 2022, when 95 were cancelled).'), []);
  assert.deepEqual(brief('The club has 420 members (about 180 of them juniors).'), []);
});
