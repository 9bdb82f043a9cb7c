// A total a cue marks as one, with its list right at it (readings.ts cuedList). Every text is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief } from './test-kit.js';

test('a list after the colon of a total a cue marks names its parts whatever nouns they are counted in', () => {
  const text = 'A total of 214 permits were issued this spring: 38 trawl licences, 97 longline licences and 85 handline permits.';
  assert.deepEqual(brief(text), [['total-unsupported', '214']]);
  assert.deepEqual(brief(text.replace('85 handline', '79 handline')), []);
  assert.deepEqual(brief('The survey logged 27 species in all: 13 tunnellers, 11 dwellers and 5 rollers.'), [['total-unsupported', '27']]);
});

test('a list right before a total a cue closes names its parts whatever nouns they are counted in', () => {
  const text = 'Thieves took 96 hives in the valley, 71 near the lake and 58 from the hill farms, in all 214 colonies.';
  assert.deepEqual(brief(text), [['total-unsupported', '214']]);
  assert.deepEqual(brief(text.replace('58 from', '47 from')), []);
});

test('without a cue, without "and", or with times for parts, the nouns must still fit the total', () => {
  assert.deepEqual(brief('The survey logged 27 species: 13 tunnellers, 11 dwellers and 5 rollers.'), []);
  assert.deepEqual(brief('The survey logged 27 species in all: 13 tunnellers, 11 dwellers, 5 rollers.'), []);
  assert.deepEqual(brief('The survey logged 27 species in all: 13 days, 11 nights and 5 weeks.'), []);
});
