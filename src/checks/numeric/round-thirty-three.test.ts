// Round 33 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a list after a partitive in its sentence parts the figure said to be of the whole, not the whole', () => {
  const text = 'Records show that 48,200 of the county\'s 51,900 pupils sat the test by May: 20,100 in the first year, 17,600 in the second and the remaining 10,500 in the third.';
  assert.deepEqual(brief(text), []);
  assert.deepEqual(brief(text.replace('the remaining 10,500', 'the remaining 9,500')), [['total-unsupported', '48,200']]);
  // A list in a later sentence may part the whole again (300 + 140 + 80 = 520, not the 410 sold).
  assert.deepEqual(brief('The developer sold 410 of the 520 flats it offered. The batch was made up of 300 studio flats, 140 family flats and 80 larger ones.'), []);
});

test('a figure a negated verb of going beyond sets is a limit, no whole of the parts after it', () => {
  const text = 'The catch was set at 9,200 tonnes, below the scientists\' advice that landings should not exceed 9,600 tonnes. It is allocated as follows: 5,100 tonnes to trawlers, 3,000 tonnes to longliners and the remaining 1,100 tonnes to the reserve.';
  assert.deepEqual(brief(text), []);
  // Without the negation the figure is a level the parts may be read against.
  const level = 'Landings were expected to exceed 9,600 tonnes. They were allocated as follows: 5,100 tonnes to trawlers, 3,000 tonnes to longliners and the remaining 1,100 tonnes to the reserve.';
  assert.deepEqual(brief(level), [['total-unsupported', '9,600 tonnes']]);
});

test('"fell from an average of X to Y" is a change, not a range written the wrong way round', () => {
  assert.deepEqual(brief('Fertiliser use fell from an average of 182kg to 74kg per hectare.'), []);
  assert.deepEqual(brief('Fertiliser use on the plots ranged widely, an average of 182kg to 74kg per hectare.').map(([rule]) => rule), ['range-inverted']);
});

test('parts counted by kinds of crime, or as cases of one, are parts of a total of crimes', () => {
  const text = 'Police recorded 150 property crimes this year. Burglaries made up the bulk at 70, followed by 40 cases of car crime and 25 thefts of bicycles. The remaining 20 involved shops.';
  assert.deepEqual(brief(text), [['total-unsupported', '150']]);
  assert.deepEqual(brief(text.replace('The remaining 20', 'The remaining 15')), []);
  // Arrests are no kind of crime.
  assert.deepEqual(brief('Police recorded 150 property crimes this year. Officers made 70 arrests, followed by 40 cautions and 25 fines. The remaining 20 cases are open.'), []);
});
