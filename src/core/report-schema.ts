import { z } from 'zod';
import { BOUNDS, CLAIM_KINDS, ENTITY_TYPES, QUANTITY_KINDS, SOURCE_GRADES, TECHNIQUES } from './annotations.js';

/** The schema id every report carries. */
export const REPORT_SCHEMA_ID = 'claimtrace/report@1';

const offset = z.number().int().nonnegative();
const span = z.object({ start: offset, end: offset });
const textSpan = span.extend({ text: z.string() });

/** Document text and metadata. */
export const ReportDocumentSchema = z.object({
  text: z.string().describe('The extracted article text; every offset in the report is a UTF-16 index into it, end exclusive.'),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable().describe('ISO 8601 date or date-time.'),
  site: z.string().nullable(),
  url: z.string().nullable(),
  language: z.string().nullable().describe('ISO 639 code of the detected language.'),
  guid: z.string().optional().describe('GUID of the feed item the article came from (RSS guid, Atom id, JSON Feed id); absent otherwise.'),
});

/** A stored fact-check that addresses a claim, as a report lists it under the claim. */
export const ReportFactCheckMatchSchema = z.object({
  factCheckId: z.number().int().positive().describe('Store id of the fact-check.'),
  score: z.number().min(0).max(1).describe('Calibrated match score, 0 to 1.'),
  claimReviewed: z.string().describe('The claim the fact-check reviewed.'),
  rating: z.object({ name: z.string().nullable(), value: z.number().nullable() }),
  publisher: z.string().nullable(),
  date: z.string().nullable().describe('ISO 8601 date the fact-check was published.'),
  url: z.string().describe('The fact-check article (http or https).'),
  why: z.object({ sharedTerms: z.array(z.string()), sameFigures: z.array(z.string()), sameEntities: z.array(z.string()) }),
});

/** One fact-check match of a claim, derived from {@link ReportFactCheckMatchSchema}. */
export type ReportFactCheckMatch = z.infer<typeof ReportFactCheckMatchSchema>;

/** The report of one article: schema `claimtrace/report@1`. */
export const ReportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA_ID),
  generator: z.object({ name: z.literal('claimtrace'), version: z.string(), annotators: z.array(z.string()) }),
  document: ReportDocumentSchema,
  sentences: z.array(span.extend({ id: z.string() })),
  entities: z.array(
    textSpan.extend({
      id: z.string(),
      type: z.enum(ENTITY_TYPES),
      entity: z
        .string()
        .optional()
        .describe(
          'The entity this is a mention of, as `type:normalised name` ("person:jean perier"): mentions sharing it are one entity ("Jean Périer", "Jean Perier", a later "Périer"). Absent in reports made before it existed.',
        ),
    }),
  ),
  quantities: z.array(
    textSpan.extend({
      id: z.string(),
      value: z.number(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      bound: z.enum(BOUNDS),
      kind: z.enum(QUANTITY_KINDS),
      unit: z.string().nullable(),
    }),
  ),
  attributions: z.array(
    z.object({
      id: z.string(),
      source: textSpan.extend({ type: z.enum(SOURCE_GRADES) }).nullable().describe('null when the cue names no source ("reportedly").'),
      grade: z.enum(SOURCE_GRADES),
      cue: textSpan,
      content: span,
      hedged: z.boolean(),
      resolvesTo: textSpan.extend({ id: z.string().nullable() }).nullable().describe('The antecedent of an anaphoric source.'),
      parent: z.string().nullable().describe('Id of the attribution this one is nested in.'),
      entityIds: z.array(z.string()),
    }),
  ),
  claims: z.array(
    textSpan.extend({
      id: z.string(),
      checkworthiness: z.number().min(0).max(1),
      kind: z.enum(CLAIM_KINDS),
      attributionIds: z.array(z.string()),
      grade: z.enum(SOURCE_GRADES).describe('Best grade among the supporting attributions; none when unattributed.'),
      factChecks: z
        .array(ReportFactCheckMatchSchema)
        .optional()
        .describe(
          'Stored fact-checks that address this claim, best first (at most 5, each at or above the calibrated threshold). Present only when the analysis had a store holding fact-checks and the claim is check-worthy.',
        ),
    }),
  ),
  techniques: z.array(
    textSpan.extend({ id: z.string(), technique: z.enum(TECHNIQUES), score: z.number().min(0).max(1), evidence: z.string() }),
  ),
  findings: z.array(
    span.extend({
      rule: z.string(),
      severity: z.enum(['info', 'warning', 'error']),
      message: z.string(),
      annotationIds: z.array(z.string()),
      line: z.number().int().positive(),
      col: z.number().int().positive(),
    }),
  ),
});

/** A claimtrace report, derived from {@link ReportSchema}. */
export type Report = z.infer<typeof ReportSchema>;

/** The report schema as JSON Schema (draft 2020-12). */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
