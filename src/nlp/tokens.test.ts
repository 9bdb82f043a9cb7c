import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, MAX_RUN, withoutLongRuns } from './tokens.js';

test('a run of punctuation longer than MAX_RUN becomes one token per MAX_RUN characters, with the text around it tokenised as before', () => {
  const text = `Intro words. ${'-'.repeat(3 * MAX_RUN)} More words.`;
  const { tokens } = analyzeText(text);
  const run = tokens.filter((t) => t.text.startsWith('-'));
  assert.deepEqual(run.map((t) => [t.start, t.end, t.pos, t.type]), [0, 1, 2].map((k) => [13 + k * MAX_RUN, 13 + (k + 1) * MAX_RUN, 'PUNCT', 'punctuation']));
  assert.deepEqual(tokens.filter((t) => !t.text.startsWith('-')).map((t) => t.text), ['Intro', 'words', '.', 'More', 'words', '.']);
});

test('runs up to MAX_RUN characters stay one piece for wink; longer ones are cut without splitting a surrogate pair', () => {
  const url = `https://example.org/${'a'.repeat(MAX_RUN - 20)}`;
  assert.deepEqual(withoutLongRuns(`see ${url} now`, { start: 0, end: url.length + 8 }), [{ start: 0, end: url.length + 8 }]);
  const emoji = '😀'.repeat(MAX_RUN);
  const pieces = withoutLongRuns(emoji, { start: 0, end: emoji.length });
  assert.ok(pieces.every((p) => p.run && !/[\uD800-\uDBFF]$/.test(emoji.slice(p.start, p.end))));
  assert.equal(pieces.reduce((n, p) => n + p.end - p.start, 0), emoji.length);
});
