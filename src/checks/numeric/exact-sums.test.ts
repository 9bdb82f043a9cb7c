// Figures with decimals that add up exactly must stay silent: binary fractions drift (0.1 + 0.2 is 0.30000000000000004
// in a double), and a check that compared the drifted sum with the stated total reported "allows 0.3, but the figures
// add up to 0.3" (context.ts sumOf). Each text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sumOf } from './context.js';
import { brief } from './test-kit.js';

const EXACT: readonly (readonly [string, string])[] = [
  ['two decimal parts after a colon', 'Rainfall totalled 0.3 metres over the week: 0.1 metres on Monday and 0.2 metres on Tuesday.'],
  ['five decimal parts after a colon', 'Turnover reached 62.6 tonnes: 24.2 tonnes in Asia, 19.6 tonnes in Europe, 11.3 tonnes in America, 4.1 tonnes in Africa and 3.4 tonnes elsewhere.'],
  ['decimal shares of one whole', 'Of the voters, 33.3 percent backed Lind, 33.4 percent backed Berg and 33.3 percent backed Holm.'],
];

for (const [why, text] of EXACT) {
  test(`adds up exactly, silent: ${why}`, () => assert.deepEqual(brief(text), []));
}

test('a decimal slip is still flagged, its sum printed as written', () => {
  const [finding] = brief('Turnover reached 62.6 tonnes: 24.2 tonnes in Asia, 19.6 tonnes in Europe, 11.3 tonnes in America, 4.1 tonnes in Africa and 3.9 tonnes elsewhere.');
  assert.equal(finding?.[0], 'total-unsupported');
  assert.match(finding?.[1] ?? '', /62\.6 tonnes/);
});

test('sumOf keeps the sum of written figures as written', () => {
  assert.equal(sumOf([0.1, 0.2]), 0.3);
  assert.equal(sumOf([24.2, 19.6, 11.3, 4.1, 3.4]), 62.6);
  assert.equal(sumOf([]), 0);
  assert.equal(sumOf([1, Infinity]), Infinity);
});
