// Round 5 of issue 13: everyday sums and shares the earlier rounds missed. Shares that contradict their count, end
// states of one event, gapped scale words, answers that abstain, a back-reference total, shares as parts of a count;
// and look-alikes that must stay silent (overlapping groups, lists of two wholes, shares of different contests). Each
// text is written for this test; each class has several wordings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createQuantityAnnotator } from '../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { createNumericCheck } from './index.js';

const WARNINGS = new Set(['total-unsupported', 'percentage-over-100', 'range-inverted']);
const check = (text: string): Finding[] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator(), createNumericCheck()]).run(createDocument(text)).findings].filter((f) =>
    WARNINGS.has(f.rule),
  );
const brief = (text: string) => check(text).map((f) => [f.rule, text.slice(f.start, f.end)]);

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  // Shares that contradict their count: the finding spans the whole, the count and the share.
  ['a fronted whole and ", or P percent"', 'Of 400 staff, 120 are nurses, or 40 percent.', 'total-unsupported', '400 staff, 120 are nurses, or 40 percent'],
  ['"N of whom, or P percent"', 'The school has 250 pupils, 75 of whom, or 40 percent, qualify for free meals.', 'total-unsupported', '250 pupils, 75 of whom, or 40 percent'],
  ['a share in brackets after its count', 'Of the 800 households surveyed, 200 (35 percent) had no car.', 'total-unsupported', '800 households surveyed, 200 (35 percent'],
  ['"N of the W, or P percent"', 'Some 60 of the 150 delegates, or 55 percent, walked out.', 'total-unsupported', 'Some 60 of the 150 delegates, or 55 percent'],
  ['"N of them, or P%"', 'The plant employs 1,200 people, and 480 of them, or 30%, work nights.', 'total-unsupported', '1,200 people, and 480 of them, or 30%'],
  ['money and its share of a budget', 'Of the £90m budget, £30m, or 40 percent, goes to schools.', 'total-unsupported', '£90m budget, £30m, or 40 percent'],
  // End states of one event after a fronted whole.
  ['flights on time, delayed and cancelled', 'Of the 120 flights, 90 left on time, 30 were delayed and 10 were cancelled.', 'total-unsupported', '120'],
  ['trains on time, late and cancelled', 'Of the 60 trains, 45 ran on time, 12 ran late and 8 were cancelled.', 'total-unsupported', '60'],
  ['applications approved, refused and pending', 'Out of 200 applications, 150 were approved, 40 were refused and 20 are still pending.', 'total-unsupported', '200'],
  ['patients discharged, staying and dead', 'Of the 90 patients, 60 went home, 25 stayed in hospital and 10 died.', 'total-unsupported', '90'],
  // Scale words carried to bare parts.
  ['"includes" with the scale on the first part only', 'The 48 billion budget includes 21 billion for health, 15 for schools, 9 for roads and 5 for defence.', 'total-unsupported', '48 billion'],
  ['"£50m went to schools, 30 to hospitals"', 'Of the £90m raised, £50m went to schools, 30 to hospitals and 15 to roads.', 'total-unsupported', '£90m'],
  ['"breaks down into" with millions', 'Spending of 12 million euros breaks down into 7 million for wages, 4 for rent and 2 for fuel.', 'total-unsupported', '12 million euros'],
  ['a colon list of billions', 'The 6 billion package: 3.5 billion for farmers, 2 for fishermen and 1 for foresters.', 'total-unsupported', '6 billion'],
  // A next-sentence list whose later subjects the tagger reads as verbs ("combine").
  ['plants named before their tonnes', 'Factories produced 4.8 million tonnes of steel this year. The Kovel works contributed 2.1 million tonnes, the Stara Gora combine 1.7 million and the Dasny plant 1.4 million.', 'total-unsupported', '4.8 million tonnes'],
  // Poll answers with an abstention said at length.
  ['"said they did not mind"', 'Of the 900 replies, 52 percent opposed the plan, 35 percent backed it and 16 percent said they did not mind.', 'percentage-over-100', '52 percent opposed the plan, 35 percent backed it and 16 percent'],
  ['"said they did not care"', 'Of those asked, 48 percent favoured the bypass, 40 percent were against it and 14 percent said they did not care.', 'percentage-over-100', '48 percent favoured the bypass, 40 percent were against it and 14 percent'],
  // One contest named once: its shares still add up.
  ['one race named before its shares', 'In the mayoral race, 55 percent voted for Ortiz and 50 percent voted for Banks.', 'percentage-over-100', '55 percent voted for Ortiz and 50 percent'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  // Shares that agree with their count, or are no share of the count's whole.
  ['a share that agrees with its count', 'Of 400 staff, 120 are nurses, or 30 percent.'],
  ['a share within rounding of its count', 'Of 400 staff, 122 are nurses, or 30 percent.'],
  ['a bracketed share that agrees', 'Of the 800 households surveyed, 280 (35 percent) had no car.'],
  ['a change after the count', 'Of 400 staff, 120 are nurses, up 40 percent on last year.'],
  ['a share of another whole', 'Of the 400 staff, 120 are nurses, or 40 percent of the nursing workforce.'],
  ['a comparison after the share', 'The city has 2,000 homes and 500 shops, or 40 percent more than in 2010.'],
  ['a cut given as a share of its own whole', 'The firm cut 300 of its 2,000 jobs, or 15 percent.'],
  ['"fewer" after the share', 'The council received 400 complaints in 2023 and 120 this year, or 70 percent fewer.'],
  ['a money share that agrees', 'Of the £90m budget, £30m, or 33 percent, goes to schools.'],
  ['a share with no count before it', 'Turnout was 1,200, or 60 percent.'],
  ['a share and an unrelated count in two clauses', 'The firm employs 400 people. Sales rose 40 percent and 120 staff got a bonus.'],
  // End states below their whole, or states that may overlap.
  ['end states that stay below their whole', 'Of the 120 flights, 80 left on time, 30 were delayed and 10 were cancelled.'],
  ['end states that make up their whole', 'Of the 120 flights, 90 left on time, 20 were delayed and 10 were cancelled.'],
  ['acts that may overlap', 'Of the 70 suspects, 45 were released and 30 were charged.'],
  // Overlapping lists and lists of two wholes.
  ['women and nurses among staff', 'Of the 400 staff, 260 are women and 220 are nurses.'],
  ['nurses and night workers', 'The hospital has 300 staff: 200 are nurses and 150 work nights.'],
  ['children and the unvaccinated', 'Of the 50 victims, 30 were children and 28 were unvaccinated.'],
  ['members who live in town and own a car', 'The club has 500 members; 300 live in town and 350 own a car.'],
  ['patients described two ways', 'The ward had 80 patients, 60 of them elderly and 50 on oxygen.'],
  ['two wholes of two regions', 'The north has 400 schools and 90 hospitals; the south has 300 schools and 70 hospitals.'],
  ['residents of two towns and voters of a county', 'Lindor has 12,000 residents and Marn 9,000, while the county has 15,000 voters.'],
  // Scale words: parts below the whole, or a figure that is no part.
  ['billions that stay within the budget', 'The 48 billion budget includes 21 billion for health, 15 for schools, 9 for roads and 3 for defence.'],
  ['a count after a sum of money', 'The budget of 48 billion includes 21 billion for health, and 15 new schools will open.'],
  // Shares of different contests, places, rounds and ballot measures.
  ['two races in two sentences', 'In the mayoral race, 55 percent voted for Ortiz. In the council race, 60 percent voted for Banks.'],
  ['two rounds of one race', 'Ortiz won 55 percent in the first round and 60 percent in the run-off.'],
  ['two towns named before their shares', 'In Dunmore, 55 percent voted for Ortiz, while in Calder 60 percent voted for Banks.'],
  ['men and women', 'Some 55 percent of men voted for Ortiz and 60 percent of women voted for Banks.'],
  ['two contests named after their shares', '55 percent voted for Ortiz in the mayoral vote, and 60 percent voted for Banks in the referendum.'],
  ['two ballot measures', 'The bond measure passed with 55 percent and the school levy with 60 percent.'],
  ['two villages at two polls', 'At Hatton, 58 percent backed the merger; at Lowick, 61 percent backed it.'],
  // Abstentions: every share says it, so they answer several questions.
  ['two shares that each do not mind something', 'Some 52 percent said they did not mind the noise, and 60 percent said they did not mind the smell.'],
  ['an abstention that keeps the answers within 100', 'Of the 900 replies, 52 percent opposed the plan, 35 percent backed it and 12 percent said they did not mind.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}

test('the message of a share that contradicts its count shows the arithmetic', () => {
  const [finding] = check('Of 400 staff, 120 are nurses, or 40 percent.');
  assert.equal(finding?.message, 'Share mismatch: "120" of "400" is 30% (120 / 400), but it is given as "40 percent".');
});
