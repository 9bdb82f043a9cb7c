import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { ClaimtraceError } from '../../core/errors.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { carriedAttributionIds, createClaimAnnotator, DEFAULT_CHECKWORTHY_THRESHOLD, directAttributionIds } from './index.js';
import { defaultCheckworthyModel, scoreSentence } from './model.js';
import { annotate, attribution, quantity } from './test-helpers.js';

test('a sentence with a counted figure is a statistic scored from the weights', () => {
  const doc = annotate('The port counted 4,200 visitors in June.', (at) => [quantity('q1', at('4,200'), at('4,200') + 5, 'count', 4200)]);
  // bias -1.2 + statistic 2.2 + past-tense event 0.6 = 1.6, logistic 0.832
  assert.deepEqual(
    doc.all('claim').map((c) => [c.id, c.start, c.end, c.claimKind, c.checkworthiness]),
    [['c1', 0, 40, 'statistic', 0.832]],
  );
});

test('a year alone does not make a statistic', () => {
  const doc = annotate('The pier was rebuilt in 1998.', (at) => [quantity('q1', at('1998'), at('1998') + 4, 'year', 1998)]);
  const [claim] = doc.all('claim');
  assert.equal(claim?.claimKind, 'event');
  // bias -1.2 + year 0.3 + past-tense event 0.6 = -0.3, logistic 0.426; a past event dated by a year is lifted to the
  // dated-past floor (floors.json).
  assert.equal(claim?.checkworthiness, 0.6);
});

test('headings without a verb and bylines get no claim', () => {
  const doc = annotate('Harbour Town Budget Row\n\nBy Anna Lind, Harbour Correspondent\n\nThe council approved the budget on Monday.');
  assert.deepEqual(doc.all('claim').map((c) => [c.start, c.end]), [[62, 104]]);
});

test('a date line asserts nothing, but a sentence opening with "By" does', () => {
  const doc = annotate('Published 3 June 2024\n\nBy the end of June, the port had sold most berths.');
  assert.deepEqual(doc.all('claim').map((c) => [c.start, c.end]), [[23, 73]]);
});

test("a wire agency's credit line in brackets asserts nothing; a sentence about reporting does", () => {
  const text = 'The port handled 1.8 million containers.\n\n(Reporting by Nadia Ferrow; editing by Carl Binns)';
  assert.deepEqual(annotate(text).all('claim').map((c) => text.slice(c.start, c.end)), ['The port handled 1.8 million containers.']);
  const other = '(Reporting by the Herald found 40 breaches at the port.)';
  assert.equal(annotate(other).all('claim').length, 1);
});

test('claim kinds follow the cues in cues.json', () => {
  const table: [string, string][] = [
    ['Will the ferry ever run on time again?', 'opinion'],
    ['The ministry is going to close the old ferry terminal.', 'prediction'],
    ['Such boats may be expected to carry more cargo.', 'prediction'],
    ['The ferry stopped because the pier collapsed.', 'causal'],
    ['The storm led to a week of closures.', 'causal'],
    ['We must protect the harbour from developers.', 'opinion'],
    ['Of course, the council knew about the leak.', 'opinion'],
    ['It is deeply disturbing that the pier stays closed.', 'opinion'],
    ['The harbour master resigned on Friday.', 'event'],
  ];
  for (const [text, kind] of table) assert.equal(annotate(text).all('claim')[0]?.claimKind, kind, text);
});

test('a question scores lower than the same words as a statement', () => {
  const question = annotate('Did the harbour master resign on Friday?').all('claim')[0]!;
  const statement = annotate('The harbour master resigned on Friday.').all('claim')[0]!;
  assert.deepEqual([question.checkworthiness, statement.checkworthiness], [0.024, 0.354]);
});

test('a superlative raises check-worthiness', () => {
  const [claim] = annotate('Oslen Bay formed the largest fishing fleet.').all('claim');
  // bias -1.2 + past-tense event 0.6 + comparative 0.5 = -0.1
  assert.equal(claim?.checkworthiness, 0.475);
});

