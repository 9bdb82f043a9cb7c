// A reporting clause set off by commas inside a list ("..., a spokesman said, and ..."; list-ends.ts). Every text is
// written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a reporting aside inside a list that a total cue closes leaves the figures after it in the list', () => {
  const text = 'The ambulance service answered 1,420 calls on Saturday and 1,310 on Sunday, a spokesman said, and another 1,580 on Monday, 4,170 calls in all.';
  assert.deepEqual(brief(text), [['total-unsupported', '4,170']]);
  assert.deepEqual(brief(text.replace('4,170', '4,310')), []);
  const told = 'Crews cleared 212 tonnes of debris in Arnby and 145 in Colt, the council told residents, and 96 in Dunmere, 420 tonnes in total.';
  assert.deepEqual(brief(told), [['total-unsupported', '420 tonnes']]);
  assert.deepEqual(brief(told.replace('420 tonnes', '453 tonnes')), []);
});

test('a reporting aside still ends a list that no total cue closes', () => {
  assert.deepEqual(brief('Twelve people were hurt in the crash, the trust said, and three of them died.'), []);
});
