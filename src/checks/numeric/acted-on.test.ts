// A measure said to be "of the" things a participle names ("1,420 tonnes of the seized sand", "460 litres of the stolen
// diesel") lies within the earlier measure in the same unit that the verb acted on ("seized 1,240 tonnes", "admitted
// stealing 420 litres"), however far back in the last few paragraphs (partitive-back.ts participleBack): a larger part
// is flagged. And a list that opens "Of the new arrivals," parts the figure of its sentence before that "arrived", not
// its other figure (nouns.json actedNouns). Beside them the look-alikes that must stay silent. Each text is written for
// this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string])[] = [
  ['seized, then "of the seized"', 'Customs officers seized 1,240 tonnes of smuggled sugar at the port on Monday. A spokesman said 1,420 tonnes of the seized sugar had been stored in one warehouse.'],
  ['stealing, then "of the stolen"', 'The driver admitted stealing 420 litres of fuel from the depot.\n\nOfficers who searched his garage found 460 litres of the stolen diesel in plastic drums.'],
  ['spilled, then "of the spilled"', 'The tanker spilled 3,000 litres of oil into the bay. Crews said 3,400 litres of the spilled oil had been pumped out by Friday.'],
];

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['a smaller part', 'Customs officers seized 1,240 tonnes of smuggled sugar. A spokesman said 420 tonnes of the seized sugar had been stored in one warehouse.'],
  ['another verb for the earlier measure', 'Crews pumped 900 litres of water from the cellar. They later found 1,200 litres of the spilled oil in the drains.'],
  ['another unit', 'The driver admitted stealing 420 litres of fuel. Officers found 460 kilograms of the stolen copper in his van.'],
];

for (const [why, text] of MUST_FIRE) {
  test(`part larger than the measure acted on, flagged: ${why}`, () => assert.deepEqual(brief(text).map(([rule]) => rule), ['total-unsupported']));
}

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent: ${why}`, () => assert.deepEqual(brief(text), []));
}

test('"Of the new arrivals" parts the figure that "arrived", not the one that "left"', () => {
  const text = 'The office said 62,000 people arrived in the province last year and 31,000 left.\n\nOf the new arrivals, 24,000 came for work, 19,000 were students and 14,000 joined family, with refugees making up the remaining 8,000.';
  assert.deepEqual(brief(text), [['total-unsupported', '62,000']]);
});

test('the same list adding up to the figure that "arrived" stays silent', () => {
  const text = 'The office said 62,000 people arrived in the province last year and 31,000 left.\n\nOf the new arrivals, 24,000 came for work, 19,000 were students and 11,000 joined family, with refugees making up the remaining 8,000.';
  assert.deepEqual(brief(text), []);
});
