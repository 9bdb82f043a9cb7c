import type { FastifyInstance } from 'fastify';
import type { Report } from '../../core/report-schema.js';
import { analysisSettings } from '../../ingest/ingest.js';
import { sourceOf, type AnalyzeBody } from '../analyzer.js';
import type { ServerContext } from '../context.js';
import { oneOfMessage } from '../errors.js';
import { withTimeout } from '../limits.js';
import { errorResponses, isoDate, reportSchema } from '../schemas.js';

const bodySchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Exactly one of text, html or url (html may come with the url it was saved from); title, site and published win over what extraction finds.',
  properties: {
    text: { type: 'string', minLength: 1, description: 'Plain text of the article.' },
    html: { type: 'string', minLength: 1, description: 'An HTML page; the article is extracted from it.' },
    url: { type: 'string', minLength: 1, maxLength: 2048, description: 'An http(s) URL to fetch (public addresses only), or the URL an html page came from.' },
    title: { type: 'string', maxLength: 1000 },
    site: { type: 'string', maxLength: 500 },
    published: isoDate,
  },
  oneOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'], not: { required: ['html'] } }],
};

const querySchema = { type: 'object', additionalProperties: false, properties: { store: { type: 'boolean', default: false, description: 'Keep the article in the store (replacing an earlier analysis of the same URL or text).' } } };

const responseSchema = { type: 'object', required: ['documentId', 'report'], properties: { documentId: { type: ['integer', 'null'] }, report: reportSchema } };

/** POST /api/analyze: analyses text, HTML or a fetched URL, bounded by the work queue and the request timeout; `?store=true` keeps it. */
export function registerAnalyzeRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: AnalyzeBody; Querystring: { store: boolean } }>(
    '/api/analyze',
    {
      schema: { summary: 'Analyse an article', tags: ['analysis'], body: bodySchema, querystring: querySchema, response: { 200: responseSchema, ...errorResponses } },
      schemaErrorFormatter: oneOfMessage('give exactly one of text, html or url (html may come with the url it was saved from)'),
      config: { rateLimit: { max: ctx.options.rateLimit.analyze, timeWindow: ctx.options.rateLimit.windowMs } },
    },
    async (req) =>
      withTimeout(ctx.options.requestTimeoutMs, async (signal) => {
        const source = await sourceOf(req.body, ctx.analyzeOptions);
        const report = await ctx.queue.run(() => ctx.analyzer.analyze(source), signal);
        return { documentId: req.query.store && !signal.aborted ? await storeReport(ctx, report, source.label) : null, report };
      }),
  );
}

async function storeReport(ctx: ServerContext, report: Report, label: string): Promise<number> {
  const result = await ctx.store.upsert({ report, settings: analysisSettings(ctx.analyzeOptions), input: `api:${label}` });
  return result.documentId;
}
