import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeNeighbours, encodeNeighbours, loadNeighbours, neighboursOfRow, type NeighboursData } from './word-neighbours.js';
import { loadVectorsData, readVectorsPrefix, WORD_VECTORS_URL } from './vectors-format.js';

const tiny: NeighboursData = {
  count: 3, k: 2, floor: 0.5, meta: { note: 'test' },
  rows: Uint16Array.from([1, 2, 0, 0xffff, 0xffff, 0xffff]),
  cosines: Uint8Array.from([230, 128, 230, 0, 0, 0]),
};

test('a neighbour table survives encoding and decoding exactly', () => {
  const back = decodeNeighbours(encodeNeighbours(tiny));
  assert.deepEqual({ ...back, rows: [...back.rows], cosines: [...back.cosines] }, { ...tiny, rows: [...tiny.rows], cosines: [...tiny.cosines] });
});

test('a file that is not a neighbour table is refused', () => {
  assert.throws(() => decodeNeighbours(Buffer.from('CTWV1\0\0\0 vectors')), /not a claimtrace word-neighbours file/);
});

test('a row lists its filled slots nearest first; a row past the table has none', () => {
  assert.deepEqual(neighboursOfRow(tiny, 0), [{ row: 1, cosine: 230 / 255 }, { row: 2, cosine: 128 / 255 }]);
  assert.deepEqual([neighboursOfRow(tiny, 2), neighboursOfRow(tiny, 3), neighboursOfRow(tiny, -1)], [[], [], []]);
});

test('the committed table gives "former" its nearest content words, without its own forms or stopwords', () => {
  const vectors = loadVectorsData();
  const near = neighboursOfRow(loadNeighbours(), vectors.words.indexOf('former')).map((n) => vectors.words[n.row]);
  assert.ok(near.includes('ex'), near.join(' '));
  assert.equal(near.length, 8);
});

test('the first rows of the vectors file read alone equal the same rows of the whole file', () => {
  const whole = loadVectorsData();
  const prefix = readVectorsPrefix(WORD_VECTORS_URL, 1000);
  assert.deepEqual([prefix.count, prefix.words, [...prefix.scales], [...prefix.common], [...prefix.values]], [1000, whole.words.slice(0, 1000), [...whole.scales.subarray(0, 1000)], [...whole.common], [...whole.values.subarray(0, 1000 * whole.dims)]]);
});
