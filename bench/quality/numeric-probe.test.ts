import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basename } from 'node:path';
import { fill, isShares, PROBE_FILE, PROBE_FILE_2, probeItems, type ProbeItem } from './numeric-probe.js';

/** Number words and fractions the probes write their figures in (a fraction of a whole of 100). */
const WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, eleven: 11, twelve: 12, fourteen: 14, fifteen: 15, nineteen: 19,
  'twenty-one': 21, 'twenty-four': 24, 'twenty-five': 25, 'twenty-eight': 28, 'thirty-one': 31, 'thirty-four': 34, 'thirty-seven': 37, forty: 40,
  'a quarter': 25, 'a fifth': 20,
};

const value = (s: string): number => WORDS[s.toLowerCase()] ?? Number(s.replace(/,/g, ''));
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The whole and the sum of the parts of one version of an item. */
function sides(item: ProbeItem, values: Readonly<Record<string, string>>): [number, number] {
  const [lhs, rhs] = item.sum.split('=').map((x) => x.trim());
  const term = (x: string) => (x in values ? value(values[x]!) : Number(x));
  return [term(lhs!), round(rhs!.split('+').map((x) => term(x.trim())).reduce((a, b) => a + b, 0))];
}

/** Each probe's file and the fewest items it holds. */
const PROBES = [{ file: PROBE_FILE, least: 80 }, { file: PROBE_FILE_2, least: 60 }];

for (const { file, least } of PROBES) {
  const name = basename(file);

  test(`every item of ${name} is told twice: once not adding up, once adding up exactly`, () => {
    const items = probeItems(file);
    assert.ok(items.length >= least);
    for (const item of items) {
      for (const v of [item.over, item.even]) for (const x of Object.values(v)) assert.ok(!Number.isNaN(value(x)), `${item.id}: ${x}`);
      const [whole, parts] = sides(item, item.over);
      assert.notEqual(parts, whole, `${item.id} over`);
      const [evenWhole, evenParts] = sides(item, item.even);
      assert.equal(evenParts, evenWhole, `${item.id} even`);
    }
  });

  test(`every item of ${name} fills all its slots and no two items share an id or a text`, () => {
    const items = probeItems(file);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    const texts = items.flatMap((i) => [fill(i, i.over), fill(i, i.even)]);
    assert.equal(new Set(texts).size, texts.length);
    for (const t of texts) assert.ok(!/\{\w+\}/.test(t), t);
  });
}

test('the shares of the second probe that must be flagged add up to more than 101', () => {
  for (const item of probeItems(PROBE_FILE_2).filter(isShares)) assert.ok(sides(item, item.over)[1] > 101, item.id);
});
