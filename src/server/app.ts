import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ClaimtraceError } from '../core/errors.js';
import { resolveOptions } from '../engine/analyze.js';
import { createPoolAnalyzer } from './analyzer.js';
import type { ServerContext } from './context.js';
import { createErrorHandler } from './errors.js';
import { createWorkQueue } from './limits.js';
import { registerOpenApi } from './openapi.js';
import { resolveServerOptions, type ResolvedServerOptions, type ServerOptions } from './options.js';
import { registerAnalyzeRoute } from './routes/analyze.js';
import { registerCorpusRoutes } from './routes/corpus.js';
import { registerDocumentRoutes } from './routes/documents.js';
import { registerExportRoutes } from './routes/exports.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerReviewRoutes } from './routes/reviews.js';
import { registerSecurityHeaders, requireTokenForWrites } from './security.js';
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
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  });
  const ctx = createContext(options, () => options.publicUrl ?? boundUrl(app, options.host));
  app.addHook('onClose', async () => ctx.analyzer.close());
  app.setErrorHandler(createErrorHandler(options.bodyLimit));
  await registerSecurityHeaders(app);
  await registerRateLimit(app, options);
  requireTokenForWrites(app, options.token);
  await registerOpenApi(app, Boolean(options.token));
  registerHealthRoutes(app, ctx);
  registerAnalyzeRoute(app, ctx);
  registerDocumentRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerCorpusRoutes(app, ctx);
  await registerWebApp(app, options.webRoot);
  return app;
}

function createContext(options: ResolvedServerOptions, publicUrl: () => string): ServerContext {
  const analyzeOptions = resolveOptions({ maxBytes: options.bodyLimit, ...options.analyze });
  return {
    options,
    analyzeOptions,
    store: options.store,
    analyzer: options.analyzer ?? createPoolAnalyzer(options.workers, analyzeOptions),
    queue: createWorkQueue(options.maxConcurrent, options.maxQueue),
    publicUrl,
  };
}

/** http://<host>:<port>/ of the address the server listens on (the host as configured; IPv6 in brackets). */
function boundUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  const bare = host.replace(/^\[|\]$/g, '');
  const name = bare.includes(':') ? `[${bare}]` : bare;
  return typeof address === 'object' && address !== null ? `http://${name}:${address.port}/` : `http://${name}/`;
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
