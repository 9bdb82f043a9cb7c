import assert from 'node:assert/strict';
import { test } from 'node:test';
import { snippetParts } from './snippet.js';

const show = (snippet: string, hl: [number, number][]) => snippetParts(snippet, hl).map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

test('highlights become marked parts', () => {
  assert.equal(show('the new harbour crane', [[8, 15], [16, 21]]), 'the new [harbour] [crane]');
});

test('overlapping highlights merge and out-of-range ones are clamped', () => {
  assert.equal(show('ferry fares rose', [[0, 5], [3, 11], [12, 99]]), '[ferry][ fares] [rose]');
});

test('markup in a snippet stays text', () => {
  const parts = snippetParts('<b>fees</b>', [[3, 7]]);
  assert.deepEqual(parts, [{ text: '<b>', mark: false }, { text: 'fees', mark: true }, { text: '</b>', mark: false }]);
});
