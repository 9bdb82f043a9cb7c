// Round 6 of issue 13: parts that run over two or three sentences ("7,900 of them. ... a further 5,200, and ... the
// remaining 6,100"), parts as ranges, shares as a prose table or in words; and look-alikes that must stay silent
// (counts of people and of events, periods of their own, sums that agree). Each text is written for this test; each
// class has several wordings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, check } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  // Parts over several sentences, tied by "of them", "a further", "another", "the remaining", "the rest", "the other".
  ['"of them", then "a further" and "the remaining"', 'The port handled 9,600 containers in March. Rotterdam-bound ships took 4,100 of them. Local lines carried a further 3,300, and feeder vessels the remaining 2,800.', 'total-unsupported', '9,600'],
  ['"another" and "the rest, N"', 'The new library will cost £14 million. The lottery fund is paying £6 million. The county adds another £5 million, and the rest, £4 million, comes from donors.', 'total-unsupported', '£14 million'],
  ['"of the <noun>", then "The remainder, N"', 'Firefighters attended 1,210 call-outs last year. Kitchens accounted for 640 of the fires. The remainder, 690, started elsewhere in the home.', 'total-unsupported', '1,210'],
  ['a fronted whole, then "The other N"', 'A storm damaged 212 homes and 40 shops in Arnby. Of the homes, 120 were unroofed and 60 were flooded. The other 35 had broken windows.', 'total-unsupported', '212'],
  ['parts in the next paragraph, closed by "the remaining"', 'Farmers brought in 6.2 million tonnes of grain this year.\n\nWheat gave 3.4 million tonnes and oats 1.5 million. Rye and spelt made up the remaining 1.6 million.', 'total-unsupported', '6.2 million tonnes'],
  ['a part larger than its share of the rest, in one sentence', 'Rangers ringed 300 storks. One hundred and eighty of them were adults and 90 were chicks; a further 45 were too young to fly.', 'total-unsupported', '300'],
  // A whole named first, its list going on in the next sentence.
  ['"Of the N", then "The other"', 'Of the 500 jobs, 300 will go in Leeds. The other 250 will be cut in Hull.', 'total-unsupported', '500'],
  ['"Out of N", then "A further"', 'Out of 120 flights, 70 left on time and 30 were delayed. A further 30 were cancelled.', 'total-unsupported', '120'],
  // Shares of one stated whole, each given to its own subject with the same verb.
  ['subjects taking shares of a budget over two sentences', 'Health takes 38 percent of the budget. Education takes 29 percent, defence 21 percent and welfare 17 percent.', 'percentage-over-100', '38 percent of the budget'],
  // A rate beside the shares is left out of their sum; the shares still add up.
  ['votes after a turnout', 'Turnout was 64 percent, with 58 percent voting yes and 47 percent voting no.', 'percentage-over-100', '58 percent voting yes and 47 percent'],
  // A part "of the total" names the whole before it; "ones" stands for the noun counted before.
  ['parts "of the total" in the next sentence', 'Police recorded 730 knife offences. Robberies made up 310 of the total, assaults 280 and threats 190.', 'total-unsupported', '730'],
  ['"international ones"', 'The airline carried 18.2 million passengers last year, of whom 11.4 million flew domestic routes and 7.3 million international ones.', 'total-unsupported', '18.2 million'],
  // A range as a part: even its low end counts.
  ['a range part in the next sentence', 'The £9 million flood scheme is agreed. Between £4 million and £5 million will go on raising the river walls, and £5.5 million on pumps.', 'total-unsupported', '£9 million'],
  ['a range part in a run of parts', 'The district carried out 7,000 repairs. Roads took between 3,000 and 3,500 of them. Parks took a further 2,500, and schools the remaining 2,000.', 'total-unsupported', '7,000'],
  // Shares as a table in prose, opened by "at" or "on".
  ['a prose table after "at"', 'The latest survey puts second-round support at Moreau 47%, Lind 45%, Osei 6%, others 4%.', 'percentage-over-100', '47%, Lind 45%, Osei 6%, others 4%'],
  ['a prose table after "on"', 'A rolling poll has the mid-term race on Keane 51%, Doyle 42%, others 9%.', 'percentage-over-100', '51%, Doyle 42%, others 9%'],
  ['a lower-case table closed by "other"', 'Household spending split: food 41%, rent 38%, transport 17%, other 9%.', 'percentage-over-100', '41%, rent 38%, transport 17%, other 9%'],
  // Shares in words: one answer each, or the rest of a sum in the next sentence.
  ['fractions naming one main answer each', 'Half of the parents named fees as their main worry, a third named travel and a quarter named food.', 'percentage-over-100', 'Half of the parents named fees as their main worry, a third named travel and a quarter'],
  ['fractions closed by "the other" in the next sentence', 'The stadium costs £20 million a year to run. Staff take up half of that and energy a third. Insurance swallows the other quarter.', 'percentage-over-100', 'half of that and energy a third. Insurance swallows the other quarter'],
  ['a percent closed by "the remaining" in the next sentence', 'Of the 800 members polled, 55 percent backed the strike and 40 percent opposed it. The remaining 12 percent had no view.', 'percentage-over-100', '55 percent'],
  ['another over two sentences with no unit on the total', 'The quake left 1.5 million people without power. In the capital alone, 900,000 people were cut off. In the hills the figure was 450,000, and another 250,000 were cut off along the coast.', 'total-unsupported', '1.5 million'],
];

