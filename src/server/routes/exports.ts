import type { FastifyInstance, FastifyRequest } from 'fastify';
import { claimReviewJsonLd, reviewsCsv, reviewsMarkdown, webAnnotations } from '../../export/index.js';
import type { ServerContext } from '../context.js';
import { anyObject, documentParams, errorResponses } from '../schemas.js';
import { reportOf } from './documents.js';

const LD_JSON = 'application/ld+json; charset=utf-8';
const FORMATS = { csv: { type: 'text/csv; charset=utf-8', ext: 'csv' }, markdown: { type: 'text/markdown; charset=utf-8', ext: 'md' } } as const;

/** The IRI that annotations target: the article's own URL, else this server's address of the document. */
function documentIri(req: FastifyRequest, url: string | null, id: number): string {
  return url ?? `${req.protocol}://${req.host}/api/documents/${id}`;
}

/** GET …/claimreview (schema.org ClaimReview JSON-LD), …/annotations (W3C Web Annotations), …/export (CSV, Markdown). */
export function registerExportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const params = documentParams;
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/claimreview',
    { schema: { summary: 'ClaimReview JSON-LD for the reviewed claims (latest verdict per claim)', tags: ['export'], params, response: { 200: { content: { 'application/ld+json': { schema: { type: 'array', items: anyObject } } } }, ...errorResponses } } },
    async (req, reply) => {
      const report = await reportOf(ctx.store, req.params.id);
      const reviews = await ctx.store.reviews(req.params.id);
      reply.type(LD_JSON);
      return claimReviewJsonLd(report, reviews, { publisher: ctx.options.publisher, documentUrl: report.document.url ?? undefined });
    },
  );
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/annotations',
    { schema: { summary: 'W3C Web Annotation collection of claims, sources, figures, techniques and findings', tags: ['export'], params, response: { 200: { content: { 'application/ld+json': { schema: anyObject } } }, ...errorResponses } } },
    async (req, reply) => {
      const report = await reportOf(ctx.store, req.params.id);
      reply.type(LD_JSON);
      return webAnnotations(report, { documentIri: documentIri(req, report.document.url, req.params.id) });
    },
  );
  app.get<{ Params: { id: number }; Querystring: { format: keyof typeof FORMATS } }>(
    '/api/documents/:id/export',
    {
      schema: {
        summary: 'The reviews as a CSV or Markdown download',
        tags: ['export'],
        params,
        querystring: { type: 'object', additionalProperties: false, required: ['format'], properties: { format: { type: 'string', enum: Object.keys(FORMATS) } } },
        response: { 200: { content: { 'text/csv': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const report = await reportOf(ctx.store, req.params.id);
      const reviews = await ctx.store.reviews(req.params.id);
      const format = FORMATS[req.query.format];
      const body = req.query.format === 'csv' ? reviewsCsv(report, reviews) : reviewsMarkdown(report, reviews);
      reply.type(format.type).header('content-disposition', `attachment; filename="claimtrace-document-${req.params.id}-reviews.${format.ext}"`);
      return body;
    },
  );
}
