import assert from 'node:assert/strict';
import { test } from 'node:test';
import { speakerLines } from './attribution-speakers.js';

const words = (text: string) => (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

test('a line opening with a name and a colon is an attribution: the name, the colon, the rest of the line', () => {
  const text = 'Harbour Master Ola Berg: The pier will not reopen this year.\nThe council met on Monday.';
  const w = words(text);
  assert.deepEqual(speakerLines(text, []).map((a) => [w(a.source), w(a.cue), w(a.content)]), [['Harbour Master Ola Berg', ':', 'The pier will not reopen this year.']]);
});

test('labels, figures and lines whose name or colon another attribution touches are no speaker lines', () => {
  const text = 'Update: The ferry now leaves at nine.\nLindqvist: 1,204 votes.\nBerg: The pier is gone.';
  const berg = { start: text.indexOf('Berg'), end: text.indexOf('Berg') + 4 };
  assert.deepEqual(speakerLines(text, [berg]), []);
});

test('a speaker line is written though another attribution lies in the rest of the line', () => {
  const text = 'Berg: The pier, she said, is gone.';
  const w = words(text);
  const said = { start: text.indexOf('said'), end: text.indexOf('said') + 4 };
  assert.deepEqual(speakerLines(text, [said]).map((a) => [w(a.source), w(a.cue)]), [['Berg', ':']]);
});

test('a "Poll:" or "News Guide:" headline is an attribution of the label, as PolNeAR marks it', () => {
  const text = 'Poll: Ferry fares split the harbour towns.\nNews Guide: What the pier vote means.';
  const w = words(text);
  assert.deepEqual(speakerLines(text, []).map((a) => [w(a.source), w(a.cue), w(a.content)]), [['Poll', ':', 'Ferry fares split the harbour towns.'], ['News Guide', ':', 'What the pier vote means.']]);
});

test('bylines and headline exclamations ("BOOM:", "Wow:") are no speakers', () => {
  const text = 'BYLINE: Ola Berg.\nWow: The Ferry Just Did Something Nobody Expected.';
  assert.deepEqual(speakerLines(text, []), []);
});
