import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createAttributionAnnotator } from './index.js';
import { annotate } from './test-helpers.js';

test('the stage declares its name, version and annotation kinds', () => {
  const stage = createAttributionAnnotator();
  assert.deepEqual([stage.name, stage.version, stage.requires, stage.assigns], ['attributions', 2, ['sentence', 'entity'], ['attribution']]);
});

test('an attribution carries exact UTF-16 offsets for itself, its source, cue and content', () => {
  const doc = annotate('According to the Harbour Gazette, the ferry will close.', [['Harbour Gazette', 'outlet']]);
  assert.deepEqual(doc.all('attribution'), [
    {
      kind: 'attribution',
      id: 'a1',
      source: 'attributions@2',
      start: 0,
      end: 54,
      sourceSpan: { start: 13, end: 32 },
      cue: { start: 0, end: 12 },
      content: { start: 34, end: 54 },
      grade: 'named',
      hedged: false,
      entityIds: ['e1'],
    },
  ]);
});

test('offsets stay exact after emoji, CRLF paragraphs and curly quotes', () => {
  const doc = annotate('Fans 🎉 cheered.\r\n\r\n“It works,” she said.');
  const [a] = doc.all('attribution');
  assert.deepEqual([a?.start, a?.end, a?.sourceSpan, a?.cue, a?.content], [21, 40, { start: 32, end: 35 }, { start: 36, end: 40 }, { start: 21, end: 29 }]);
});

test('an anaphoric source records the antecedent’s range and id', () => {
  const doc = annotate('Lina Holm opened the quay. She said that it was safe.', [['Lina Holm', 'person']]);
  assert.deepEqual(doc.all('attribution').map((a) => [a.grade, a.resolvesTo]), [['anaphoric', { start: 0, end: 9, id: 'e1' }]]);
});

test('every range stays inside the text and the pipeline accepts the output', () => {
  const text = 'Officials said. , says. According to, “ said . It is claimed that. As it’s been revealed in, If is to be believed,';
  const pipeline = createPipeline([
    createSentenceAnnotator(),
    { name: 'entities', version: 1, requires: ['sentence'], assigns: ['entity'], run: () => ({}) },
    createAttributionAnnotator(),
  ]);
  const doc = pipeline.run(createDocument(text));
  for (const a of doc.all('attribution')) {
    for (const r of [a, a.cue, a.content, ...(a.sourceSpan ? [a.sourceSpan] : [])]) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length);
  }
});

test('a text ending on a reporting verb and a comma ("He said,") finds no attribution and does not throw', () => {
  for (const text of ['The harbour closed at noon. He said,', 'She told reporters,', 'Kari Vik said,']) {
    assert.deepEqual(annotate(text).all('attribution').map((a) => a.kind), [], text);
  }
});

test('a "that" after the verb opens the reported content; with thatOpensContent off the finders\' cue keeps it', () => {
  const text = 'Mayor Lina Holm said that harbour fees rose.';
  const reported = annotate(text).all('attribution').map((a) => [text.slice(a.cue.start, a.cue.end), text.slice(a.content.start, a.content.end)]);
  const finders = annotate(text, [], { tagger: null, thatOpensContent: false }).all('attribution').map((a) => [text.slice(a.cue.start, a.cue.end), text.slice(a.content.start, a.content.end)]);
  assert.deepEqual(reported, [['said', 'that harbour fees rose']]);
  assert.deepEqual(finders, [['said that', 'harbour fees rose']]);
});
