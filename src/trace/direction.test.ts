import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countedPhrase } from './direction.js';

const phraseAfter = (text: string, figure: string) => {
  const end = text.indexOf(figure) + figure.length;
  return countedPhrase(text, [{ end, kind: 'count' }]);
};

test('the phrase after a count ends at a preposition or a clause word, as at a stopword', () => {
  assert.deepEqual(phraseAfter('The end of steelmaking would leave about 40,000 employees without a wage.', '40,000'), ['employees']);
  assert.deepEqual(phraseAfter('Some 3,000 residents across the valley were evacuated.', '3,000'), ['residents']);
  assert.deepEqual(phraseAfter('About 900 nurses who had left the service came back.', '900'), ['nurses']);
  // A word that places a time ends it too; up to three content words, the last part of a hyphenated word.
  assert.deepEqual(phraseAfter('The city will cut 40 bus routes next month.', '40'), ['bus', 'routes']);
  assert.deepEqual(phraseAfter('Officers arrested 75 football fans last night.', '75'), ['football', 'fans']);
  assert.deepEqual(phraseAfter('The fund paid 2,000 small business owners compensation.', '2,000'), ['small', 'business', 'owners']);
  assert.deepEqual(phraseAfter('Security services monitor 23,000 ex-fighters in the region.', '23,000'), ['fighters']);
});
