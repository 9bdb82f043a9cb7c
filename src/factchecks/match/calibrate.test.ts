import assert from 'node:assert/strict';
import { test } from 'node:test';
import { calibrated, chooseThreshold, decisionScores, fitPlatt } from './calibrate.js';

test('Platt scaling fits a rising curve that puts high scores of relevant candidates above low ones', () => {
  const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const labels = [false, false, false, false, true, false, true, true, true, true];
  const curve = fitPlatt(scores, labels);
  assert.ok(curve.slope > 0);
  const p = (s: number) => calibrated({ ...curve, threshold: 0.5 }, s);
  assert.ok(p(1) < 0.1 && p(10) > 0.9, `${p(1)} ${p(10)}`);
  assert.ok(Math.abs(p(5.5) - 0.5) < 0.15);
});

test('a separable set does not diverge: the smoothed targets keep the curve finite', () => {
  const curve = fitPlatt([0, 1, 2, 3], [false, false, true, true]);
  assert.ok(Number.isFinite(curve.slope) && Number.isFinite(curve.intercept));
});

test('the chosen threshold is the lowest with the best F1 of reporting candidates at or above it', () => {
  const probabilities = [0.1, 0.2, 0.45, 0.6, 0.9];
  const labels = [false, false, false, true, true];
  assert.equal(chooseThreshold(probabilities, labels), 0.46);
  assert.deepEqual(decisionScores(probabilities, labels, 0.46), { precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(decisionScores(probabilities, labels, 0.95), { precision: 1, recall: 0, f1: 0 });
});
