// Shares that answer one question asked for one answer, and shares that answer in bins of one scale (share-questions.ts):
// they part one whole, so more than 100 percent is flagged. Beside them the look-alikes that must stay silent: a
// question that may take several answers, bins that hold one another, a difference after "and". Each text is written
// for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

const MUST_FIRE: readonly (readonly [string, string])[] = [
  ['"Asked which option", different verbs', 'Asked which option they preferred, 44 percent chose abolition, 31 percent wanted to keep the Senate as it is and 29 percent favoured a smaller chamber.'],
  ['"each choosing one option" before a colon', 'Parents were asked how a free day should be covered, each choosing one option: 46 per cent favoured school clubs, 38 per cent would lean on grandparents, and 22 per cent would pay for childcare.'],
  ['"Asked which single change"', 'Asked which single change would help most, 52 percent wanted more buses, 33 percent backed cheaper fares and 24 percent asked for later trains.'],
  ['"asked whether"', 'When residents were asked whether the depot should stay, 58 percent said yes, 36 percent opposed it and 12 percent did not know.'],
  ['"Asked how often", frequencies with "less than"', 'Asked how often the water came, 31 per cent said once a week, 44 per cent twice a week and 37 per cent less than once a week.'],
  ['bins of spending after a fronted whole', 'Of those with a car, 38% said they spend under 200 euros a month, 45% between 200 and 400 euros and 27% more than 400 euros.'],
  ['bins of income', 'Among the 900 tenants, 41 percent earn below 20,000, 37 percent between 20,000 and 40,000 and 30 percent over 40,000.'],
];

const MUST_STAY_SILENT: readonly (readonly [string, string])[] = [
  ['a question with several answers (plural)', 'Asked which issues mattered, 70 percent named crime, 60 percent said housing and 40 percent chose transport.'],
  ['a question of what they would do', 'Asked what they would do, 70 percent would save more, 60 percent would travel less and 30 percent would move.'],
  ['the same answer twice', 'Asked which option they preferred, 54 percent chose abolition, 51 percent chose abolition.'],
  ['shares within 100 after a one-answer question', 'Asked which option they preferred, 44 percent chose abolition, 31 percent wanted reform and 20 percent favoured no change.'],
  ['bins that all open above (they hold one another)', 'Of the 900 households, 70% earn over 20,000, 45% over 40,000 and 30% over 60,000.'],
  ['"more than" a year after "and" is a difference', 'Of the staff, 60% work in the city, and 45% more than 2019 work from home.'],
  ['bins without a question or whole across two sentences', 'Fares rose by 40% in March. Another 45% between May and June and 30% more than 2,000 passengers were reported.'],
];

for (const [why, text] of MUST_FIRE) {
  test(`one whole, flagged: ${why}`, () => assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']));
}

for (const [why, text] of MUST_STAY_SILENT) {
  test(`stays silent: ${why}`, () => assert.deepEqual(brief(text), []));
}

test('the message shows the sum of the answers', () => {
  const [finding] = brief('Asked which option they preferred, 44 percent chose abolition, 31 percent wanted to keep the Senate as it is and 29 percent favoured a smaller chamber.');
  assert.deepEqual(finding, ['percentage-over-100', '44 percent chose abolition, 31 percent wanted to keep the Senate as it is and 29 percent']);
});
