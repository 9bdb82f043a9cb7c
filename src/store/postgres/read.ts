import type pg from 'pg';
import type { Report } from '../../core/report-schema.js';
import { reportFromRows, type Row } from '../report-rows.js';

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

/**
 * Reads a document and its rows back into the report they came from, through the mapper the SQLite store uses
 * (../report-rows.ts), so the two give byte-identical JSON for the same report.
 */
export async function readReport(pool: pg.Pool, documentId: number): Promise<Report | undefined> {
  if (!Number.isSafeInteger(documentId)) return undefined;
  const { rows } = await pool.query<Row>(REPORT_SQL, [documentId]);
  const doc = rows[0];
  if (!doc) return undefined;
  return reportFromRows(doc, (table) => doc[table] as Row[]);
}
