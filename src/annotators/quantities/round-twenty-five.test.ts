// Round 25 of issue 13 (the lead): a range of days beside an abbreviated month is a date, and a year before a noun
// that names its level ("below 2019 levels") is a year. Every text is written for this test; each has a contrast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

const kinds = (text: string): string[][] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [text.slice(q.start, q.end), q.quantityKind]);

test('"Sept. 8-14" and "March 3-5" are dates; "8-14 people" counts', () => {
  assert.deepEqual(kinds('The poll was conducted Sept. 8-14 by Northfield Research.').filter(([, k]) => k === 'count'), []);
  assert.deepEqual(kinds('Talks ran March 3-5 in Geneva.').filter(([, k]) => k === 'count'), []);
  assert.deepEqual(kinds('Between 8-14 people were hurt.').map(([, k]) => k), ['count']);
});

test('"below 2019 levels" names a year; "2,019 levels" and "2019 people" count', () => {
  assert.deepEqual(kinds('Ridership is still 18 percent below 2019 levels.').map(([t, k]) => [(t ?? '').replace('below ', ''), k]), [['18 percent', 'percent'], ['2019', 'year']]);
  assert.deepEqual(kinds('The tower has 2,019 levels.').map(([, k]) => k), ['count']);
  assert.deepEqual(kinds('Some 2019 people signed.').map(([, k]) => k), ['count']);
});

test('a number a telephone line is reached on names the line; a count on a line counts', () => {
  assert.deepEqual(kinds("The district's snakebite helpline, 104, works round the clock.").filter(([, k]) => k === 'count'), []);
  assert.deepEqual(kinds('Call the health line at 811 for advice.').filter(([, k]) => k === 'count'), []);
  assert.deepEqual(kinds('The line carried 811 passengers.').map(([, k]) => k), ['count']);
});

test('currency letters written onto the amount are money; a road named so is not', () => {
  const rows = (text: string) => [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [text.slice(q.start, q.end), q.quantityKind, q.value, q.unit]);
  assert.deepEqual(rows('It cost R38m, then R1.2bn and N2.4 billion.'), [['R38m', 'money', 38e6, 'R'], ['R1.2bn', 'money', 1.2e9, 'R'], ['N2.4 billion', 'money', 2.4e9, '₦']]);
  assert.deepEqual(rows('Profit was kr61.2bn; fees were Rs1,200.'), [['kr61.2bn', 'money', 61.2e9, 'kr'], ['Rs1,200', 'money', 1200, '₹']]);
  assert.deepEqual(rows('The N2 and the R21 were shut.').filter((r) => r[1] === 'money'), []);
});

test('shilling and peso letters written onto an amount are money; the second end of a range may carry them too', () => {
  const rows = (text: string) => [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [text.slice(q.start, q.end), q.quantityKind, q.value, q.unit]);
  assert.deepEqual(rows('The county paid Sh312 million; damage reached P412 million.'), [['Sh312 million', 'money', 312e6, 'KSh'], ['P412 million', 'money', 412e6, '₱']]);
  assert.deepEqual(rows('Aid of PHP 2.3 billion was pledged.'), [['PHP 2.3 billion', 'money', 2.3e9, '₱']]);
  assert.deepEqual(rows('Form P45 and the P60 were lost.').filter((r) => r[1] === 'money'), []);
  const [range] = [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument('Growers sold at between Rs3,500 and Rs3,300 a bag.')).all('quantity')];
  assert.deepEqual([range?.bound, range?.low, range?.high, range?.unit], ['range', 3500, 3300, '₹']);
});
