import { SOURCE_GRADES } from '../core/annotations.js';
import { ERROR_CATALOGUE } from '../core/errors.js';
import { z } from 'zod';
import { reportJsonSchema, ReportFactCheckMatchSchema } from '../core/report-schema.js';
import { FACTCHECK_FORMATS } from '../factchecks/import/schema.js';
import { RATING_IDS } from '../review/types.js';

/** A JSON Schema object, as Fastify and @fastify/swagger take it. */
export type JsonSchema = Record<string, unknown>;

/** The report (claimtrace/report@1) without its `$schema` key, which Fastify's validators do not need. */
export const reportSchema: JsonSchema = (() => {
  const { $schema: _ignored, ...schema } = reportJsonSchema();
  return { ...schema, description: 'A claimtrace report (claimtrace/report@1, see docs/report-schema.md).' };
})();

const nullableString = { type: ['string', 'null'] };
const int = { type: 'integer' };

/** `{error: {code, message}}`. */
export const errorSchema: JsonSchema = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE) }, message: { type: 'string' } } } },
};

/** Error responses of every route, for the OpenAPI document and the serializer. */
export const errorResponses: JsonSchema = { '4xx': errorSchema, '5xx': errorSchema };

/** The pattern of {@link isoDate}; the format {@link DATE_FORMAT} also checks that the date exists. */
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):?(\d{2}))?)?)?)?$/;

/** The name of the format that {@link isCalendarDate} checks (registered with Fastify's ajv in app.ts). */
export const DATE_FORMAT = 'calendar-date';

/** True for `2024`, `2024-03`, `2024-03-14` or a date-time whose month, day, hour, minute, second and offset exist. */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] = m.slice(1).map((v) => (v === undefined ? undefined : Number(v)));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year!, month) && hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO 8601 dates as the store filters take them: `2024`, `2024-03`, `2024-03-14`, or a date-time; the date must exist. */
export const isoDate = { type: 'string', maxLength: 40, pattern: ISO_DATE.source, format: DATE_FORMAT };

/** The keyword that refuses Infinity, which ajv's coercion makes of "Infinity" and its `maximum` lets through. */
export const FINITE_KEYWORD = 'x-finite';

/** A whole number from `minimum` to `maximum` (a query or path parameter: finite, as ajv would otherwise let Infinity by). */
export function integerParam(minimum: number, maximum: number, extra: JsonSchema = {}): JsonSchema {
  return { type: 'integer', minimum, maximum, [FINITE_KEYWORD]: true, ...extra };
}

/** A number from `minimum` to `maximum`, finite. */
export function numberParam(minimum: number, maximum: number, extra: JsonSchema = {}): JsonSchema {
  return { type: 'number', minimum, maximum, [FINITE_KEYWORD]: true, ...extra };
}

/** The largest document id the API takes (ids are SQLite row ids, read as JavaScript numbers). */
export const MAX_ID = Number.MAX_SAFE_INTEGER;

/** `:id` of a stored document. */
export const documentParams: JsonSchema = { type: 'object', required: ['id'], properties: { id: integerParam(1, MAX_ID) } };

/** A stored review. */
export const reviewSchema: JsonSchema = {
  type: 'object',
  required: ['id', 'documentId', 'claimId', 'rating', 'explanation', 'evidenceUrls', 'reviewer', 'createdAt'],
  properties: {
    id: int,
    documentId: int,
    claimId: { type: 'string' },
    rating: { type: 'string', enum: [...RATING_IDS] },
    explanation: { type: 'string' },
    evidenceUrls: { type: 'array', items: { type: 'string' } },
    reviewer: { type: 'string' },
    createdAt: { type: 'string', description: 'ISO 8601 date-time.' },
  },
};

/** The body of POST /api/documents/:id/reviews. */
export const reviewBodySchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['claimId', 'rating', 'explanation', 'evidenceUrls', 'reviewer'],
  properties: {
    claimId: { type: 'string', pattern: '^c\\d+$', description: 'The claim id in the report, e.g. "c3".' },
    rating: { type: 'string', enum: [...RATING_IDS] },
    explanation: { type: 'string', maxLength: 5000 },
    evidenceUrls: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 2048, pattern: '^[hH][tT][tT][pP][sS]?://[^\\s]+$' } },
    reviewer: { type: 'string', minLength: 1, maxLength: 200 },
  },
};

