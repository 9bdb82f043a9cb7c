import type { Database, Statement } from 'better-sqlite3';
import type { Report } from '../core/report-schema.js';
import { claimHolder, reportFromRows, type Row } from './report-rows.js';

/** Prepared inserts for the annotation tables of one document. */
export interface AnnotationWriters {
  readonly entity: Statement;
  readonly quantity: Statement;
  readonly attribution: Statement;
  readonly claim: Statement;
  readonly technique: Statement;
  readonly finding: Statement;
  readonly clear: readonly Statement[];
}

const CHILD_TABLES = ['entities', 'quantities', 'attributions', 'claims', 'techniques', 'findings'] as const;

/** Prepares the annotation inserts once per store. */
export function prepareWriters(db: Database): AnnotationWriters {
  const insert = (table: string, columns: string[]) => db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const span = ['document_id', 'seq', 'ann_id', 'start_offset', 'end_offset', 'text'];
  return {
    entity: insert('entities', [...span, 'type', 'entity_key']),
    quantity: insert('quantities', [...span, 'value', 'low', 'high', 'bound', 'kind', 'unit', 'claim_id']),
    attribution: insert('attributions', ['document_id', 'seq', 'ann_id', 'grade', 'hedged', 'source_start', 'source_end', 'source_text', 'cue_start', 'cue_end', 'cue_text', 'content_start', 'content_end', 'resolves_start', 'resolves_end', 'resolves_text', 'resolves_id', 'parent_id', 'entity_ids']),
    claim: insert('claims', [...span, 'checkworthiness', 'kind', 'grade', 'attribution_ids', 'fact_checks']),
    technique: insert('techniques', [...span, 'technique', 'score', 'evidence']),
    finding: insert('findings', ['document_id', 'seq', 'rule', 'severity', 'message', 'start_offset', 'end_offset', 'line', 'col', 'annotation_ids']),
    clear: CHILD_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE document_id = ?`)),
  };
}

const spanRow = (documentId: number, seq: number, a: { id: string; start: number; end: number; text: string }): Row => ({
  document_id: documentId, seq, ann_id: a.id, start_offset: a.start, end_offset: a.end, text: a.text,
});

/**
 * Writes every annotation and finding of a report as rows of one document (inside the caller's transaction). Claims go
 * first, so that each figure row can name the claim holding it (trace reads a figure's claims from one index).
 */
export function writeAnnotations(w: AnnotationWriters, documentId: number, report: Report): void {
  report.entities.forEach((e, i) => w.entity.run({ ...spanRow(documentId, i, e), type: e.type, entity_key: e.entity ?? null }));
  const claimIds = report.claims.map((c, i) => Number(w.claim.run({ ...spanRow(documentId, i, c), checkworthiness: c.checkworthiness, kind: c.kind, grade: c.grade, attribution_ids: JSON.stringify(c.attributionIds), fact_checks: c.factChecks === undefined ? null : JSON.stringify(c.factChecks) }).lastInsertRowid));
  const holding = claimHolder(report.claims);
  report.quantities.forEach((q, i) => {
    const claim = holding(q);
    w.quantity.run({ ...spanRow(documentId, i, q), value: q.value, low: q.low, high: q.high, bound: q.bound, kind: q.kind, unit: q.unit, claim_id: claim < 0 ? null : claimIds[claim] });
  });
  report.attributions.forEach((a, i) => w.attribution.run(attributionRow(documentId, i, a)));
  report.techniques.forEach((t, i) => w.technique.run({ ...spanRow(documentId, i, t), technique: t.technique, score: t.score, evidence: t.evidence }));
  report.findings.forEach((f, i) => w.finding.run({
    document_id: documentId, seq: i, rule: f.rule, severity: f.severity, message: f.message, start_offset: f.start, end_offset: f.end, line: f.line, col: f.col, annotation_ids: JSON.stringify(f.annotationIds),
  }));
}

function attributionRow(documentId: number, seq: number, a: Report['attributions'][number]): Row {
  return {
    document_id: documentId, seq, ann_id: a.id, grade: a.grade, hedged: a.hedged ? 1 : 0,
    source_start: a.source?.start ?? null, source_end: a.source?.end ?? null, source_text: a.source?.text ?? null,
    cue_start: a.cue.start, cue_end: a.cue.end, cue_text: a.cue.text, content_start: a.content.start, content_end: a.content.end,
    resolves_start: a.resolvesTo?.start ?? null, resolves_end: a.resolvesTo?.end ?? null, resolves_text: a.resolvesTo?.text ?? null, resolves_id: a.resolvesTo?.id ?? null,
    parent_id: a.parent, entity_ids: JSON.stringify(a.entityIds),
  };
}

/** Reads a document and its rows back into the report they came from. */
export function readReport(db: Database, documentId: number): Report | undefined {
  const doc = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as Row | undefined;
  if (!doc) return undefined;
  return reportFromRows(doc, (table) => db.prepare(`SELECT * FROM ${table} WHERE document_id = ? ORDER BY seq`).all(documentId) as Row[]);
}
