// Round 9 of issue 13 (the lead), from the phrasing matrix: counts said to be kinds of their whole after a copula ("Of
// them, 29 were men, 21 were women and 22 were children"): kinds that cannot overlap part the whole; traits that cut
// across kinds, or two kinds from different groups alone, stay breakdowns. And parts told one sentence each ("Leeds had
// 29. York had 21 and Hull 14."): the first is one more part, not the whole of the next. Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string])[] = [
  ['men, women and children after "Of them" with the copula repeated', 'Sixty-four people were hurt in the crush. Of them, 29 were men, 21 were women and 22 were children.', 'total-unsupported'],
  ['kinds of vehicle after "Of those"', 'Thieves took 1,240 vehicles last year. Of those, 610 were cars, 380 were vans and 290 were motorcycles.', 'total-unsupported'],
  ['kinds of job after "Of the" whole', 'Of the 86 staff hired, 40 were nurses, 30 were doctors and 25 were porters.', 'total-unsupported'],
];

for (const [why, text, rule] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text).map((f) => f[0]), [rule]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['kinds that add up', 'Of the 86 staff hired, 40 were nurses, 30 were doctors and 16 were porters.'],
  ['a trait beside kinds of job: nurses may be women', 'Of the 86 staff hired, 40 were nurses, 30 were women and 25 were porters.'],
  ['two traits from different groups: women may be pensioners', 'Of the 90 volunteers, 50 were women and 45 were pensioners.'],
  ['women and children alone: a girl is both', 'Of the 60 people rescued, 35 were women and 30 were children.'],
  ['descriptions that are not nouns', 'Of the 70 patients, 40 were elderly and 38 were vaccinated.'],
  ['a kind followed by more words about it', 'Of the 86 staff hired, 40 were nurses from abroad, 30 were doctors and 25 were porters.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}

const SIBLINGS_SILENT: readonly (readonly [string, string])[] = [
  ['a name holding its figure through the verb of the next sentence\'s list', 'Leeds had 29. York had 21 and Hull 14.'],
  ['the same after a total of their own that they make up', 'Police made 64 arrests last year. Leeds had 29. York had 21, and Hull 14.'],
  ['bare figures of places after a determiner, the tagger reading them as adverbs', 'Doctors recorded 1,240 cases last year. The north had 610. The south had 380, and the east 250.'],
];

for (const [why, text] of SIBLINGS_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}

test('a whole with its own counted noun still holds the list of the next sentence through the same verb', () => {
  assert.deepEqual(brief('The county had 1,240 cases. The north had 610, the south 380 and the east 290.').map((f) => f[0]), ['total-unsupported']);
});
