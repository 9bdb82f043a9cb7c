import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { hash1 } from './hashing.js';
import { bestThreshold, brierScore, decodeLogistic, encodeLogistic, fitPlatt, positiveF1, probability, reliability, sigmoid, trainLogistic, type Example } from './logistic.js';

/** A toy task: sentences with a figure ("num") are positive, the others not; "the" is noise shared by both. */
const example = (words: string[], label: 0 | 1): Example => ({ features: Int32Array.from(words.map((w) => hash1(0, w))), label });
const data: Example[] = [
  example(['the', 'num', 'ships'], 1), example(['the', 'num', 'tonnes'], 1), example(['num', 'berths'], 1),
  example(['the', 'mayor', 'smiled'], 0), example(['a', 'fine', 'day'], 0), example(['the', 'weather'], 0),
];
const options = { bits: 10, epochs: 20, seed: 7, rate: 0.5, l2: 0 };

test('training separates the toy classes: a new sentence with a figure scores above one without', () => {
  const model = trainLogistic(data, options);
  const withFigure = probability(model, example(['num', 'cranes'], 1).features);
  const without = probability(model, example(['the', 'cranes'], 0).features);
  assert.ok(withFigure > 0.8 && without < 0.5, `${withFigure} vs ${without}`);
});

test('training is deterministic for a seed', () => {
  assert.deepEqual(trainLogistic(data, options).weights, trainLogistic(data, options).weights);
});

test('the sigmoid is finite and symmetric for large inputs', () => {
  assert.deepEqual([sigmoid(0), sigmoid(800), sigmoid(-800)], [0.5, 1, 0]);
});

test('Platt scaling keeps a slope of one where margins are already calibrated', () => {
  // margins -2 and 2 with outcomes at the rates sigmoid(-2) ≈ 0.12 and sigmoid(2) ≈ 0.88 (8 of 68 and 60 of 68)
  const margins = [...Array(68).fill(-2), ...Array(68).fill(2)];
  const labels = [...Array(68).keys()].map((i) => (i < 8 ? 1 : 0) as 0 | 1).concat([...Array(68).keys()].map((i) => (i < 60 ? 1 : 0) as 0 | 1));
  const { a, b } = fitPlatt(margins, labels);
  assert.equal(Math.round(a * 10) / 10, 1);
  assert.ok(Math.abs(b) < 0.05, String(b));
});

test('Platt scaling shrinks overconfident margins', () => {
  const margins = [-10, -10, -10, 10, 10, 10, 10, -10];
  const labels: (0 | 1)[] = [0, 0, 1, 1, 1, 0, 1, 0];
  const { a } = fitPlatt(margins, labels);
  assert.ok(a > 0 && a < 0.2, String(a));
});

test('positive-class precision, recall and F1 count scores at the threshold as positive', () => {
  assert.deepEqual(positiveF1([0.9, 0.5, 0.4, 0.2], [1, 0, 1, 0], 0.5), { precision: 0.5, recall: 0.5, f1: 0.5 });
});

test('the best threshold is the lowest one that reaches the best F1', () => {
  assert.deepEqual(bestThreshold([0.9, 0.7, 0.3, 0.2], [1, 1, 0, 0]), { threshold: 0.31, f1: 1 });
});

test('the Brier score is the mean squared error of the probabilities', () => {
  assert.equal(brierScore([1, 0.5, 0], [1, 0, 0]), 0.25 / 3);
});

test('the reliability table bins scores by tenths', () => {
  const table = reliability([0.05, 0.95, 0.91, 1], [0, 1, 0, 1]);
  assert.deepEqual([table[0], table[9]], [{ bin: '0.0-0.1', n: 1, meanScore: 0.05, positiveRate: 0 }, { bin: '0.9-1.0', n: 3, meanScore: (0.95 + 0.91 + 1) / 3, positiveRate: 2 / 3 }]);
});

test('a model survives encoding with its metadata, weights within the 16-bit step', () => {
  const model = { ...trainLogistic(data, options), platt: { a: 0.5, b: -0.25 } };
  const { model: back, meta } = decodeLogistic(encodeLogistic(model, { threshold: 0.4 }));
  const step = Math.max(...model.weights.map(Math.abs)) / 32767;
  assert.deepEqual([back.bits, back.bias, back.platt, meta], [10, model.bias, { a: 0.5, b: -0.25 }, { threshold: 0.4 }]);
  assert.ok(model.weights.every((w, i) => Math.abs(w - back.weights[i]!) <= step / 2 + 1e-9));
});

test('decoding refuses a file that is not a logistic model', () => {
  assert.throws(() => decodeLogistic(encodeLogisticLike()), /not a claimtrace logistic model/);
});

/** A gzip file with another magic. */
function encodeLogisticLike(): Uint8Array {
  return gzipSync(Buffer.from('CTCM1xxxx'));
}
