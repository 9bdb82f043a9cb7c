import { contains, firstStartingFrom, type Range } from '../core/range.js';
import type { Report } from '../core/report-schema.js';
import { REPORT_SCHEMA_ID } from '../core/report-schema.js';

/** One row as a driver returns it: SQLite via better-sqlite3, PostgreSQL via pg (json_agg). */
export type Row = Record<string, unknown>;

/** The annotation tables whose rows make up a report, each read in seq order. */
export type AnnotationTable = 'entities' | 'quantities' | 'attributions' | 'claims' | 'techniques' | 'findings';

/**
 * The index of the claim holding a range (the last claim starting at or before it, if it contains it), or -1; claims in
 * text order. Both stores write it as the claim a figure row names.
 */
export function claimHolder(claims: readonly Range[]): (range: Range) => number {
  return (range) => {
    const last = firstStartingFrom(claims, range.start + 1) - 1;
    return last >= 0 && contains(claims[last]!, range) ? last : -1;
  };
}

const span = (r: Row) => ({ id: r.ann_id as string, start: r.start_offset as number, end: r.end_offset as number, text: r.text as string });

/**
 * Maps a document row and its annotation rows (in seq order) back to the report they came from. Both stores call it, so
 * they give the same fields in the same order (byte-identical JSON) for the same report. Pure: no database access.
 */
export function reportFromRows(doc: Row, rowsOf: (table: AnnotationTable) => readonly Row[]): Report {
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
    entities: rowsOf('entities').map(readEntity),
    quantities: rowsOf('quantities').map((r) => ({ ...span(r), value: r.value as number, low: r.low as number | null, high: r.high as number | null, bound: r.bound as never, kind: r.kind as never, unit: r.unit as string | null })),
    attributions: rowsOf('attributions').map(readAttribution),
    claims: rowsOf('claims').map(readClaim),
    techniques: rowsOf('techniques').map((r) => ({ ...span(r), technique: r.technique as never, score: r.score as number, evidence: r.evidence as string })),
    findings: rowsOf('findings').map((r) => ({
      line: r.line as number, col: r.col as number, rule: r.rule as string, severity: r.severity as never, message: r.message as string,
      start: r.start_offset as number, end: r.end_offset as number, annotationIds: JSON.parse(r.annotation_ids as string) as string[],
    })),
  };
}

/** A claim row; one stored without fact-check matches (NULL) reads back without the field. */
function readClaim(r: Row): Report['claims'][number] {
  const claim = { ...span(r), checkworthiness: r.checkworthiness as number, kind: r.kind as never, attributionIds: JSON.parse(r.attribution_ids as string) as string[], grade: r.grade as never };
  return r.fact_checks === null || r.fact_checks === undefined ? claim : { ...claim, factChecks: JSON.parse(r.fact_checks as string) as Report['claims'][number]['factChecks'] };
}

/** An entity row; one stored before entity keys (NULL) reads back without the field. */
function readEntity(r: Row): Report['entities'][number] {
  const mention = { ...span(r), type: r.type as Report['entities'][number]['type'] };
  return r.entity_key === null ? mention : { ...mention, entity: r.entity_key as string };
}

/** An attribution row; `hedged` is 0/1 in SQLite and a boolean in PostgreSQL. */
function readAttribution(r: Row): Report['attributions'][number] {
  const grade = r.grade as Report['attributions'][number]['grade'];
  return {
    id: r.ann_id as string,
    source: r.source_start === null ? null : { start: r.source_start as number, end: r.source_end as number, text: r.source_text as string, type: grade },
    grade,
    cue: { start: r.cue_start as number, end: r.cue_end as number, text: r.cue_text as string },
    content: { start: r.content_start as number, end: r.content_end as number },
    hedged: r.hedged === 1 || r.hedged === true,
    resolvesTo: r.resolves_start === null ? null : { start: r.resolves_start as number, end: r.resolves_end as number, text: r.resolves_text as string, id: r.resolves_id as string | null },
    parent: r.parent_id as string | null,
    entityIds: JSON.parse(r.entity_ids as string) as string[],
  };
}
