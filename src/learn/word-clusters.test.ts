import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeClusters, encodeClusters, sphericalKMeans } from './word-clusters.js';

/** Unit rows in two dimensions at the given angles (degrees). */
const rowsAt = (angles: number[]) => Float32Array.from(angles.flatMap((a) => [Math.cos((a * Math.PI) / 180), Math.sin((a * Math.PI) / 180)]));

test('spherical k-means puts rows of like direction together', () => {
  const ids = sphericalKMeans(rowsAt([0, 5, 10, 90, 95, 100, 180, 185]), 8, 2, { k: 3, iterations: 10, seed: 7 });
  assert.equal(new Set([ids[0], ids[1], ids[2]]).size, 1);
  assert.equal(new Set([ids[3], ids[4], ids[5]]).size, 1);
  assert.equal(new Set([ids[6], ids[7]]).size, 1);
  assert.equal(new Set(ids).size, 3);
});

test('the same seed gives the same clusters', () => {
  const rows = rowsAt(Array.from({ length: 40 }, (_, i) => (i * 37) % 360));
  assert.deepEqual(sphericalKMeans(rows, 40, 2, { k: 5, iterations: 4, seed: 3 }), sphericalKMeans(rows, 40, 2, { k: 5, iterations: 4, seed: 3 }));
});

test('more clusters than rows is refused', () => {
  assert.throws(() => sphericalKMeans(rowsAt([0, 90]), 2, 2, { k: 3, iterations: 1, seed: 1 }), /cannot make 3 clusters of 2 rows/);
});

test('a cluster table survives encoding, and another file is refused', () => {
  const table = { words: ['rose', 'fell', 'senate'], levels: [{ k: 2, ids: Uint16Array.from([0, 0, 1]) }, { k: 3, ids: Uint16Array.from([0, 1, 2]) }], meta: { seed: 1 } };
  const back = decodeClusters(encodeClusters(table));
  assert.deepEqual(back.words, table.words);
  assert.deepEqual(back.levels, table.levels);
  assert.deepEqual(back.meta, table.meta);
  assert.throws(() => decodeClusters(encodeClusters(table).subarray(0, 20)), /unexpected end|not a claimtrace|truncated/);
});
