// Issue 13, round 14 (the lead): a figure in a relative clause set off by commas between a source and its cue describes
// the source. Sentences are the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const flagged = (text: string) => analyzePure({ text }).findings.some((f) => f.rule === 'unsourced-claim' || f.rule === 'unsourced-statistic');

test('"X, who farms 600 hectares, said" gives the figure of the clause with the report', () => {
  assert.ok(!flagged('Mary Oduya, who keeps 300 ewes above Caldbeck, said lambing had gone better than she feared.'));
  assert.ok(!flagged('The Fellside Growers\' Association, which speaks for about 240 farms, said the frost had cut yields by a third.'));
  // Contrast: a figure in a clause that is no relative clause between the source and the cue stays the writer's.
  assert.ok(flagged('Mary Oduya, 300 ewes down after the snow, said lambing had gone badly.'));
});
