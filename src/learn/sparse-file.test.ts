import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSparseFile, writeSparseFile } from './sparse-file.js';

test('the container gives back the header, the buckets with their weights and the tail', () => {
  const file = writeSparseFile('TEST1', { width: 2, note: 'é' }, [3, 9], Int16Array.from([1, -2, 300, -32767]), Uint8Array.from([7, 8]));
  const back = readSparseFile<{ width: number; note: string }>(file, 'TEST1', 'test model', (h) => h.width);
  assert.deepEqual([back.header, [...back.buckets], [...back.values], [...back.tail]], [{ width: 2, note: 'é' }, [3, 9], [1, -2, 300, -32767], [7, 8]]);
});

test('a container with another magic is refused, naming what was expected', () => {
  const file = writeSparseFile('OTHER', {}, [], new Int16Array(0));
  assert.throws(() => readSparseFile(file, 'TEST1', 'test model', () => 1), /not a claimtrace test model/);
});
