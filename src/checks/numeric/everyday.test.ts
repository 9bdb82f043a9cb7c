// Round 5 of issue 13: everyday sums and shares the earlier rounds missed. Shares that contradict their count, end
// states of one event, gapped scale words, answers that abstain or say how often, a back-reference total ("That is
// 1,000 repairs"), a cued total with its parts later in the sentence, shares as parts of a count;
// and look-alikes that must stay silent (overlapping groups, lists of two wholes, shares of different contests). Each
// text is written for this test; each class has several wordings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  // Shares that contradict their count: the finding spans the whole, the count and the share.
  ['a fronted whole and ", or P percent"', 'Of 400 staff, 120 are nurses, or 40 percent.', 'total-unsupported', '400 staff, 120 are nurses, or 40 percent'],
  ['"N of whom, or P percent"', 'The school has 250 pupils, 75 of whom, or 40 percent, qualify for free meals.', 'total-unsupported', '250 pupils, 75 of whom, or 40 percent'],
  ['a share in brackets after its count', 'Of the 800 households surveyed, 200 (35 percent) had no car.', 'total-unsupported', '800 households surveyed, 200 (35 percent'],
  ['"N of the W, or P percent"', 'Some 60 of the 150 delegates, or 55 percent, walked out.', 'total-unsupported', 'Some 60 of the 150 delegates, or 55 percent'],
  ['"N of them, or P%"', 'The plant employs 1,200 people, and 480 of them, or 30%, work nights.', 'total-unsupported', '1,200 people, and 480 of them, or 30%'],
  ['"Of these, N, or P percent" after the whole', 'The survey reached 1,500 people. Of these, 600, or 50 percent, backed the plan.', 'total-unsupported', '1,500 people. Of these, 600, or 50 percent'],
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
  ['places of one whole named first', 'Of those, 46 percent live in the city and 60 percent in the suburbs.', 'percentage-over-100', '46 percent live in the city and 60 percent'],
  ['two winners in one town', 'Ortiz won 55 percent of the vote in Dunmore and Banks won 50 percent.', 'percentage-over-100', '55 percent of the vote in Dunmore and Banks won 50 percent'],
  ['one office named for the first share only', 'Some 55 percent voted for Ortiz for mayor and 50 percent voted for Banks.', 'percentage-over-100', 'Some 55 percent voted for Ortiz for mayor and 50 percent'],
  ['one race named before its shares', 'In the mayoral race, 55 percent voted for Ortiz and 50 percent voted for Banks.', 'percentage-over-100', '55 percent voted for Ortiz and 50 percent'],
  // How often: one answer each.
  ['daily, weekly and never', 'The survey found 47 percent of drivers use the ring road daily, 38 percent use it weekly and 19 percent never use it.', 'percentage-over-100', '47 percent of drivers use the ring road daily, 38 percent use it weekly and 19 percent'],
  // A sentence that sums the list before it.
  ['"That is" after monthly repairs', 'Crews repaired 410 street lights in May, 380 in June and 300 in July. That is 1,000 repairs this summer.', 'total-unsupported', '1,000'],
  ['"That makes" after weekly parcels', 'The food bank handed out 2,100 parcels in the first week, 1,900 in the second and 1,700 in the third. That makes 5,200 parcels.', 'total-unsupported', '5,200'],
  ['"That\'s" after places', "Volunteers planted 600 oaks on the ridge, 450 along the river and 300 in the park. That's 1,500 trees.", 'total-unsupported', '1,500'],
  // A cued total with its parts later in the sentence, each given a recipient or purpose.
  ['"a total of" then "with ... from"', 'The appeal raised a total of £64,000, with £30,000 coming from the fun run, £22,000 from the gala and £17,000 from online giving.', 'total-unsupported', '£64,000'],
  ['"a total of" then "spent ... on"', 'The trust received a total of £2.5 million last year and spent £1.2 million on wards, £900,000 on equipment and £600,000 on staff.', 'total-unsupported', '£2.5 million'],
  ['"in all" with "including" kinds', 'Police seized 90 kilograms of drugs in all, including 50 kilograms of cannabis and 45 kilograms of cocaine.', 'total-unsupported', '90 kilograms'],
  // A share that closes a list of counts counts as that share of the total.
  ['a share after two counts in a colon list', 'The 2,000 seats were sold out: 900 went to members, 700 to schools and 25 percent to the public.', 'total-unsupported', '2,000'],
  ['a share after two counts of a fronted whole', 'Of the 600 jobs cut, 250 were in Leeds, 200 in York and 40 percent in Hull.', 'total-unsupported', '600'],
  // Bare counts and a next-sentence list whose subjects the tagger reads as adverbs ("the south").
  ['a bare total and bare parts by region', 'Cases rose to 1,240 last year. The north had 610, the south 380 and the east 290.', 'total-unsupported', '1,240'],
  ['"break down as"', 'The 700 jobs break down as 400 in the plant, 200 in the office and 150 in sales.', 'total-unsupported', '700'],
  // A count of the list's items before the colon is no total; the figure before it is.
  ['one verb and places', 'The firm has 900 staff: 600 work in Leeds and 350 work in York.', 'total-unsupported', '900'],
  ['"in three waves:"', 'The 1,200 jobs will go in three waves: 500 this year, 400 next year and 400 in 2027.', 'total-unsupported', '1,200'],
  ['"in two phases:"', 'The 900 homes will be built in two phases: 500 by 2026 and 450 by 2029.', 'total-unsupported', '900'],
  // Stances in the passive, a "no" that leaves its verb out, and both sides of one vote.
  ['"backed by" and "opposed by"', 'The plan was backed by 58 percent of residents and opposed by 47 percent.', 'percentage-over-100', '58 percent of residents and opposed by 47 percent'],
  ['"want ... while ... do not"', 'Among parents, 62 percent want longer school days while 45 percent do not.', 'percentage-over-100', '62 percent want longer school days while 45 percent'],
  ['"approved by A percent to B percent"', 'Voters approved the plan by 61 percent to 42 percent.', 'percentage-over-100', '61 percent to 42 percent'],
  ['"rejected by A percent to B percent"', 'The council rejected the scheme by 52 percent to 51 percent.', 'percentage-over-100', '52 percent to 51 percent'],
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
  ['"Of these, N, or P percent" that agrees', 'The survey reached 1,500 people. Of these, 600, or 40 percent, backed the plan.'],
  ['a share of a count the sentence before does not hold', 'The firm employs 2,300 people. It plans to hire 400 more, or 17 percent, by 2026.'],
  ['a quarter in words', 'The school has 600 pupils, 150 of whom, or a quarter, speak a second language.'],
  ['a share that agrees with "of whom"', 'The town has 12,000 residents and 3,000 of them, or 25 percent, are over 65.'],
  ['a share of women that agrees', 'Of the 120 staff, 70 are women, or 58 percent.'],
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
  ['nurses by shifts read as nouns', 'The hospital has 400 beds and 300 nurses: 120 work nights and 90 work weekends.'],
  ['two questions, each with its own verb and preposition', 'A total of 300 people attended. Some 200 came by bus and 150 stayed for dinner.'],
  ['two wholes of two regions', 'The north has 400 schools and 90 hospitals; the south has 300 schools and 70 hospitals.'],
  ['residents of two towns and voters of a county', 'Lindor has 12,000 residents and Marn 9,000, while the county has 15,000 voters.'],
  ['a figure set in a place of its own before a comma list', 'Volunteers planted 600 oaks on the ridge, 450 along the river and 300 in the park.'],
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
  ['two rounds in two sentences', 'In the first round, Ortiz took 55 percent. In the runoff, Banks got 60 percent.'],
  ['two years after the shares', '55 percent voted for Ortiz in 2019, while 60 percent voted for Banks in 2023.'],
  ['two regions after semicolons', 'In the north, 55 percent voted for the measure; in the south, 60 percent voted against it.'],
  ['a share of a whole stated for the second only', 'In the Senate race, 55 percent voted for Ortiz, while 60 percent of the same voters backed Proposition 4.'],
  ['two offices', 'Some 55 percent voted for Ortiz for mayor and 60 percent voted for Banks for governor.'],
  ['two winners in two towns', 'Ortiz won 55 percent of the vote in Dunmore and Banks won 60 percent in Calder.'],
  ['one winner in two towns', 'Ortiz won 55 percent of the vote in Dunmore and 60 percent of the vote in Calder.'],
  // Abstentions: every share says it, so they answer several questions.
  ['two shares that each do not mind something', 'Some 52 percent said they did not mind the noise, and 60 percent said they did not mind the smell.'],
  ['an abstention that keeps the answers within 100', 'Of the 900 replies, 52 percent opposed the plan, 35 percent backed it and 12 percent said they did not mind.'],
  ['how often, within 100', 'The survey found 47 percent of drivers use the ring road daily, 33 percent use it weekly and 19 percent never use it.'],
  // Back-references that are no sum of the list before.
  ['"That is" and a difference', 'Crews repaired 410 street lights in May, 380 in June and 300 in July. That is 90 more than last summer.'],
  ['"That is" and the right sum', 'Crews repaired 410 street lights in May, 380 in June and 300 in July. That is 1,090 repairs this summer.'],
  ['"That is" and a share', 'Crews repaired 410 street lights in May and 380 in June. That is 12 percent of all the lights in town.'],
  ['"That is" and a rate over a week', 'The bakery sells 400 loaves a day. That is 2,800 a week.'],
  ['"That is" and a ratio', 'The school has 300 pupils and 25 teachers. That is 12 pupils per teacher.'],
  ['"That is" and a rate after a list', 'The firm sold 400 cars in May, 300 in June and 200 in July. That is 3,600 a year at this pace.'],
  ['"That is" and a rate with its noun', 'The firm sold 400 cars in May, 300 in June and 200 in July. That is 300 cars a month.'],
  // Cued totals and figures later in the sentence that are not their parts.
  ['parts that stay within a cued total', 'The trust received a total of £2.5 million last year and spent £1.2 million on wards, £700,000 on equipment and £500,000 on staff.'],
  ['sums added on top of a total', 'A total of £2.5 million was raised, and the council added £1.2 million and the state £1.5 million.'],
  ['a clause set in another year', 'The fund paid out a total of £4 million in 2023; in 2024 it paid £2.5 million to farmers and £2 million to fishermen.'],
  ['a clause set in another year, no cue', 'The fund paid out £4 million in 2023; in 2024 it paid £2.5 million to farmers and £2 million to fishermen.'],
  ['durations after a count', 'A total of 120 people were hurt, and rescuers worked for 30 hours and 45 minutes.'],
  // Shares after counts that are no part of them.
  ['a share part within the total', 'Of the 600 jobs cut, 250 were in Leeds, 200 in York and 25 percent in Hull.'],
  ['a share of another whole after the list', "Of the 600 jobs cut, 250 were in Leeds and 200 in York, and 40 percent of Hull's staff went too."],
  ['a change after the list', 'Of the 600 jobs cut, 250 were in Leeds, 200 in York and unemployment rose 40 percent.'],
  // Bare counts: parts within the total, and a measure that is no count.
  ['bare parts within a bare total', 'Cases rose to 1,240 last year. The north had 610, the south 380 and the east 190.'],
  // Kinds mixed with traits that cut across them, passive stances of two groups, changes written "by A to B".
  ['jobs mixed with sex and hours', 'The hospital employs 3,400 people, including 1,900 nurses, 900 women and 700 part-timers.'],
  ['"backed by" two groups', 'The plan was backed by 58 percent of residents and by 47 percent of business owners.'],
  ['two groups with "among", one answer "do"', 'Among parents, 62 percent want longer school days; among teachers, 45 percent do.'],
  ['a vote within 100', 'Voters approved the plan by 61 percent to 39 percent.'],
  ['a change "by A to B"', 'Prices rose by 5 percent to 42 percent of income.'],
  ['a fall "by A to B"', 'The share of renters fell by 12 percent to 90 percent.'],
  ['a loose share in words', 'Of 90 staff, 40 are nurses, or one in three.'],
  ['a magnitude before bare counts', 'Aftershocks followed, the strongest of magnitude 4.8.\n\nOf the dead, 15 were in Brevna and 8 in nearby villages.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}

test('the message of a share that contradicts its count shows the arithmetic', () => {
  const [finding] = check('Of 400 staff, 120 are nurses, or 40 percent.');
  assert.equal(finding?.message, 'Share mismatch: "120" of "400" is 30% (120 / 400), but it is given as "40 percent".');
});
