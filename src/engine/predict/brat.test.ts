import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Report } from '../../core/report-schema.js';
import { polnearContent, toBrat } from './brat.js';

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

test('a quotation\'s marks, with the comma inside them, belong to its content, as PolNeAR marks it', () => {
  const text = '“Prices will rise,” said Ana Ruiz.';
  const parts = polnearContent(text, { start: 1, end: 17 }, { start: 20, end: 33 }, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['“Prices will rise,”']);
});

test('a quotation split by its source and cue is one content in two fragments', () => {
  const text = '“Prices will rise,” said Ana Ruiz, a spokeswoman, “and wages will not.” The port closed.';
  const around = { start: text.indexOf('said'), end: text.indexOf(', “and') };
  const parts = polnearContent(text, { start: 1, end: 17 }, around, []);
  assert.deepEqual(parts.map((p) => text.slice(p.start, p.end)), ['“Prices will rise,”', '“and wages will not.”']);
  const next = '"We are ready," she said. "The boats are fuelled."';
  const split = polnearContent(next, { start: 1, end: 13 }, { start: 16, end: 24 }, []);
  assert.deepEqual(split.map((p) => next.slice(p.start, p.end)), ['"We are ready,"', '"The boats are fuelled."']);
});

test('NYT\'s doubled apostrophes are quotation marks, and a split quotation may resume after a few words past the cue', () => {
  const nyt = "''We are ready,'' she said. ''The boats are fuelled.''";
  const cue = { start: nyt.indexOf('she'), end: nyt.indexOf('said') + 4 };
  const parts = polnearContent(nyt, { start: 2, end: 15 }, cue, []);
  assert.deepEqual(parts.map((p) => nyt.slice(p.start, p.end)), ["''We are ready,''", "''The boats are fuelled.''"]);
  const blog = '“We are ready,” he wrote in a blog post. “The boats are fuelled.”';
  const wrote = { start: blog.indexOf('he wrote'), end: blog.indexOf('wrote') + 5 };
  const split = polnearContent(blog, { start: 1, end: 14 }, wrote, []);
  assert.deepEqual(split.map((p) => blog.slice(p.start, p.end)), ['“We are ready,”', '“The boats are fuelled.”']);
  // A nested attribution inside the second quotation does not keep it apart; one that starts at its mark does.
  const nested = { start: blog.indexOf('boats'), end: blog.indexOf('fuelled') };
  assert.equal(polnearContent(blog, { start: 1, end: 14 }, wrote, [nested]).length, 2);
  const own = { start: blog.indexOf('The boats'), end: blog.length - 1 };
  assert.equal(polnearContent(blog, { start: 1, end: 14 }, wrote, [own]).length, 1);
});

test('a second quotation that is another attribution\'s content, or a content without quotation marks, stays apart', () => {
  const text = '“Prices will rise,” she said. “No,” he replied.';
  const other = { start: text.indexOf('No'), end: text.indexOf('No') + 2 };
  assert.equal(polnearContent(text, { start: 1, end: 17 }, { start: 20, end: 28 }, [other]).length, 1);
  const plain = 'Ana Ruiz said prices will rise.';
  assert.deepEqual(polnearContent(plain, { start: 14, end: 30 }, { start: 0, end: 13 }, []), [{ start: 14, end: 30 }]);
});

test('a split content is written as brat fragments', () => {
  const text = '“Prices will rise,” she said, “and wages will not.”';
  const span = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length, text: words });
  const report = { document: { text }, attributions: [{ id: 'a1', source: { ...span('she'), type: 'anaphoric' }, grade: 'anaphoric', cue: span('said'), content: span('Prices will rise'), hedged: false }] } as unknown as Report;
  const line = toBrat(report).split('\n').find((l) => l.includes('Content'));
  assert.equal(line, 'T3\tContent 0 19;30 51\t“Prices will rise,” “and wages will not.”');
});

test('a source after its cue keeps the clause that describes it; one before its cue, or in lower case, does not', () => {
  const text = 'Prices will rise, said Ana Ruiz, a spokeswoman for the U.S. port. Ana Ruiz, a spokeswoman, said no.';
  const span = (words: string, from = 0) => ({ start: text.indexOf(words, from), end: text.indexOf(words, from) + words.length, text: words });
  const report = (source: ReturnType<typeof span>, cue: ReturnType<typeof span>) => ({ document: { text }, attributions: [{ id: 'a1', source: { ...source, type: 'named' }, grade: 'named', cue, content: span('Prices will rise'), hedged: false }] }) as unknown as Report;
  assert.equal(toBrat(report(span('Ana Ruiz'), span('said'))).split('\n')[0], 'T1\tSource 23 64\tAna Ruiz, a spokeswoman for the U.S. port');
  assert.equal(toBrat(report(span('Ana Ruiz', 40), span('said', 40))).split('\n')[0], 'T1\tSource 66 74\tAna Ruiz');
  const clause = 'Prices will rise, said Ruiz, but nobody listened.';
  const r = { document: { text: clause }, attributions: [{ id: 'a1', source: { start: 23, end: 27, text: 'Ruiz', type: 'named' }, grade: 'named', cue: { start: 18, end: 22, text: 'said' }, content: { start: 0, end: 16, text: 'Prices will rise' }, hedged: false }] } as unknown as Report;
  assert.equal(toBrat(r).split('\n')[0], 'T1\tSource 23 27\tRuiz');
});
