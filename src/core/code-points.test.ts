import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codePointOffsets } from './code-points.js';

test('offsets are unchanged in a text without characters outside the BMP', () => {
  const at = codePointOffsets('Café “quoted” text');
  assert.deepEqual([at(0), at(5), at(18)], [0, 5, 18]);
});

test('each emoji before an offset counts one code point instead of two UTF-16 units', () => {
  const text = 'A 🎉 B 🚢 C';
  const at = codePointOffsets(text);
  assert.equal(at(text.indexOf('B')), 4);
  assert.equal(at(text.indexOf('C')), 8);
  assert.equal(at(text.length), [...text].length);
});
