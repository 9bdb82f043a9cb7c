import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bioConstraints, decode, trainChain, type Sequence } from './chain.js';
import { hash1, hash2, seededRandom, shuffle } from './hashing.js';
import { decodeModel, encodeModel } from './model-file.js';

const LABELS = ['O', 'B-X', 'I-X'];

/** A toy task: "the quick fox" style sequences where capitalised words form an X span. */
function sequence(words: string[]): Sequence {
  const features: number[] = [];
  const offsets = [0];
  const gold: number[] = [];
  words.forEach((w, i) => {
    const cap = w[0] === w[0]!.toUpperCase();
    features.push(hash1(0, cap ? 'cap' : 'low'), hash2(1, 'prevcap', String(i > 0 && words[i - 1]![0] === words[i - 1]![0]!.toUpperCase())));
    offsets.push(features.length);
    const prevCap = i > 0 && words[i - 1]![0] === words[i - 1]![0]!.toUpperCase();
    gold.push(cap ? (prevCap ? 2 : 1) : 0);
  });
  return { features: Int32Array.from(features), offsets: Int32Array.from(offsets), gold: Uint8Array.from(gold) };
}

const data = [['the', 'Port', 'Authority', 'said', 'no'], ['Ana', 'Brisk', 'left'], ['a', 'b', 'Courier'], ['x', 'Y', 'z', 'W', 'V']].map(sequence);

test('BIO constraints forbid an I label after O or at the start', () => {
  const allowed = bioConstraints(LABELS);
  assert.deepEqual([allowed[0 * 3 + 2], allowed[1 * 3 + 2], allowed[2 * 3 + 2], allowed[3 * 3 + 2], allowed[3 * 3 + 1]], [0, 1, 1, 0, 1]);
});

test('the averaged perceptron learns a span pattern and decodes it on an unseen sequence', () => {
  const { model } = trainChain(data, { labels: LABELS, bits: 12, epochs: 5, seed: 1 });
  assert.deepEqual([...decode(model, sequence(['we', 'met', 'Nora', 'Lind', 'today']))], [0, 0, 1, 2, 0]);
});

test('training is reproducible with the same seed', () => {
  const a = trainChain(data, { labels: LABELS, bits: 10, epochs: 3, seed: 7 }).model;
  const b = trainChain(data, { labels: LABELS, bits: 10, epochs: 3, seed: 7 }).model;
  assert.deepEqual([...a.weights], [...b.weights]);
});

test('the epoch with the best validation score is kept', () => {
  const scores = [0.2, 0.9, 0.4];
  const result = trainChain(data, { labels: LABELS, bits: 10, epochs: 3, seed: 1, validate: (_m, epoch) => scores[epoch - 1]! });
  assert.deepEqual([result.epoch, result.score], [2, 0.9]);
});

test('a model survives encoding and decoding with its metadata, weights within the 16-bit quantisation step', () => {
  const { model } = trainChain(data, { labels: LABELS, bits: 10, epochs: 3, seed: 1 });
  const { model: back, meta } = decodeModel(encodeModel(model, { seed: 1, cueLemmas: ['say'] }));
  const maxAbs = Math.max(...model.weights.map(Math.abs));
  assert.deepEqual(meta, { seed: 1, cueLemmas: ['say'] });
  assert.deepEqual([back.labels, back.bits], [LABELS, 10]);
  assert.ok(back.weights instanceof Int16Array, 'a loaded model keeps 16-bit weights');
  assert.ok(model.weights.every((w, i) => Math.abs(w - back.weights[i]! * back.scale!) <= maxAbs / 32767));
  assert.deepEqual([...decode(back, data[0]!)], [...decode(model, data[0]!)]);
});

test('a loaded model of seven labels keeps rows of eight and decodes as the one it was saved from', () => {
  const seven = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-T', 'I-T'];
  const gold7 = data.map((seq) => ({ ...seq, gold: Uint8Array.from(seq.gold!, (g) => g * 2) }));
  const { model } = trainChain(gold7, { labels: seven, bits: 10, epochs: 3, seed: 1 });
  const { model: back } = decodeModel(encodeModel(model, {}));
  assert.equal(back.stride, 8);
  assert.equal(back.weights.length, 8 << 10);
  const flat = { ...back, weights: unpadded(back.weights), stride: 7 };
  assert.ok(encodeModel(back, {}).equals(encodeModel(flat, {})), 'a padded model saves as the unpadded one');
  for (const seq of data) assert.deepEqual([...decode(back, seq)], [...decode(flat, seq)]);
});

/** Rows of 8 back to rows of 7. */
function unpadded(w: Float32Array | Int16Array): Int16Array {
  return Int16Array.from({ length: (w.length / 8) * 7 }, (_, k) => w[Math.floor(k / 7) * 8 + (k % 7)]!);
}

test('a file that is not a model is refused', () => {
  assert.throws(() => decodeModel(new Uint8Array([1, 2, 3])));
});

test('hashes separate the template and the string boundaries', () => {
  assert.notEqual(hash1(1, 'said'), hash1(2, 'said'));
  assert.notEqual(hash2(1, 'ab', 'c'), hash2(1, 'a', 'bc'));
  assert.equal(hash1(3, 'told'), hash1(3, 'told'));
});

test('a seeded shuffle is a reproducible permutation', () => {
  const a = shuffle([1, 2, 3, 4, 5, 6], seededRandom(42));
  assert.deepEqual(a, shuffle([1, 2, 3, 4, 5, 6], seededRandom(42)));
  assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6]);
});
