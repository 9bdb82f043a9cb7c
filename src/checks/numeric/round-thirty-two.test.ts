// Round 32 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"N involving X" after a colon parts the total by what each part concerns', () => {
  const text = 'Police logged 180 complaints of fraud this year: 80 involving online shops, 62 involving bank transfers and 30 involving cheques.';
  assert.deepEqual(brief(text), [['total-unsupported', '180']]);
  assert.deepEqual(brief(text.replace('and 30', 'and 38')), []);
  // Parts that say nothing of what they concern are no breakdown.
  assert.deepEqual(brief('Police logged 180 complaints of fraud this year: 80 were closed, 62 are open and 30 went to court.'), []);
});

test('a share that has yet to make up its mind answers the same question as the shares beside it', () => {
  const text = 'The poll found that 51 per cent oppose the tower, 33 per cent are in favour and 24 per cent have yet to make up their minds.';
  assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']);
  assert.deepEqual(brief(text.replace('24 per cent', '16 per cent')), []);
  // Without an answer withheld, different verbs of having answer different questions.
  assert.deepEqual(brief('The poll found that 51 per cent own a car, 33 per cent have a bike and 24 per cent have yet to visit the site.'), []);
});

test('an ISO currency code in capitals makes an amount money; the same letters in lower case do not', () => {
  const text = 'The festival generated AED 142 million for the emirate. Hotels took AED 61 million, retail AED 40 million and transport AED 29 million, with the remaining AED 8 million from ticketing.';
  assert.deepEqual(brief(text), [['total-unsupported', 'AED 142 million']]);
  assert.deepEqual(brief(text.replace('AED 8 million', 'AED 12 million')), []);
});

test('a unit with its scale in its letters is read in the plain unit', () => {
  const text = 'The plant processed 1.2Mt of ore in the year: 700,000t from the pit, 350,000t from underground and the remaining 100,000t from stockpiles.';
  assert.deepEqual(brief(text), [['total-unsupported', '1.2Mt']]);
  assert.deepEqual(brief(text.replace('the remaining 100,000t', 'the remaining 150,000t')), []);
});

test('a list of three or more in the next sentence that starts "N of those ..." is all of the figure before it', () => {
  const text = 'The network carried 4.1 million passenger trips in May. Buses accounted for 2.3 million of those trips, trams for 1.4 million and ferries for 220,000.';
  assert.deepEqual(brief(text), [['total-unsupported', '4.1 million']]);
  assert.deepEqual(brief(text.replace('220,000', '400,000')), []);
  // Involvement is no composition: a crash may involve a lorry too.
  assert.deepEqual(brief('There were 96 crashes on the bypass. Cars were involved in 50 of them, vans in 25 and bicycles in 14.'), []);
  // Two parts may be the main ones only.
  assert.deepEqual(brief('The hall costs £210,000 a year to run. Staff account for £130,000 of that and heating for £52,000.'), []);
});
