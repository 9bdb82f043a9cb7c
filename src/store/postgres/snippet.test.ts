import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fts5Snippet } from './snippet.js';

/** A column whose matched words are the given ones (every occurrence). */
const marked = (text: string, ...words: string[]) => ({
  text,
  matches: [...text.matchAll(new RegExp(`\\b(${words.join('|')})\\b`, 'gi'))].map((m) => [m.index, m.index + m[0].length] as [number, number]),
});

const DOC = 'Harbour Dredging Costs Soar\n\nThe Port of Vellmar spent 12\u00a0million euros on dredging in 2023, according to the harbour board.\r\nCritics say the \u201cemergency\u201d work was never put out to tender. \u{1F6A2} Officials declined to comment on the dredging.';

test('a short column is shown whole, with its trailing punctuation and no ellipsis', () => {
  const claim = 'Critics say the \u201cemergency\u201d work was never put out to tender.';
  assert.deepEqual(fts5Snippet([marked(claim, 'tender')]), { snippet: claim, highlights: [[54, 60]] });
});

test('a long text is cut to sixteen words from the start of the sentence holding the match, with ellipses', () => {
  assert.deepEqual(fts5Snippet([marked('Harbour Dredging Costs Soar'), marked(DOC, 'tender')]), {
    snippet: '\u2026Critics say the \u201cemergency\u201d work was never put out to tender. \u{1F6A2} Officials declined to comment on\u2026',
    highlights: [[55, 61]],
  });
});

test('the window with more distinct matched words wins over the title', () => {
  const { snippet, highlights } = fts5Snippet([marked('Harbour Dredging Costs Soar', 'dredging'), marked(DOC, 'dredging', 'port')]);
  assert.equal(snippet.startsWith('Harbour Dredging Costs Soar\n\nThe Port'), true);
  assert.deepEqual(highlights.map(([s, e]) => snippet.slice(s, e)), ['Dredging', 'Port', 'dredging']);
});

test('a window near the end is moved back to hold sixteen words, and takes the rest of the text', () => {
  const text = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ') + ' final.';
  const { snippet } = fts5Snippet([marked(text, 'final')]);
  assert.equal(snippet, '\u2026w15 w16 w17 w18 w19 w20 w21 w22 w23 w24 w25 w26 w27 w28 w29 final.');
});

test('a column without matches shows its start', () => {
  assert.deepEqual(fts5Snippet([marked('Ferry Fares Frozen')]), { snippet: 'Ferry Fares Frozen', highlights: [] });
  assert.deepEqual(fts5Snippet([{ text: '', matches: [] }]), { snippet: '', highlights: [] });
});
