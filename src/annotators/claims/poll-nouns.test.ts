// Issue 13, round 49 (the lead): a newsroom's own investigation, a tracking poll and an analysis are studies whose
// method and findings follow them. Sentences are the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const flaggedAt = (text: string, sentence: string) => {
  const start = text.indexOf(sentence);
  return analyzePure({ text }).findings.some((f) => (f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic') && f.start < start + sentence.length && start < f.end);
};

test('the method and results after "an investigation by X has found" go on with it', () => {
  const text = 'Drivers who renew their insurance automatically pay far more than new customers, an investigation by Road Watch has found.\n\nWe compared renewal quotes sent to 340 readers with the prices offered to new customers in the same week. On average, renewing drivers were quoted £612, against £455 for a new customer.';
  assert.ok(!flaggedAt(text, 'We compared renewal quotes'));
  assert.ok(!flaggedAt(text, 'On average, renewing drivers'));
  // Contrast: after a person's statement, the same paragraph is the writer's own.
  const said = text.replace('an investigation by Road Watch has found', 'Anna Berg, a broker, said');
  assert.ok(flaggedAt(said, 'We compared renewal quotes'));
});