/** A document in the listing. */
export const documentSummarySchema: JsonSchema = {
  type: 'object',
  required: ['documentId', 'url', 'title', 'site', 'published', 'words', 'claims', 'reviewed'],
  properties: { documentId: int, url: nullableString, title: nullableString, site: nullableString, published: nullableString, words: int, claims: int, reviewed: { type: 'integer', description: 'Claims with a current review.' } },
};

const range = { type: 'integer' };

/** A search hit: a document or a claim. */
export const searchHitSchema: JsonSchema = {
  type: 'object',
  required: ['kind', 'documentId', 'url', 'title', 'site', 'published', 'snippet', 'highlights', 'score'],
  properties: {
    kind: { type: 'string', enum: ['document', 'claim'] },
    documentId: int,
    url: nullableString,
    title: nullableString,
    site: nullableString,
    published: nullableString,
    snippet: { type: 'string' },
    highlights: { type: 'array', items: { type: 'array', items: int, minItems: 2, maxItems: 2 } },
    score: { type: 'number' },
    claim: { type: 'object', properties: { id: { type: 'string' }, start: range, end: range, grade: { type: 'string', enum: [...SOURCE_GRADES] }, checkworthiness: { type: 'number' } } },
  },
};

const traceMatchSchema: JsonSchema = {
  type: 'object',
  additionalProperties: true,
  properties: {
    documentId: int, url: nullableString, title: nullableString, site: nullableString, published: nullableString,
    claimId: { type: 'string' }, start: range, end: range, text: { type: 'string' }, similarity: { type: 'number' },
    attribution: { type: 'array', items: { type: 'object', additionalProperties: true } },
    quantities: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
};

/** A trace: the claim's appearances in publication order, the earliest, and the figure's mutations. */
export const traceResultSchema: JsonSchema = {
  type: 'object',
  required: ['query', 'matches', 'earliest', 'mutations'],
  properties: {
    query: { type: 'string' },
    matches: { type: 'array', items: traceMatchSchema },
    earliest: { anyOf: [traceMatchSchema, { type: 'null' }] },
    mutations: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
};

/** An outlet's profile (see OutletProfile in src/store/types.ts). */
export const outletSchema: JsonSchema = {
  type: 'object',
  additionalProperties: true,
  properties: { site: nullableString, articles: int, words: int, claims: int, months: { type: 'array', items: { type: 'object', additionalProperties: true } } },
};

/** Any JSON object (JSON-LD documents). */
export const anyObject: JsonSchema = { type: 'object', additionalProperties: true };

/** One stored fact-check matched to a claim: the item of a claim's `factChecks` in a report (ReportFactCheckMatchSchema). */
export const factCheckMatchItemSchema: JsonSchema = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(ReportFactCheckMatchSchema, { target: 'draft-2020-12' }) as JsonSchema;
  return schema;
})();

/** GET /api/factchecks/match: how many fact-checks are stored, the calibrated threshold, and the matches, best first. */
export const factCheckMatchSchema: JsonSchema = {
  type: 'object',
  required: ['factChecks', 'threshold', 'matches'],
  properties: {
    factChecks: { type: 'integer', description: 'Fact-checks stored (and indexed).' },
    threshold: { type: ['number', 'null'], description: 'The calibrated score from which a fact-check is reported; null when none are stored.' },
    matches: { type: 'array', items: factCheckMatchItemSchema },
  },
};

/** POST /api/factchecks: what the import did, and each record it could not use. */
export const factCheckImportSchema: JsonSchema = {
  type: 'object',
  required: ['format', 'inserted', 'updated', 'unchanged', 'skipped', 'ids', 'problems'],
  properties: {
    format: { type: 'string', enum: [...FACTCHECK_FORMATS], description: 'The format told from the body.' },
    inserted: int,
    updated: int,
    unchanged: int,
    skipped: { type: 'integer', description: 'Records not stored (each listed in problems, the first 1,000).' },
    ids: { type: 'array', items: int, description: 'Store ids of the fact-checks read, in body order.' },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        required: ['record', 'code', 'message'],
        properties: { record: { type: ['string', 'null'], description: 'Where in the body: a JSON path ($.claims[3].claimReview[0]) or a line.' }, code: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};
