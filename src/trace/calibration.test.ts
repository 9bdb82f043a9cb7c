import assert from 'node:assert/strict';
import { test } from 'node:test';
import { traceQueryFromText } from '../engine/trace-query.js';
import data from './paraphrases.json' with { type: 'json' };
import { calibrateNear, idfWeights, tally, type CalibrationCase } from './calibration.js';
import { getNearness } from './nearness.js';
import { DEFAULT_NEAR, fingerprint } from './similarity.js';

// The word-meaning credit of the trace, calibrated on the project's own claims (paraphrases.json): retellings found
// and look-alikes let through at the trace threshold (0.5), on the tuning groups and on the held-out ones.

const TRACE_THRESHOLD = 0.5;
// The near credit is a parameter of the word score: it is calibrated on words alone, without the rules that rule a pair
// out whatever its words (opposite directions, a place put outside; see direction.ts) and without the anchored
// alignment (NearOptions.meaning), both calibrated by bench/corpus/calibrate-alignment.ts.
const fp = (text: string) => {
  const query = traceQueryFromText(text);
  return { ...fingerprint(query.text, query.figures, query.masks ?? []), direction: 0, outside: [], head: null };
};
const cases: CalibrationCase[] = [];
const claims = data.groups.flatMap((g, i) => {
  const query = fp(g.claim);
  const retellings = g.retellings.map(fp);
  const lookalikes = g.lookalikes.map((l) => ({ kind: l.kind, candidate: fp(l.text) }));
  for (const candidate of retellings) cases.push({ group: i + 1, query, candidate, positive: true, kind: 'retelling' });
  for (const l of lookalikes) cases.push({ group: i + 1, query, candidate: l.candidate, positive: false, kind: l.kind });
  return [query, ...retellings, ...lookalikes.map((l) => l.candidate)];
});
const weight = idfWeights(claims);
const grid = calibrateNear(cases, getNearness(), weight, TRACE_THRESHOLD, [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8], [0.5, 0.6, 0.7, 0.8, 0.9, 1]);
const show = (t: { found: number; retellings: number; passed: number; lookalikes: number }) => `${t.found}/${t.retellings} retellings, ${t.passed}/${t.lookalikes} look-alikes`;

test('the default near-word credit is the calibration grid\'s pick on the tuning groups', (t) => {
  const { pick } = grid;
  t.diagnostic(`pick: threshold ${pick.threshold}, credit ${pick.credit}; tune ${show(pick.tune)}; held out ${show(pick.heldOut)}`);
  assert.deepEqual([pick.threshold, pick.credit], [DEFAULT_NEAR.threshold, DEFAULT_NEAR.credit]);
});

test('on the held-out groups, word meaning finds more retellings than words alone and lets through at most one more look-alike', (t) => {
  const heldOut = cases.filter((c) => c.group % 2 === 0);
  const exact = tally(heldOut, weight, TRACE_THRESHOLD);
  const near = tally(heldOut, weight, TRACE_THRESHOLD, { near: getNearness(), ...DEFAULT_NEAR });
  t.diagnostic(`held out, words alone: ${show(exact)}; with word meaning: ${show(near)}`);
  assert.ok(near.found > exact.found && near.passed <= exact.passed + 1, `${show(exact)} → ${show(near)}`);
});

test('no look-alike naming another place or giving another figure is let through', () => {
  const wrong = cases.filter((c) => (c.kind === 'place' || c.kind === 'figure'));
  assert.equal(tally(wrong, weight, TRACE_THRESHOLD, { near: getNearness(), ...DEFAULT_NEAR }).passed, 0);
});
