// Names each with one figure inside brackets (quantities.ts countLabelledLists). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createQuantityAnnotator } from './index.js';

const read = (text: string) =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]).run(createDocument(text)).all('quantity')].map((q) => [text.slice(q.start, q.end), q.quantityKind, q.unit]);

test('names each followed by a figure after an opening bracket are a list of counts, as after a colon', () => {
  assert.deepEqual(read('The strike grounded 312 flights (Skyjet 180, Nordair 95, others 52).'), [
    ['312', 'count', 'flights'],
    ['180', 'count', undefined],
    ['95', 'count', undefined],
    ['52', 'count', undefined],
  ]);
});

test('one name and figure in brackets, or label words in brackets, stay labels', () => {
  assert.deepEqual(read('The fire started near the depot (Gate 4) on Sunday.').map((r) => r[1]), ['ordinal']);
  assert.deepEqual(read('Both roads (Route 9 and Route 12) were closed.').map((r) => r[1]), ['ordinal', 'ordinal']);
  assert.deepEqual(read('The winner (Skyjet 180) was named on Friday.').map((r) => r[1]), ['ordinal']);
});
