import type { FastifyInstance } from 'fastify';
import type { Report } from '../../core/report-schema.js';
import { analysisDeadlineMs } from '../../ingest/deadline.js';
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

/** POST /api/analyze: analyses text, HTML or a fetched URL, bounded by the work queue and a time limit that really stops the work; `?store=true` keeps it. */
export function registerAnalyzeRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: AnalyzeBody; Querystring: { store: boolean } }>(
    '/api/analyze',
    {
      schema: { summary: 'Analyse an article', tags: ['analysis'], body: bodySchema, querystring: querySchema, response: { 200: responseSchema, ...errorResponses } },
      schemaErrorFormatter: oneOfMessage('give exactly one of text, html or url (html may come with the url it was saved from)'),
      config: { rateLimit: { max: ctx.options.rateLimit.analyze, timeWindow: ctx.options.rateLimit.windowMs } },
    },
    async (req) => {
      // A URL is fetched first, within its own time limit (analyze.timeoutMs); the request's limit then depends on the size.
      const source = await sourceOf(req.body, ctx.analyzeOptions);
      const limitMs = requestLimitMs(ctx, source.bytes.byteLength);
      return withTimeout(limitMs, async (signal) => {
        // The signal reaches the worker pool: a request past its limit leaves the queue, or has its worker terminated.
        const analysed = await ctx.queue.run(() => ctx.analyzer.analyze(source, signal), { signal, limitMs });
        // Check-worthy claims matched against the store's fact-checks (the report is unchanged when none are stored).
        const report = await ctx.factChecks.annotate(analysed, ctx.analyzeOptions.threshold);
        return { documentId: req.query.store && !signal.aborted ? await storeReport(ctx, report, source.label) : null, report };
      });
    },
  );
}

/** The time limit of an analysis request (queue, analysis, store): requestTimeoutMs plus the engine's allowance per MB. */
export function requestLimitMs(ctx: ServerContext, bytes: number): number {
  return analysisDeadlineMs(bytes, { deadlineMs: ctx.options.requestTimeoutMs, deadlinePerMbMs: ctx.analyzeOptions.deadlinePerMbMs });
}

async function storeReport(ctx: ServerContext, report: Report, label: string): Promise<number> {
  const result = await ctx.store.upsert({ report, settings: analysisSettings(ctx.analyzeOptions), input: `api:${label}` });
  return result.documentId;
}
