// Time linear in the text for inputs that made attribution finding quadratic: a long paragraph of attributed
// sentences, and one long sentence of many attributions (no full stops). Ratios of CPU time, not absolute times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { doublingRatio, repeatTo } from '../../nlp/test-helpers.js';
import { createEntityAnnotator } from '../entities/index.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createAttributionAnnotator } from './index.js';

const pipeline = createPipeline([createSentenceAnnotator(), createEntityAnnotator(), createAttributionAnnotator()]);
const attribute = (text: string) => pipeline.run(createDocument(text));
const linear = (unit: string, n: number) => {
  const ratio = doublingRatio((size) => repeatTo(unit, size), attribute, n);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
};

test('a paragraph repeating one attributed sentence: the tagger cues are checked against the rules and joined to their cue in linear time', () => {
  linear('The council said 5 boats sank. ', 60_000);
});

test('one long sentence of chained attributions: nesting and rule roles in linear time', () => {
  linear('the council said the mayor said ', 30_000);
});

test('one long sentence of straight-quoted attributions: whether a quote opens or closes is known without counting the quotes before it', () => {
  linear('he said "yes" and ', 30_000);
});

test('one long sentence of hedge adverbs: each finds its clause without walking back over the sentence', () => {
  linear('the ferry reportedly sank and ', 60_000);
});

test('a sentence holding many attributions still nests the inner one in the outer one', () => {
  const doc = attribute('Nora Lind said that the mayor claimed that 40 boats sank.');
  const [outer, inner] = doc.all('attribution');
  assert.equal(inner?.parent, outer?.id);
});
