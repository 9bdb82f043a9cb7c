import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createClaimAnnotator } from './claims.js';
import { defaultCheckworthyModel, scoreSentence } from './model.js';
import { checkworthyFeatures } from './model-features.js';

const model = defaultCheckworthyModel();

test('a short sentence gets word, n-gram, character, shape, pronoun and sentence-level features', () => {
  // 5 tokens x 3 n-grams; "<we>" 3 character grams + first-plural; "<cut>" 6; "5" NUM shape; "<jobs>" 9; then end
  // bigram, first words, last word, length and figure count.
  assert.equal(checkworthyFeatures('We cut 5 jobs.').length, 15 + 4 + 6 + 1 + 9 + 5);
});

test('curly and straight apostrophes give the same features', () => {
  assert.deepEqual(checkworthyFeatures('The port’s crane cost $4 million.'), checkworthyFeatures("The port's crane cost $4 million."));
});

test('the committed model carries the threshold chosen on its validation split', () => {
  assert.equal(model.threshold, model.meta.threshold);
  assert.ok(model.threshold > 0 && model.threshold < 1);
});

test('a sentence stating a figure scores above the same topic as a question and as an opinion', () => {
  const statistic = scoreSentence(model, 'The harbour authority spent $40 million on the new pier last year.');
  const question = scoreSentence(model, 'What will the harbour do with the new pier?');
  const opinion = scoreSentence(model, 'I think we should be proud of our harbour.');
  assert.ok(statistic > 0.5 && question < 0.3 && opinion < 0.3, `${statistic} ${question} ${opinion}`);
});

test('scores are probabilities rounded to three decimals', () => {
  const score = scoreSentence(model, 'Unemployment in the county fell by 3 percent in 2023.');
  assert.ok(score >= 0 && score <= 1);
  assert.equal(Math.round(score * 1000) / 1000, score);
});

test('the claim annotator scores with the model by default and with the rules when the model is null', () => {
  const text = 'The ferry company carries 12,000 passengers a month.';
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  const [trained] = doc.with(createClaimAnnotator().run(doc, ctx)).all('claim');
  const [ruled] = doc.with(createClaimAnnotator({ model: null }).run(doc, ctx)).all('claim');
  assert.deepEqual([trained?.source, trained?.checkworthiness], ['claims@12', scoreSentence(model, text)]);
  assert.equal(ruled?.source, 'claims@11');
});
