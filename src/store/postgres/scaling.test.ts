// Time linear in the text for the PostgreSQL store's snippets: the sentence holding each match was searched for from
// the first sentence again, so a long article of short sentences that each hold a match took time quadratic in its
// length. Ratios of CPU time, not absolute times. At 12,000 sentences a run took ~14 ms and doubling it measured 2.4×
// (the heap's growth, not the work; CI once read 3.08×); from 48,000 on, doubling measures 1.95×.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doublingRatio } from '../../nlp/test-helpers.js';
import { fts5Snippet } from './snippet.js';

test('a long text of short sentences that each hold a match: the snippet is chosen in linear time', () => {
  const column = (n: number) => {
    const text = 'Port. '.repeat(n);
    return [{ text, matches: Array.from({ length: n }, (_, i) => [6 * i, 6 * i + 4] as [number, number]) }];
  };
  let snippet = '';
  const ratio = doublingRatio(column, (columns) => void ({ snippet } = fts5Snippet(columns)), 48_000);
  assert.equal(snippet, `${'Port. '.repeat(15)}Port…`);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
});