test('quoted words with an attribution make a quote claim linked to the attribution', () => {
  const text = 'The mayor said “the pier is safe” on Tuesday.';
  const doc = annotate(text, (at) => [attribution('a1', 0, at(' said'), { start: at('“'), end: at(' on') })]);
  const [claim] = doc.all('claim');
  assert.deepEqual([claim?.claimKind, claim?.attributionIds], ['quote', ['a1']]);
});

test('a sentence continuing the report carries its attribution; one with a new subject and a new figure does not', () => {
  const text = 'According to the ministry, 300 boats left the port. It also counted 40 that moved to Kessel. In the south 12 more sank.';
  const doc = annotate(text, (at) => [
    attribution('a1', 0, at(','), { start: at('300'), end: at(' It') }),
    quantity('q1', at('300'), at('300') + 3, 'count', 300),
    quantity('q2', at('40'), at('40') + 2, 'count', 40),
    quantity('q3', at('12'), at('12') + 2, 'count', 12),
  ]);
  const claims = doc.all('claim');
  assert.deepEqual(claims.map((c) => [c.start, c.end, c.attributionIds]), [
    [0, 51, ['a1']],
    [52, 92, ['a1']],
    [93, 119, []],
  ]);
  assert.deepEqual(directAttributionIds(doc, claims[1]!), []);
  assert.deepEqual(carriedAttributionIds(doc, claims[1]!), ['a1']);
});

test('each sentence must continue the report for it to go on: a quotation, then "she added"', () => {
  const text = 'The mayor said the port was failing. “We lost 300 boats this year.” Another 40 sank, she added. The council met at 9.';
  const doc = annotate(text, (at) => [attribution('a1', 0, at(' said'), { start: at(' the port'), end: at('.') })]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], ['a1'], ['a1'], []]);
});

test('a quotation continued in the next paragraph carries the attribution; a second paragraph later does not', () => {
  const text = '“We lost 300 boats,” the mayor said.\n\n“Another 40 sank in the storm.”\n\nThe port has 12 berths left.';
  const doc = annotate(text, (at) => [attribution('a1', at('the mayor'), at('.'), { start: 1, end: at(',”') })]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], ['a1'], []]);
});

test('list items after a report ending in a colon carry its attribution, through item numbers, until the list ends', () => {
  const text = 'The ministry listed three losses:\n\n1. 300 boats left the port.\n\n2. 40 boats sank.\n\nThe council bought 12 boats.';
  const doc = annotate(text, (at) => [attribution('a1', 0, at(' listed'), { start: at(' three'), end: at(':') })]);
  assert.deepEqual(doc.all('claim').map((c) => [doc.slice(c), c.attributionIds]), [
    ['The ministry listed three losses:', ['a1']],
    ['300 boats left the port.', ['a1']],
    ['40 boats sank.', ['a1']],
    ['The council bought 12 boats.', []],
  ]);
});

test('"it" does not stand for a person source, nor "she" for an organisation', () => {
  const text = 'Anna Berg said 300 boats left. It also counted 40 more. The ministry said 12 sank. She also counted 5 wrecks.';
  const doc = annotate(text, (at) => [
    { kind: 'entity', id: 'e1', source: 'test@1', start: 0, end: 9, type: 'person', norm: 'anna berg' },
    { kind: 'entity', id: 'e2', source: 'test@1', start: at('The ministry') + 4, end: at(' said 12'), type: 'agency', norm: 'ministry' },
    { ...attribution('a1', 0, 9, { start: at('300'), end: at('. It') }), entityIds: ['e1'] },
    { ...attribution('a2', at('The ministry'), at(' said 12'), { start: at('12'), end: at('. She') }), entityIds: ['e2'] },
  ]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], [], ['a2'], []]);
});

test('attributions are not carried across a paragraph break or into an opinion', () => {
  const text = 'The ministry said 300 boats left. We should welcome them.\n\nAnother 40 moved to Kessel.';
  const doc = annotate(text, (at) => [attribution('a1', 0, at(' said'), { start: at('300'), end: at(' We') })]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], [], []]);
});

