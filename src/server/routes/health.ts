import type { FastifyInstance } from 'fastify';
import { VERSION } from '../../engine/version.js';
import type { ServerContext } from '../context.js';
import { anyObject, errorResponses } from '../schemas.js';

/** GET /healthz (status, version, stored documents) and GET /api/openapi.json (the OpenAPI 3.1 document). */
export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/healthz',
    {
      schema: { summary: 'Health check', tags: ['server'], response: { 200: { type: 'object', required: ['status', 'version', 'documents'], properties: { status: { type: 'string', enum: ['ok'] }, version: { type: 'string' }, documents: { type: 'integer' } } }, ...errorResponses } },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok', version: VERSION, documents: await ctx.store.countDocuments() }),
  );
  app.get(
    '/api/openapi.json',
    { schema: { summary: 'This OpenAPI document', tags: ['server'], response: { 200: anyObject } } },
    async () => app.swagger(),
  );
}
