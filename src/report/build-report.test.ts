import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityAnnotation, EntityType } from '../core/annotations.js';
import { createDocument } from '../core/document.js';
import { ReportSchema } from '../core/report-schema.js';
import { analyzePure } from '../engine/analyze.js';
import { buildReport, entityKey } from './build-report.js';

const GENERATOR = { version: '0.0.0-test', annotators: ['entities@1'] };

/** A document whose entities are made by hand: `[words, type, norm]`, each the first occurrence after the previous. */
function reportOf(text: string, mentions: readonly [string, EntityType, string][]) {
  let from = 0;
  const annotations = mentions.map(([words, type, norm], i): EntityAnnotation => {
    const start = text.indexOf(words, from);
    from = start + 1;
    return { kind: 'entity', id: `e${i + 1}`, start, end: start + words.length, source: 'entities@1', type, norm };
  });
  return buildReport(createDocument(text).with({ annotations }), GENERATOR);
}

test('two mentions with one norm get one entity key, built from type and norm', () => {
  const report = reportOf('Ana Lund spoke first. Later Lund spoke again.', [['Ana Lund', 'person', 'ana lund'], ['Lund', 'person', 'ana lund']]);
  assert.deepEqual(report.entities.map((e) => [e.id, e.text, e.entity]), [['e1', 'Ana Lund', 'person:ana lund'], ['e2', 'Lund', 'person:ana lund']]);
  assert.equal(entityKey('person', 'ana lund'), 'person:ana lund');
});

test('different people get different keys, and one name as a person and as a place is two entities', () => {
  const report = reportOf('Ana Lund met Per Lund in Lund.', [['Ana Lund', 'person', 'ana lund'], ['Per Lund', 'person', 'per lund'], ['Lund', 'place', 'lund']]);
  assert.deepEqual(report.entities.map((e) => e.entity), ['person:ana lund', 'person:per lund', 'place:lund']);
  assert.equal(new Set(report.entities.map((e) => e.entity)).size, 3);
});

test('the built report with entity keys validates against the schema', () => {
  const report = reportOf('Ana Lund spoke.', [['Ana Lund', 'person', 'ana lund']]);
  assert.deepEqual(ReportSchema.parse(report), report);
});

test('a report without entity keys (made before them) still validates', () => {
  const report = reportOf('Ana Lund spoke.', [['Ana Lund', 'person', 'ana lund']]);
  const older = { ...report, entities: report.entities.map(({ entity: _, ...mention }) => mention) };
  assert.deepEqual(ReportSchema.parse(older).entities, [{ id: 'e1', start: 0, end: 8, text: 'Ana Lund', type: 'person' }]);
});

test('analysed text: a name written with and without its accent is one entity, another person another', () => {
  const report = analyzePure({ text: 'Jean Périer wrote the plan on Monday. Maud Okafor said Jean Perier had ignored the data.\n' });
  assert.deepEqual(report.entities.map((e) => [e.text, e.entity]), [
    ['Jean Périer', 'person:jean perier'],
    ['Maud Okafor', 'person:maud okafor'],
    ['Jean Perier', 'person:jean perier'],
  ]);
});
