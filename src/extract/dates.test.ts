import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDate, normaliseDate } from './dates.js';

const CASES: readonly [string, string | undefined][] = [
  ['2021-03-03', '2021-03-03'],
  ['2021-03-03T09:15:00Z', '2021-03-03T09:15:00Z'],
  ['2021-03-03T09:15:00.250+0100', '2021-03-03T09:15:00+01:00'],
  ['2021-03-03 09:15', '2021-03-03T09:15:00'],
  ['02.10.2019', '2019-10-02'],
  ['2019/10/02', '2019-10-02'],
  ['3 March 2021', '2021-03-03'],
  ['3rd Mar. 2021', '2021-03-03'],
  ['March 3, 2021', '2021-03-03'],
  ['Sept 30 2020', '2020-09-30'],
  ['Wed, 03 Mar 2021 10:00:00 GMT', '2021-03-03T10:00:00.000Z'],
  ['Tue Mar 2 2021 10:00:00 GMT+0000', '2021-03-02T10:00:00.000Z'],
  ['2021-02-30', undefined],
  ['yesterday', undefined],
  ['', undefined],
];

for (const [input, expected] of CASES) {
  test(`normalises ${JSON.stringify(input)} to ${String(expected)}`, () => {
    assert.equal(normaliseDate(input), expected);
  });
}

test('finds a date inside a line with its offsets', () => {
  assert.deepEqual(findDate('Updated: 14.05.2022 by the desk'), { iso: '2022-05-14', start: 9, end: 19 });
});

test('prefers the earliest date in a line', () => {
  assert.equal(findDate('1 June 2020, revised 2021-01-05')?.iso, '2020-06-01');
});
