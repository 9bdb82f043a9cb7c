// Round 21 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a bare "93m" beside sums of money in millions is millions; a length stays a length', () => {
  const text = 'Revenue rose to £540m. Fares brought in £301m, freight £176m and catering a further 83m.';
  assert.deepEqual(brief(text), [['total-unsupported', '£540m']]);
  assert.deepEqual(brief(text.replace('83m', '63m')), []);
});

test('the figure a count is "double" is its baseline, no whole of the parts after it', () => {
  const text = 'Dog attacks hit a record 244 last year, nearly double the 130 logged in 2022.\n\nThe calls were split between two agencies. Deputies handled 151 of them, while animal control took the other 103.';
  assert.deepEqual(brief(text), [['total-unsupported', '244']]);
  assert.deepEqual(brief(text.replace('103', '93')), []);
});

test('a hyphenated participle in a subject ("phishing-led takeovers") still takes a share of the same whole', () => {
  const text = 'The office counted 152 attacks. It found ransomware accounted for 46 percent of them, phishing-led takeovers for 39 percent and denial-of-service attacks for 19 percent.';
  assert.deepEqual(brief(text), [['percentage-over-100', '46 percent of them, phishing-led takeovers for 39 percent and denial-of-service attacks for 19 percent']]);
  assert.deepEqual(brief(text.replace('19 percent', '15 percent')), []);
});
