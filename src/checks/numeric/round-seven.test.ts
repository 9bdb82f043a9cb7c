// Round 7 of issue 13 (t87-t92): sums and shares written as reporters write them that the earlier rules missed. A
// remainder named after its figures ("make up the rest"), the remainder of a split as "the other N cases", answers whose
// verb is left out after a colon ("612 chose parks, 389 bin collections"), a one-answer question asked before its shares,
// "Of them" after a sentence whose last figure sits in a phrase of place; and look-alikes that must stay silent (a
// list closed by "in all" that began in the sentence before, "Of the rest" after a count, a threshold "the 95 percent
// needed"). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['a remainder named after its figures, over two sentences', 'The county will spend £40 million on its roads next year.\n\nResurfacing takes £21 million and bridges £9 million. Lighting (£6 million) and signs (£2 million) make up the rest.', 'total-unsupported', '£40 million'],
  ['"account for the remainder" closing a list', 'The charity raised £900,000 last year. Shops brought in £500,000 and legacies £250,000. Events and raffles accounted for the remainder, £200,000 and £40,000.', 'total-unsupported', '£900,000'],
  ['"the other N" with a noun of its own closing a split', 'The outbreak has sickened 90 people, the agency said. Forty of them live in Marlow and 30 in Dunby, while 12 more were tourists. The other 14 cases are still under investigation.', 'total-unsupported', '90'],
  ['answers with the verb left out after a colon', 'Asked to name one favourite, 800 pupils answered: 420 chose football, 260 netball and 190 swimming.', 'total-unsupported', '800'],
  ['a one-answer question asked before shares with the verb left out', 'Asked for the main reason they moved, 46 percent said rent, 31 percent the schools, 20 percent work and 9 percent family.', 'percentage-over-100', '46 percent said rent, 31 percent the schools, 20 percent work and 9 percent'],
  ['"Of them" after a figure set in a place', 'The survey tracked 1,200 nurses at 40 hospitals. Of them, 700 worked in surgery, 350 in maternity and 260 in the emergency department.', 'total-unsupported', '1,200'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['a list closed by "in all" that began in the sentence before', 'Ruiz won 5,210 votes. Patel took 4,130, Okoro 1,020 and Lind 340 (10,700 votes in all).'],
  ['a remainder named after figures that make the total', 'The county will spend £40 million on its roads next year.\n\nResurfacing takes £21 million and bridges £9 million. Lighting (£8 million) and signs (£2 million) make up the rest.'],
  ['"Of the rest" after a count of a polled group', 'A poll of 30 landlords found that 22 plan to raise rents. Of the rest, five expect to hold them and three to cut.'],
  ['a rate measured against the threshold it needs', 'Uptake of the booster stands at 71 percent, well below the 90 percent needed to protect care homes.'],
  ['answers of a colon list that agree with their count', 'Asked to name one favourite, 800 pupils answered: 380 chose football, 240 netball and 180 swimming.'],
  ['"the other two" with no split before it', 'Police charged one man and the other two men were released on bail.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}
