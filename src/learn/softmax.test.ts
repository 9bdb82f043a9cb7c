import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hash1 } from './hashing.js';
import { contributions, decodeSoftmax, encodeSoftmax, predictProbabilities, trainSoftmax, type Example } from './softmax.js';

const LABELS = ['harbour', 'ministry', 'weather'];

/** A toy task: a text is about the harbour, the ministry or the weather, told by its words. */
function example(words: string[], label = -1): Example {
  return { indices: Int32Array.from(words, (w) => hash1(0, w) | 0), values: new Float32Array(words.length).fill(1), label };
}

const data = [
  example(['ferry', 'quay', 'the'], 0),
  example(['quay', 'cranes', 'a'], 0),
  example(['minister', 'budget', 'the'], 1),
  example(['budget', 'decree', 'a'], 1),
  example(['rain', 'storm', 'the'], 2),
  example(['storm', 'fog', 'a'], 2),
];

const argmax = (p: ArrayLike<number>) => Array.from(p).indexOf(Math.max(...Array.from(p)));

test('the trained model labels unseen combinations of known words', () => {
  const { model } = trainSoftmax(data, { labels: LABELS, bits: 12, epochs: 20, seed: 3 });
  assert.deepEqual([argmax(predictProbabilities(model, example(['cranes', 'ferry']).indices, [1, 1])), argmax(predictProbabilities(model, example(['fog', 'rain']).indices, [1, 1]))], [0, 2]);
});

test('probabilities of all labels sum to one', () => {
  const { model } = trainSoftmax(data, { labels: LABELS, bits: 12, epochs: 3, seed: 3 });
  const p = predictProbabilities(model, example(['decree']).indices, [1]);
  assert.equal(Math.round((p[0]! + p[1]! + p[2]!) * 1e9) / 1e9, 1);
});

test('training is reproducible with the same seed', () => {
  const a = trainSoftmax(data, { labels: LABELS, bits: 10, epochs: 4, seed: 9 }).model;
  const b = trainSoftmax(data, { labels: LABELS, bits: 10, epochs: 4, seed: 9 }).model;
  assert.deepEqual([...a.weights, ...a.bias], [...b.weights, ...b.bias]);
});

test('with a validation function the best epoch is kept', () => {
  const scores = [0.2, 0.9, 0.5];
  const result = trainSoftmax(data, { labels: LABELS, bits: 10, epochs: 3, seed: 1, validate: (_, epoch) => scores[epoch - 1]! });
  assert.equal(result.epoch, 2);
});

test('a word the label is known by contributes most to that label', () => {
  const { model } = trainSoftmax(data, { labels: LABELS, bits: 12, epochs: 20, seed: 3 });
  const words = example(['the', 'minister']);
  const c = contributions(model, words.indices, [1, 1], 1);
  assert.ok(c[1]! > c[0]!, `minister ${c[1]} should outweigh the ${c[0]}`);
});

test('a model survives encoding and decoding with the same predictions and metadata', () => {
  const { model } = trainSoftmax(data, { labels: LABELS, bits: 12, epochs: 10, seed: 3 });
  const decoded = decodeSoftmax(encodeSoftmax(model, { note: 'toy' }));
  const words = example(['quay', 'storm']);
  const before = predictProbabilities(model, words.indices, [1, 1]);
  const after = predictProbabilities(decoded.model, words.indices, [1, 1]);
  assert.deepEqual([decoded.meta, decoded.model.labels, Array.from(after, (p, l) => Math.abs(p - before[l]!) < 1e-3)], [{ note: 'toy' }, LABELS, [true, true, true]]);
});

test('decoding a file that is not a softmax model throws', async () => {
  const { gzipSync } = await import('node:zlib');
  assert.throws(() => decodeSoftmax(gzipSync(Buffer.from('CTCM1xxxx'))), /not a claimtrace softmax model/);
});
