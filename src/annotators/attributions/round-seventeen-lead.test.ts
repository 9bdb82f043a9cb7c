// Rounds seventeen to nineteen, the lead (issue 13), from articles written apart from the tool (t273–t320): figures
// that "tell a different story" and a pollster that "questioned 1,512 voters" state nothing (policy.json objectActs).
// Every sentence is the project's own; each rule has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePure } from '../../engine/analyze.js';

const sources = (text: string) => analyzePure({ text }).attributions.map((a) => [a.source?.text ?? null, a.cue.text]);

test('figures that tell a story report no statement', () => {
  assert.deepEqual(sources('The waiting times tell a different story.'), []);
  assert.deepEqual(sources('Complaints to the ombudsman tell their own story.'), []);
  // Contrast: telling someone something is a statement.
  assert.deepEqual(sources('The manager told staff the depot would close.'), [['The manager', 'told']]);
});

test('asking a sample is the act of polling, not a statement', () => {
  assert.deepEqual(sources('Kestrel Research questioned 1,240 voters by telephone last week.'), []);
  // Contrast: questioning a claim is a stance PolNeAR marks as a cue.
  assert.deepEqual(sources('The auditor questioned whether the savings were real.').map(([s]) => s), ['The auditor']);
});
