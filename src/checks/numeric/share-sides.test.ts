// Shares that take the two sides of one question ("for" and "against"), a share after "translated to" / "came to"
// (what a count amounts to, not a level a change reached), and a later answer opened by "more" after a verb of choice
// (share-questions.ts forAndAgainst, chosenAnswer; share-reading.ts isComparison): they part one whole, so more than 100
// percent is flagged. Beside them the look-alikes that must stay silent. Each text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string])[] = [
  ['for and against, "against" alone', 'The ballot on the bypass went 55 percent for the scheme and 47 percent against.'],
  ['in favour, against, undecided', 'The poll of 900 residents found 52 percent in favour, 41 percent against and 12 percent undecided.'],
  ['"translated to" before the shares', 'In the vote on the harbour levy 4,120 backed it and 3,300 opposed it, which translated to 54.2 percent for the levy and 47.8 percent against.'],
  ['"came to" before the shares', 'Counted together, that came to 61 percent for the merger and 42 percent against.'],
  ['"more" opening an answer after "chose"', 'Asked to pick one way to pay for the pool, 46 percent chose a higher parking charge, 30 percent cuts to grants and 27 percent more borrowing.'],
];

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['for one thing, against another', 'The poll found 58 percent for the new stadium and 49 percent against the higher rates.'],
  ['for and against within 100', 'The ballot went 55 percent for the scheme and 44 percent against.'],
  ['"rose to" is the level of a change', 'Turnout rose to 64 percent, and 52 percent backed the scheme.'],
  ['different places for and against, compared word for word', 'The poll found 58 percent for the new stadium on the old gasworks site and 49 percent against the new stadium on the riverside.'],
  ['"more" after a verb that chooses nothing is a difference', 'Bus use rose 41 percent last year, and 31 percent more cyclists used the bridge than in 2023.'],
  ['"more than" stays a comparison after a choice', 'Asked to pick one route, 55 percent chose the coast road, and 48 percent more than last year walked.'],
];

for (const [why, text] of MUST_FIRE) {
  test(`one whole, flagged: ${why}`, () => assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']));
}

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent: ${why}`, () => assert.deepEqual(brief(text), []));
}
