import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { contentIndex, rangeIndex, sentenceAround } from './brat-index.js';
import { notNested, toBrat } from './brat.js';

/** A small seeded generator (mulberry32), so that the random tables are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const randomRanges = (next: () => number, n: number, span: number) =>
  Array.from({ length: n }, () => {
    const start = Math.floor(next() * 200);
    return { start, end: start + Math.floor(next() * span) };
  });

test('the range index finds exactly the ranges holding a point and those starting in a span, empty ones never holding', () => {
  const next = random(7);
  for (let round = 0; round < 20; round++) {
    const ranges = randomRanges(next, 60, round % 2 ? 40 : 5);
    const index = rangeIndex(ranges);
    for (let p = -2; p < 250; p += 3) {
      const holding: number[] = [];
      index.someHolding(p, (i) => (holding.push(i), false));
      assert.deepEqual(holding.sort((a, b) => a - b), ranges.flatMap((r, i) => (r.start <= p && p < r.end ? [i] : [])));
      const starting: number[] = [];
      index.someStartingIn(p, p + 7, (i) => (starting.push(i), false));
      assert.deepEqual(starting.sort((a, b) => a - b), ranges.flatMap((r, i) => (r.start >= p && r.start < p + 7 ? [i] : [])));
    }
  }
});

test('the range index stops at the first range the visitor accepts', () => {
  const index = rangeIndex([{ start: 0, end: 10 }, { start: 2, end: 8 }, { start: 4, end: 6 }]);
  let visits = 0;
  assert.equal(index.someHolding(5, () => (visits++, true)), true);
  assert.equal(visits, 1);
  assert.equal(index.someHolding(20, () => true), false);
});

test('another content near a span is found, the asking attribution\'s own never', () => {
  const contents = [{ start: 0, end: 30, cue: { start: 40, end: 44 } }, { start: 50, end: 60, cue: { start: 45, end: 49 } }];
  const index = contentIndex(contents);
  assert.equal(index.except(1).someNear(10, 20, () => true), true);
  assert.equal(index.except(0).someNear(10, 20, () => true), false);
  assert.equal(index.except(0).someCueStartingIn(45, 46, () => true), true);
  assert.equal(index.except(1).someCueStartingIn(45, 46, () => true), false);
});

test('the sentence around an offset is the one it ends or lies in, as a linear find would give it', () => {
  const sentences = [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 25, end: 30 }];
  for (let offset = 0; offset <= 32; offset++) assert.equal(sentenceAround(sentences, offset), sentences.find((s) => s.start <= offset && offset <= s.end), String(offset));
});

test('nested attributions are left out as by comparing every pair', () => {
  const next = random(11);
  for (let round = 0; round < 30; round++) {
    const written = Array.from({ length: 25 }, () => {
      const cue = Math.floor(next() * 300);
      const fragments = randomRanges(next, 1 + Math.floor(next() * 2), 60);
      return { cue: { start: cue, end: cue + 1 + Math.floor(next() * 4) }, fragments };
    });
    const inside = (a: (typeof written)[number], b: (typeof written)[number]) => b.fragments.some((f) => f.start < a.cue.start && a.cue.end <= f.end);
    const pairwise = written.map((inner) => !written.some((outer) => outer !== inner && inside(inner, outer) && !inside(outer, inner)));
    assert.deepEqual(notNested(written), pairwise);
  }
});

/** A range whose bounds count how often they are read. */
function counted(start: number, end: number, reads: { n: number }): { start: number; end: number } {
  return {
    get start() {
      reads.n++;
      return start;
    },
    get end() {
      reads.n++;
      return end;
    },
  };
}

/**
 * A report of `n` sentences, each a quotation with its source and cue, every tenth with a nested attribution inside;
 * the cues and sentences count the reads of their bounds (a scan of all attributions per attribution reads them n² times).
 */
function longReport(n: number, reads: { n: number }): Report {
  const sentence = '“The port will close and Ben Ode said the boats are gone,” said Ana Ruiz. ';
  const text = sentence.repeat(n);
  const attributions = [];
  const sentences = [];
  for (let i = 0; i < n; i++) {
    const at = i * sentence.length;
    const range = (words: string) => ({ start: at + sentence.indexOf(words), end: at + sentence.indexOf(words) + words.length, text: words });
    const cue = (words: string) => counted(range(words).start, range(words).end, reads);
    sentences.push(Object.defineProperties({ id: `s${i}` }, Object.getOwnPropertyDescriptors(counted(at, at + sentence.length - 1, reads))));
    attributions.push({ id: `a${i}`, source: { ...range('Ana Ruiz'), type: 'named' }, grade: 'named', cue: cue('said Ana'), content: range('The port will close and Ben Ode said the boats are gone'), hedged: false });
    if (i % 10 === 0) attributions.push({ id: `b${i}`, source: { ...range('Ben Ode'), type: 'named' }, grade: 'named', cue: cue('said the'), content: range('the boats are gone'), hedged: false });
  }
  return { document: { text }, sentences, attributions } as unknown as Report;
}

test('the brat output of a long document reads its cues and sentences about linearly often, not quadratically', () => {
  const reads = { n: 0 };
  const short = longReport(500, reads);
  const long = longReport(4000, reads);
  reads.n = 0;
  const brat = toBrat(short);
  // Every quotation is written, the nested attributions left out: one event line per sentence.
  assert.equal(brat.split('\n').filter((l) => l.startsWith('E')).length, 500);
  const small = reads.n;
  reads.n = 0;
  toBrat(long);
  // Eight times the attributions: about 8-11 times the reads in n log n, 64 times if each scanned all the others.
  assert.ok(reads.n / small < 16, `8x the attributions read bounds ${(reads.n / small).toFixed(1)}x as often`);
});
