import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns, horizontalBars } from './bars.js';

test('the largest bar fills the width and the others scale with it', () => {
  const bars = horizontalBars([{ label: 'named', value: 6 }, { label: 'vague', value: 3 }, { label: 'none', value: 0 }], 300, 24);
  assert.deepEqual(bars.map((b) => [b.label, b.y, b.width]), [['named', 0, 300], ['vague', 24, 150], ['none', 48, 0]]);
});

test('bars of nothing have no width', () => {
  assert.deepEqual(horizontalBars([{ label: 'named', value: 0 }], 300, 24).map((b) => b.width), [0]);
});

test('columns share the slot width and rise from the bottom', () => {
  const cols = columns([{ label: '2024-01', value: 2 }, { label: '2024-02', value: 4 }], 100, 40, 4);
  assert.deepEqual(cols.map((c) => [c.x, c.y, c.width, c.height]), [[5, 20, 40, 20], [55, 0, 40, 40]]);
});

test('a column above the shared maximum is clipped to the chart', () => {
  const [col] = columns([{ label: 'x', value: 9 }], 10, 40, 3);
  assert.equal(col!.height, 40);
});

test('a lone column stays narrow, centred in the chart', () => {
  const [col] = columns([{ label: '2024-04', value: 2 }], 300, 40, 2);
  assert.deepEqual([col!.x, col!.width], [130, 40]);
});
