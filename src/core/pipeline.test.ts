import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AnnotationKind } from './annotations.js';
import { createDocument } from './document.js';
import { ClaimtraceError } from './errors.js';
import { createPipeline, type Stage } from './pipeline.js';

const stage = (name: string, requires: AnnotationKind[], assigns: AnnotationKind[], run: Stage['run'] = () => ({})): Stage => ({ name, version: 1, requires, assigns, run });

test('createPipeline refuses a stage whose requirement no earlier stage assigns', () => {
  assert.throws(
    () => createPipeline([stage('claims', ['sentence'], ['claim']), stage('sentences', [], ['sentence'])]),
    (err: unknown) => err instanceof ClaimtraceError && err.code === 'E_PIPELINE_ORDER' && /claims requires sentence/.test(err.message),
  );
});

test('a stage that writes a kind it does not assign breaks the contract', () => {
  const rogue = stage('rogue', [], ['sentence'], () => ({ annotations: [{ kind: 'claim', id: 'c1', source: 'rogue@1', start: 0, end: 1, checkworthiness: 1, claimKind: 'event', attributionIds: [] }] }));
  assert.throws(() => createPipeline([rogue]).run(createDocument('x')), /E_PIPELINE_CONTRACT|of kind claim/);
});

test('a range outside the text breaks the contract', () => {
  const rogue = stage('rogue', [], ['sentence'], () => ({ annotations: [{ kind: 'sentence', id: 's1', source: 'rogue@1', start: 0, end: 5 }] }));
  assert.throws(() => createPipeline([rogue]).run(createDocument('abc')), /outside the text/);
});

test('running a pipeline returns a new Document and leaves the input untouched', () => {
  const doc = createDocument('Hello.');
  const sentences = stage('s', [], ['sentence'], () => ({ annotations: [{ kind: 'sentence', id: 's1', source: 's@1', start: 0, end: 6 }] }));
  const out = createPipeline([sentences]).run(doc);
  assert.equal(doc.annotations.length, 0);
  assert.deepEqual(out.all('sentence').map((s) => [s.start, s.end]), [[0, 6]]);
  assert.ok(Object.isFrozen(out.annotations));
});
