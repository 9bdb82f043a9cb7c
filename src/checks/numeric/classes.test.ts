// Round 4 of issue 13: totals and parts recognised by their syntactic role (a whole stated anywhere in the paragraph,
// "N of whom", "out of N", parenthesised parts, "split between", a total verb after its parts), not by the sentences
// the rules were tuned on. Each case is a short text written for this test, from a different kind of story, with the
// figure the warning must stand on; the controls (changes, baselines, running totals, overlapping groups) stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['wire: a total with "in all" before a colon list', 'Rescuers pulled 85 people from the rubble in all: 40 on Monday, 30 on Tuesday and 22 on Wednesday.', 'total-unsupported', '85'],
  ['local: a fronted whole and two outcomes', 'Of the 120 staff, 70 work in the warehouse and 62 in the shops.', 'total-unsupported', '120'],
  ['crime: "N of whom" parts after their whole', 'The crash injured 30 passengers, 12 of whom were taken to hospital and 25 of whom were treated at the scene.', 'total-unsupported', '30'],
  ['courts: "N of them" parts after their whole', 'Fifteen people were arrested, eight of them women and nine men.', 'total-unsupported', 'Fifteen'],
  ['education: "out of N" opens its parts', 'Out of 500 applicants, 320 were accepted and 240 were rejected.', 'total-unsupported', '500'],
  ['sport: a single part larger than the fronted whole', 'Of the 1,500 runners who started, 1,620 finished.', 'total-unsupported', '1,500'],
  ['business: parts in brackets after their total', 'The storm damaged 48 homes (20 in Easton, 18 in Weston and 16 in Northam).', 'total-unsupported', '48'],
  ['health: bare parts in brackets carry the unit', 'The clinic saw 90 patients last week (41 in the mornings and 57 in the evenings).', 'total-unsupported', '90'],
  ['economy: "split between" names the parts of a sum', 'The 2 million grant is split between the library, with 1.2 million, and the pool, with 1.1 million.', 'total-unsupported', '2 million'],
  ['transport: a total verb after kinds of vehicle', 'The fleet, comprising 40 buses, 25 trams and 10 ferries, totals 70 vehicles.', 'total-unsupported', '70'],
  ['business: "broken down as" parts', 'The 75 new officers are broken down as 30 for patrol, 25 for traffic and 30 for detectives.', 'total-unsupported', '75'],
  ['polls: seats named in the next sentence exceed the chamber', 'The council has 60 seats. Labour won 28, the Conservatives 22 and the Greens 14.', 'total-unsupported', '60'],
  ['crime: "of those" list in the next sentence', 'Officials counted 64 break-ins. Of those, 29 were in Ashby, 21 in Colton and 22 in Derwent.', 'total-unsupported', '64'],
  ['economy: "a further" part after a total with a colon', 'A total of 200 jobs will go: 120 in Leeds, and a further 95 in York.', 'total-unsupported', '200'],
  ['wire: a total after "a further" part', 'Police made 30 arrests on Saturday and a further 25 on Sunday, 50 in total.', 'total-unsupported', '50'],
  ['economy: parts of a budget exceed it', 'The budget of 3.4 billion euros includes 1.9 billion for health and 1.8 billion for pensions.', 'total-unsupported', '3.4 billion euros'],
  ['polls: answers of one question over 100', 'Among 2,000 adults polled, 55 percent backed the plan, 38 percent opposed it and 12 percent did not know.', 'percentage-over-100', '55 percent'],
  ['polls: names and shares after a colon over 100', 'Shares of the vote: Smith 48 percent, Jones 44 percent, others 12 percent.', 'percentage-over-100', '48 percent'],
  ['economy: shares of one revenue over 100', 'The tax rose 3 percent, and 45 percent of the revenue goes to schools, 40 percent to roads and 25 percent to parks.', 'percentage-over-100', '45 percent'],
  ['local: the remaining part after a total', 'The club sold 900 season tickets. The remaining 450 went to families and 500 to students.', 'total-unsupported', '900'],
];

