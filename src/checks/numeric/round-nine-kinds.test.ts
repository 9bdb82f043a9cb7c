// Round 9 of issue 13 (the lead): counts said to be kinds of their whole after a copula ("Of them, 29 were men, 21 were
// women and 22 were children"), found by the phrasing matrix's category forms. Kinds that cannot overlap part the whole;
// traits that cut across kinds, or two kinds from different groups alone, stay breakdowns. Every text is written for this test.
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
