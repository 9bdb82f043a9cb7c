// Round 27 of issue 13 (the lead, on the tune half). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a list closed by its stated remainder after "of which" must make its whole; an unstated rest may fall short', () => {
  const text = 'The depot handled 7,420 parcels last week, of which 5,100 went by van and the remaining 2,150 by bicycle.';
  assert.deepEqual(brief(text), [['total-unsupported', '7,420']]);
  assert.deepEqual(brief(text.replace('2,150', '2,320')), []);
  // Only a rest left unstated leaves the list open.
  assert.deepEqual(brief('The depot handled 7,420 parcels last week, of which 5,100 went by van and 2,150 by bicycle; the rest were collected.'), []);
});

test('time a tally adds up is summed like a count; a span of one event is not', () => {
  const text = 'Paramedics spent a total of 4,800 hours waiting outside hospitals: 2,100 hours at the General, 1,500 at St Anne\'s and 900 at the Infirmary.';
  assert.deepEqual(brief(text), [['total-unsupported', '4,800 hours']]);
  assert.deepEqual(brief(text.replace('900', '1,200')), []);
  // Days on which different things happened may overlap.
  assert.deepEqual(brief('The inquiry sat for 140 days in 2024; witnesses gave evidence on 95 days and the panel visited sites on 60 days.'), []);
});

test('a results line labelled "Total valid votes:" is the sum of the votes before it; an electorate is not', () => {
  const text = 'Okafor held the ward with 2,104 votes, ahead of the Liberals on 1,377, Labour on 812 and the Greens on 296. Total valid votes: 4,689.';
  assert.deepEqual(brief(text), [['total-unsupported', '4,689']]);
  assert.deepEqual(brief(text.replace('4,689', '4,589')), []);
  assert.deepEqual(brief(text.replace('Total valid votes: 4,689', 'Electorate: 9,689')), []);
});

test('shares each given one grade of a rating scale part one whole; shares of different questions do not', () => {
  const text = 'Inspectors rated the county roads 11% very poor, 19% poor, 33% fair, 29% good and 12% excellent.';
  assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']);
  assert.deepEqual(brief(text.replace('12% excellent', '8% excellent')), []);
  assert.deepEqual(brief('Of the drivers asked, 61% said the roads were poor and 48% said the buses were good.'), []);
});

test('the earlier level of a change is no part of a sum the learned model reads', () => {
  const text = 'Wolf attacks on livestock rose to 280 from 226. In 51 of them the animals were behind fences. The state is home to 38 packs, 5 pairs and 2 lone wolves.';
  assert.deepEqual(brief(text), []);
});

test('a place and its figure after "N of the cases and" go on the list of counts', () => {
  const text = 'An outbreak in Marlowe has reached 188 confirmed cases. Eastfield has recorded 81 of the cases and Ashgrove 55. Hollins accounts for 38, with the remaining 21 spread across the county.';
  assert.deepEqual(brief(text), [['total-unsupported', '188']]);
  assert.deepEqual(brief(text.replace('the remaining 21', 'the remaining 14')), []);
});

test('a list that names its whole by the noun of a figure two sentences back holds that figure’s parts', () => {
  const text = 'The blizzard grounded 940 flights and left 52,000 passengers stranded. Arnby accounted for 520 of the cancellations, Colt 300 and Wenlow the remaining 120. Of the stranded passengers, 31,000 were in Arnby, 16,000 in Colt and 9,000 in Wenlow.';
  assert.deepEqual(brief(text), [['total-unsupported', '52,000']]);
  assert.deepEqual(brief(text.replace('9,000', '5,000')), []);
  // A sentence between that counts the same noun holds the list instead.
  assert.deepEqual(brief('The blizzard left 52,000 passengers stranded. By evening 60,000 passengers were waiting. Of the stranded passengers, 31,000 were in Arnby and 16,000 in Colt.').filter(([, at]) => at === '52,000'), []);
});
