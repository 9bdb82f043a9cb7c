import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveGold } from './news-metric.js';
import { sourcingProbeItems } from './sourcing-probe.js';

test('every sourcing probe item resolves against its own text and ids are unique', () => {
  const items = sourcingProbeItems();
  assert.ok(items.length >= 30);
  assert.equal(new Set(items.map((i) => i.id)).size, items.length);
  for (const item of items) assert.doesNotThrow(() => resolveGold(item, item.text!), item.id);
});
