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
  ['a nested figure left out of the parts', 'The zoo spent £5 million on its animals, of which £2 million went on food. Buildings took £3 million. Spending reached £8.5 million altogether.', 'total-unsupported', '£8.5 million'],
  ['shares said to be stages of life, the copula left out', 'Of the 900 seals tagged on the island, 62 percent were adults and 45 percent juveniles.', 'percentage-over-100', '62 percent were adults and 45 percent'],
  ['shares said to be sexes, the copula repeated', 'Among the 1,300 runners who finished, 58 percent were men and 47 percent were women.', 'percentage-over-100', '58 percent were men and 47 percent'],
  // t123-t128: a whole named first whose list goes on after a semicolon; names given figures after a count; a part of a
  // whole ("58 of the 140 seats") that opens a list.
  ['a list after a whole named first that goes on after a semicolon', 'Of the 2,000 members who voted, 1,240 backed the deal and 610 opposed it; 230 abstained.', 'total-unsupported', '2,000'],
  ['names given figures after a count, in the list of a whole named first', 'Of the 120 seats, the Liberty Bloc holds 70, the Green Party 31 and the Rural League 24.', 'total-unsupported', '120'],
  ['a part of a whole that opens a list of more parts', 'The projection gives the Farmers Union 40 of the 90 seats, the Reform Party 33, the Greens 12 and the Liberals 9.', 'total-unsupported', '90'],
  ['a lede total against a colon list its count says is complete', 'Storms killed 30 people in the north. The dead came from three villages: Arnby (14), Colt (9) and Wenlow (4).', 'total-unsupported', '30'],
  ['a total in its clause against a colon list its count says is complete', 'He said the £4 million went on two things: £2.5 million on a yacht and £1.2 million on horses.', 'total-unsupported', '£4 million'],
  ['parts set each in a named place after "in", in the next sentence', 'The storm flattened 90 barns. In Arnby 50 were lost, in Colt 30 and in Wenlow 20.', 'total-unsupported', '90'],
  ['parts given to the items one each ("respectively") of a total a cue marks', 'The two depots employ 900 drivers between them, with 520 and 430 respectively.', 'total-unsupported', '900'],
  ['applications that end one way each, over a semicolon', 'Of the 480 requests, 260 were approved and 170 were refused; 70 withdrew.', 'total-unsupported', '480'],
  ['parts after a spaced hyphen used as a dash', 'The region lost 3,400 jobs - 1,900 in factories, 1,100 in shops and 600 in offices.', 'total-unsupported', '3,400'],
  ['shares said to be renters and homeowners of one whole', 'Of the 1,000 households surveyed, 55 percent were renters and 52 percent homeowners.', 'percentage-over-100', '55 percent were renters and 52 percent'],
  ['a total a cue marks through "that is", parts with the verb and noun left out after a name', 'Arnby recorded 212 burglaries and Colt 140. Wenlow had 96. Altogether that is 470 burglaries.', 'total-unsupported', '470'],
  ['a split whose subject is a pronoun for the amount of the sentence before', 'The fund holds £40 million. It is split into £25 million for roads and £18 million for schools.', 'total-unsupported', '£40 million'],
  ['verdicts said before the figure, of a whole named first', 'Of the 12 charges, she was convicted on 9 and acquitted on 4.', 'total-unsupported', '12'],
  ['a colon table of amounts each after its own noun', 'Savers lost €4.1 million: pensioners €2.5 million, firms €1 million and charities €800,000.', 'total-unsupported', '€4.1 million'],
  ['a lede total read against its own noun named by the next sentence', 'Some 70 pupils and 12 teachers fell ill, the school said. Of the pupils, 48 were in the juniors and 31 in the seniors.', 'total-unsupported', 'Some 70'],
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
  ['a whole named first whose parts, over a semicolon, stay within it', 'Of the 2,000 members who voted, 1,240 backed the deal and 610 opposed it; 150 abstained.'],
  ['a clause after a semicolon that adds to the whole ends the list', 'Of the 500 homes, 300 were sold; 250 more are planned next year.'],
  ['a clause after a semicolon that counts something else ends the list', 'Of the 300 staff, 120 work in Leeds and 150 in York; 90 jobs will move to Hull.'],
  ['a clause after a semicolon that opens otherwise ends the list', 'Of the 300 passengers, 120 were British; the crew numbered 290.'],
  ['a part of a whole that opens a list of parts within it', 'The projection gives the Farmers Union 40 of the 90 seats, the Reform Party 33, the Greens 12 and the Liberals 3.'],
  ['a figure named by the next sentence\'s opener is its whole, not the last figure before it', 'Some 86 pupils and 23 teachers fell ill, the school said. Of the pupils, 51 were in the juniors and 22 in the seniors.'],
  ['a sentence that splits a figure of its own is no list of the figure before it', 'The club lost £4 million, up from £3 million. Turnover of £20 million was made up of gate money (£12 million) and television (£8 million).'],
  ['a colon list that names only a part of the whole, counted or not', 'Storms killed 30 people in the north. Most came from two villages: Arnby (14) and Colt (9).'],
  ['a colon list of another length than its count', 'Storms killed 30 people in the north. The dead came from three villages: Arnby (14) and Colt (9).'],
  ['parts in named places within their whole', 'The storm flattened 90 barns. In Arnby 50 were lost, in Colt 25 and in Wenlow 10.'],
  ['"respectively" parts that make up their total', 'The two depots employ 900 drivers between them, with 520 and 380 respectively.'],
  ['"respectively" parts drawn from a whole named after "out of"', 'Both plants, in Arnby and Colt, employ 700 and 600 people respectively, out of the 5,000 staff.'],
  ['"respectively" parts with no total cue', 'The depots employ 900 and 400 drivers. Its two canteens serve 520 and 430 meals respectively.'],
  ['a name and a number after "in" that name a thing', 'The probe flew 40 missions in Apollo 11 and in Gemini 7 as well.'],
  ['parts after a spaced hyphen within their whole', 'The region lost 3,400 jobs - 1,900 in factories, 1,100 in shops and 400 in offices.'],
  ['a range written with a spaced hyphen', 'Between 300 and 400 jobs will go, and 20 - 30 shops will shut.'],
  ['renters and homeowners that make up their whole', 'Of the 1,000 households surveyed, 55 percent were renters and 45 percent homeowners.'],
  ['a part after a name with its verb and noun left out counts in the sum', 'Arnby recorded 212 burglaries and Colt 140. Wenlow had 96. That made 448 in all.'],
  ['the same through "that is"', 'Arnby recorded 212 burglaries and Colt 140. Wenlow had 96. Altogether that is 448 burglaries.'],
  ['a split for a pronoun that makes up the amount before', 'The fund holds £40 million. It is split into £25 million for roads and £15 million for schools.'],
  ['a split for a pronoun after a paragraph break is left alone', 'The fund holds £40 million.\n\nIt is split into £25 million for roads and £18 million for schools.'],
  ['verdicts that stay within their whole', 'Of the 12 charges, she was convicted on 9 and acquitted on 3.'],
  ['a colon table of amounts that make up their total', 'Savers lost €4.1 million: pensioners €2.5 million, firms €1 million and charities €600,000.'],
  ['a share said to be a kind beside a share said to act, which may overlap', 'Of the 900 nurses, 61 percent were women and 47 percent worked nights.'],
  ['a whole named first again after a semicolon holds its own shares', 'Of the tenants, 57 percent were under 40; of the owners, 49 percent were over 65.'],
  ['a count of districts whose figures are listed is no total of them', 'Storms killed 30 people in the north. The dead came from three districts: Arnby (14), Colt (9) and Wenlow (7).'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}
