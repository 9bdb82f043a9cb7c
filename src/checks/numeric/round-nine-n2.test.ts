// Round 9 of issue 13, hand N2 (t147-t152): totals and shares as writers new to the rules put them. Parts said "N of
// them" by channel ("through", "via"); a count of events that befall one person each ("arrests", "deaths") parted
// by people; shares of one count of ballots named again in the next sentence, across a paragraph ("78% of ballots
// ... Only 17% of ballots ..."), with "of ballots cast" read as ballots; and scales a writer from elsewhere uses
// ("Rs 90 crore", a bare "2.4m"); a list opened by "of the total" against the amount stated last before it; market shares closed by "the remaining" in
// the paragraph after the one share of the lede, one of them reached by a change ("slipped to 33%"); vote shares of the next sentence given with other verbs of
// winning ("won ... Lind took ...", "came second on"). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['parts "N of them" by channel, one "through"', 'The club polled 960 members, 610 of them through its website and 400 by post.', 'total-unsupported', '960'],
  ['parts "N of them" by channel, one "via"', 'The bank took 5,200 complaints, 3,900 of them via its app and 1,500 in branches.', 'total-unsupported', '5,200'],
  ['arrests parted by people after a colon', 'Police made 120 arrests: 70 people were charged, 40 released and 25 bailed.', 'total-unsupported', '120'],
  ['deaths parted by people after a colon', 'The fire caused 18 deaths: 11 residents and 9 visitors.', 'total-unsupported', '18'],
  ['shares of ballots named again in the next sentence', 'The motion passed with 71% of ballots cast in favour. Only 26% of ballots were against it and a further 6% were blank.', 'percentage-over-100', '71% of ballots cast in favour. Only 26% of ballots were against it and a further 6%'],
  ['shares of ballots named again across a paragraph', 'The charter was approved on Sunday, with 66% of ballots in favour.\n\nJust 31% of ballots opposed it and a further 5% were spoiled.', 'percentage-over-100', '66% of ballots in favour.\n\nJust 31% of ballots opposed it and a further 5%'],
  ['parts in crore of a total in crore', 'The city passed a budget of Rs 900 crore. Of that, Rs 500 crore goes to water, Rs 300 crore to roads and Rs 150 crore to parks.', 'total-unsupported', 'Rs 900 crore'],
  ['parts in thousands of a bare total in "m"', 'Downloads reached 2.4m last year, of which 1,500,000 came from phones and 1,100,000 from tablets.', 'total-unsupported', '2.4m'],
  ['a list opened by "of the total" against the amount two sentences before', 'The airport handled 8.2m passengers last year. Traffic grew 6%. Holiday flights carried 4.5m of the total, business routes 2.9m and domestic hops 1.3m.', 'total-unsupported', '8.2m'],
  ['a share whose whole is a pronoun, a baseline word in the next clause', 'The club spends £2 million a year. Salaries eat up half of that and rent a third. Travel takes the other quarter.', 'percentage-over-100', 'half of that and rent a third. Travel takes the other quarter'],
  ['market shares closed by "the remaining" in the next paragraph, one reached by a change', 'Arden Bank holds 38% of the savings market, the watchdog said.\n\nCorvo, founded in 1990, slipped to 33%, while Pell had 20% and small lenders the remaining 12%.', 'percentage-over-100', '38% of the savings market, the watchdog said.\n\nCorvo, founded in 1990, slipped to 33%, while Pell had 20% and small lenders the remaining 12%'],
  ['shares of a whole counted in figures ("of the 1,200 polled")', 'Of the voters, 60% of the 1,200 polled backed Smith and 45% backed Jones.', 'percentage-over-100', '60% of the 1,200 polled backed Smith and 45%'],
  ['vote shares given with different verbs of winning in the next sentence', 'Okafor won the race with 52 percent of the vote. Lind took 38 percent and Hale 17 percent.', 'percentage-over-100', '52 percent of the vote. Lind took 38 percent and Hale 17 percent'],
  ['vote shares after "came second on" in the next sentence', 'Okafor won the race with 52 percent of the vote. Lind came second on 38 percent, ahead of Hale (17 percent).', 'percentage-over-100', '52 percent of the vote. Lind came second on 38 percent, ahead of Hale (17 percent'],
  ['shares of a budget written "pc"', 'About 40pc of the budget goes to pensions, 35pc to schools and 30pc to roads.', 'percentage-over-100', 'About 40pc of the budget goes to pensions, 35pc to schools and 30pc'],
  ['parts after ", with" in a currency the tokenizer joins to its sign ("A$")', 'The trust holds A$2.5bn, with A$1.4bn in shares and A$1.3bn in bonds.', 'total-unsupported', 'A$2.5bn'],
  ['a share over 100 of a whole with a compound before its noun', 'Farmers sold 118 percent of the five-year crop.', 'percentage-over-100', '118 percent'],
];

for (const [why, text, rule, at] of MUST_FIRE) test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['"N of them" parts by channel within their whole', 'The club polled 960 members, 610 of them through its website and 300 by post.'],
  ['arrests whose people are within them', 'Police made 120 arrests: 70 people were charged, 30 released and 15 bailed.'],
  ['shares of ballots named again that stay within the whole', 'The motion passed with 71% of ballots cast in favour. Only 26% of ballots were against it and a further 3% were blank.'],
  ['shares of another whole in the next paragraph', 'The charter was approved on Sunday, with 66% of ballots in favour.\n\nJust 41% of voters said they trusted the count, and a further 20% were unsure.'],
  ['a part in crore within its total', 'The city passed a budget of Rs 900 crore. Of that, Rs 500 crore goes to water and Rs 300 crore to roads.'],
  ['a bare "m" that measures a wall is no total', 'The wall is 2.6m high, with 1,500,000 bricks laid in 2 phases of 800,000 and 700,000.'],
  ['a list opened by "of the total" within the amount before', 'The airport handled 8.2m passengers last year. Traffic grew 6%. Holiday flights carried 4.5m of the total, business routes 2.1m and domestic hops 1.3m.'],
  ['"of the total" with no amount in reach', 'Traffic grew 6%. Holiday flights carried 4.5m of the total, business routes 2.9m and domestic hops 1.3m.'],
  ['market shares closed by "the remaining" that make their whole', 'Arden Bank holds 38% of the savings market, the watchdog said.\n\nCorvo, founded in 1990, slipped to 33%, while Pell had 20% and small lenders the remaining 9%.'],
  ['a change to a level with no remainder closing it stays a change', 'Arden Bank holds 68% of the savings market. Corvo slipped to 33% in May, while Pell had 20%.'],
  ['vote shares with verbs of winning that stay within the vote', 'Okafor won the race with 52 percent of the vote. Lind took 30 percent and Hale 17 percent.'],
  ['vote shares won in different places', 'Okafor won 52 percent of the vote in Arden. Lind took 58 percent in Colt.'],
  ['shares of a budget written "pc" that make their whole', 'About 40pc of the budget goes to pensions, 35pc to schools and 25pc to roads.'],
  ['parts after ", with" in "A$" within their total', 'The trust holds A$2.5bn, with A$1.4bn in shares and A$1.1bn in bonds.'],
  ['a ratio to a baseline named after a compound ("of the five-year average")', 'Grain output reached 118 percent of the five-year average.'],
];

for (const [why, text] of MUST_STAY_SILENT) test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
