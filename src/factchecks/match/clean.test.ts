import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanClaim, cleanClaimText, handleWords } from './clean.js';

test('links are removed, also a picture link glued to the word before it', () => {
  assert.equal(cleanClaimText('Harbour cranes idle https://t.co/AbC123 for weeks SaveThePortpic.twitter.com/xYz9'), 'Harbour cranes idle for weeks SaveThePort');
});

test('the author trailer is removed and its author and year kept apart', () => {
  assert.deepEqual(cleanClaim('The mayor closed 12 libraries. — Ana Reyes (@anareyes) March 3, 2021'), { text: 'The mayor closed 12 libraries.', author: 'Ana Reyes anareyes', year: '2021', month: 'march' });
});

test('a trailer whose handle was lost is still removed', () => {
  assert.deepEqual(cleanClaim('First line. — Tom Vale ( ) May 9, 2019 Second line.'), { text: 'First line. Second line.', author: 'Tom Vale', year: '2019', month: 'may' });
});

test('an @handle keeps its word, an e-mail address is left as it is, a hashtag keeps its word', () => {
  assert.equal(cleanClaimText('@cityhall wrote to info@example.org about #floods'), 'cityhall wrote to info@example.org about floods');
});

test('an @handle is split into its words where they were joined, one-letter parts dropped', () => {
  assert.equal(cleanClaimText('Ask @MayorAnaReyes_NYC and @BBCNews2 why @TomORiley left'), 'Ask Mayor Ana Reyes NYC and BBC News why Tom Riley left');
});

test('the words of a handle: case changes, upper-case runs, underscores and digits part them', () => {
  assert.deepEqual(['GreenPartyUK', 'HQ_Port', 'news24today', 'x'].map(handleWords), ['Green Party UK', 'HQ Port', 'news 24 today', '']);
});

test('a dash without a handle is no trailer', () => {
  assert.deepEqual(cleanClaim('Prices rose — again — in June'), { text: 'Prices rose — again — in June' });
});
