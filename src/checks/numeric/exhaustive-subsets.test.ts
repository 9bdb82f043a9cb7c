// Parts given as what their whole is made of ("Of those, ...", "Of that total, ...", "N of them" after a total a cue
// marks, a last part that is the others), three at least and closed by "and", account for all of it: falling short of
// it is flagged as exceeding it is (readings.ts). Lists that name some parts only ("including", "among them", two
// parts, three without the others) stay silent when short. Each text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string, string])[] = [
  ['"Of those," in the next sentence, places', 'The ferry carried 1,300 cars this summer. Of those, 610 went to Arlo, 402 to Brenn, 150 to Coll and 98 to Dunmor.', '1,300'],
  ['"Of these," with verbs left out', 'The clinic received 2,150 referrals in May. Of these, 1,200 were about back pain, 540 about knees and 290 about shoulders.', '2,150'],
  ['"Of that total," with its adjective', 'The mill cut 4.2 million tonnes of timber. Of that total, the north yard cut 1.8 million tonnes, the south yard 1.4 million and the river yard 0.9 million tonnes.', '4.2 million tonnes'],
  ['a list closed by "other goods", subjects joined by "and"', 'Exports fell to 21.6 billion euros. Machinery and vehicles accounted for 9.8 billion, chemicals and drugs for 5.2 billion, food and farm produce for 3.9 and other goods for 1.9.', '21.6 billion euros'],
  ['"the balance of" closes a list of money', 'The district will spend €4.8m on roads this year. Of this, €2.1m will go on regional roads and €1.6m on local roads, while the balance of €900,000 is for footpaths.', '€4.8m'],
  ['"N of them" after "A total of"', 'A total of 64 kiosks have opened since 2023, 25 of them in the first phase, 19 in the second and 16 in the third.', '64'],
];

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['"including" names some parts', 'The fund paid out 1.2 billion marks, including 480 million for timber firms, 350 million for fish plants and 290 million for farms.'],
  ['a list closed by "other goods" that makes its whole', 'Exports fell to 21.6 billion euros. Machinery and vehicles accounted for 9.8 billion, chemicals and drugs for 5.2 billion, food and farm produce for 4.7 and other goods for 1.9.'],
  ['a list of three without "other" short of its whole', 'Exports fell to 21.6 billion euros. Machinery accounted for 9.8 billion, chemicals for 5.2 billion and food for 5.6 billion.'],
  ['"the balance of" a list that makes its whole', 'The district will spend €4.8m on roads this year. Of this, €2.1m will go on regional roads and €1.6m on local roads, while the balance of €1.1m is for footpaths.'],
  ['"the rest of" is no remainder', 'The district will spend €4.8m on roads this year. Of this, €2.1m will go on regional roads and €1.6m on local roads, while the rest of 2025 is for planning.'],
  ['two parts only', 'The ferry carried 1,300 cars this summer. Of those, 610 went to Arlo and 402 to Brenn.'],
  ['"Of those," parts that make the whole', 'The ferry carried 1,300 cars this summer. Of those, 650 went to Arlo, 400 to Brenn and 250 to Coll.'],
  ['"N of them" after a total no cue marks', 'The council opened 64 kiosks, 25 of them in the first phase, 19 in the second and 16 in the third.'],
  ['"Of those," parts far short of the whole (some of its parts)', 'The ferry carried 1,300 cars this summer. Of those, 210 went to Arlo, 102 to Brenn and 50 to Coll.'],
];

for (const [why, text, at] of MUST_FIRE) {
  test(`all of the whole, short: ${why}`, () => assert.deepEqual(brief(text), [['total-unsupported', at]]));
}

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent: ${why}`, () => assert.deepEqual(brief(text), []));
}
