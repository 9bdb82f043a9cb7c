import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TECHNIQUES } from '../../../core/annotations.js';
import { analyzeText } from '../../../nlp/tokens.js';
import { trainSoftmax } from '../../../learn/softmax.js';
import { classifySpan, defaultTechniqueClassifier, type TechniqueClassifier } from './classifier.js';
import { describeFeature } from './explain.js';
import { createArticleContext, FEATURE_GROUPS, hashFeatures, normaliseWording, spanFeatures, type FeatureGroup } from './features.js';

const TEXT = [
  'Keep Brennhaven Free',
  '',
  'The port council has betrayed our proud town again.',
  'These corrupt bureaucrats want to sell the quay.',
  'Keep Brennhaven free, and every patriot knows it.',
  'Is the so-called audit even real?',
  'Keep Brennhaven free!',
].join('\n');

const ALL = new Set<FeatureGroup>(FEATURE_GROUPS);
const rangeOf = (phrase: string, from = 0) => ({ start: TEXT.indexOf(phrase, from), end: TEXT.indexOf(phrase, from) + phrase.length });
const features = (phrase: string, groups: ReadonlySet<FeatureGroup> = ALL, spans: { start: number; end: number }[] = []) =>
  spanFeatures(createArticleContext(TEXT, analyzeText(TEXT), spans), rangeOf(phrase), groups).names;

test('wording is normalised to lower case with single spaces', () => {
  assert.equal(normaliseWording('  Keep\n Brennhaven   FREE '), 'keep brennhaven free');
});

test('a span repeated three times as whole words counts three occurrences, one before the second', () => {
  const names = spanFeatures(createArticleContext(TEXT, analyzeText(TEXT)), rangeOf('Keep Brennhaven free', 60), new Set(['repeat'])).names;
  assert.deepEqual(names.filter((n) => n.startsWith('rep=') || n.startsWith('rep-before=')), ['rep=<=3', 'rep-before=1']);
});

test('a word found only inside a longer word does not count as a repeat', () => {
  assert.ok(features('port', new Set(['repeat'])).includes('rep=<=1'));
});

test('the span words, first and last word and the short phrase are features', () => {
  assert.deepEqual(features('corrupt bureaucrats', new Set(['words'])), ['w=corrupt', 'w=bureaucrats', 'first=corrupt', 'last=bureaucrats', 'span=corrupt bureaucrats']);
});

test('cue groups fire for flag words and doubt words', () => {
  assert.deepEqual([features('every patriot knows it', new Set(['cues'])), features('so-called audit', new Set(['cues']))], [['cue=all', 'cue=flag'], ['cue=doubt']]);
});

test('the words just before and after the span are context features', () => {
  assert.deepEqual(features('so-called audit', new Set(['context'])), ['prev=the', 'prev2=is the', 'next=even', 'next2=even real']);
});

test('a span inside a longer given span and a span given twice are marked', () => {
  const outer = rangeOf('These corrupt bureaucrats want to sell the quay.');
  const inner = rangeOf('corrupt bureaucrats');
  const names = features('corrupt bureaucrats', new Set(['spans']), [outer, inner, inner]);
  assert.deepEqual(names, ['spans-same-wording=<=1', 'spans-same-range=<=2', 'nest=inside']);
});

test('feature names read as short phrases', () => {
  assert.deepEqual(['w=traitor', 'rep=<=3', 'prev=so', 'unknown'].map(describeFeature), ['the word "traitor"', 'wording occurs <=3 times in the article', 'after "so"', 'unknown']);
});

/** A classifier trained on three spans of TEXT, enough to check ranking and explanation. */
function tinyClassifier(): TechniqueClassifier {
  const groups = new Set<FeatureGroup>(['words']);
  const ctx = createArticleContext(TEXT, analyzeText(TEXT));
  const rows = [['corrupt bureaucrats', 'Name_Calling,Labeling'], ['betrayed', 'Loaded_Language'], ['so-called audit', 'Doubt']] as const;
  const examples = rows.map(([phrase, technique]) => ({ ...hashFeatures(spanFeatures(ctx, rangeOf(phrase), groups)), label: TECHNIQUES.indexOf(technique) }));
  return { model: trainSoftmax(examples, { labels: TECHNIQUES, bits: 12, epochs: 30, seed: 5 }).model, groups, meta: {} };
}

test('classifySpan ranks every technique, most probable first, and explains the winner by the span\'s words', () => {
  const ctx = createArticleContext(TEXT, analyzeText(TEXT));
  const result = classifySpan(tinyClassifier(), ctx, rangeOf('so-called audit'));
  assert.deepEqual([result.ranked.length, result.ranked[0]!.technique, result.explanation], [14, 'Doubt', 'ends with "audit"; starts with "so"; the phrase "so called audit"']);
});

test('the committed model ranks a thrice-repeated slogan as Repetition', () => {
  const ctx = createArticleContext(TEXT, analyzeText(TEXT));
  const result = classifySpan(defaultTechniqueClassifier(), ctx, rangeOf('Keep Brennhaven free', 60));
  assert.equal(result.ranked[0]!.technique, 'Repetition');
});
