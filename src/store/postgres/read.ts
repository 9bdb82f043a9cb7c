import type pg from 'pg';
import type { Report } from '../../core/report-schema.js';
import { REPORT_SCHEMA_ID } from '../../core/report-schema.js';

type Row = Record<string, unknown>;

/** The rows of one annotation table as a JSON array in seq order (one statement reads the document and every table: one snapshot). */
const rowsOf = (table: string, cols: string) =>
  `(SELECT coalesce(json_agg(t ORDER BY t.seq), '[]'::json) FROM (SELECT seq, ${cols} FROM ${table} WHERE document_id = d.id) t) AS ${table}`;

const SPAN = 'ann_id, start_offset, end_offset, text';

const REPORT_SQL = `SELECT d.url, d.title, d.byline, d.published, d.site, d.language, d.guid, d.text, d.generator, d.sentences,
  ${rowsOf('entities', `${SPAN}, type, entity_key`)},
  ${rowsOf('quantities', `${SPAN}, value, low, high, bound, kind, unit`)},
  ${rowsOf('attributions', 'ann_id, grade, hedged, source_start, source_end, source_text, cue_start, cue_end, cue_text, content_start, content_end, resolves_start, resolves_end, resolves_text, resolves_id, parent_id, entity_ids')},
  ${rowsOf('claims', `${SPAN}, checkworthiness, kind, grade, attribution_ids, fact_checks`)},
  ${rowsOf('techniques', `${SPAN}, technique, score, evidence`)},
  ${rowsOf('findings', 'rule, severity, message, start_offset, end_offset, line, col, annotation_ids')}
  FROM documents d WHERE d.id = $1`;

const span = (r: Row) => ({ id: r.ann_id as string, start: r.start_offset as number, end: r.end_offset as number, text: r.text as string });

/**
 * Reads a document and its rows back into the report they came from, with the same fields in the same order as the
 * SQLite store (see ../rows.ts), so the two give byte-identical JSON for the same report.
 */
export async function readReport(pool: pg.Pool, documentId: number): Promise<Report | undefined> {
  if (!Number.isSafeInteger(documentId)) return undefined;
  const { rows } = await pool.query<Row>(REPORT_SQL, [documentId]);
  const doc = rows[0];
  if (!doc) return undefined;
  const sentences = JSON.parse(doc.sentences as string) as [string, number, number][];
  const list = (key: string) => doc[key] as Row[];
  return {
    schema: REPORT_SCHEMA_ID,
    generator: JSON.parse(doc.generator as string) as Report['generator'],
    document: {
      text: doc.text as string, title: doc.title as string | null, byline: doc.byline as string | null, published: doc.published as string | null,
      site: doc.site as string | null, url: doc.url as string | null, language: doc.language as string | null,
      ...(typeof doc.guid === 'string' ? { guid: doc.guid } : {}),
    },
    sentences: sentences.map(([id, start, end]) => ({ id, start, end })),
    entities: list('entities').map(readEntity),
    quantities: list('quantities').map((r) => ({ ...span(r), value: r.value as number, low: r.low as number | null, high: r.high as number | null, bound: r.bound as never, kind: r.kind as never, unit: r.unit as string | null })),
    attributions: list('attributions').map(readAttribution),
    claims: list('claims').map(readClaim),
    techniques: list('techniques').map((r) => ({ ...span(r), technique: r.technique as never, score: r.score as number, evidence: r.evidence as string })),
    findings: list('findings').map((r) => ({
      line: r.line as number, col: r.col as number, rule: r.rule as string, severity: r.severity as never, message: r.message as string,
      start: r.start_offset as number, end: r.end_offset as number, annotationIds: JSON.parse(r.annotation_ids as string) as string[],
    })),
  };
}

/** A claim row; one stored without fact-check matches (NULL) reads back without the field. */
function readClaim(r: Row): Report['claims'][number] {
  const claim = { ...span(r), checkworthiness: r.checkworthiness as number, kind: r.kind as never, attributionIds: JSON.parse(r.attribution_ids as string) as string[], grade: r.grade as never };
  return r.fact_checks === null ? claim : { ...claim, factChecks: JSON.parse(r.fact_checks as string) as Report['claims'][number]['factChecks'] };
}

/** An entity row; one without an entity key reads back without the field, as in the SQLite store. */
function readEntity(r: Row): Report['entities'][number] {
  const mention = { ...span(r), type: r.type as Report['entities'][number]['type'] };
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
    hedged: r.hedged === true,
    resolvesTo: r.resolves_start === null ? null : { start: r.resolves_start as number, end: r.resolves_end as number, text: r.resolves_text as string, id: r.resolves_id as string | null },
    parent: r.parent_id as string | null,
    entityIds: JSON.parse(r.entity_ids as string) as string[],
  };
}
