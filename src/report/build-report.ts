import type { AttributionAnnotation, ClaimAnnotation, EntityType, SourceGrade } from '../core/annotations.js';
import type { Document } from '../core/document.js';
import { lineColMapper, type Range } from '../core/range.js';
import { REPORT_SCHEMA_ID, type Report } from '../core/report-schema.js';

/** Grades from best to worst: a claim's grade is the best among its attributions. */
const GRADE_ORDER: readonly SourceGrade[] = ['named', 'anaphoric', 'vague', 'none'];

/** Who made the report: the package version and the stages that ran. */
export interface ReportGenerator {
  readonly version: string;
  readonly annotators: readonly string[];
}

/** Turns an analysed Document into the stable JSON report (`claimtrace/report@1`). */
export function buildReport(doc: Document, generator: ReportGenerator): Report {
  const text = doc.text;
  const withText = (range: Range) => ({ start: range.start, end: range.end, text: text.slice(range.start, range.end) });
  const toLineCol = lineColMapper(text);
  const attributions = doc.all('attribution');
  return {
    schema: REPORT_SCHEMA_ID,
    generator: { name: 'claimtrace', version: generator.version, annotators: [...generator.annotators] },
    document: {
      text,
      title: doc.meta.title ?? null,
      byline: doc.meta.byline ?? null,
      published: doc.meta.published ?? null,
      site: doc.meta.site ?? null,
      url: doc.meta.url ?? null,
      language: doc.meta.language ?? null,
      ...(doc.meta.guid ? { guid: doc.meta.guid } : {}),
    },
    sentences: doc.all('sentence').map((s) => ({ id: s.id, start: s.start, end: s.end })),
    entities: doc.all('entity').map((e) => ({ id: e.id, ...withText(e), type: e.type, entity: entityKey(e.type, e.norm) })),
    quantities: doc.all('quantity').map((q) => ({
      id: q.id,
      ...withText(q),
      value: q.value,
      low: q.low ?? null,
      high: q.high ?? null,
      bound: q.bound,
      kind: q.quantityKind,
      unit: q.unit ?? null,
    })),
    attributions: attributions.map((a) => reportAttribution(a, withText)),
    claims: doc.all('claim').map((c) => ({
      id: c.id,
      ...withText(c),
      checkworthiness: c.checkworthiness,
      kind: c.claimKind,
      attributionIds: [...c.attributionIds],
      grade: claimGrade(c, doc),
    })),
    techniques: doc.all('technique').map((t) => ({
      id: t.id,
      ...withText(t),
      technique: t.technique,
      score: t.score,
      evidence: t.evidence,
    })),
    findings: [...doc.findings]
      .sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule))
      .map((f) => ({ ...toLineCol(f.start), rule: f.rule, severity: f.severity, message: f.message, start: f.start, end: f.end, annotationIds: [...f.annotationIds] })),
  };
}

/**
 * The report's key of the entity a mention belongs to: its type and normalised name ("person:jean perier"). Mentions
 * the entity annotator linked share a norm, so they share a key; the same name as another type is another entity.
 */
export function entityKey(type: EntityType, norm: string): string {
  return `${type}:${norm}`;
}

function reportAttribution(a: AttributionAnnotation, withText: (range: Range) => Range & { text: string }): Report['attributions'][number] {
  return {
    id: a.id,
    source: a.sourceSpan ? { ...withText(a.sourceSpan), type: a.grade } : null,
    grade: a.grade,
    cue: withText(a.cue),
    content: { start: a.content.start, end: a.content.end },
    hedged: a.hedged,
    resolvesTo: a.resolvesTo ? { ...withText(a.resolvesTo), id: a.resolvesTo.id ?? null } : null,
    parent: a.parent ?? null,
    entityIds: [...(a.entityIds ?? [])],
  };
}

function claimGrade(claim: ClaimAnnotation, doc: Document): SourceGrade {
  let best = GRADE_ORDER.length - 1;
  for (const id of claim.attributionIds) {
    const ann = doc.get(id);
    if (ann?.kind === 'attribution') best = Math.min(best, GRADE_ORDER.indexOf(ann.grade));
  }
  return GRADE_ORDER[best]!;
}
