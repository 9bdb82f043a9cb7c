// Issue 13, round 13 (the lead): a cue right after a relative pronoun on its source describes the source; the
// sentence is about them, not sourced by them. Sentences are the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const flagged = (text: string) => analyzePure({ text }).findings.some((f) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic');

test('"experts who predicted X have been proven wrong" is the writer\'s claim about the experts', () => {
  assert.ok(flagged('Foreign experts who predicted the collapse of fish stocks in the northern sea have been proven wrong.'));
  // Contrast: the main verb reports, the relative clause only describes the speakers.
  assert.ok(!flagged('Residents who spoke to the Echo said 40 homes had been flooded.'));
});
