import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../engine/version.js';
import type { ServerContext } from '../context.js';
import { anyObject, errorResponses } from '../schemas.js';

const healthBody = (status: 'ok' | 'unhealthy') => ({
  type: 'object',
  required: ['status', 'version', 'documents', 'problems'],
  properties: {
    status: { type: 'string', enum: [status] },
    version: { type: 'string' },
    documents: { type: 'integer' },
    problems: { type: 'array', items: { type: 'string' }, description: 'Why the server is unhealthy: stuck or dead analysis workers, a queue that cannot drain.' },
  },
});

/**
 * GET /healthz (status, version, stored documents; 503 with the problems when analysis workers are stuck or dead or the
 * analysis queue cannot drain) and GET /api/openapi.json (the OpenAPI 3.1 document). The check only reads counters
 * kept by the pool and the queue, so it answers at once while analyses saturate the workers.
 */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/healthz',
    {
      schema: { summary: 'Health check', tags: ['server'], response: { ...errorResponses, 200: healthBody('ok'), 503: healthBody('unhealthy') } },
      config: { rateLimit: false },
    },
    async (_req, reply) => {
      const problems = [...(ctx.analyzer.health?.().problems ?? []), ...ctx.queue.problems()];
      const body = { status: problems.length > 0 ? ('unhealthy' as const) : ('ok' as const), version: VERSION, documents: await ctx.store.countDocuments(), problems };
      reply.code(problems.length > 0 ? 503 : 200);
      return body;
    },
  );
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This OpenAPI document', tags: ['server'], response: { 200: anyObject } } },
    async () => app.swagger(),
  );
}
