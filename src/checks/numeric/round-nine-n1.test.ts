// Round 9 of issue 13, hand N1 (t141-t146): totals and their parts as writers new to the rules phrase them. A list
// closed by its stated remainder ("the rest, 450", "the other 70", "the remaining £15,000") names every part of its
// whole, within its sentence or in the sentence after the whole. A table written as a sentence after a colon makes its
// whole; so does a running total after a sentence that opens by adding to the one before. A baseline ("up from 81",
// "against 81") is never the whole of a list. Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['a remainder stated in apposition after a whole named first', 'Of the 1,200 parcels sorted, 700 went by van and the rest, 450, by bike.', 'total-unsupported', '1,200'],
  ['a remainder closing a colon list of answers that falls short of the whole', 'The school wrote to its 90 parents: 41 replied by email, 30 came to the meeting and the other 12 sent no answer.', 'total-unsupported', '90'],
  ['a remainder in the sentence after the one sum of money before it', 'The charity raised £92,000 last year. Events brought in £51,000, legacies £22,000 and the remaining £15,000 came from its shops.', 'total-unsupported', '£92,000'],
  ['a remainder over a semicolon, counts in words whose verb the tagger reads as a noun', 'All 20 branches opened on Sunday. Twelve stayed open late and five closed at noon; the other four shut at two.', 'total-unsupported', '20'],
  // A table as a sentence: labels each with one figure after a colon, with no "and" to close it.
  ['a colon table with no closing "and"', 'The final count for the 45 seats: Greens 17, Social Democrats 14, Farmers 9, others 6.', 'total-unsupported', '45'],
  ['a table under a heading that sorts by one dimension, the whole in the paragraph before', 'The county recorded 2,400 road accidents last year.\n\nAccidents by district: Arnby 910; Colt 640; Wenlow 520; Fenby 280.', 'total-unsupported', '2,400'],
  // A running total after an addition sums the one amount of its kind before and the figures added.
  ['a running total after a sentence that opens "In addition"', 'Customs seized 300 kilograms of cannabis at the port. In addition, 45 kilograms were found in a lorry, bringing the total haul to 360 kilograms.', 'total-unsupported', '360 kilograms'],
  // Parts that say whose parts they are ("48 of the arrests") are no siblings of a total set "in" something.
  ['parts of a whole named by its noun, with a further part after a semicolon', 'Police detained 70 people in a weekend operation. Officers made 48 of the arrests in the city and 15 in nearby villages; a further 11 were held at the airport.', 'total-unsupported', '70'],
  ['a remainder as "the others" in apposition, two sentences after the whole', 'The hospital treated 85 people after the crash. Forty were released the same night. The others, 48, were admitted.', 'total-unsupported', '85'],
  // The noun "total" said to be a figure, with words naming it before ("the county total was").
  ['a total named with a modifier after its parts', 'Arnby reported 120 cases and Colt 85. The county total was 220.', 'total-unsupported', '220'],
  // "while the remaining 20": a remainder after a clause word goes on with the list it closes.
  ['a remainder after "while" that closes a list opened by a semicolon', 'Officers seized 80 phones last week; 35 in Arnby and 30 in Colt, while the remaining 20 were found in Wenlow.', 'total-unsupported', '80'],
  // A baseline ("up from 81") is no whole: the whole is the figure it is compared with.
  ['a whole with a baseline after it, parts in the next sentence', 'There were 96 fatal crashes last year, up from 81. Cars were involved in 50, motorbikes in 25 and bicycles in 24.', 'total-unsupported', '96'],
  // A list with no "and", set apart by commas or semicolons, whose last figure ends its sentence or brackets.
  ['a list with no "and" after a colon, each part in its own place', 'Burglaries reached 430 last year: 180 in the old town, 140 in the harbour district, 95 in the suburbs.', 'total-unsupported', '430'],
  ['a list with no "and" in brackets', 'The trust cut 260 posts (120 at the general hospital, 85 at the clinics, 70 in administration) over the winter.', 'total-unsupported', '260'],
  ['a list with no "and" whose last place the tagger reads as a verb', 'The airline cancelled 75 flights on Friday: 30 at Bristol, 28 at Leeds, 22 at Hull.', 'total-unsupported', '75'],
  // Bare parts that go on with a list of their sentence count its noun, for a total a cue marks in the next sentence.
  ['parts carried from the first of their list, the total a cue marks in the next sentence', 'Crews rescued 31 people in Arnby, 18 in Colt and 12 in Wenlow. In all, 58 people were rescued.', 'total-unsupported', '58'],
  ['subjects with the verb left out whose last name the tagger reads as a verb', 'The airline cancelled 75 flights: Bristol accounted for 30, Leeds for 28 and Hull for 22.', 'total-unsupported', '75'],
  // A bare closed list set in places names the parts of the total a cue marks in the sentence right after it.
  ['a bare list of places before a total a cue marks', 'The gale felled 120 in the park, 75 along the river and 40 on the common. Altogether 250 trees came down.', 'total-unsupported', '250'],
  ['a bare list closed by "while the remaining" before a total a cue marks', 'The gale felled 120 in the park and 75 along the river, while the remaining 40 fell on the common. Altogether 250 trees came down.', 'total-unsupported', '250'],
  ['a price for each member that its parts do not make (no average)', 'Tickets cost £40 each: £25 for the show and £20 for dinner.', 'total-unsupported', '£40'],
  ['a table under a heading whose noun the tagger reads as a verb', 'The force has 1,900 officers. By rank: constables 1,500; sergeants 280; inspectors 90.', 'total-unsupported', '1,900'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`fires on ${why}`, () => assert.deepEqual(brief(text), [[rule, at]]));
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['a stated remainder that makes its whole', 'Of the 1,200 parcels sorted, 700 went by van and the rest, 500, by bike.'],
  ['a colon list closed by a remainder that makes its whole', 'The school wrote to its 90 parents: 41 replied by email, 30 came to the meeting and the other 19 sent no answer.'],
  ['a remainder after a sentence of two sums of its kind (either may be the whole, or neither)', 'The council spent £8m on roads and £5m on parks. Schools got £3m and the remaining £1m went to libraries.'],
  ['a remainder with no whole stated before its list', 'Forty backed the move and 35 opposed it, while the other 13 did not reply.'],
  ['a remainder named as a whole to split, not as a part', 'The firm asked 40 suppliers. Of the rest, 12 said yes and 9 said no.'],
  ['a colon table that makes its whole', 'The final count for the 45 seats: Greens 17, Social Democrats 14, Farmers 9, others 5.'],
  ['a table under a heading that picks some members only', 'The county recorded 2,400 road accidents last year.\n\nThe worst districts: Arnby 910; Colt 640; Wenlow 520.'],
  ['a colon list that goes on past its rows', 'Ticket sales reached 5,000: Friday 1,800, Saturday 2,100, with Sunday still to count.'],
  ['a running total after an addition that makes it', 'Customs seized 300 kilograms of cannabis at the port. In addition, 60 kilograms were found in a lorry, bringing the total haul to 360 kilograms.'],
  ['a running total over an open period', 'Customs seized 300 kilograms of cannabis at the port. In addition, 45 kilograms were found in a lorry, bringing the total this year to 900 kilograms.'],
  ['a running total whose sentence does not say it adds to the one before', 'Customs seized 300 kilograms of cannabis at the port. Officers found 45 kilograms in a lorry, bringing the total to 900 kilograms.'],
  ['parts of a whole named by its noun that stay below it', 'Police detained 70 people in a weekend operation. Officers made 48 of the arrests in the city and 15 in nearby villages.'],
  ['a sibling of the total with no word naming the whole', 'The shop sold 2,000 tickets on Friday. It sold 1,500 on Saturday and 900 on Sunday.'],
  ['"the others" that make the whole', 'The hospital treated 85 people after the crash. Forty were released the same night. The others, 45, were admitted.'],
  ['a total named with a modifier that its parts make', 'Arnby reported 120 cases and Colt 85. The county total was 205.'],
  ['a running total, which holds counts stated nowhere', 'Arnby reported 120 cases and Colt 85. The running total was 250.'],
  ['a list closed by "while the remaining" before a total cue, that makes it', 'Officers seized 35 phones in Arnby and 30 in Colt, while the remaining 15 were found in Wenlow, 80 phones in all.'],
  ['parts of a whole below it, a baseline after the whole', 'There were 96 fatal crashes in the county last year, up from 81. Cars were involved in 50 of them, motorbikes in 25 and bicycles in 14.'],
  ['parts below a whole compared with another month', 'The clinic saw 96 patients in May against 81 in April. Of them, 50 were women and 40 men.'],
  ['a list with no "and" after a colon that makes its whole', 'Burglaries reached 430 last year: 180 in the old town, 140 in the harbour district, 110 in the suburbs.'],
  ['a list with no "and" that a clause goes on after (it may leave parts out)', 'Burglaries reached 430 last year: 180 in the old town, 140 in the harbour district, police said on Monday.'],
  ['parts carried from the first of their list that make the total in the next sentence', 'Crews rescued 31 people in Arnby, 18 in Colt and 12 in Wenlow. In all, 61 people were rescued.'],
  ['a bare figure a verb follows says what became of the others, it is no part of a later total', 'Crews rescued 31 people and 12 died. In all, 58 people were on board.'],
  ['subjects with the verb left out that make the whole', 'The airline cancelled 75 flights: Bristol accounted for 30, Leeds for 25 and Hull for 20.'],
  ['a bare list of places that makes the total after it', 'The gale felled 120 in the park, 75 along the river and 40 on the common. Altogether 235 trees came down.'],
  ['bare figures that are no list of places before a total', 'The gale lasted 14 hours and 30 crews worked through it. Altogether 250 trees came down.'],
  ['a bare list closed by "while the remaining" that makes the total after it', 'The gale felled 120 in the park and 75 along the river, while the remaining 55 fell on the common. Altogether 250 trees came down.'],
  // An average is no sum: the figures of its places are no parts of it.
  ['an average named before it, with the averages of places after a colon', 'Average rents reached £1,250 a month: £1,600 in the centre, £1,100 in the suburbs and £950 in the villages.'],
  ['an average said after it, with the averages of places after a colon', 'Households spend £85 a week on average: £92 in the north, £80 in the south and £78 in the east.'],
  ['a table after a clause that is no heading (no "by")', 'The force has 1,900 officers. They said: constables 1,500; sergeants 280; inspectors 90.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent on ${why}`, () => assert.deepEqual(brief(text), []));
}
