import rateLimit from '@fastify/rate-limit';
import type { Ajv } from 'ajv';
import Fastify, { type FastifyInstance } from 'fastify';
import { ClaimtraceError } from '../core/errors.js';
import { resolveOptions } from '../engine/analyze.js';
import { createFactCheckAudit } from '../factchecks/audit/provider.js';
import { createPoolAnalyzer } from './analyzer.js';
import type { ServerContext } from './context.js';
import { addRoute, createClientErrorHandler, createErrorHandler, createFrameworkErrorHandler, type RouteTable } from './errors.js';
import { registerJsonBody } from './body.js';
import { DATE_FORMAT, FINITE_KEYWORD, isCalendarDate } from './schemas.js';
import { createWorkQueue } from './limits.js';
import { registerOpenApi } from './openapi.js';
import { defaultPublicUrl, resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from './options.js';
import { registerAnalyzeRoute } from './routes/analyze.js';
import { registerCorpusRoutes } from './routes/corpus.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerFactCheckRoutes } from './routes/factchecks.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMatchDecisionRoutes } from './routes/match-decisions.js';
import { registerReviewRoutes } from './routes/reviews.js';
import { registerSecurityHeaders, requireKnownHost, requireTokenForWrites } from './security.js';
import { registerWebApp } from './static.js';

/**
 * Builds the HTTP server (not yet listening): the JSON API of docs/api.md, the web app from `webRoot`, security headers,
 * a token for writes when set, rate limits, and analyses bounded by a work queue. Closing the app stops the analysis
 * workers; the store stays the caller's to close.
 */
export async function buildApp(input: ServerOptions): Promise<FastifyInstance> {
  const options = resolveServerOptions(input);
  const app = Fastify({
    logger: options.logger === false ? false : { level: options.logger === true ? 'info' : options.logger },
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    requestTimeout: options.requestTimeoutMs + 5_000,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, formats: { [DATE_FORMAT]: isCalendarDate } },
      plugins: [addFiniteKeyword],
    },
    frameworkErrors: createFrameworkErrorHandler(),
    clientErrorHandler: createClientErrorHandler(options.requestTimeoutMs + 5_000),
  });
  const ctx = createContext(options, () => options.publicUrl ?? boundUrl(app, options.host));
  const routes: RouteTable = new Map();
  app.addHook('onRoute', (route) => {
    if (!route.url.includes('*')) addRoute(routes, route.url, route.method);
  });
  app.addHook('onClose', async () => ctx.analyzer.close());
  app.setErrorHandler(createErrorHandler());
  await registerSecurityHeaders(app);
  requireKnownHost(app, options);
  requireTokenForWrites(app, options);
  registerJsonBody(app, { bodyLimit: options.bodyLimit, drainLimit: drainLimitFor(options.bodyLimit), drainMs: 10_000 });
  await registerRateLimit(app, options);
  await registerOpenApi(app, Boolean(options.token));
  registerHealthRoutes(app, ctx);
  registerAnalyzeRoute(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerMatchDecisionRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerCorpusRoutes(app, ctx);
  await registerFactCheckRoutes(app, ctx);
  await registerWebApp(app, options.webRoot, routes);
  return app;
}

/** How much of a body over the limit is read (and thrown away) so that the client gets its 413: four times the limit, at least 16 MB. */
export function drainLimitFor(bodyLimit: number): number {
  return Math.max(4 * bodyLimit, 16 * 1024 * 1024);
}

/** The `x-finite` keyword of {@link FINITE_KEYWORD}: ajv turns "Infinity" into a number and then skips `maximum`. */
function addFiniteKeyword(ajv: Ajv): Ajv {
  return ajv.addKeyword({ keyword: FINITE_KEYWORD, schemaType: 'boolean', errors: false, validate: (wanted: boolean, data: unknown) => !wanted || typeof data !== 'number' || Number.isFinite(data) });
}

/**
 * How long a server trusts that the stored fact-checks are those its matcher indexed, in ms: past it, the next use
 * reads the store's stamp (count and newest change) again, so that imports through other instances show within a
 * minute; an import through this instance shows at once.
 */
export const FACTCHECK_STAMP_MAX_AGE_MS = 60_000;

function createContext(options: ResolvedServerOptions, publicUrl: () => string): ServerContext {
  const analyzeOptions = resolveOptions({ maxBytes: options.bodyLimit, ...options.analyze });
  return {
    options,
    analyzeOptions,
    store: options.store,
    analyzer: options.analyzer ?? createPoolAnalyzer(options.workers, analyzeOptions),
    queue: createWorkQueue(options.maxConcurrent, options.maxQueue),
    factChecks: createFactCheckAudit(options.store, { maxAgeMs: FACTCHECK_STAMP_MAX_AGE_MS }),
    publicUrl,
  };
}

/** http://<host>:<port>/ of the address the server listens on (the host as configured; IPv6 in brackets). */
function boundUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  return defaultPublicUrl(host, typeof address === 'object' && address !== null ? address.port : undefined);
}

/** Per client IP: reads get `read` requests per window; analyze and writes set their own limits on their routes. */
async function registerRateLimit(app: FastifyInstance, options: ResolvedServerOptions): Promise<void> {
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimit.read,
    timeWindow: options.rateLimit.windowMs,
    errorResponseBuilder: (_req, context) =>
      new ClaimtraceError('E_RATE_LIMITED', { max: context.max, window: windowText(options.rateLimit.windowMs), retryAfter: Math.max(1, Math.ceil(context.ttl / 1000)) }),
  });
}

function windowText(ms: number): string {
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`;
}
