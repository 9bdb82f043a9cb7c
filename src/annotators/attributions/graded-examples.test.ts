import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AttributionAnnotation, EntityType, SourceGrade } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import table from './graded-examples.json' with { type: 'json' };
import type { AttributionOptions } from './index.js';
import { annotate } from './test-helpers.js';

/** One hand-checked row of graded-examples.json. */
interface Row {
  readonly group: string;
  readonly text: string;
  /** Words inside the cue that pick the row's attribution. */
  readonly cue: string;
  readonly source?: string;
  readonly grade: SourceGrade;
  readonly hedged: boolean;
  readonly resolvesTo?: string;
  readonly entities?: readonly (readonly [string, EntityType])[];
  readonly knownGap?: string;
}

const rows = table.rows as readonly Row[];

/** What the annotator made of a row, as words. */
interface Seen {
  readonly source?: string;
  readonly grade: SourceGrade;
  readonly hedged: boolean;
  readonly resolvesTo?: string;
}

function seenIn(doc: Document, row: Row): Seen | undefined {
  const ann = doc.all('attribution').find((a: AttributionAnnotation) => doc.slice(a.cue).includes(row.cue));
  if (!ann) return undefined;
  return {
    ...(ann.sourceSpan ? { source: doc.slice(ann.sourceSpan) } : {}),
    grade: ann.grade,
    hedged: ann.hedged,
    ...(ann.resolvesTo ? { resolvesTo: doc.slice(ann.resolvesTo) } : {}),
  };
}

/** A row's outcome: the differences from what it expects (none when right), and whether the grade alone is right. */
interface Outcome {
  readonly row: Row;
  readonly mismatch?: string;
  readonly gradeRight: boolean;
}

function outcomeOf(row: Row, options: AttributionOptions): Outcome {
  const seen = seenIn(annotate(row.text, row.entities ?? [], options), row);
  if (!seen) return { row, mismatch: `no attribution with cue "${row.cue}"`, gradeRight: false };
  const expected: Seen = { source: row.source, grade: row.grade, hedged: row.hedged, resolvesTo: row.resolvesTo };
  const diffs = (['source', 'grade', 'hedged', 'resolvesTo'] as const)
    .filter((key) => seen[key] !== expected[key])
    .map((key) => `${key}: expected ${JSON.stringify(expected[key])}, got ${JSON.stringify(seen[key])}`);
  return { row, ...(diffs.length > 0 ? { mismatch: diffs.join('; ') } : {}), gradeRight: seen.grade === row.grade };
}

/** "named 20/21" (whole row right) for every expected grade and for hedged rows, then the grade alone. */
function accuracyLine(outcomes: readonly Outcome[]): string {
  const right = (list: readonly Outcome[]) => `${list.filter((o) => o.mismatch === undefined).length}/${list.length}`;
  const grades: SourceGrade[] = ['named', 'vague', 'anaphoric', 'none'];
  const parts = grades.map((grade) => `${grade} ${right(outcomes.filter((o) => o.row.grade === grade))}`);
  parts.push(`hedged ${right(outcomes.filter((o) => o.row.hedged))}`);
  const gaps = outcomes.filter((o) => o.row.knownGap).length;
  const gradeAlone = outcomes.filter((o) => o.gradeRight).length;
  return `graded examples: ${right(outcomes)} rows right (${parts.join(', ')}); grade alone ${gradeAlone}/${outcomes.length}; ${gaps} known gaps`;
}

test('the graded examples table covers every grade with at least 60 rows', () => {
  assert.ok(rows.length >= 60, `only ${rows.length} rows`);
  assert.deepEqual([...new Set(rows.map((r) => r.grade))].sort(), ['anaphoric', 'named', 'none', 'vague']);
});

/** The shipped path: the rules, then the trained tagger for the cues they miss. */
const SHIPPED: AttributionOptions = { tagger: undefined };

test('every graded example outside the known gaps gets its source, grade, hedge and antecedent', (t) => {
  const outcomes = rows.map((row) => outcomeOf(row, SHIPPED));
  t.diagnostic(accuracyLine(outcomes));
  for (const o of outcomes) if (o.row.knownGap && o.mismatch === undefined) t.diagnostic(`known gap now passes, drop its mark: ${o.row.text}`);
  const wrong = outcomes.filter((o) => o.mismatch !== undefined && !o.row.knownGap);
  const report = wrong.map((o) => `- [${o.row.group}] ${o.row.text}\n    ${o.mismatch}`).join('\n');
  assert.equal(wrong.length, 0, `${wrong.length} of ${rows.length} graded examples are wrong:\n${report}`);
});

test('a known gap in the graded examples table says why it fails', () => {
  const unexplained = rows.filter((r) => r.knownGap !== undefined && r.knownGap.trim().length < 10).map((r) => r.text);
  assert.deepEqual(unexplained, []);
});
