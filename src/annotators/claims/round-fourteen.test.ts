// Issue 13, round 14 (the lead): a body's decision timetabled for a day in the present tense ("The cabinet sets the
// budget on 9 February") is a schedule, even where the tagger reads the verb as a noun. Sentences are the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const flagged = (text: string) => analyzePure({ text }).findings.some((f) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic');

test('"The cabinet sets the budget on 9 February" is a schedule, not a claim to source', () => {
  assert.ok(!flagged('The cabinet sets the housing budget on 12 March.'));
  assert.ok(!flagged('The council will set its rents next month.'));
  // Contrast: a budget set in the past, with its figures, is a claim.
  assert.ok(flagged('The cabinet set the housing budget at £40m on 12 March, cutting grants by half.'));
});