for (const [why, text, rule, span] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.ok(brief(text).some(([r, s]) => r === rule && s!.includes(span)), `${JSON.stringify(brief(text))}`));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  // Parts over several sentences that agree, or stay within the total.
  ['a run of parts that adds up', 'The port handled 9,600 containers in March. Rotterdam-bound ships took 4,100 of them. Local lines carried a further 3,300, and feeder vessels the remaining 2,200.'],
  ['a run of parts within the total', 'The new library will cost £14 million. The lottery fund is paying £6 million. The county adds another £5 million.'],
  ['siblings in periods of their own', 'Police held 40 people on Friday. On Saturday they held 25. A further 30 were held on Sunday.'],
  ['sentences set in other months', 'The shelter took in 120 dogs in May. In June it took in 70. Another 60 arrived in July.'],
  ['a smaller figure of the first sentence is not the whole', 'At least 40 people died and 90,000 fled the floods. In the north, 50,000 fled. Another 30,000 left the coast.'],
  ['a wards count beside the patients', 'An outbreak has hit 60 patients. Of the patients, 30 were on the two surgical wards and 20 on the children\'s ward. The other 10 were in maternity.'],
  ['"Of the N", then "The other" that adds up', 'Of the 500 jobs, 300 will go in Leeds. The other 200 will be cut in Hull.'],
  ['parts "of the total" within it', 'Police recorded 730 knife offences. Robberies made up 310 of the total, assaults 280 and threats 140.'],
  ['"ones" within the total', 'The airline carried 18.2 million passengers last year, of whom 11.4 million flew domestic routes and 6.8 million international ones.'],
  ['a lower-case table of two groups, not closed by "other"', 'Employment rates: men 70%, women 65%.'],
  ['a lower-case table within 100', 'Household spending split: food 41%, rent 38%, transport 12%, other 9%.'],
  ['rates of their own subjects', 'Unemployment hit 12 percent and inflation hit 95 percent.'],
  ['a rate and a share of parents', 'Vaccination coverage is 86 percent, and 20 percent of parents refuse.'],
  ['subjects taking shares within the whole', 'Health takes 38 percent of the budget. Education takes 29 percent, defence 21 percent and welfare 12 percent.'],
  ['a range part within the total', 'The £9 million flood scheme is agreed. Between £4 million and £5 million will go on raising the river walls, and £3 million on pumps.'],
  ['a total set in one place, parts in others', 'Floods killed 12 people in the north. In the south, 8 died. Another 40 were injured.'],
  ['sentences set in seasons and "this year"', 'The firm hired 300 staff last year. It took on 200 this spring. Another 150 are due in autumn.'],
  ['a remainder of another whole, larger than the total', 'The firm cut 300 jobs. Managers lost 120 of them. The remaining 2,000 staff kept their posts.'],
  // Shares in words that stay within the whole, or answer several questions, or are changes.
  ['fractions of one main answer within 100', 'Half of the parents named fees as their main worry, a third named travel and a sixth named food.'],
  ['fractions naming several worries', 'Half of the parents named fees as a worry, a third named travel and a quarter named food.'],
  ['a fraction as a change', 'Bread prices have fallen by a quarter since January, while half of all bakers raised wages.'],
  ['"the other half" that completes the whole', 'The grant covers half of the cost. The council pays the other half.'],
  ['a fraction that is a time', 'He came back a third time and left at a quarter past five.'],
  // Counts of people and of events in one sentence are not parts of a cued total.
  ['people and offences', 'Officers made arrests in 210 cases, and 64 people have been charged with a total of 150 offences.'],
  ['people and incidents', 'The unit dealt with 90 incidents, and 35 people face a total of 120 charges.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}

test('a run of parts over three sentences shows its arithmetic', () => {
  const [finding] = check('The port handled 9,600 containers in March. Rotterdam-bound ships took 4,100 of them. Local lines carried a further 3,300, and feeder vessels the remaining 2,800.');
  assert.equal(finding?.message, 'Sum mismatch: "9,600" containers allows 9,600, but the figures after it add up to 10,200 (4,100 + 3,300 + 2,800).');
});
