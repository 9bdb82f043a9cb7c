import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fill, probeItems, type ProbeItem } from './numeric-probe.js';

/** Number words and fractions the probe writes its figures in (a fraction of a whole of 100). */
const WORDS: Record<string, number> = { four: 4, five: 5, six: 6, nine: 9, eleven: 11, fifteen: 15, 'a quarter': 25, 'a fifth': 20 };

const value = (s: string): number => WORDS[s] ?? Number(s.replace(/,/g, ''));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The whole and the sum of the parts of one version of an item. */
function sides(item: ProbeItem, values: Readonly<Record<string, string>>): [number, number] {
  const [lhs, rhs] = item.sum.split('=').map((x) => x.trim());
  const term = (x: string) => (x in values ? value(values[x]!) : Number(x));
  return [term(lhs!), round(rhs!.split('+').map((x) => term(x.trim())).reduce((a, b) => a + b, 0))];
}

test('every probe item is told twice: once not adding up, once adding up exactly', () => {
  const items = probeItems();
  assert.ok(items.length >= 80);
  for (const item of items) {
    for (const v of [item.over, item.even]) for (const x of Object.values(v)) assert.ok(!Number.isNaN(value(x)), `${item.id}: ${x}`);
    const [whole, parts] = sides(item, item.over);
    assert.notEqual(parts, whole, `${item.id} over`);
    const [evenWhole, evenParts] = sides(item, item.even);
    assert.equal(evenParts, evenWhole, `${item.id} even`);
  }
});

test('every probe item fills all its slots and no two items share an id or a text', () => {
  const items = probeItems();
  assert.equal(new Set(items.map((i) => i.id)).size, items.length);
  const texts = items.flatMap((i) => [fill(i, i.over), fill(i, i.even)]);
  assert.equal(new Set(texts).size, texts.length);
  for (const t of texts) assert.ok(!/\{\w+\}/.test(t), t);
});
