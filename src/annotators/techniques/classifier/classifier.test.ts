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

test('the vector group gives the span\'s meaning and its sentence\'s as 100 dense features each, at their fixed lengths', () => {
  const ctx = createArticleContext(TEXT, analyzeText(TEXT));
  const list = spanFeatures(ctx, rangeOf('corrupt bureaucrats'), new Set<FeatureGroup>(['vectors']));
  const length = (prefix: string) => Math.sqrt(list.names.reduce((s, n, k) => s + (n.startsWith(prefix) ? list.values[k]! ** 2 : 0), 0));
  assert.equal(list.names.filter((n) => n.startsWith('vec=')).length, 100);
  assert.equal(list.names.filter((n) => n.startsWith('cvec=')).length, 100);
  assert.ok(Math.abs(length('vec=') - 3) < 1e-4 && Math.abs(length('cvec=') - 0.9) < 1e-4);
  // Words of like meaning give nearer span vectors than unrelated ones.
  const other = 'The corrupt thugs sold the pier. The blue kettle boiled.';
  const octx = createArticleContext(other, analyzeText(other));
  const vec = (phrase: string) => spanFeatures(octx, { start: other.indexOf(phrase), end: other.indexOf(phrase) + phrase.length }, new Set<FeatureGroup>(['vectors'])).values.slice(0, 100);
  const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0) / 9;
  const here = list.values.slice(0, 100);
  assert.ok(cos(here, vec('corrupt thugs')) > cos(here, vec('blue kettle')));
  assert.equal(describeFeature('vec=17'), 'what its words mean (word vectors)');
  assert.equal(describeFeature('cvec=3'), 'what the rest of its sentence means (word vectors)');
});

test('a span of words without vectors has no vector features', () => {
  const text = 'Zzqx vrrk!';
  const list = spanFeatures(createArticleContext(text, analyzeText(text)), { start: 0, end: 9 }, new Set<FeatureGroup>(['vectors']));
  assert.equal(list.names.filter((n) => n.startsWith('vec=')).length, 0);
});
