import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSnippet, toFts5Query } from './fts-query.js';

test('plain words become quoted terms that must all match', () => {
  assert.equal(toFts5Query('harbour dredging'), '"harbour" "dredging"');
});

test('a quoted phrase stays one phrase', () => {
  assert.equal(toFts5Query('"ferry fares" frozen'), '"ferry fares" "frozen"');
});

test('FTS5 syntax in a query is quoted as text', () => {
  assert.equal(toFts5Query('title:port -tender NEAR(a b) OR'), '"title:port" "-tender" "NEAR(a" "b)" "OR"');
});

test('a stray quote inside a word is doubled', () => {
  assert.equal(toFts5Query('o"neill'), '"o""neill"');
});

test('a trailing star asks for a prefix', () => {
  assert.equal(toFts5Query('dredg*'), '"dredg"*');
});

test('a query with nothing searchable is null', () => {
  assert.equal(toFts5Query(' - : "" * '), null);
});

test('a marked snippet splits into text and highlight ranges', () => {
  assert.deepEqual(parseSnippet('\u2026the \u0002port\u0003 spent \u0002\u{1F6A2}\u0003'), { snippet: '\u2026the port spent \u{1F6A2}', highlights: [[5, 9], [16, 18]] });
});
