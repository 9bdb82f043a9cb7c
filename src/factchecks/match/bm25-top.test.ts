import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../learn/hashing.js';
import { indexField, scoreField } from './bm25.js';
import { topBm25 } from './bm25-top.js';
import { selectTop } from './store-match.js';

/** Documents of 3-20 words from a vocabulary of 300 with a long tail (word i drawn about 1/(i+1) as often), seeded. */
function collection(size: number, seed: number): string[][] {
  const random = seededRandom(seed);
  const word = () => `w${Math.floor(300 ** random()) - 1}`;
  return Array.from({ length: size }, () => Array.from({ length: 3 + Math.floor(random() * 18) }, word));
}

test('topBm25 gives selectTop(scoreField) bit for bit: the same documents, order and scores, query after query', () => {
  const docs = collection(3_000, 14);
  const index = indexField(docs);
  const random = seededRandom(15);
  for (let q = 0; q < 200; q++) {
    // Words of a document (ties: documents with the same words), repeated words, a word no document holds.
    const terms = [...docs[Math.floor(random() * docs.length)]!.slice(0, 1 + Math.floor(random() * 8)), 'w0', 'w0', 'unheard'];
    for (const k of [1, 10, 100, 5_000]) {
      const expected = scoreField(index, terms);
      const got = topBm25(index, terms, k);
      assert.deepEqual(got.map((s) => s.doc), selectTop(expected, k), `query ${q} @${k}`);
      assert.ok(got.every((s) => Object.is(s.score, expected[s.doc])), `query ${q} @${k}: scores`);
    }
  }
});

test('topBm25 of no known word, or k 0, is empty', () => {
  const index = indexField([['a', 'b'], ['b', 'c']]);
  assert.deepEqual(topBm25(index, ['zzz'], 5), []);
  assert.deepEqual(topBm25(index, ['b'], 0), []);
  assert.deepEqual(topBm25(index, ['b', 'c'], 5).map((s) => s.doc), [1, 0]);
});
