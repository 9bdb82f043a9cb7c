// Round 24 of issue 13 (the lead). Every text here is written for this test; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('"and one coach" ends a list of counts; "one day" does not count', () => {
  const text = 'A total of 46 vehicles were inside when the fans switched on: 29 cars, 12 lorries, 6 vans and one coach, police said.';
  assert.deepEqual(brief(text), [['total-unsupported', '46']]);
  assert.deepEqual(brief(text.replace('A total of 46', 'A total of 48')), []);
  // Without "one" read as the last part, 29 + 12 + 6 = 47 would be warned against 47's neighbours.
  assert.deepEqual(brief('A total of 47 vehicles were inside: 29 cars, 12 lorries, 6 vans and one coach.'), [['total-unsupported', '47']]);
  assert.deepEqual(brief('A total of 47 vehicles were inside: 29 cars, 12 lorries and 6 vans, and one day the tunnel will reopen.'), []);
});

test('shares that each take an answer with a verb of choice part one whole; "backed" two things do not', () => {
  const text = 'A survey of 640 patients found 58 percent preferred a text reminder, 29 percent a letter and 16 percent a phone call.';
  assert.deepEqual(brief(text), [['percentage-over-100', '58 percent preferred a text reminder, 29 percent a letter and 16 percent']]);
  assert.deepEqual(brief(text.replace('16 percent', '13 percent')), []);
  assert.deepEqual(brief('Of 640 patients, 58 percent chose texts, 29 percent chose letters and 16 percent chose calls.'), [['percentage-over-100', '58 percent chose texts, 29 percent chose letters and 16 percent']]);
  assert.deepEqual(brief('Of 900 people, 58 percent backed the plan and 49 percent backed the budget.'), []);
});

test('parts that make their total before their sentence ends are all of it; "a further" count is beside it', () => {
  const text = 'Patients missed 3,870 appointments in February. Of these, 2,215 were at Wrenfield General and 1,655 at Coldharbour. A further 1,120 were cancelled by the hospitals themselves.';
  assert.deepEqual(brief(text), []);
  // Parts that do not make it before the sentence ends are judged with the further count, as before.
  assert.deepEqual(brief(text.replace('1,655', '1,455')), [['total-unsupported', '3,870']]);
});

test('parts that each lack a different thing overlap; places and the same lack still part the whole', () => {
  assert.deepEqual(brief('Of the 87 raids, 49 were on farms with no alarm and 44 on farms with no CCTV.'), []);
  assert.deepEqual(brief('Of 300 homes, 190 had no insurance and 160 had no savings.'), []);
  assert.deepEqual(brief('Of the 87 raids, 49 were on farms in the valley and 44 on farms in the hills.'), [['total-unsupported', '87']]);
  assert.deepEqual(brief('Of the 87 raids, 49 were on farms with no alarm in the valley and 44 on farms with no alarm in the hills.'), [['total-unsupported', '87']]);
});

test('shares given "respectively" to items that take them part the whole the last one names; rates and own wholes do not', () => {
  const text = 'Ostrel, Lessany and Vardenia took 46 percent, 31 percent and 27 percent of the volume respectively, the office said.';
  assert.deepEqual(brief(text), [['percentage-over-100', '46 percent, 31 percent and 27 percent']]);
  assert.deepEqual(brief(text.replace('27 percent', '21 percent')), []);
  assert.deepEqual(brief('Arnby and Colt recycled 60 percent and 55 percent of the waste respectively.'), []);
  assert.deepEqual(brief('Arnby and Colt held 60 percent and 55 percent of their markets respectively.'), []);
});

test('what becomes of each fine issued is one outcome; acts that may befall one item are not', () => {
  const text = 'Only 23 fines were handed out all year. Of those, 14 have been paid, while 6 are being chased through the courts and five were cancelled on appeal.';
  assert.deepEqual(brief(text), [['total-unsupported', '23']]);
  assert.deepEqual(brief(text.replace('five were', 'three were')), []);
  assert.deepEqual(brief('Of the 70 suspects, 45 were released and 30 were charged.'), []);
});

test('"staff" and "care workers" after a copula are kinds of persons, whatever the tagger says', () => {
  assert.deepEqual(brief('Of the 212 people, 158 were residents and 61 were staff.'), [['total-unsupported', '212']]);
  assert.deepEqual(brief('Of the 212 people, 158 were residents and 61 were care workers.'), [['total-unsupported', '212']]);
  assert.deepEqual(brief('Of the 212 people, 158 were residents and 54 were care workers.'), []);
});

test('"N of those infected" names its whole by a participle; a figure within a part is none of the list', () => {
  const text = 'An outbreak of scabies has spread to nine care homes, with 212 residents and staff infected in all, officials said. The team said 158 of those infected were residents, of whom 41 are bedbound, and 61 were care workers.';
  assert.deepEqual(brief(text), [['total-unsupported', '212']]);
  assert.deepEqual(brief(text.replace('212', '219')), []);
  // "120 of them, Ashby 70": a cue right after its figure opens no subset, so Ashby's 70 stays a part.
  assert.deepEqual(brief('Records from four depots show 210 breakdowns in May. Kenwick logged 120 of them, Ashby 70, Carlow 40 and Upper Dale 30.'), [['total-unsupported', '210']]);
});

test('"of the vessels" after a count of ships: a word the story uses for the same things holds the list', () => {
  const text = 'Dockworkers walked out on Tuesday, leaving 64 cargo ships at anchor, the ports authority said.\n\nThirty-eight of the vessels were waiting off Port Castra, 17 off Velsund and 12 off Aldrin.';
  assert.deepEqual(brief(text), [['total-unsupported', '64']]);
  assert.deepEqual(brief(text.replace('64 cargo', '67 cargo')), []);
  // A count of other things is no whole of them.
  assert.deepEqual(brief(text.replace('64 cargo ships', '64 cranes')), []);
});
