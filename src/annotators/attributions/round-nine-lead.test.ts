// Round nine, the lead: a cue the tagger leaves without a source whose subject is "nobody" or "everyone" ("a tower of
// unpaid invoices that nobody seems able to explain") reports no one's statement (tagger/vetoes.json
// nobodyOrEverybody). Seen on the project's own example article. Every sentence is the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const cues = (text: string) => analyzePure({ text }).attributions.map((a) => a.cue.text);

test('"nobody seems able to explain" is no sourceless attribution', () => {
  assert.deepEqual(cues('It is a tower of unpaid invoices that nobody seems able to explain.'), []);
});

test('contrast: a named subject that seems convinced still holds its belief', () => {
  assert.deepEqual(cues('The mayor seems convinced that the bridge is unsafe.'), ['seems convinced']);
});
