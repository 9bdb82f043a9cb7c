// Round 8 of issue 13, third hand (t135-t140): answers and end states set side by side by a contrast ("610 opposed the
// plan, while 250 supported it"; "410 were admitted, whereas 180 went home") go on with one list, and what becomes of
// each patient seen (admitted, sent home, moved to another hospital) is one event's end states. Every text is written
// for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['patients\' end states after "of whom"', 'Last winter 640 patients waited on trolleys, of whom 410 were admitted, 180 went home and 70 were transferred.', 'total-unsupported', '640'],
  ['patients admitted, sent home or moved elsewhere', 'The unit saw 300 children in May, of whom 190 were sent home, 80 were admitted and 45 were moved to other hospitals.', 'total-unsupported', '300'],
  ['answers set side by side by "while"', 'Of the 900 letters the council received, 610 opposed the plan, while 250 supported it and 60 had no view.', 'total-unsupported', '900'],
  ['a list of deaths against the figure said to be killed, not the last figure of the lede', 'A blast killed 40 people and injured 120 on Friday. 25 died in the mine and 19 in the village.', 'total-unsupported', '40'],
  ['the same with a measure before the verb of the lede', 'An earthquake of magnitude 6.1 killed 50 people and injured 300. 30 died in Arnby and 25 in Colt.', 'total-unsupported', '50'],
  ['a sentence of no figure between a total and its list', 'The storm killed 30 people and injured 90. It struck shortly before dawn. 20 died in Arnby and 14 in Colt.', 'total-unsupported', '30'],
  ['a lede\'s one share of the vote, the other results in the next paragraph', 'The Alliance won Sunday\'s vote with 44 percent of the vote, officials said.\n\nThe Union came second on 31 percent, ahead of the Greens (19 percent). Smaller parties shared the remaining 9 percent.', 'percentage-over-100', '44 percent of the vote, officials said.\n\nThe Union came second on 31 percent, ahead of the Greens (19 percent). Smaller parties shared the remaining 9 percent'],
  ['a list of sums of money after ", with", the currency sign first', 'The fund paid out £12m last year, with £7m going to schools and £6m to clinics.', 'total-unsupported', '£12m'],
  ['"a combined total of" after the parts', 'Police arrested 12 people in Arnby and 19 in Colt, a combined total of 25.', 'total-unsupported', '25'],
  ['a list of amounts whose remainder follows in the next sentence, against the total before it', 'The state will spend £30bn next year. Health takes £12bn, pensions £9bn and schools £6bn. The remaining £4bn goes to other departments.', 'total-unsupported', '£30bn'],
  ['a list over three sentences, the middle one unmarked, closed by its remainder', 'The firm hired 850 staff this year. Arnby took 300 and Colt 250. Wenlow got 200. The remaining 50 went to the head office.', 'total-unsupported', '850'],
  ['the same with sums of money, a bare amount in the middle', 'The state will spend £30bn next year. Health takes £12bn, pensions £9bn and schools £6bn. Defence gets 2bn. The remaining £2bn goes to other departments.', 'total-unsupported', '£30bn'],
  ['complaints counted as items keep their topics apart', 'Of 900 complaints, 600 were about noise and 400 about parking.', 'total-unsupported', '900'],
  ['kinds after a copula closed by "other"', 'Of the 1,240 offences, 46% were violent, 38% were thefts and 21% were other crimes.', 'percentage-over-100', '46% were violent, 38% were thefts and 21%'],
  ['shares said to be sexes after "of whom"', 'Some 1,200 people were surveyed, of whom 55% were women and 50% were men.', 'percentage-over-100', '55% were women and 50%'],
  ['shares said to be sexes after "of them", the copula left out', 'Police arrested 40 people, 60% of them men and 45% women.', 'percentage-over-100', '60% of them men and 45%'],
  ['two stances on one thing, the second by a pronoun', 'Of 900 voters, 500 backed the plan and 450 opposed it.', 'total-unsupported', '900'],
  ['a stage beside an outcome that is no later stage', 'Of 64 people arrested, 40 were charged and 30 released.', 'total-unsupported', '64'],
  ['a cued total, a sentence of no figure, then its list', 'A total of 30 people died. It struck shortly before dawn. 20 were in Arnby and 14 in Colt.', 'total-unsupported', '30'],
  ['answers set side by side by "whereas", total in the sentence before', 'The board received 1,200 replies. Just over two-thirds - 830 - backed the scheme, whereas 300 opposed it and 90 were unsure.', 'total-unsupported', '1,200'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['patients\' end states within their whole', 'Last winter 700 patients waited on trolleys, of whom 410 were admitted, 180 went home and 70 were transferred.'],
  ['answers set side by side that stay within their whole', 'Of the 900 letters the council received, 610 opposed the plan, while 250 supported it and 40 had no view.'],
  ['a contrast with a figure that gives no answer ends the list', 'Of the 900 staff, 610 work in Leeds, while 400 drivers were hired last year.'],
  ['a contrast that repeats the same answer ends the list', 'Of the 500 residents, 300 backed the plan, while 250 backed it in the earlier vote.'],
  ['a later step of the same members after "but" or "while ... later"', 'Of 1,000 patients, 700 were admitted, but 400 later went home.'],
  ['a later step after "while"', 'Of 1,000 patients, 700 were admitted, while 400 were later discharged.'],
  ['stances on two different things set side by side by "while"', 'Of 900 voters, 500 backed the mayor, while 450 opposed the budget.'],
  ['stances on two different things joined by "and"', 'Of 900 voters, 500 backed the mayor and 450 opposed the budget.'],
  ['stages of one process, the later within the earlier', 'Of 200 applicants, 150 were interviewed and 60 hired.'],
  ['stages of a prosecution', 'Of 64 people arrested, 40 were charged and 30 convicted.'],
  ['an end state beside a kind, which may overlap', 'Of the 400 patients, 250 were admitted, while 200 were women.'],
  ['a list of deaths within the figure said to be killed', 'A blast killed 40 people and injured 120 on Friday. 25 died in the mine and 12 in the village.'],
  ['a list of injuries within the figure said to be injured', 'A blast killed 40 people and injured 120 on Friday. 70 were hurt in the mine and 40 in the village.'],
  ['a list after a sentence of no figure that counts something else', 'The fire destroyed 40 homes. Crews worked through the night. 30 families were rehoused in Arnby and 20 in Colt.'],
  ['a list after a sentence of no figure with no end state or cue to tie it to the total', 'The firm cut 400 jobs. Unions were furious. It hired 300 in Arnby and 200 in Colt.'],
  ['a list after a sentence of no figure, in another paragraph', 'The storm killed 30 people.\n\nIt struck before dawn.\n\n20 died in Arnby and 14 in Colt.'],
  ['a lede\'s one share of the vote and results that make up 100', 'The Alliance won Sunday\'s vote with 44 percent of the vote, officials said.\n\nThe Union came second on 31 percent, ahead of the Greens (19 percent). Smaller parties shared the remaining 6 percent.'],
  ['a share of the vote and the same party\'s share in another contest', 'The Alliance won 51 percent of the vote.\n\nIts candidate for mayor took 62 percent.'],
  ['a share of the vote and a turnout', 'The Alliance won 61 percent of the vote. Turnout was 64 percent.'],
  ['a share of the vote and a share of a group', 'The Alliance won 61 percent of the vote. Among women, it took 65 percent.'],
  ['a share of the vote and a share of another year', 'The Alliance won 61 percent of the vote in 2019. This year the Union is on 70 percent.'],
  ['a share of the vote and a share of its own voters', 'The Alliance won 61 percent of the vote. Some 58 percent of its voters were women.'],
  ['sums of money after ", with" within their total', 'The fund paid out £12m last year, with £7m going to schools and £4m to clinics.'],
  ['one sum of money after ", with"', 'Sales rose to £40m, with £5m from exports.'],
  ['a difference after a comma is no part', 'The club made £2m, £1m more than last year.'],
  ['"a combined total of" that its parts make up', 'Police arrested 12 people in Arnby and 13 in Colt, a combined total of 25.'],
  ['a running total is not the sum of the figures before it', 'Police arrested 12 people in Arnby and 19 in Colt, bringing the total to 25.'],
  ['a list of amounts that goes on over the next sentences is no split of its last member', 'Health takes £12bn, followed by pensions at £9bn and schools at £6bn. Defence gets £4bn. The remaining £3bn goes to other departments.'],
  ['the same when the first member is smaller than the rest together', 'Health takes £8bn, pensions £7bn and schools £6bn. Defence gets a further £5bn, and the remaining £2bn goes elsewhere.'],
  ['a list over three sentences closed by a remainder that makes it up', 'The firm hired 900 staff this year. Arnby took 300 and Colt 250. Wenlow got 200. The remaining 150 went to the head office.'],
  ['a figure within another is no part of a list over three sentences', 'The council will spend £6 million on roads. Resurfacing takes £3 million, of which £1 million is for the bypass. Lighting gets £1.5 million. The remainder, £1.5 million, goes on drainage.'],
  ['an unmarked sentence with no remainder after it ends the list', 'The firm hired 900 staff this year. Arnby took 300 and Colt 250. Its rival hired 700. Profits rose to 400.'],
  ['shares of people who may worry about several topics', 'The survey found 64% of parents worried about screen time and 58% about bullying.'],
  ['the same with the verb in the present', 'Some 64% of parents worry about screen time and 58% about bullying.'],
  ['kinds closed by "other" that make up 100', 'Of the 1,240 offences, 46% were violent, 38% were thefts and 16% were other crimes.'],
  ['two kinds of different dimensions, one said "other"', 'Of the staff, 60% were women and 45% were other nationalities.'],
  ['kinds after a copula with no "other", which may overlap', 'Of the staff, 60% were women, 45% were over 50 and 30% were managers.'],
  ['shares said to be sexes after "of whom" that make up 100', 'Some 1,200 people were surveyed, of whom 55% were women and 45% men.'],
  ['shares after "of whom" of traits that may overlap', 'Some 1,200 people were surveyed, of whom 55% were women and 50% were over 60.'],
  ['shares after "of them" that make up 100', 'Police arrested 40 people, 60% of them men and 40% women.'],
  ['shares after "of them" of traits that may overlap', 'Some 1,200 people were surveyed, 55% of them women and 50% over 60.'],
  ['answers of a whole joined by "while" that make it up', 'The board received 1,200 replies. Just over two-thirds - 830 - backed the scheme, whereas 290 opposed it and 80 were unsure.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}
