import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineColMapper, overlapIndex, overlaps, rangeAt, trimRange } from './range.js';

test('line and column count CRLF, lone CR and LF as one break each', () => {
  const at = lineColMapper('ab\r\ncd\ref\ngh');
  assert.deepEqual([at(0), at(4), at(7), at(10), at(11)], [
    { line: 1, col: 1 },
    { line: 2, col: 1 },
    { line: 3, col: 1 },
    { line: 4, col: 1 },
    { line: 4, col: 2 },
  ]);
});

test('columns count UTF-16 code units, so an emoji takes two', () => {
  const at = lineColMapper('😀x');
  assert.deepEqual(at(2), { line: 1, col: 3 });
});

test('trimRange drops whitespace and non-breaking spaces at both ends', () => {
  assert.deepEqual(trimRange('\u00a0 word \n', { start: 0, end: 8 }), { start: 2, end: 6 });
});

test('rangeAt finds the range holding an offset by binary search, -1 in a gap or outside', () => {
  const ranges = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 10, end: 14 }];
  assert.equal(rangeAt(ranges, 0), 0);
  assert.equal(rangeAt(ranges, 4), 0);
  assert.equal(rangeAt(ranges, 5), -1);
  assert.equal(rangeAt(ranges, 10), 2);
  assert.equal(rangeAt(ranges, 14), -1);
  assert.equal(rangeAt([], 3), -1);
});

test('overlapIndex answers as overlaps() against every range does, for nested, touching and unsorted ranges', () => {
  const ranges = [{ start: 20, end: 30 }, { start: 0, end: 100 }, { start: 40, end: 45 }, { start: 5, end: 6 }];
  const index = overlapIndex(ranges.slice(2));
  const all = overlapIndex(ranges);
  for (let start = -2; start < 110; start += 3) {
    for (const len of [0, 1, 4, 12]) {
      const r = { start, end: start + len };
      assert.equal(all(r), ranges.some((x) => overlaps(x, r)), `${start}+${len}`);
      assert.equal(index(r), ranges.slice(2).some((x) => overlaps(x, r)), `${start}+${len} (two ranges)`);
    }
  }
  assert.equal(overlapIndex([])({ start: 0, end: 5 }), false);
  // Touching is no overlap.
  assert.equal(overlapIndex([{ start: 10, end: 20 }])({ start: 20, end: 25 }), false);
});
