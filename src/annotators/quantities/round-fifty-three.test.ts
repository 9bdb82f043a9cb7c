// The fifty-third round: figures the numeric probe (bench/quality/numeric-probe.ts) found misread. Every text is
// written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

const read = (text: string) =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [text.slice(q.start, q.end), q.start, q.end, q.quantityKind, q.unit]);

test('"pct." with its full stop at the end of a sentence is a percentage, as "pct" is; the stop is the sentence\'s', () => {
  assert.deepEqual(read('Bonds returned 6 pct, shares 11 pct.'), [
    ['6 pct', 15, 20, 'percent', '%'],
    ['11 pct', 29, 35, 'percent', '%'],
  ]);
});

test('a name and a figure after a count whose noun has words before it go on its list: the figure counts', () => {
  assert.deepEqual(read('Dunmore logged 64 minor crashes, Kilbride 41 and Oban 12.'), [
    ['64', 15, 17, 'count', 'crashes'],
    ['41', 42, 44, 'count', undefined],
    ['12', 54, 56, 'count', undefined],
  ]);
  assert.deepEqual(read('They met at 3 Park Lane and Platform 9.').map((r) => r[3]), ['ordinal', 'ordinal']);
});
