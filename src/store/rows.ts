import type { Database, Statement } from 'better-sqlite3';
import { contains, firstStartingFrom, type Range } from '../core/range.js';
import type { Report } from '../core/report-schema.js';
import { REPORT_SCHEMA_ID } from '../core/report-schema.js';

type Row = Record<string, unknown>;

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

/** The index of the claim holding a range (the last claim starting at or before it, if it contains it), or -1; claims in text order. */
function claimHolder(claims: readonly Range[]): (range: Range) => number {
  return (range) => {
    const last = firstStartingFrom(claims, range.start + 1) - 1;
    return last >= 0 && contains(claims[last]!, range) ? last : -1;
  };
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
  const rows = (table: string) => db.prepare(`SELECT * FROM ${table} WHERE document_id = ? ORDER BY seq`).all(documentId) as Row[];
  const span = (r: Row) => ({ id: r.ann_id as string, start: r.start_offset as number, end: r.end_offset as number, text: r.text as string });
  const sentences = JSON.parse(doc.sentences as string) as [string, number, number][];
  return {
    schema: REPORT_SCHEMA_ID,
    generator: JSON.parse(doc.generator as string) as Report['generator'],
    document: {
      text: doc.text as string, title: doc.title as string | null, byline: doc.byline as string | null, published: doc.published as string | null,
      site: doc.site as string | null, url: doc.url as string | null, language: doc.language as string | null,
      ...(typeof doc.guid === 'string' ? { guid: doc.guid } : {}),
    },
    sentences: sentences.map(([id, start, end]) => ({ id, start, end })),
    entities: rows('entities').map(readEntity),
    quantities: rows('quantities').map((r) => ({ ...span(r), value: r.value as number, low: r.low as number | null, high: r.high as number | null, bound: r.bound as never, kind: r.kind as never, unit: r.unit as string | null })),
    attributions: rows('attributions').map(readAttribution),
    claims: rows('claims').map(readClaim),
    techniques: rows('techniques').map((r) => ({ ...span(r), technique: r.technique as never, score: r.score as number, evidence: r.evidence as string })),
    findings: rows('findings').map((r) => ({
      line: r.line as number, col: r.col as number, rule: r.rule as string, severity: r.severity as never, message: r.message as string,
      start: r.start_offset as number, end: r.end_offset as number, annotationIds: JSON.parse(r.annotation_ids as string) as string[],
    })),
  };
}

/** A claim row; one stored without fact-check matches (NULL) reads back without the field. */
function readClaim(r: Row): Report['claims'][number] {
  const claim = { id: r.ann_id as string, start: r.start_offset as number, end: r.end_offset as number, text: r.text as string, checkworthiness: r.checkworthiness as number, kind: r.kind as never, attributionIds: JSON.parse(r.attribution_ids as string) as string[], grade: r.grade as never };
  return r.fact_checks === null || r.fact_checks === undefined ? claim : { ...claim, factChecks: JSON.parse(r.fact_checks as string) as Report['claims'][number]['factChecks'] };
}

/** An entity row; one stored before entity keys (NULL) reads back without the field. */
function readEntity(r: Row): Report['entities'][number] {
  const mention = { id: r.ann_id as string, start: r.start_offset as number, end: r.end_offset as number, text: r.text as string, type: r.type as Report['entities'][number]['type'] };
  return r.entity_key === null ? mention : { ...mention, entity: r.entity_key as string };
}

function readAttribution(r: Row): Report['attributions'][number] {
  const grade = r.grade as Report['attributions'][number]['grade'];
  return {
    id: r.ann_id as string,
    source: r.source_start === null ? null : { start: r.source_start as number, end: r.source_end as number, text: r.source_text as string, type: grade },
    grade,
    cue: { start: r.cue_start as number, end: r.cue_end as number, text: r.cue_text as string },
    content: { start: r.content_start as number, end: r.content_end as number },
    hedged: r.hedged === 1,
    resolvesTo: r.resolves_start === null ? null : { start: r.resolves_start as number, end: r.resolves_end as number, text: r.resolves_text as string, id: r.resolves_id as string | null },
    parent: r.parent_id as string | null,
    entityIds: JSON.parse(r.entity_ids as string) as string[],
  };
}
