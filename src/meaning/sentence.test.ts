import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../nlp/tokens.js';
import { commonComponent, cosine, sentenceSimilarity, sentenceVector, sifWeight, spanVector, zipfProbability } from './sentence.js';
import { getWordVectors, WordVectors } from './vectors.js';

test('paraphrased phrases are more similar than unrelated ones', () => {
  assert.ok(sentenceSimilarity('ex-fighters', 'former fighters') > sentenceSimilarity('ex-fighters', 'bank loans') + 0.5);
  assert.ok(sentenceSimilarity('intelligence services', 'security agencies') > sentenceSimilarity('intelligence services', 'fruit salad') + 0.5);
});

test('a claim retold in other words is nearer than a sentence that only shares its figure', () => {
  const claim = 'Security services monitor 23,000 former fighters.';
  const retold = 'Intelligence officers keep watch on some 23,000 men who once fought for armed groups.';
  const distractor = 'The bakery sold 23,000 loaves of bread during the festival.';
  assert.ok(sentenceSimilarity(claim, retold) > sentenceSimilarity(claim, distractor) + 0.3);
});

test('frequent words weigh less than rare ones (SIF with Zipf probabilities)', () => {
  const table = getWordVectors();
  const the = table.indexOf('the');
  assert.equal(the, 0);
  let h = 0;
  for (let r = table.sourceSize; r >= 1; r--) h += 1 / r;
  assert.equal(zipfProbability(table, the), 1 / h);
  assert.equal(sifWeight(table, the), 1e-3 / (1e-3 + 1 / h));
  assert.ok(sifWeight(table, the) < 0.02);
  assert.ok(sifWeight(table, table.indexOf('surveillance')) > 0.9);
});

test('a sentence vector has no part along the common component', () => {
  const table = getWordVectors();
  const v = sentenceVector('The council approved a new budget for the schools on Monday.');
  assert.ok(Math.abs(cosine(v, table.common)) < 1e-5);
  assert.ok(v.some((x) => x !== 0));
});

test('a span of an analysed text has the vector of its words alone', () => {
  const text = 'Rebels seized the airport. Floods closed two schools in the valley.';
  const start = text.indexOf('Floods');
  assert.deepEqual(spanVector(analyzeText(text).tokens, { start, end: text.length }), sentenceVector(text.slice(start)));
  assert.notDeepEqual(spanVector(analyzeText(text).tokens, { start: 0, end: text.length }), sentenceVector(text.slice(start)));
});

test('a text without known words has the zero vector and similarity 0', () => {
  const v = sentenceVector('qzxwvt ... !!');
  assert.ok(v.every((x) => x === 0));
  assert.equal(sentenceSimilarity('qzxwvt', 'security agencies'), 0);
});

test('the same sentence is identical to itself, whatever its case', () => {
  assert.ok(Math.abs(sentenceSimilarity('Prices rose by 4 percent.', 'PRICES ROSE BY 4 PERCENT.') - 1) < 1e-6);
});

test('the common component is reproducible from its seed and has unit length', () => {
  const words = Array.from({ length: 50 }, (_, i) => `w${i}`);
  const values = Int8Array.from({ length: 50 * 4 }, (_, i) => ((i * 37) % 255) - 127);
  const table = new WordVectors({ dims: 4, count: 50, sourceSize: 100, meta: {}, words, scales: new Float32Array(50).fill(0.01), common: new Float32Array(4), values });
  const a = commonComponent(table, 7, 500, 5);
  assert.deepEqual(commonComponent(table, 7, 500, 5), a);
  assert.ok(Math.abs(Math.hypot(...a) - 1) < 1e-6);
  assert.notDeepEqual(commonComponent(table, 8, 500, 5), a);
});
