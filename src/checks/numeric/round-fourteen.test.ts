// Round 14 of issue 13 (the lead), from sixteen articles written apart from the tool (t225–t240). Every text here is
// written for this test; each rule has a contrast that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a change in the sentence before takes no part in the shares of the next', () => {
  const text = 'The mill bought 48,000 tonnes of barley this year, down 7 percent from last year. Maltsters said so in a statement. Of that barley, 61 percent was graded for malting, 32 percent for feed and 11 percent was rejected.';
  assert.deepEqual(brief(text), [['percentage-over-100', '61 percent was graded for malting, 32 percent for feed and 11 percent']]);
  assert.deepEqual(brief(text.replace('11 percent was rejected', '7 percent was rejected')), []);
});

test('a total whose own sentence gives parts after it that make it is not judged against the figures before it', () => {
  const text = 'Operating profit rose to £31.4m. The chairman said the drought had cost a typical farm about £19,000. He added that a new cheese plant would cost £44m in all, to be paid for with £10m of reserves, a £30m loan and a £4m grant.';
  assert.deepEqual(brief(text), []);
  // Figures after it that do not make it leave the parts before it to judge it.
  assert.deepEqual(brief('The council spent £12m on roads and £9m on schools, £23m in all, with £3m and £2m more to come next year.'), [['total-unsupported', '£23m']]);
});

test('shares before ", while" are judged on their own when the shares after it belong to another breakdown', () => {
  const text = 'Officers arrested 212 people during the campaign. Men made up 83% of those arrested and women 21%, while people under 25 accounted for roughly a quarter.';
  assert.deepEqual(brief(text), [['percentage-over-100', '83% of those arrested and women 21%']]);
  assert.deepEqual(brief(text.replace('women 21%', 'women 17%')), []);
});

test('a hospital\'s attendances are the patients it saw', () => {
  const text = 'The county\'s three emergency departments saw 48,210 patients over the winter. Northgate handled 26,400 of the attendances, Elmford 15,930 and the walk-in centre at Ravensby 6,780.';
  assert.deepEqual(brief(text), [['total-unsupported', '48,210']]);
  assert.deepEqual(brief(text.replace('48,210', '49,110')), []);
});

test('"The N people killed were a, b and c" says what the total is made of', () => {
  const text = 'The 58 people killed in the landslide on Tuesday were 27 men, 19 women and 16 children.';
  assert.deepEqual(brief(text), [['total-unsupported', '58']]);
  assert.deepEqual(brief(text.replace('16 children', '12 children')), []);
  // A copula followed by one amount only describes the total.
  assert.deepEqual(brief('The 40 nurses were 12 hours into their shift when the alarm sounded.'), []);
  // Amounts after the copula that measure the things counted are no parts of their count.
  assert.deepEqual(brief('The three ferries were 20, 31 and 46 years old when the council sold them.'), []);
});

test('parts before "accounted for the N" sum to that whole', () => {
  const text = 'Thornby (1,300), Colt (900) and Wenlow (600) accounted for the 2,400 homes left without power.';
  assert.deepEqual(brief(text), [['total-unsupported', '2,400']]);
  assert.deepEqual(brief(text.replace('(600)', '(200)')), []);
  // A part that accounts for another, smaller figure after the parts before it is no total of them.
  assert.deepEqual(brief('Thornby lost 1,300 homes and Colt 900, and Wenlow accounted for the 600 still without power.'), []);
});

test('an -ing form that opens one of the subjects taking shares is its noun', () => {
  const text = 'Cars accounted for 61% of trips into the town, buses for 23%, bikes for 9% and walking for 12%.';
  assert.deepEqual(brief(text), [['percentage-over-100', '61% of trips into the town, buses for 23%, bikes for 9% and walking for 12%']]);
  assert.deepEqual(brief(text.replace('12%', '7%')), []);
});

test('standings of a poll run on from one contender in a sentence to the others in the next', () => {
  const text = 'The latest poll put the Civic List on 39 per cent. Labour was on 35 per cent, the Greens on 17 per cent and the Farmers\' Party on 13 per cent.';
  assert.deepEqual(brief(text), [['percentage-over-100', '39 per cent. Labour was on 35 per cent, the Greens on 17 per cent and the Farmers\' Party on 13 per cent']]);
  assert.deepEqual(brief(text.replace('13 per cent', '9 per cent')), []);
  // Standings set in other places are of other wholes.
  assert.deepEqual(brief('The Civic List is on 41 per cent in the north. In the south it is on 38 per cent and the Greens on 30 per cent.'), []);
});
