// Round 35 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a later figure said to be "of the" something named is a part of a part, not one more part', () => {
  const text = 'There were 142 assaults, 97 on prisoners and 45 on staff, and 31 of the assaults on prisoners were serious.';
  assert.deepEqual(brief(text), []);
  // Without the partitive the figure is one more part.
  assert.deepEqual(brief('There were 142 assaults, 97 on prisoners, 45 on staff and 31 on visitors.').map(([rule]) => rule), ['total-unsupported']);
});

test('a measure inside a part\'s words is no part of a list of counts, and a count with its own verb does not take its unit', () => {
  const text = 'Teams counted 1,960 crabs. Of those, 1,120 were above the minimum size of 9cm, 690 were juveniles and the remaining 210 escaped.';
  assert.deepEqual(brief(text), [['total-unsupported', '1,960']]);
  assert.deepEqual(brief(text.replace('the remaining 210', 'the remaining 150')), []);
});

test('cubic metres in words and as m³ are one unit', () => {
  const text = 'The harvest reached 3.1 million cubic metres: 1.5 million m³ of sawlogs, 1.1 million m³ of pulpwood and the remaining 0.6 million m³ of energy wood.';
  assert.deepEqual(brief(text), [['total-unsupported', '3.1 million cubic metres']]);
  assert.deepEqual(brief(text.replace('0.6 million', '0.5 million')), []);
});

test('"N of these incidents involved X, and M took place on Y" says two things of overlapping incidents', () => {
  assert.deepEqual(brief('Force was used 211 times; 120 of these incidents involved new arrivals, and 134 took place on the remand wings.'), []);
  // Places of one whole part it.
  assert.deepEqual(brief('Police made 211 arrests; 120 of these were in the city and 134 in the suburbs.').map(([rule]) => rule), ['total-unsupported']);
});
