// The fifty-third round: readings of everyday phrasings the numeric probe (bench/quality/numeric-probe.ts) found
// missed, each general to its form. Every text is written for this test (none is a probe item).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('parts written in words open a list after a comma as parts in digits do', () => {
  const text = 'Nine ferries were cancelled, six at Oban and five at Mallaig.';
  assert.deepEqual(brief(text), [['total-unsupported', 'Nine']]);
  assert.deepEqual(brief(text.replace('five at', 'three at')), []);
  assert.deepEqual(brief('Eleven pupils were sent home, seven in Dunmore and six in Kilbride.'), [['total-unsupported', 'Eleven']]);
});

test('the level a change started from is no whole of the list after it; the level it reached is', () => {
  const text = 'Exports rose to 4.2 million tonnes, up from 3.9 million tonnes, with 2.5 million tonnes to Europe and 1.7 million tonnes to Asia.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('1.7 million tonnes to', '1.9 million tonnes to')), [['total-unsupported', '4.2 million tonnes']]);
  assert.deepEqual(brief('Bookings climbed to 5,400, from 4,100, with 3,000 in Leeds and 2,400 in York.'), []);
});

test('names given bare figures after a count whose noun is qualified are parts of a total the next sentence closes', () => {
  const text = 'Dunmore logged 64 minor crashes, Kilbride 41 and Oban 12. In all, 112 minor crashes were recorded.';
  assert.deepEqual(brief(text), [['total-unsupported', '112']]);
  assert.deepEqual(brief(text.replace('112 minor', '117 minor')), []);
});

test('a stage of life is one more age band of a list, and parts the group only when no two bands overlap', () => {
  const text = 'The clinic vaccinated 640 people in May, of whom 212 were over 65, 301 were aged 18 to 65 and 148 were children.';
  assert.deepEqual(brief(text), [['total-unsupported', '640']]);
  assert.deepEqual(brief(text.replace('148 were', '127 were')), []);
  // Adults overlap the over-65s: two breakdowns of one group, nothing said.
  assert.deepEqual(brief('The clinic vaccinated 640 people in May, of whom 212 were over 65, 301 were adults and 148 were children.'), []);
});
