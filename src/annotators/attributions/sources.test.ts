import assert from 'node:assert/strict';
import { test } from 'node:test';
import { annotate, views } from './test-helpers.js';

test('vague heads stay vague with a place or an adjective inside', () => {
  const doc = annotate('Experts in the Nordic fishing community warn that stocks are falling.', [['Nordic', 'place']]);
  assert.deepEqual(
    views(doc).map((v) => [v.source, v.grade]),
    [['Experts in the Nordic fishing community', 'vague']],
  );
});

test('a quantifier before a vague head is part of a vague source', () => {
  const doc = annotate('Thus, according to a number of local fishing sources, the quota was cut.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.content]), [['a number of local fishing sources', 'vague', 'the quota was cut']]);
});

test('a document described by its commissioner is a named source', () => {
  const doc = annotate('As it’s been revealed in a briefing prepared for the Town Council, 40 wrecks lie in the bay.', [['Town Council', 'agency']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['a briefing prepared for the Town Council', 'named']]);
});

test('a proper-noun source is named even when no entity was found', () => {
  const doc = annotate('The Brackwater Herald would reveal that the pier was sold.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]), [['The Brackwater Herald', 'named']]);
});

test('"the ministry" resolves to the nearest earlier agency entity', () => {
  const doc = annotate('The Fisheries Ministry met the skippers on Monday. The ministry said that quotas would stay.', [['Fisheries Ministry', 'agency']]);
  assert.deepEqual(views(doc), [
    { source: 'The ministry', cue: 'said that', content: 'quotas would stay', grade: 'anaphoric', hedged: false, resolvesTo: 'Fisheries Ministry (e1)' },
  ]);
});

test('"she" resolves to the nearest earlier person, not to an organisation', () => {
  const doc = annotate('Lina Holm met the Harbour Board. She said that the quay was safe.', [
    ['Lina Holm', 'person'],
    ['Harbour Board', 'organization'],
  ]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [['She', 'anaphoric', 'Lina Holm (e1)']]);
});

test('an anaphoric source with no compatible antecedent stays unresolved', () => {
  const doc = annotate('Lina Holm opened the quay. The agency said that the reef recovered.', [['Lina Holm', 'person']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [['The agency', 'anaphoric', undefined]]);
});

test('"the above mentioned paper" resolves to an earlier attribution’s document source', () => {
  const doc = annotate(
    'As it’s been revealed in a study prepared for the Town Council, 40 wrecks lie in the bay.\n\nAs it’s been pointed out in the above mentioned paper, most wrecks are old.',
    [['Town Council', 'agency']],
  );
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['a study prepared for the Town Council', 'named', undefined],
    ['the above mentioned paper', 'anaphoric', 'a study prepared for the Town Council (a1)'],
  ]);
});

test('documents obtained by "this media organization" resolve through it to the outlet', () => {
  const doc = annotate(
    'If the Harbour Gazette is to be believed, the pier was sold. The files obtained by this media organization show the buyer paid in cash.',
    [['Harbour Gazette', 'outlet']],
  );
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade, v.resolvesTo]), [
    ['the Harbour Gazette', 'named', undefined],
    ['The files obtained by this media organization', 'anaphoric', 'Harbour Gazette (e1)'],
  ]);
});

test('an attribution inside another’s content is nested in it', () => {
  const doc = annotate('According to the Harbour Gazette, the Coastal Agency is confident that the dunes will hold.', [
    ['Harbour Gazette', 'outlet'],
    ['Coastal Agency', 'agency'],
  ]);
  assert.deepEqual(views(doc), [
    { source: 'the Harbour Gazette', cue: 'According to', content: 'the Coastal Agency is confident that the dunes will hold', grade: 'named', hedged: false },
    { source: 'the Coastal Agency', cue: 'is confident that', content: 'the dunes will hold', grade: 'named', hedged: false, parent: 'a1' },
  ]);
});

test('a second attribution after ", but" ends the first one’s content instead of nesting', () => {
  const doc = annotate('The Coast Guard has revealed that the pier will close, but experts warn that it may collapse sooner.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.content, v.parent]), [
    ['The Coast Guard', 'the pier will close', undefined],
    ['experts', 'it may collapse sooner', undefined],
  ]);
});

test('entity ids inside the source span are listed', () => {
  const doc = annotate('According to Lina Holm of the Harbour Board, the quay is safe.', [
    ['Lina Holm', 'person'],
    ['Harbour Board', 'organization'],
  ]);
  assert.deepEqual(doc.all('attribution').map((a) => a.entityIds), [['e1', 'e2']]);
});

test('a resolved pronoun counts as its antecedent’s kind, so "it" does not resolve to "she"', () => {
  const doc = annotate('Lina Holm spoke first. She said that the quay was safe. It said that fees would rise.', [['Lina Holm', 'person']]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.resolvesTo]), [
    ['She', 'Lina Holm (e1)'],
    ['It', undefined],
  ]);
});

test('a sentence-initial "The above mentioned report" is one anaphoric source resolved to the report named before', () => {
  const doc = annotate('A report by the Harbour Board says 40 wrecks lie in the bay. The above mentioned report also notes that two pilots quit.', [
    ['report by the Harbour Board', 'document'],
  ]);
  assert.deepEqual(views(doc).map((v) => [v.source, v.grade]).at(-1), ['The above mentioned report', 'anaphoric']);
  assert.match(doc.slice(doc.all('attribution').at(-1)!.resolvesTo!), /report by the Harbour Board/);
});
