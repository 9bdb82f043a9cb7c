// Round 29 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a small first figure with a counted noun of its own among parts of other kinds is a part, not their count', () => {
  const text = 'The force recorded 372 violent crimes last year: 8 homicides, 36 rapes, 62 robberies and 266 assaults.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('8 homicides', '18 homicides')), [['total-unsupported', '372']]);
  // A count of the parts before them is still no part ("across three sites, with ...").
  assert.deepEqual(brief('The firm employs 650 staff across three sites, with 300 in Leeds, 200 in York and 150 in Hull.'), []);
});

test('after a semicolon a stated remainder closes the list only when its first part says "of them"', () => {
  const text = 'The pollster interviewed 1,150 adults; 940 of them named a party, 130 were undecided and the remaining 50 would not vote.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,150']]);
  assert.deepEqual(brief(text.replace('the remaining 50', 'the remaining 80')), []);
  // A figure that is itself the list's first member is no whole of the rest.
  assert.deepEqual(brief('The charity counted 1,980 households. Just over half of the households, 1,020, were housed locally; 590 had been placed in other boroughs and the remaining 370 outside London.'), []);
});

test('new arrivals are people, whom children, women and men part', () => {
  const text = 'The agency registered 38,400 new arrivals in April. Of these, 21,900 were children, 10,200 women and 8,100 men.';
  assert.deepEqual(brief(text), [['total-unsupported', '38,400']]);
  assert.deepEqual(brief(text.replace('8,100', '6,300')), []);
});
