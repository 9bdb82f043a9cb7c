import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countHits, emptyHits, mergeRanked, scanFloat32, scanInt8, toInt8, topK, unit } from './vector-index-rank.js';

test('topK returns the k largest scores best first, ties to the lower index, and all when k exceeds n', () => {
  const scores = Float32Array.from([0.1, 0.9, 0.5, 0.9, -1, 0.7]);
  assert.deepEqual(topK(scores, 3), [1, 3, 5]);
  assert.deepEqual(topK(scores, 10), [1, 3, 5, 2, 0, 4]);
  assert.deepEqual(topK(scores, 0), []);
  assert.deepEqual(topK(scores, 2, 3), [1, 2]);
});

test('topK agrees with a full sort on seeded random scores', () => {
  let x = 7;
  const scores = Float32Array.from({ length: 5000 }, () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31));
  const sorted = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
  assert.deepEqual(topK(scores, 200), sorted.slice(0, 200));
});

test('int8 and float32 scans rank rows as their cosines do', () => {
  const rows = [unit(Float32Array.from([1, 0, 0, 0, 1])), unit(Float32Array.from([0, 1, 0, 0, 0])), unit(Float32Array.from([1, 0.2, 0, 0, 0.9]))];
  const f32 = new Float32Array(15);
  const i8 = new Int8Array(15);
  rows.forEach((r, i) => {
    f32.set(r, i * 5);
    toInt8(r, i8, i * 5);
  });
  const q = unit(Float32Array.from([1, 0, 0, 0, 1]));
  const q8 = new Int8Array(5);
  toInt8(q, q8);
  const a = new Float32Array(3);
  const b = new Float32Array(3);
  scanFloat32(q, f32, 5, 3, a);
  scanInt8(q8, i8, 5, 3, b);
  assert.ok(Math.abs(a[0]! - 1) < 1e-6);
  assert.equal(a[1], 0);
  assert.deepEqual(topK(a, 3), [0, 2, 1]);
  assert.deepEqual(topK(b, 3), [0, 2, 1]);
  assert.ok(Math.abs(b[0]! / 127 / 127 - 1) < 0.01);
});

test('unit leaves an all-zero vector at zero', () => {
  assert.deepEqual([...unit(new Float32Array(3))], [0, 0, 0]);
});

test('countHits counts an appearance found when any of its claims is among the first k', () => {
  const hits = emptyHits();
  countHits(hits, [{ url: 'a', kind: 'retold', claims: [5, 6] }, { url: 'b', kind: 'paraphrase', claims: [9] }, { url: 'c', kind: 'retold', claims: [] }], [1, 6, 9], 2);
  assert.deepEqual(hits, { paraphrase: { relevant: 1, found: 0 }, retold: { relevant: 2, found: 1 } });
});

test('mergeRanked interleaves two lists without repeats up to k', () => {
  assert.deepEqual(mergeRanked([1, 2, 3], [2, 4, 5, 6], 5), [1, 2, 4, 3, 5]);
  assert.deepEqual(mergeRanked([], [7, 8], 5), [7, 8]);
});
