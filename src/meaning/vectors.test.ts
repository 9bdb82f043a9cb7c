import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeVectors, encodeVectors, getWordVectors, WordVectors, type VectorsData } from './vectors.js';

const tiny: VectorsData = {
  dims: 3,
  count: 3,
  sourceSize: 10,
  meta: { note: 'test' },
  words: ['alpha', 'beta', 'gamma'],
  scales: Float32Array.from([0.5, 0.25, 0]),
  common: Float32Array.from([1, 0, 0]),
  values: Int8Array.from([127, -1, 0, 2, 4, -127, 0, 0, 0]),
};

test('a table survives encoding and decoding exactly', () => {
  const back = decodeVectors(encodeVectors(tiny));
  assert.deepEqual({ ...back, values: [...back.values], scales: [...back.scales], common: [...back.common] }, { ...tiny, values: [...tiny.values], scales: [...tiny.scales], common: [...tiny.common] });
});

test('a file that is not a word-vectors table is refused', () => {
  assert.throws(() => decodeVectors(Buffer.from('CTCM1 not vectors')), /not a claimtrace word-vectors file/);
});

test('a row is its int8 values times its scale', () => {
  assert.deepEqual([...new WordVectors(tiny).row(1)], [0.5, 1, -31.75]);
});

test('nearest words are ranked by the cosine of their int8 rows; an all-zero row has no neighbours', () => {
  const table = new WordVectors(tiny);
  // Row norms are kept as f32.
  const norm = (squares: number) => Math.fround(Math.sqrt(squares));
  assert.deepEqual(table.nearest('alpha', 5), [{ word: 'beta', cosine: 250 / (norm(127 * 127 + 1) * norm(4 + 16 + 127 * 127)) }]);
  assert.deepEqual(table.nearest('gamma', 5), []);
});

test('the committed table is loaded once per process', () => {
  const table = getWordVectors();
  assert.equal(getWordVectors(), table);
  assert.equal(table.count, 130_000);
  assert.equal(table.dims, 100);
  assert.equal(table.words[0], 'the');
});

test('a word is looked up lower-cased', () => {
  const table = getWordVectors();
  assert.deepEqual(table.vectorOf('Fighters'), table.row(table.indexOf('fighters')));
  assert.deepEqual(table.vectorOf('NATO'), table.row(table.indexOf('nato')));
});

test('an inflected form missing from the table falls back to its lemma', () => {
  const table = getWordVectors();
  assert.equal(table.indexOf('checkouts'), -1);
  assert.deepEqual(table.vectorOf('checkouts'), table.vectorOf('checkout'));
});

test('a hyphenated word missing from the table is the mean of its parts', () => {
  const table = getWordVectors();
  assert.equal(table.indexOf('ex-fighters'), -1);
  const [ex, fighters] = [table.row(table.indexOf('ex')), table.row(table.indexOf('fighters'))];
  const mean = table.vectorOf('ex-fighters')!;
  for (let d = 0; d < table.dims; d++) assert.ok(Math.abs(mean[d]! - (ex[d]! + fighters[d]!) / 2) < 1e-6, `dimension ${d}`);
});

test('an unknown word has no vector and no neighbours', () => {
  const table = getWordVectors();
  assert.equal(table.vectorOf('qzxwvt'), undefined);
  assert.equal(table.vectorOf('qzxwvt-fighters'), undefined);
  assert.deepEqual(table.nearest('qzxwvt'), []);
});

test('the nearest words of "fighters" are other armed groups, best first, without the word itself', () => {
  const near = getWordVectors().nearest('fighters', 10);
  assert.equal(near.length, 10);
  const words = near.map((n) => n.word);
  assert.ok(!words.includes('fighters'));
  for (const w of ['rebels', 'militants', 'insurgents']) assert.ok(words.includes(w), `${w} in ${words.join(' ')}`);
  for (let i = 1; i < near.length; i++) assert.ok(near[i - 1]!.cosine >= near[i]!.cosine);
});

test('nearest words can be limited to the most frequent rows', () => {
  const table = getWordVectors();
  const near = table.nearest('agencies', 5, 5000);
  assert.equal(near.length, 5);
  for (const n of near) assert.ok(table.indexOf(n.word) < 5000, n.word);
});
