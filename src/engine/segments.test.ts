import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation, Finding } from '../core/annotations.js';
import { analyzePure } from './analyze.js';
import { SEGMENT_CHARS, SegmentMerger, segmentText } from './segments.js';

test('segments end at a paragraph break and cover the text without gaps', () => {
  const text = `${'a'.repeat(60)}\n\n${'b'.repeat(30)}\n\n${'c'.repeat(50)}`;
  const segments = segmentText(text, 100);
  assert.deepEqual(segments, [
    { start: 0, end: 94 },
    { start: 94, end: 144 },
  ]);
});

test('merging renumbers ids per kind, shifts every range and rewrites every reference', () => {
  const merger = new SegmentMerger();
  const part = (): Annotation[] => [
    { kind: 'entity', id: 'e1', source: 'x@1', start: 0, end: 3, type: 'outlet', norm: 'abc' },
    { kind: 'attribution', id: 'a1', source: 'x@1', start: 0, end: 9, sourceSpan: { start: 0, end: 3 }, cue: { start: 4, end: 6 }, content: { start: 7, end: 9 }, grade: 'anaphoric', hedged: false, resolvesTo: { start: 0, end: 3, id: 'e1' }, entityIds: ['e1'] },
    { kind: 'claim', id: 'c1', source: 'x@1', start: 0, end: 9, checkworthiness: 0.9, claimKind: 'event', attributionIds: ['a1'] },
  ];
  const finding: Finding = { rule: 'r', severity: 'info', message: 'm', start: 0, end: 9, annotationIds: ['c1', 'a1'] };
  merger.add(0, part(), [finding]);
  merger.add(100, part(), [finding]);
  const [, , , entity, attribution, claim] = merger.annotations;
  assert.deepEqual([entity!.id, entity!.start, entity!.end], ['e2', 100, 103]);
  assert.ok(attribution?.kind === 'attribution');
  assert.deepEqual([attribution.id, attribution.cue, attribution.resolvesTo, attribution.entityIds], ['a2', { start: 104, end: 106 }, { start: 100, end: 103, id: 'e2' }, ['e2']]);
  assert.ok(claim?.kind === 'claim');
  assert.deepEqual(claim.attributionIds, ['a2']);
  assert.deepEqual(merger.findings[1], { ...finding, start: 100, end: 109, annotationIds: ['c2', 'a2'] });
});

test('a text longer than one segment is analysed with unique ids and references that resolve', () => {
  const paragraph = 'According to the Harbour Gazette, at least 40 boats sank near Vellmar. The newspaper said 12 crews were rescued.\n\n';
  const text = paragraph.repeat(Math.ceil((SEGMENT_CHARS * 1.2) / paragraph.length));
  const report = analyzePure({ text });
  const ids = [...report.entities, ...report.quantities, ...report.attributions, ...report.claims, ...report.techniques].map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
  const known = new Set(ids);
  for (const claim of report.claims) for (const id of claim.attributionIds) assert.ok(known.has(id), id);
  const lastClaim = report.claims.at(-1)!;
  assert.equal(text.slice(lastClaim.start, lastClaim.end), lastClaim.text);
  assert.ok(lastClaim.start > SEGMENT_CHARS);
  assert.equal(report.attributions.filter((a) => a.cue.text === 'According to').length, text.split('According to').length - 1);
});
