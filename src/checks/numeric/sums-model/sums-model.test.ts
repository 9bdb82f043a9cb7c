import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../../core/document.js';
import { createPipeline } from '../../../core/pipeline.js';
import { createQuantityAnnotator } from '../../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../../annotators/sentences/index.js';
import { textAnalysisOf } from '../../../nlp/tokens.js';
import { locateQuantities, sentenceIndexOf } from '../context.js';
import settings from '../numeric.json' with { type: 'json' };
import { compileListRules, compileShareRules } from '../numeric.js';
import { unitKeys } from '../units.js';
import { standing, sumCandidates } from './candidates.js';
import { defaultSumsModel, learnedShares, learnedSums } from './index.js';

const pipeline = createPipeline([createSentenceAnnotator(), createQuantityAnnotator()]);
const rules = compileListRules();

/** What the learned checks read of a text. */
function analyse(text: string) {
  const ctx = { cache: new Map<string, unknown>() };
  const doc = pipeline.run(createDocument(text), ctx);
  const { tokens, paragraphs } = textAnalysisOf(doc.text, ctx.cache);
  const located = locateQuantities(doc, paragraphs);
  const units = unitKeys(located, tokens, new Set(settings.carryJoiners.words));
  const sentenceOf = sentenceIndexOf(doc, tokens);
  return { doc, tokens, located, units, sentenceOf };
}

/** The learned check alone (no rule has judged anything): [total, arithmetic] of each finding. */
function learned(text: string): string[][] {
  const { doc, tokens, located, units, sentenceOf } = analyse(text);
  return learnedSums({ doc, located, tokens, units, sentenceOf, judged: new Set(), findings: [], rules }, defaultSumsModel()).map((f) => [
    doc.text.slice(f.start, f.end),
    /but (.*?), (?:more|less) than/.exec(f.message)![1]!,
  ]);
}

test('the learned sums model reads the amounts of the next sentence as the parts of a total, and shows the arithmetic', () => {
  const text = 'The appeal raised £64,000 for local charities. The hospice received £30,000, the food bank £22,000 and the village hall £17,000.';
  assert.deepEqual(learned(text), [['£64,000', '30,000 + 22,000 + 17,000 = 69,000']]);
  // The same parts adding up to the total: nothing to report.
  assert.deepEqual(learned(text.replace('£64,000', '£69,000')), []);
  const thefts = 'Police recorded 312 thefts between January and June. Northfield logged 141 of them, Eastgate 88, Southmoor 47 and Westbury 59.';
  assert.deepEqual(learned(thefts), [['312', '141 + 88 + 47 + 59 = 335']]);
  assert.deepEqual(learned(thefts.replace('312', '335')), []);
});

test('the learned sums model leaves kinds that may overlap and running totals alone', () => {
  assert.deepEqual(learned('Of the 300 passengers, 120 were women and 200 were over 60.'), []);
  assert.deepEqual(learned('Police arrested 12 people in Arnby and 19 in Colt, bringing the total to 25.'), []);
  // A list that names only some of the parts may add up to less.
  assert.deepEqual(learned('Storms killed 30 people in the north. Most came from two villages: Arnby (14) and Colt (9).'), []);
});

test('candidates: runs on either side of a total, a scale carried to bare parts, and a run that adds up once a stray figure is dropped', () => {
  const ctx = { cache: new Map<string, unknown>() };
  const doc = pipeline.run(createDocument('The budget of 48 billion splits into 21 billion for health, 15 for schools and 12 for roads.'), ctx);
  const { tokens, paragraphs } = textAnalysisOf(doc.text, ctx.cache);
  const located = locateQuantities(doc, paragraphs);
  const cands = sumCandidates(located, tokens, unitKeys(located, tokens, new Set(settings.carryJoiners.words)));
  const full = cands.find((c) => c.total.q.value === 48e9 && c.parts.length === 3)!;
  assert.deepEqual(full.values, [21e9, 15e9, 12e9]);
  assert.equal(standing(full, tokens, doc.text), 'exact');
  // "7 wards" inside the run is no part: the run without it adds up and is a candidate of its own.
  const admissions = analyse('Admissions reached 1,241 in four weeks. Children accounted for 212 of them, 7 wards took 431 and those over 65 took 598.');
  const ofTotal = sumCandidates(admissions.located, admissions.tokens, admissions.units).filter((c) => c.total.q.value === 1241);
  assert.ok(ofTotal.some((c) => c.values.join('+') === '212+7+431+598'));
  const dropped = ofTotal.find((c) => c.values.join('+') === '212+431+598')!;
  assert.equal(standing(dropped, admissions.tokens, admissions.doc.text), 'exact');
  // Without the figure that makes it add up, no such candidate.
  const other = analyse('Admissions reached 1,250 in four weeks. Children accounted for 212 of them, 7 wards took 431 and those over 65 took 598.');
  assert.ok(!sumCandidates(other.located, other.tokens, other.units).some((c) => c.values.join('+') === '212+431+598'));
});

test('the learned shares model reads answers to one question as one whole and reports them over 100', () => {
  const text = 'In the survey of tenants, 52 percent backed the rent cap, 39 percent opposed it and 14 percent had no view.';
  const run = (t: string) => {
    const { doc, tokens, located, sentenceOf } = analyse(t);
    const rules = compileListRules();
    return learnedShares({ doc, located, tokens, sentenceOf, findings: [], rules, shareRules: compileShareRules(rules) }, defaultSumsModel()).map((f) => [f.rule, doc.text.slice(f.start, f.end)]);
  };
  assert.deepEqual(run(text), [['percentage-over-100', '52 percent backed the rent cap, 39 percent opposed it and 14 percent']]);
  assert.deepEqual(run(text.replace('14 percent', '9 percent')), []);
  // Shares of different years are no one whole.
  assert.deepEqual(run('Support stood at 64 percent this year, against 58 percent last year.'), []);
});

test('candidates stay linear in the figures, even in one sentence of thousands of figures of two classes', () => {
  const count = (n: number) => {
    const figures = Array.from({ length: n }, (_, i) => (i % 2 ? `£${i + 10}` : `${i + 10} percent`)).join(', ');
    const { tokens, located, units } = analyse(`Totals were ${figures}.`);
    return sumCandidates(located, tokens, units).length;
  };
  const small = count(400);
  const large = count(1600);
  // Per figure, four times the figures make no more candidates each (edges aside).
  assert.ok(large / 1600 <= 1.1 * (small / 400), `${small} candidates for 400 figures, ${large} for 1,600`);
});
