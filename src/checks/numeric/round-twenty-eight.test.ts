// Round 28 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a measure after a sum of money is no part of it ("besides 60 tonnes of rice")', () => {
  const text = 'The relief office has allocated Tk 2.4 crore, of which Tk 1.5 crore went on cash grants and Tk 90 lakh on roofing sheets, besides 80 tonnes of rice.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('Tk 90 lakh', 'Tk 1.1 crore')), [['total-unsupported', 'Tk 2.4 crore']]);
});

test('parts remarked to overlap ("with many doing both") part no whole', () => {
  const text = 'The charity has 1,250 volunteers. Of those volunteers, 780 help in the shops and 640 at events, with many doing both.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace(', with many doing both', '')), [['total-unsupported', '1,250']]);
});

test('"N of them" after a change takes the level reached, not the earlier one', () => {
  const text = 'Membership fell to 1,720 farms from 1,810, with 1,900 of them selling milk through the co-op.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,720']]);
  assert.deepEqual(brief(text.replace('1,900', '1,600')), []);
});

test('a share set against another by "compared with" is a rate of another whole', () => {
  const text = 'Otters were seen at 52 per cent of the rivers surveyed there, compared with 31 per cent in England and 24 per cent in Wales.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief('Otters were seen on 52 per cent of the rivers, 31 per cent of the lakes and 24 per cent of the canals.'), []);
  assert.deepEqual(brief('Of the rivers surveyed, 52 per cent had otters, 31 per cent had mink and 24 per cent had neither.').map(([rule]) => rule), ['percentage-over-100']);
});

test('a level a count falls "short of" is no whole of the parts after it', () => {
  const text = 'Passengers took 96.5 million trips last year, still short of the 104 million recorded in 2019. Buses carried 60.1 million of those trips, trams 30.2 million and ferries the other 6.2 million.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('6.2 million', '9.2 million')), [['total-unsupported', '96.5 million']]);
});
