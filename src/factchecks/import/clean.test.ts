import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDay, readName, readNumber, readSite, readUrl } from './clean.js';

test('dates are read as ISO days, from ISO date-times and from dates with a month name', () => {
  assert.deepEqual(['2024-05-06T09:30:00+02:00', '2024-02-30', 'April 9, 2024', '12 May 2024'].map(readDay), ['2024-05-06', null, '2024-04-09', '2024-05-12']);
});

test('a bare year, a number, and a day-month order that could go either way are not guessed', () => {
  assert.deepEqual(['2024', '5', '03/04/2024', 'soon'].map(readDay), [null, null, null, null]);
});

test('numbers are read from numbers and numeric strings only', () => {
  assert.deepEqual([4, '4.5', ' 3 ', 'four', Infinity, null].map(readNumber), [4, 4.5, 3, null, null, null]);
});

test('names are read from strings, objects with a name, and lists of either', () => {
  assert.deepEqual([readName('Coast Facts'), readName({ name: 'Harbour Check' }), readName([{}, { name: ['Island Ledger'] }]), readName(7)], ['Coast Facts', 'Harbour Check', 'Island Ledger', null]);
});

test('only absolute http(s) URLs are links; a bare host is a publisher site', () => {
  assert.deepEqual([readUrl('javascript:alert(1)'), readUrl('/checks/1'), readUrl('HTTPS://Checks.Example/a')], [null, null, 'https://checks.example/a']);
  assert.deepEqual([readSite('checks.example'), readSite('not a site')], ['https://checks.example/', null]);
});
