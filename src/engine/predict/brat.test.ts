import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { toBrat } from './brat.js';

/** A report with one attribution, its spans given by their words in the text. */
function reportOf(text: string, source: string, cue: string): Report {
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const content = span('it would hurt farmers');
  return {
    document: { text },
    attributions: [{ id: 'a1', source: { ...span(source), type: 'named' }, grade: 'named', cue: span(cue), content, hedged: false }],
  } as unknown as Report;
}

test('a source standing for a relative pronoun right before its cue is written as the pronoun, as PolNeAR marks it', () => {
  const text = 'The bill was drafted by Jane Ortiz, who said it would hurt farmers.';
  const lines = toBrat(reportOf(text, 'Jane Ortiz', 'said')).split('\n');
  assert.equal(lines[0], `T1\tSource 36 39\twho`);
});

test('a source right before its cue is written as it is', () => {
  const text = 'Jane Ortiz said it would hurt farmers.';
  assert.equal(toBrat(reportOf(text, 'Jane Ortiz', 'said')).split('\n')[0], 'T1\tSource 0 10\tJane Ortiz');
});
