// Time linear in the text for an input that made the sourcing check quadratic: one long sentence of many attributions
// (no full stops), where each cue was checked against the relative clauses of the whole claim found anew. Ratios of
// CPU time of the check alone (the annotators run outside the measurement), not absolute times.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createAttributionAnnotator } from '../../annotators/attributions/index.js';
import { createClaimAnnotator } from '../../annotators/claims/index.js';
import { createEntityAnnotator } from '../../annotators/entities/index.js';
import { createQuantityAnnotator } from '../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { doublingRatio, repeatTo } from '../../nlp/test-helpers.js';
import { createSourcingCheck } from './index.js';

const annotators = createPipeline([
  createSentenceAnnotator(),
  createEntityAnnotator(),
  createQuantityAnnotator(),
  createAttributionAnnotator({ tagger: null }),
  createClaimAnnotator({ model: null }),
]);
const check = createSourcingCheck();
const linear = (unit: string, n: number) => {
  const annotated = (size: number) => annotators.run(createDocument(repeatTo(unit, size)));
  const ratio = doublingRatio(annotated, (doc) => check.run(doc, { cache: new Map() }), n);
  assert.ok(ratio < 3, `doubling the text took ${ratio.toFixed(2)}× the time`);
};

test('one long sentence of named sources: the relative clauses of a claim are found once, not once per cue', () => {
  linear('Nora Lind said, Tom Berg said, ', 50_000);
});

test('one long sentence of reporting clauses: each cue is placed among the relative clauses by binary search', () => {
  linear('he said that she said that they said that ', 50_000);
});

test('a cue inside a relative clause set off by commas still does not source its sentence', () => {
  const text = 'Vacancies, which experts said would soar, are lower today than at any time since 1990.';
  const doc = createPipeline([...annotators.stages, check]).run(createDocument(text));
  assert.ok(doc.findings.some((f) => f.rule === 'unsourced-statistic' || f.rule === 'unsourced-claim'), JSON.stringify(doc.findings));
});
