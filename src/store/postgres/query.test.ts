import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toPgTextQuery } from './query.js';

test('every word and phrase is quoted, so operators are plain text', () => {
  assert.deepEqual(toPgTextQuery('"ferry fares" 2025: -frozen" (ferry) or'), { websearch: '"ferry fares" "2025:" "-frozen " "(ferry)" "or"', prefixes: '' });
});

test('a trailing star asks for a prefix, quoted for to_tsquery', () => {
  assert.deepEqual(toPgTextQuery("harb* o'neil*"), { websearch: '', prefixes: "'harb':* & 'o''neil':*" });
});

test('punctuation alone is no query', () => {
  assert.equal(toPgTextQuery(' - : " * '), null);
});
