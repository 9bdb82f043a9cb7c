// The look-alikes the news policy refuses and predict attribution writes for PolNeAR (issue 15): the report keeps
// refusing them; the brat output writes those of the classes PolNeAR marks (src/engine/predict/attribution-lookalikes.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildReport } from '../../report/build-report.js';
import { POLNEAR_MARKED, polnearAttributions, refusedAttributions, type Lookalike } from '../../engine/predict/attribution-lookalikes.js';
import { toBrat } from '../../engine/predict/brat.js';
import type { Document } from '../../core/document.js';
import { annotate, views } from './test-helpers.js';

/** The shipped path: the rules, then the trained tagger. */
const shipped = (text: string) => annotate(text, [], { tagger: undefined });

/** A look-alike as words. */
function words(doc: Document, l: Lookalike): { source?: string; cue: string; content: string; refusal: string } {
  return { ...(l.source ? { source: doc.slice(l.source) } : {}), cue: doc.slice(l.cue), content: doc.slice(l.content), refusal: l.refusal };
}

test('a withheld statement the report leaves out is written for PolNeAR with its source, cue and content', () => {
  const doc = shipped('The harbour master declined to comment on the closure.');
  assert.deepEqual(views(doc), []);
  assert.deepEqual(refusedAttributions(doc, { classes: POLNEAR_MARKED }).map((l) => words(doc, l)), [
    { source: 'The harbour master', cue: 'declined', content: 'to comment on the closure', refusal: 'withheld' },
  ]);
});

test('a hope is written with "that" opening its content, as PolNeAR marks it', () => {
  const doc = shipped('The mayor hopes that the bridge will reopen by June.');
  assert.deepEqual(views(doc), []);
  assert.deepEqual(refusedAttributions(doc, { classes: POLNEAR_MARKED }).map((l) => words(doc, l)), [
    { source: 'The mayor', cue: 'hopes', content: 'that the bridge will reopen by June', refusal: 'wish' },
  ]);
});

test('a prescription, which PolNeAR train marks in 5 of 16 refusals, is not written', () => {
  const doc = annotate('Councillor Brandt should say what the repairs will cost.');
  assert.deepEqual(refusedAttributions(doc, { classes: POLNEAR_MARKED, tagger: null }), []);
});

test('a refused cue found by the rules and the tagger alike is written once', () => {
  const doc = shipped('Councillor Brandt should say what the repairs will cost.');
  assert.deepEqual(refusedAttributions(doc, { classes: new Set(['prescription']) }).map((l) => words(doc, l)), [
    { source: 'Councillor Brandt', cue: 'should say', content: 'what the repairs will cost', refusal: 'prescription' },
  ]);
});

test('no class chosen, nothing is found again and nothing is written', () => {
  const doc = shipped('The harbour master declined to comment on the closure.');
  assert.deepEqual(refusedAttributions(doc, { classes: new Set() }), []);
});

test('the brat output writes look-alikes among the report\'s attributions in text order', () => {
  const doc = shipped('The harbour master declined to comment on the closure. A ferry captain said the crossing was unsafe.');
  const report = buildReport(doc, { version: 'test', annotators: [] });
  assert.deepEqual(views(doc).map((v) => v.cue), ['said']);
  const lookalikes = refusedAttributions(doc, { classes: POLNEAR_MARKED });
  assert.deepEqual(toBrat(report, lookalikes).split('\n').filter((line) => line.startsWith('T')), [
    'T1\tSource 0 18\tThe harbour master',
    'T2\tCue 19 27\tdeclined',
    'T3\tContent 28 53\tto comment on the closure',
    'T4\tAttribution 19 27\tdeclined',
    'T5\tSource 55 70\tA ferry captain',
    'T6\tCue 71 75\tsaid',
    'T7\tContent 76 99\tthe crossing was unsafe',
    'T8\tAttribution 71 75\tsaid',
  ]);
  assert.equal(toBrat(report, []), toBrat(report));
});

test('a poll share the report does not take as a source is given back as the source PolNeAR marks', () => {
  const doc = annotate('In the survey, 41 percent of the residents said the ferry was too slow.');
  assert.deepEqual(views(doc).map((v) => [v.source, v.cue]), [[undefined, 'said']]);
  const report = buildReport(doc, { version: 'test', annotators: [] });
  const polnear = polnearAttributions(doc, report, { classes: POLNEAR_MARKED, tagger: null });
  assert.deepEqual(polnear.report.attributions.map((a) => a.source?.text), ['41 percent of the residents']);
  assert.deepEqual(report.attributions.map((a) => a.source), [null]);
});

test('the writer as a source, which the tagger may not add for the report, is written for PolNeAR', () => {
  const doc = shipped('We believe the harbour fees are too high.');
  assert.deepEqual(views(doc), []);
  assert.deepEqual(refusedAttributions(doc, { classes: POLNEAR_MARKED }).map((l) => words(doc, l)), [
    { source: 'We', cue: 'believe', content: 'the harbour fees are too high', refusal: 'writer-or-reader' },
  ]);
});
