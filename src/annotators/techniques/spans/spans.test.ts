import assert from 'node:assert/strict';
import { test } from 'node:test';
import { textAnalysisOf } from '../../../nlp/tokens.js';
import { sentenceSpan, tagSpans, type SpanTagger } from './tagger.js';

/** A tagger whose every token has the same probability (no weights, Platt b sets it). */
function constantTagger(logit: number): SpanTagger {
  return { model: { bits: 4, weights: new Float32Array(16), bias: 0, platt: { a: 1, b: logit } }, threshold: 0.5, extent: 0.3, spanLemmas: new Map(), meta: {} };
}

test('a sentence with no token at the seed threshold has no span', () => {
  assert.equal(sentenceSpan([0.1, 0.45, 0.2], 0.5, 0.3), undefined);
});

test('a seed grows over neighbours at or above the extent threshold and stops below it', () => {
  assert.deepEqual(sentenceSpan([0.1, 0.3, 0.6, 0.35, 0.29, 0.4], 0.5, 0.3), [1, 4]);
});

test('the span runs from the first seed region to the last one, gaps included', () => {
  assert.deepEqual(sentenceSpan([0.7, 0.1, 0.0, 0.2, 0.55, 0.31, 0.05], 0.5, 0.3), [0, 6]);
});

test('a token exactly at the seed threshold is a seed', () => {
  assert.deepEqual(sentenceSpan([0.2, 0.5, 0.2], 0.5, 0.3), [1, 2]);
});

test('tagSpans gives one span per sentence, from its first to its last token, when every token is likely', () => {
  const text = 'The harbour board lied again. Ferries stop at noon.';
  const { tokens } = textAnalysisOf(text, new Map());
  const spans = tagSpans(constantTagger(2), { tokens, sentences: [{ start: 0, end: 29 }, { start: 30, end: 51 }], ruleTechniques: tokens.map(() => '') });
  assert.deepEqual(spans.map((s) => [s.start, s.end]), [[0, 29], [30, 51]]);
  assert.equal(spans[0]!.score.toFixed(3), '0.881');
});

test('tagSpans gives no span when no token reaches the seed threshold', () => {
  const text = 'The ministry opened a new pier.';
  const { tokens } = textAnalysisOf(text, new Map());
  assert.deepEqual(tagSpans(constantTagger(-1), { tokens, sentences: [{ start: 0, end: 31 }], ruleTechniques: tokens.map(() => '') }), []);
});
