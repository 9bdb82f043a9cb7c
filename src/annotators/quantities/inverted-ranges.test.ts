// Ranges written the wrong way round without "between" or "from" (issue 13, round 27 on the tune half): "X to Y" with
// X above Y and the unit written once after Y is a range, unless a vote, score or ratio stands before it or the first
// end carries a unit of its own; unit letters written onto both ends ("1.9C") do not cut a range. Texts are written
// for this test; each has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

const ranges = (text: string): [string, number | undefined, number | undefined][] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')]
    .filter((q) => q.bound === 'range')
    .map((q) => [text.slice(q.start, q.end), q.low, q.high]);

test('"X to Y minutes" with X above Y is a range as written', () => {
  assert.deepEqual(ranges('Crossing times would shrink by 75 to 30 minutes.'), [['75 to 30 minutes', 75, 30]]);
  assert.deepEqual(ranges('Frogs winter in ponds of 11 to 6 degrees.'), [['11 to 6', 11, 6]]);
  assert.deepEqual(ranges('Frogs winter in ponds of 6 to 11 degrees.'), [['6 to 11', 6, 11]]);
});

test('votes, scores, ratios and changes to a level are no ranges', () => {
  assert.deepEqual(ranges('The panel backed the plan by a majority of 9 to 4 members.'), []);
  assert.deepEqual(ranges('Okoro won 57 to 43 percent.'), []);
  assert.deepEqual(ranges('Sales grew 6% to £2.1bn.'), []);
  assert.deepEqual(ranges('The bill came to £900,000 - £350,000 of it for legal fees.'), []);
  assert.deepEqual(ranges('Waits fell from 75 to 30 minutes.'), []);
  assert.deepEqual(ranges('She was sentenced in 2019 to three years of probation.'), []);
});

test('unit letters written onto both ends keep the range', () => {
  assert.deepEqual(ranges('Lakes warmed by between 2.3C and 1.4C over the period.'), [['between 2.3C and 1.4C', 2.3, 1.4]]);
  assert.deepEqual(ranges('Trails of 4km to 9km were marked.'), [['4km to 9km', 4, 9]]);
  assert.deepEqual(ranges('It rose by between 0.8C and 1.1C.').map(([, l, h]) => [l, h]), [[0.8, 1.1]]);
});
