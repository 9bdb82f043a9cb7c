import type { FastifyInstance } from 'fastify';
import { SOURCE_GRADES, type SourceGrade } from '../../core/annotations.js';
import { ClaimtraceError } from '../../core/errors.js';
import type { Report } from '../../core/report-schema.js';
import type { Store } from '../../store/types.js';
import type { ServerContext } from '../context.js';
import { documentParams, documentSummarySchema, errorResponses, integerParam, isoDate, reportSchema, reviewSchema, searchHitSchema } from '../schemas.js';

/** The largest `offset` of the listing (SQLite takes up to 2^63 − 1; beyond a billion a page is empty anyway). */
const MAX_OFFSET = 1_000_000_000;

/** The stored report of a document; 404 E_NOT_FOUND when there is none. */
export async function reportOf(store: Store, documentId: number): Promise<Report> {
  const report = await store.getReport(documentId);
  if (!report) throw new ClaimtraceError('E_NOT_FOUND', { what: 'document', id: documentId });
  return report;
}

interface ListQuery {
  q?: string;
  site?: string;
  from?: string;
  to?: string;
  grade?: SourceGrade;
  limit: number;
  offset: number;
}

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 1000, description: 'Full-text query of at most 32 words and phrases; with it the answer is search hits, best first.' },
    site: { type: 'string', maxLength: 500 },
    from: isoDate,
    to: isoDate,
    grade: { type: 'string', enum: [...SOURCE_GRADES], description: 'With q: only claims whose best source has this grade.' },
    limit: integerParam(1, 200, { default: 20 }),
    offset: integerParam(0, MAX_OFFSET, { default: 0, description: 'Without q: documents skipped (paging).' }),
  },
};

const listResponse = {
  description: 'With q: {query, hits}. Without q: {total, items}, newest first.',
  type: 'object',
  properties: {
    query: { type: 'string' },
    hits: { type: 'array', items: searchHitSchema },
    total: { type: 'integer' },
    items: { type: 'array', items: documentSummarySchema },
  },
};

/** GET /api/documents (search or listing) and GET /api/documents/:id (the report with its reviews). */
export function registerDocumentRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: ListQuery }>(
    '/api/documents',
    { schema: { summary: 'Search or list stored documents', tags: ['corpus'], querystring: listQuery, response: { 200: listResponse, ...errorResponses } } },
    async (req) => {
      const { q, site, from, to, grade, limit, offset } = req.query;
      if (q !== undefined) return ctx.store.search({ text: q, site, from, to, grade, limit });
      if (grade !== undefined) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: 'grade filters search hits: give q as well' });
      return ctx.store.listDocuments({ site, from, to, limit, offset });
    },
  );
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id',
    {
      schema: {
        summary: 'A stored document: its report and reviews',
        tags: ['corpus'],
        params: documentParams,
        response: { 200: { type: 'object', required: ['documentId', 'report', 'reviews'], properties: { documentId: { type: 'integer' }, report: reportSchema, reviews: { type: 'array', items: reviewSchema } } }, ...errorResponses },
      },
    },
    async (req) => {
      const report = await reportOf(ctx.store, req.params.id);
      return { documentId: req.params.id, report, reviews: await ctx.store.reviews(req.params.id) };
    },
  );
}
