// Time linear in the text for inputs that made the figure checks quadratic: one paragraph of many totals whose parts
// do not fit, and one long sentence of many shares and counts. Ratios of CPU time, not absolute times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { doublingRatio, repeatTo } from '../../nlp/test-helpers.js';
import { createQuantityAnnotator } from '../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { createNumericCheck } from './index.js';

const annotate = createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]);
const check = createNumericCheck();
/** The annotated document is built outside the measurement: only the check is timed. */
const annotated = (unit: string) => (n: number) => {
  const ctx = { cache: new Map<string, unknown>() };
  return { doc: annotate.run(createDocument(repeatTo(unit, n)), ctx), ctx };
};
const linear = (unit: string, n: number) => {
  const ratio = doublingRatio(annotated(unit), ({ doc, ctx }) => check.run(doc, ctx), n);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
};

test('a paragraph of totals: each looks back a bounded number of figures for its parts', () => {
  linear('In total 300 boats sank, among them 100 boats and 200 boats. In total 9 ports closed. ', 100_000);
});

test('one long sentence of shares of one whole and restated counts without commas', () => {
  linear('45% of voters and 5 boats left the harbour and ', 100_000);
});

test('one long sentence of totals each followed by a comma list, a bracket list and "of whom" parts', () => {
  linear('sold 1,200 cars last year, 700 in Ashby and 600 in Colton (20 in May and 30 in June), 12 of whom left and ', 100_000);
});

test('one long sentence of totals each followed by a colon list of parts', () => {
  linear('In all 60 boats sank: 20 in the north and 40 in the south; ', 100_000);
});

test('one long sentence of shares without a stated whole after one with it', () => {
  linear('60 percent of voters backed Smith, 45 percent backed Jones and ', 400_000);
});

test('totals with a total cue whose parts fill the next sentence', () => {
  linear('A total of 50 people were hurt. 20 were hurt in the north and 40 in the south, including 9 children and 8 women. ', 100_000);
});

test('totals each followed by a list without a cue in the next sentence', () => {
  linear('The gale damaged 800 homes. Arlen had 450, Brook 300 and Cole 150. ', 400_000);
});

test('colon lists after "the money" that look back for an earlier sum', () => {
  linear('He took 2 million dollars. No one knew. Then the money went out in parts: 900,000 dollars and 700,000 dollars. ', 400_000);
});

test('one long sentence of totals each before a colon, their parts counted in other nouns', () => {
  linear('In all 60 boats sank: 20 cars and 45 vans; ', 100_000);
});

test('one long sentence of breakdowns in clauses after "of those"', () => {
  linear('Officers detained 58 people, of those 34 have been charged, 17 were released on bail and 11 walked free and ', 100_000);
});

test('one long sentence of totals a cue marks, each before a colon list of kinds', () => {
  linear('A total of 214 licences: 38 trawl licences, 97 longline licences and 85 handline permits, in all 214 colonies, ', 100_000);
});

test('one long sentence of many total, subset and split cues', () => {
  linear('of whom 12 were children, including 5 girls, the rest 30 adults, broken down into 10 men and ', 100_000);
});