for (const [why, text, rule, at] of MUST_FIRE) {
  test(`flagged: ${why}`, () => {
    const found = brief(text);
    assert.ok(
      found.some(([r, a]) => r === rule && a!.startsWith(at)),
      `expected ${rule} on "${at}", got ${JSON.stringify(found)}`,
    );
  });
}

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['overlapping groups of one total', 'The hospital treated 40 patients, 25 women and 30 over-65s.'],
  ['women and over-65s as shares of one survey', 'The survey found 64 percent of women and 58 percent of over-65s use the bus.'],
  ['a running total', 'Another 12 cases were confirmed on Friday, bringing the total to 140.'],
  ['changes in two months', 'Sales rose 20 percent in May and 35 percent in June.'],
  ['a rate and the earlier rate', 'Inflation was 3.1 percent in March, up from 2.8 percent in February.'],
  ['percentage points and the new level', 'Unemployment rose by 2 percentage points to 7 percent.'],
  ['a baseline ratio beside a share', 'Output reached 130 percent of its 2019 level, and 60 percent of it went abroad.'],
  ['a count and its share that agree', 'Of the 120 staff, 40, or a third, will lose their jobs.'],
  ['a single bracketed figure', 'The charity raised 12,000 pounds (up from 9,000 pounds) at the gala.'],
  ['brackets that hold a conversion', 'The fine of 5,000 euros (about 4,300 pounds) was paid on Monday.'],
  ['parts in brackets that add up', 'The storm damaged 54 homes (20 in Easton, 18 in Weston and 16 in Northam).'],
  ['"out of N" with parts that fit', 'Out of 500 applicants, 320 were accepted and 150 were rejected.'],
  ['"N of whom" parts within the whole', 'The crash injured 40 passengers, 12 of whom were taken to hospital and 25 of whom were treated at the scene.'],
  ['a total verb that matches its parts', 'The fleet, comprising 40 buses, 25 trams and 10 ferries, totals 75 vehicles.'],
  ['"split between" parts that add up', 'The 2 million grant is split between the library, with 1.2 million, and the pool, with 0.8 million.'],
  ['a fronted whole with one smaller part', 'Of the 1,500 runners who started, 1,320 finished.'],
  ['years in brackets', 'The mill employed 400 people (1950 to 1962) and 250 afterwards.'],
];

for (const [why, text] of MUST_STAY_SILENT) {
  test(`silent: ${why}`, () => assert.deepEqual(brief(text), []));
}

const MORE_FIRE: readonly (readonly [string, string, string, string])[] = [
  ['charity: places after a comma exceed the total before it', 'The charity helped 1,200 families last year, 700 in the city and 600 in the suburbs.', 'total-unsupported', '1,200'],
  ['sport: home and away after a comma', 'The team scored 45 goals this season, 30 at home and 20 away.', 'total-unsupported', '45'],
  ['crime: kinds named after "including" exceed the total', 'Police seized 42 weapons in the raids, including 30 knives and 15 guns.', 'total-unsupported', '42'],
  ['polls: "voted no" and "voted yes" are two answers of one vote', 'Voters rejected the plan: 62 percent voted no and 41 percent voted yes.', 'percentage-over-100', '62 percent'],
  ['polls: "voted for" and "voted against" are two answers', 'In the poll, 55 percent voted for the plan and 48 percent voted against it.', 'percentage-over-100', '55 percent'],
  ['polls: vote shares with the verb left out after the first', 'The party won 38 percent of the vote, its rival 35 percent and the Greens 31 percent.', 'percentage-over-100', '38 percent'],
  ['economy: money by places after a comma', 'The council spent 4 million pounds last year, 2.5 million in Ashby and 2 million in Colton.', 'total-unsupported', '4 million'],
];

for (const [why, text, rule, at] of MORE_FIRE) {
  test(`flagged: ${why}`, () => {
    const found = brief(text);
    assert.ok(
      found.some(([r, a]) => r === rule && a!.startsWith(at)),
      `expected ${rule} on "${at}", got ${JSON.stringify(found)}`,
    );
  });
}

const MORE_SILENT: readonly (readonly [string, string])[] = [
  ['a total that is one more month of the list after it', 'The dealer sold 1,200 cars in May, 700 in June and 600 in July.'],
  ['places after a comma that stay within the total', 'The charity helped 1,200 families last year, 700 in the city and 400 in the suburbs.'],
  ['places before a total cue', 'Vandals hit 31 shops in Tarra, 12 in Belmar and 9 in Oset, 52 in all.'],
  ['a comma list of kinds that may overlap', 'The clinic treated 40 patients, 25 women and 30 smokers.'],
  ['vote shares that stay within 100', 'The party won 38 percent of the vote, its rival 35 percent and the Greens 21 percent.'],
  ['answers of a vote that stay within 100', 'Voters rejected the plan: 58 percent voted no and 41 percent voted yes.'],
];

for (const [why, text] of MORE_SILENT) {
  test(`silent: ${why}`, () => assert.deepEqual(brief(text), []));
}
