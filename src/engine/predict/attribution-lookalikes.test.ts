import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import type { RefusedRaw } from '../../annotators/attributions/find.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { lookalikesOf } from './attribution-lookalikes.js';

test('a refused cue that shares its source with a reported attribution is written; one on a reported cue is not', () => {
  const text = 'The mayor announced that the pier will close and vowed to rebuild it.';
  const range = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const doc = createDocument(text).with({ annotations: [{ kind: 'attribution', id: 'a1', source: 'test', ...range('The mayor announced that the pier will close'), sourceSpan: range('The mayor'), cue: range('announced'), content: range('that the pier will close'), grade: 'vague', hedged: false }] });
  const { tokens } = textAnalysisOf(text, new Map());
  const span = (words: string) => {
    const { start, end } = range(words);
    return { first: tokens.findIndex((t) => t.start === start), end: tokens.findIndex((t) => t.end === end) + 1 };
  };
  const candidate = (cue: string): RefusedRaw => ({ sentence: 0, refusal: 'commitment', raw: { kind: 'verb', source: span('The mayor'), cue: span(cue), content: range('to rebuild it'), hedged: false } });
  const written = lookalikesOf(doc, tokens, [candidate('vowed'), candidate('announced')], new Set(['commitment']));
  assert.deepEqual(written.map((l) => [text.slice(l.source!.start, l.source!.end), text.slice(l.cue.start, l.cue.end)]), [['The mayor', 'vowed']]);
});
