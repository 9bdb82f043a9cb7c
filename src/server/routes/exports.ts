import type { FastifyInstance } from 'fastify';
import { ClaimtraceError } from '../../core/errors.js';
import { claimReviewJsonLd, reviewsCsv, reviewsMarkdown, scriptSafeJson, webAnnotations } from '../../export/index.js';
import { httpUrl, MAX_URL } from '../../review/validate.js';
import type { ServerContext } from '../context.js';
import { anyObject, documentParams, errorResponses } from '../schemas.js';
import { reportOf } from './documents.js';

const LD_JSON = 'application/ld+json; charset=utf-8';
const FORMATS = { csv: { type: 'text/csv; charset=utf-8', ext: 'csv' }, markdown: { type: 'text/markdown; charset=utf-8', ext: 'md' } } as const;

/** A URL of this server: `path` (relative, no leading slash) under the configured public URL, never the request's Host. */
function serverUrl(ctx: ServerContext, path: string): string {
  return new URL(path, ctx.publicUrl()).href;
}

/** The fact-check page of a ClaimReview: the `url` the reviewer gives (http(s) only), else the app's page of the article. */
function factCheckUrl(ctx: ServerContext, given: string | undefined, id: number): string {
  if (given === undefined) return serverUrl(ctx, `documents/${id}`);
  const href = httpUrl(given);
  if (href === undefined) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `url: not an absolute http(s) URL: ${JSON.stringify(given.slice(0, 80))}` });
  return href;
}

/** GET …/claimreview (schema.org ClaimReview JSON-LD), …/annotations (W3C Web Annotations), …/export (CSV, Markdown). */
export function registerExportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const params = documentParams;
  app.get<{ Params: { id: number }; Querystring: { url?: string } }>(
    '/api/documents/:id/claimreview',
    {
      schema: {
        summary: 'ClaimReview JSON-LD for the reviewed claims (latest verdict per claim), safe to paste into <script type="application/ld+json">',
        tags: ['export'],
        params,
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { url: { type: 'string', maxLength: MAX_URL, description: 'The page the fact-check is published on (ClaimReview url); default: this server\'s page of the article under its public URL.' } },
        },
        response: { 200: { content: { 'application/ld+json': { schema: { type: 'array', items: anyObject } } } }, ...errorResponses },
      },
    },
    async (req, reply) => {
      const url = factCheckUrl(ctx, req.query.url, req.params.id);
      const report = await reportOf(ctx.store, req.params.id);
      const reviews = await ctx.store.reviews(req.params.id);
      const matchDecisions = await ctx.store.matchDecisions(req.params.id);
      reply.type(LD_JSON);
      return scriptSafeJson(claimReviewJsonLd(report, reviews, { publisher: ctx.options.publisher, factCheckUrl: url, matchDecisions }));
    },
  );
  app.get<{ Params: { id: number } }>(
    '/api/documents/:id/annotations',
    { schema: { summary: 'W3C Web Annotation collection of claims, sources, figures, techniques and findings', tags: ['export'], params, response: { 200: { content: { 'application/ld+json': { schema: anyObject } } }, ...errorResponses } } },
    async (req, reply) => {
      const report = await reportOf(ctx.store, req.params.id);
      const own = serverUrl(ctx, `api/documents/${req.params.id}`);
      const article = report.document.url === null ? undefined : httpUrl(report.document.url);
      reply.type(LD_JSON);
      return scriptSafeJson(webAnnotations(report, { documentIri: article ?? own, collectionIri: `${own}/annotations`, threshold: ctx.analyzeOptions.threshold }));
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
      const body = req.query.format === 'csv' ? reviewsCsv(report, reviews, await ctx.store.matchDecisions(req.params.id)) : reviewsMarkdown(report, reviews);
      reply.type(format.type).header('content-disposition', `attachment; filename="claimtrace-document-${req.params.id}-reviews.${format.ext}"`);
      return body;
    },
  );
}
