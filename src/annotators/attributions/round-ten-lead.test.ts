// Round ten, the lead: a subject that ends in a bare count or a share ("152 said they did not know", "9 percent see no
// change and 6 percent believe ...") is a poll's measured answer, no source (policy.json measuredShares); a number after
// a preposition ("A mother of two") stays part of its noun's phrase. Every sentence is the project's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const sources = (text: string) => analyzePure({ text }).attributions.flatMap((a) => (a.source ? [a.source.text] : []));

test('a bare count or a share at the end of a subject is a measured answer, not a source', () => {
  assert.deepEqual(sources('Of the 1,506 adults questioned, 703 backed the charge and 152 said they did not know.'), []);
  assert.deepEqual(sources('Most residents say life has improved, 9 percent see no change and 6 percent believe things have become worse.').filter((s) => /percent|change/.test(s)), []);
});

test('contrast: a number after a preposition belongs to the source\'s phrase', () => {
  assert.deepEqual(sources('A mother of two said the clinic had closed.'), ['A mother of two']);
});

const cues = (text: string) => analyzePure({ text }).attributions.map((a) => a.cue.text);

test('half of a hyphenated compound ("Amsterdam-listed") is never a cue', () => {
  const text = 'Draymoor Foods, the Amsterdam-listed maker of yoghurts, reported a 9 percent rise in profit.';
  assert.ok(!cues(text).some((c) => c.includes('listed')));
  assert.ok(!sources(text).includes('the Amsterdam'));
  // Contrast: the same participle standing alone in a passive report is judged as before.
  assert.ok(cues('The shares were listed in Amsterdam, the company reported.').includes('reported'));
});
