import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { annotate } from '../../annotators/attributions/test-helpers.js';
import { textAnalysisOf } from '../../nlp/tokens.js';
import { withParticipleObjects, withParticipleSubjects, withSourcesAfterQuotes } from './attribution-subjects.js';

/** The source predict attribution writes for a sourceless cue given by its words, in a one-sentence text. */
function sourceOf(text: string, cue: string, content: string, earlier?: { source: string; cue: string }): string | null {
  const doc = annotate(text);
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const attribution = (id: string, source: string | null, c: string) => ({ id, source: source ? { ...span(source), type: 'named' } : null, grade: source ? 'named' : 'none', cue: span(c), content: span(content), hedged: false });
  const report = { document: { text }, attributions: [...(earlier ? [attribution('a0', earlier.source, earlier.cue)] : []), attribution('a1', null, cue)] } as unknown as Report;
  const out = withParticipleSubjects(report, doc, textAnalysisOf(text, new Map()).tokens);
  return out.attributions.at(-1)!.source?.text ?? null;
}

test('a participle after a comma takes the subject that opens the sentence', () => {
  assert.equal(sourceOf('The harbour master spoke to reporters on Tuesday, blaming the storm for the delays.', 'blaming', 'the storm for the delays'), 'The harbour master');
});

test('a subject followed by a time phrase before its verb is still the subject', () => {
  assert.equal(sourceOf('Councillor Ines Moreau on Friday criticised the budget, calling it reckless.', 'calling', 'it reckless'), 'Councillor Ines Moreau');
});

test('a participle after another attribution of its sentence takes that source', () => {
  assert.equal(sourceOf('The ferry operator said fares would rise, adding that two routes would close.', 'adding', 'that two routes would close', { source: 'The ferry operator', cue: 'said' }), 'The ferry operator');
});

test('a participle that modifies a noun takes no source', () => {
  assert.equal(sourceOf('A group supporting the new marina met on Monday.', 'supporting', 'the new marina'), null);
});

test('an expletive subject is no source', () => {
  assert.equal(sourceOf('There was little time left, making any delay costly.', 'making', 'any delay costly'), null);
});

/** Source and content predict attribution writes for a participle cue whose source was read after it, after an earlier attribution. */
function turned(text: string, earlier: { source: string; cue: string; content: string }, cue: string, source: string, content: string): [string | null, string] {
  const doc = annotate(text);
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const attribution = (id: string, s: string, c: string, x: string) => ({ id, source: { ...span(s), type: 'named' }, grade: 'named', cue: span(c), content: span(x), hedged: false });
  const report = { document: { text }, attributions: [attribution('a0', earlier.source, earlier.cue, earlier.content), attribution('a1', source, cue, content)] } as unknown as Report;
  const out = withParticipleObjects(report, doc, textAnalysisOf(text, new Map()).tokens).attributions.at(-1)!;
  return [out.source?.text ?? null, text.slice(out.content.start, out.content.end)];
}

test('a participle cue with its source read after it has what follows as content and the earlier source as source', () => {
  const text = '“The pier is unsafe,” Ortiz said, citing three reports from the port engineers.';
  assert.deepEqual(turned(text, { source: 'Ortiz', cue: 'said', content: '“The pier is unsafe,”' }, 'citing', 'three reports', '“The pier is unsafe,”'), ['Ortiz', 'three reports from the port engineers']);
});

test('a sourceless reporting verb after a quotation takes the determiner phrase after it as source, up to a comma', () => {
  const text = '“The pier is unsafe,” said the harbour master who inspected it, “and it stays shut.”';
  const doc = annotate(text);
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = { document: { text }, attributions: [{ id: 'a1', source: null, grade: 'none', cue: span('said'), content: span('“The pier is unsafe,”'), hedged: false }] } as unknown as Report;
  assert.equal(withSourcesAfterQuotes(report, doc).attributions[0]!.source?.text, 'the harbour master who inspected it');
});
