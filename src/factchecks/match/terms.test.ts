import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldText, matchNames, matchNumbers, matchTerms, splitJoinedWords } from './terms.js';

test('terms are stemmed content words and numbers, function words dropped', () => {
  assert.deepEqual(matchTerms('The vaccines were tested on 1,200 volunteers'), ['vaccin', 'test', '1200', 'volunteer']);
});

test('accents are folded and thousands separators dropped', () => {
  assert.equal(foldText('Périer paid 23,000 euros'), 'perier paid 23000 euros');
});

test('numbers are listed once each, decimals kept', () => {
  assert.deepEqual(matchNumbers('3.5 million in 2019, and 3.5 again'), ['3.5', '2019']);
});

test('names are the capitalised words written mid-sentence', () => {
  assert.deepEqual(matchNames('Officials in Thorndale met Mayor Okafor.'), ['thorndale', 'mayor', 'okafor']);
});

test('words written joined are also given as their parts', () => {
  assert.equal(splitJoinedWords('HurricaneDorian hits G7Summit iPhone'), 'HurricaneDorian Hurricane Dorian hits G7Summit G7 Summit iPhone');
});
