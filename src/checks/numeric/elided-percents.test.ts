// Bare figures that share the percent sign of the last of their list ("41, 34 and 30 per cent"; elided-percents.ts).
// Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('bare figures listed before a percentage are shares too, and shares of one whole may not pass 100', () => {
  const text = 'Labour, the Greens and the Liberals won 41, 34 and 30 per cent of the vote respectively.';
  assert.deepEqual(brief(text).map(([rule]) => rule), ['percentage-over-100']);
  assert.deepEqual(brief(text.replace('30 per cent', '25 per cent')), []);
  assert.deepEqual(brief('Arnby, Colt and Dunmere took 52, 31 and 24% of the orders respectively.').map(([rule]) => rule), ['percentage-over-100']);
  assert.deepEqual(brief('Arnby, Colt and Dunmere took 52, 31 and 17% of the orders respectively.'), []);
});

test('a bare figure joined to a percentage by "or" is an alternative, not a share beside it', () => {
  assert.deepEqual(brief('Prices are expected to rise by 60 or 70 percent over the decade.'), []);
});

test('bare figures before a percentage that are not joined to it by a comma or "and" keep their own reading', () => {
  assert.deepEqual(brief('The 85 members voted, and 60 per cent backed the motion.'), []);
  assert.deepEqual(brief('Of 120 staff, 70 per cent work part time.'), []);
});