test('a poll given as a source sources its results later in the article, past other sources, but not other figures', () => {
  const text = 'The levy has a narrow lead, according to a survey by Civica.\n\nThe mayor said she was pleased.\n\nAmong renters, support reached 70 percent. Turnout at the last vote was 48 percent.';
  const doc = annotate(text, (at) => [
    attribution('a1', at('a survey'), at('.'), { start: 0, end: at(', according') }),
    attribution('a2', at('The mayor'), at(' said'), { start: at('she was'), end: at('pleased') + 7 }),
    quantity('q1', at('70'), at('70') + 10, 'percent', 70),
    quantity('q2', at('48'), at('48') + 10, 'percent', 48),
  ]);
  assert.deepEqual(doc.all('claim').map((c) => [doc.slice(c), c.attributionIds]), [
    ['The levy has a narrow lead, according to a survey by Civica.', ['a1']],
    ['The mayor said she was pleased.', ['a2']],
    ['Among renters, support reached 70 percent.', ['a1']],
    ['Turnout at the last vote was 48 percent.', []],
  ]);
});

test('an attribution that names no source does not stop a poll\'s results from being sourced by the poll', () => {
  const text = 'The levy has a narrow lead, according to a survey by Civica.\n\nOf renters, 61 percent of respondents opposed it.';
  const doc = annotate(text, (at) => [
    attribution('a1', at('a survey'), at('.'), { start: 0, end: at(', according') }),
    { ...attribution('a2', at('opposed'), at(' it.'), { start: at('61'), end: at(' opposed') }), sourceSpan: undefined, grade: 'none' },
    quantity('q1', at('61'), at('61') + 10, 'percent', 61),
  ]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], ['a2', 'a1']]);
});

test('a study given as a source sources its method later in the article, but not other figures', () => {
  const text = 'Soils are drying, according to a study by the Farm Institute.\n\nThe team sampled 40 farms. The farms employ 900 people.';
  const doc = annotate(text, (at) => [
    attribution('a1', at('a study'), text.indexOf('.'), { start: 0, end: at(', according') }),
    quantity('q1', at('40'), at('40') + 2, 'count', 40),
    quantity('q2', at('900'), at('900') + 3, 'count', 900),
  ]);
  assert.deepEqual(doc.all('claim').map((c) => c.attributionIds), [['a1'], ['a1'], []]);
});

test('a derived total with a bounded figure is check-worthy although the model scores it low', () => {
  const text = 'That means there are at least 12,000 such families in the valley.';
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  doc = doc.with({ annotations: [{ ...quantity('q1', text.indexOf('at least'), text.indexOf(' such'), 'count', 12000), bound: 'at-least' }] });
  const model = defaultCheckworthyModel();
  assert.ok(scoreSentence(model, text) < 0.5, 'the model alone scores it below the threshold');
  const [claim] = doc.with(createClaimAnnotator().run(doc, ctx)).all('claim');
  assert.equal(claim?.checkworthiness, 0.6);
});

test('an exact figure without a total cue keeps the model\'s score', () => {
  const text = 'The valley has 12,000 families.';
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  doc = doc.with({ annotations: [quantity('q1', text.indexOf('12,000'), text.indexOf(' families'), 'count', 12000)] });
  const [claim] = doc.with(createClaimAnnotator().run(doc, ctx)).all('claim');
  assert.equal(claim?.checkworthiness, scoreSentence(defaultCheckworthyModel(), text));
});

test('offsets stay exact UTF-16 indices with emoji and curly quotes', () => {
  const [claim] = annotate('🎉 Fans said the ferry’s engine failed twice.').all('claim');
  assert.deepEqual([claim?.start, claim?.end], [0, 45]);
});

test('the stage exposes its threshold and rejects one outside 0..1', () => {
  assert.equal(createClaimAnnotator().threshold, DEFAULT_CHECKWORTHY_THRESHOLD);
  assert.equal(createClaimAnnotator({ threshold: 0.7 }).threshold, 0.7);
  assert.throws(() => createClaimAnnotator({ threshold: 1.5 }), (err) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID');
});
