// Round 8 of issue 13 (t105-t110): totals and parts as news writes them over several short sentences. Parts each in a
// sentence of their own with the noun left out after the first ("The east ward had 96 cases. The west ward had 41."),
// closed by a total cue that marks its figure ("That made 180 in all"); sums of money whose later parts drop the
// currency ("brought in 87 million"); and a figure within an amount ("£3 million, of which £400,000 ...") that is
// neither a separate part of a total nor the whole of the list in the next sentence; shares of a whole named first
// said to be stages of life or sexes ("58 percent were juveniles and 49 percent adults"). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['bare parts in short sentences closed by "in all"', 'The east ward had 96 reported burglaries. The west ward had 41. The harbour had 23. That made 170 in all, against 150 a year earlier.', 'total-unsupported', '170'],
  ['money parts that drop the currency, total at the end', 'The museum sold tickets worth 14 million euros. The shop brought in 3 million and the café added 2 million. Income came to 21 million euros in all.', 'total-unsupported', '21 million euros'],
  ['a nested figure left out of the parts', 'The zoo spent £5 million on its animals, of which £2 million went on food. Buildings took £3 million. Spending reached £10 million altogether.', 'total-unsupported', '£10 million'],
  ['shares said to be stages of life, the copula left out', 'Of the 900 seals tagged on the island, 62 percent were adults and 45 percent juveniles.', 'percentage-over-100', '62 percent were adults and 45 percent'],
  ['shares said to be sexes, the copula repeated', 'Among the 1,300 runners who finished, 58 percent were men and 47 percent were women.', 'percentage-over-100', '58 percent were men and 47 percent'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['bare parts that make their total', 'The east ward had 96 reported burglaries. The west ward had 41. The harbour had 23. That made 160 in all, against 150 a year earlier.'],
  ['money parts that make their total', 'The museum sold tickets worth 14 million euros. The shop brought in 3 million and the café added 2 million. Income came to 19 million euros in all.'],
  ['a nested figure counted inside its whole', 'The zoo spent £5 million on its animals, of which £2 million went on food. Buildings took £3 million. Spending reached £8 million altogether.'],
  ['a figure within an amount before a list in the next sentence', 'Repairs take £3 million, of which £400,000 is for the pier. Lighting gets £1.2 million and signs £500,000.'],
  ['changes beside a total cue are no parts of it', 'Costs rose by £12 million for the track and by £8 million for the depot, £20 million in all, against a budget of £150 million.'],
  ['a plain number after a sum of money is no money', 'The club made a profit of £2 million. It had 400 members. Its teams won 12 games and lost 9, 21 in all.'],
  ['shares said to be kinds of different groups, which may overlap', 'Of the 1,300 runners who finished, 58 percent were women and 47 percent were children.'],
  ['shares said to be kinds with no whole named', 'In the north 58 percent were adults, and in the south 49 percent juveniles.'],
  ['stages of life that make up their whole', 'Of the 900 seals tagged on the island, 62 percent were adults and 38 percent juveniles.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}
