import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from './index.js';
import { doublingRatio, repeatTo } from '../../nlp/test-helpers.js';

const split = (text: string) => {
  const doc = createPipeline([createSentenceAnnotator()]).run(createDocument(text));
  return doc.all('sentence').map((s) => doc.slice(s));
};

test('titles and "No." before a numeral do not end a sentence', () => {
  assert.deepEqual(split('Mr. Olsen met Dr. Quist at No. 4 Harbour Road. They talked.'), [
    'Mr. Olsen met Dr. Quist at No. 4 Harbour Road.',
    'They talked.',
  ]);
});

test('a full stop inside a quotation does not end the sentence around it', () => {
  assert.deepEqual(split('The mayor said "We are ready. Come early." and left the hall.'), [
    'The mayor said "We are ready. Come early." and left the hall.',
  ]);
});

test('a full stop inside brackets does not end the sentence around it', () => {
  assert.deepEqual(split('The levy rose (see p. 4) last year. It fell again.'), ['The levy rose (see p. 4) last year.', 'It fell again.']);
});

test('abbreviations such as U.S. and names such as MI-5 stay inside one sentence', () => {
  assert.deepEqual(split('The U.S. Navy and MI-5 shared files. Nobody objected.'), [
    'The U.S. Navy and MI-5 shared files.',
    'Nobody objected.',
  ]);
});

test('a sentence never crosses a blank line, also with CRLF', () => {
  assert.deepEqual(split('A headline without a stop\r\n\r\nThe first paragraph starts here.'), [
    'A headline without a stop',
    'The first paragraph starts here.',
  ]);
});

test('sentence offsets are exact UTF-16 indices, emoji and curly quotes included', () => {
  const text = 'Fans 🎉 cheered. “It works,” she said.';
  const doc = createPipeline([createSentenceAnnotator()]).run(createDocument(text));
  assert.deepEqual(
    doc.all('sentence').map((s) => [s.start, s.end]),
    [
      [0, 16],
      [17, 38],
    ],
  );
});

test('a quote left open for the rest of a long text is followed in one pass, not one pass per sentence it swallows', () => {
  const run = (text: string) => createPipeline([createSentenceAnnotator()]).run(createDocument(text));
  const ratio = doublingRatio((n) => `"${repeatTo('The council met. ', n)}`, run, 60_000);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
});

test('a time with a full stop ends the sentence when a capital follows', () => {
  assert.deepEqual(split('The ferry left Harlen at 6:15 a.m. Passengers were told to stay below. It docked at 9 p.m. on Sunday.'), [
    'The ferry left Harlen at 6:15 a.m.',
    'Passengers were told to stay below.',
    'It docked at 9 p.m. on Sunday.',
  ]);
});

test('a scale letter written close to a figure ends the sentence when a capital follows', () => {
  assert.deepEqual(split('The depot cost £27m. The board approved it. Debt stands at $3.5bn. Nobody disputes that.'), [
    'The depot cost £27m.',
    'The board approved it.',
    'Debt stands at $3.5bn.',
    'Nobody disputes that.',
  ]);
});

test('a day, a month or a time zone after a time continues the sentence', () => {
  assert.deepEqual(split('Polls close at 8 p.m. Tuesday and counting starts at 9 p.m. GMT in every ward. Results follow.'), [
    'Polls close at 8 p.m. Tuesday and counting starts at 9 p.m. GMT in every ward.',
    'Results follow.',
  ]);
});

test('a time inside a quotation does not cut the quotation', () => {
  assert.deepEqual(split('"We set off at 4 a.m. Nobody slept," the skipper said. The boat sank.'), [
    '"We set off at 4 a.m. Nobody slept," the skipper said.',
    'The boat sank.',
  ]);
});

test('a decimal point inside a glued amount ends no sentence; a full stop after a figure still does', () => {
  assert.deepEqual(split('It cost R1.2bn in all. The N2.4bn fraud was big. It ended at 3.5. Then 4 more came.'), [
    'It cost R1.2bn in all.',
    'The N2.4bn fraud was big.',
    'It ended at 3.5.',
    'Then 4 more came.',
  ]);
});
