// Time linear in the text for inputs that made technique finding quadratic: many model spans beside many rule hits
// in a long text, and one long sentence of charged words. Ratios of CPU time, not absolute times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { doublingRatio, repeatTo } from '../../nlp/test-helpers.js';
import { analyzeText } from '../../nlp/tokens.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createArticleContext, spanFeatures } from './classifier/features.js';
import { createTechniqueAnnotator } from './index.js';
import { buildSiSequences } from './spans/features.js';
import { defaultSpanTagger } from './spans/tagger.js';

const pipeline = createPipeline([createSentenceAnnotator(), createTechniqueAnnotator()]);
const techniques = (text: string) => pipeline.run(createDocument(text));
const linear = (make: (n: number) => string, n: number) => {
  const ratio = doublingRatio(make, techniques, n);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
};

test('a long text of charged sentences: model spans, rule hits and repeats of a wording are compared in linear time', () => {
  linear((n) => repeatTo('This disgraceful, shameful plan is a total disaster for everyone! ', n), 20_000);
});

test('one long sentence of charged words: distances to the nearest lexicon word in linear time', () => {
  const { spanLemmas } = defaultSpanTagger();
  const input = (n: number) => {
    const text = repeatTo('disgraceful shameful outrageous plans and ', n);
    const { tokens } = analyzeText(text);
    return { tokens, sentences: [{ start: 0, end: text.length }], ruleTechniques: tokens.map(() => ''), spanLemmas };
  };
  const features = (siInput: ReturnType<typeof input>) => {
    for (const seq of buildSiSequences(siInput)) assert.ok(seq.features.length > 0);
  };
  const ratio = doublingRatio(input, features, 40_000);
  assert.ok(ratio < 3, `doubling the sentence took ${ratio.toFixed(2)}× the time`);
});

test('repeats of a span wording are counted near the span: a span costs the same however long the text goes on', () => {
  const filler = (n: number) => repeatTo('The harbour opened at nine and the boats left in a calm sea. ', n);
  const context = (n: number) => {
    const text = `The rare-word ${filler(n)}`;
    return createArticleContext(text, analyzeText(text.slice(0, 2_000)));
  };
  const spans = (ctx: ReturnType<typeof context>) => {
    for (let i = 0; i < 100; i++) spanFeatures(ctx, { start: 4, end: 11 + (i % 5) }, new Set(['repeat']));
  };
  const ratio = doublingRatio(context, spans, 1_000_000, 3, 3, 1.3);
  assert.ok(ratio < 1.5, `doubling the text made its spans take ${ratio.toFixed(2)}× the time`);
});
