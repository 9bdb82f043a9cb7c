import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { quotationIndex, toBrat } from './brat.js';
import { keptAfterComma } from './polnear-nesting.js';

const at = (text: string, words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const show = (text: string) => (r: { start: number; end: number }) => text.slice(r.start, r.end);

/** Two attributions of one sentence, the second's cue inside the first's content. */
function nested(text: string, inner: { source: string; cue: string }) {
  const outer = { cue: at(text, 'said'), bare: at(text, 'Tom Berg'), fragments: [{ start: text.indexOf('the ferry'), end: text.length - 1 }] };
  return [outer, { cue: at(text, inner.cue), bare: at(text, inner.source), fragments: [] }];
}

test('a nested attribution with its own source after a comma is kept, the outer content cut before its source', () => {
  const text = 'Tom Berg said the ferry would run until May, Ana Ruiz argued that it would stop in March.';
  const { parts, kept } = keptAfterComma(text, nested(text, { source: 'Ana Ruiz', cue: 'argued' }), [true, false], quotationIndex(text));
  assert.deepEqual(kept, [true, true]);
  assert.deepEqual(parts[0]!.fragments.map(show(text)), ['the ferry would run until May']);
});

test('a nested attribution stays left out without a comma before it, without its own source or inside a quotation', () => {
  const plain = 'Tom Berg said the ferry would run until May because Ana Ruiz argued that it should.';
  assert.deepEqual(keptAfterComma(plain, nested(plain, { source: 'Ana Ruiz', cue: 'argued' }), [true, false], quotationIndex(plain)).kept, [true, false]);
  const sourceless = 'Tom Berg said the ferry would run until May, as was argued in the hall.';
  const parts = nested(sourceless, { source: 'Ana Ruiz', cue: 'was argued' });
  assert.deepEqual(keptAfterComma(sourceless, [parts[0]!, { ...parts[1]!, bare: null }], [true, false], quotationIndex(sourceless)).kept, [true, false]);
  const quoted = 'Tom Berg said “the ferry would run until May, Ana Ruiz argued so” at the meeting.';
  assert.deepEqual(keptAfterComma(quoted, nested(quoted, { source: 'Ana Ruiz', cue: 'argued' }), [true, false], quotationIndex(quoted)).kept, [true, false]);
});

test('the brat output writes both attributions of a comma-nested pair', () => {
  const text = 'Tom Berg said the ferry would run until May, Ana Ruiz argued that it would stop in March.';
  const span = (words: string) => ({ ...at(text, words), text: words });
  const report = {
    document: { text },
    attributions: [
      { id: 'a1', source: { ...span('Tom Berg'), type: 'named' }, grade: 'named', cue: span('said'), content: span('the ferry would run until May, Ana Ruiz argued that it would stop in March'), hedged: false },
      { id: 'a2', source: { ...span('Ana Ruiz'), type: 'named' }, grade: 'named', cue: span('argued'), content: span('it would stop in March'), hedged: false },
    ],
  } as unknown as Report;
  const lines = toBrat(report).split('\n').filter((line) => /^T\d+\t(?:Cue|Content) /.test(line)).map((line) => line.split('\t')[2]);
  assert.deepEqual(lines, ['said', 'the ferry would run until May', 'argued', 'that it would stop in March']);
});
