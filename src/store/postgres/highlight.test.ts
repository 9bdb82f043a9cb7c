import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryLexemes } from './highlight.js';

test("a tsquery's text gives its lexemes, prefixes marked and quotes undone", () => {
  assert.deepEqual(queryLexemes("'polic' & 'ferri' <-> 'fare' & 'harb':* & 'o''neil'"), [
    { lexeme: 'polic', prefix: false }, { lexeme: 'ferri', prefix: false }, { lexeme: 'fare', prefix: false }, { lexeme: 'harb', prefix: true }, { lexeme: "o'neil", prefix: false },
  ]);
  assert.deepEqual(queryLexemes(''), []);
});
