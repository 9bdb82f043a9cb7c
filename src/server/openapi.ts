import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { VERSION } from '../engine/version.js';

/** Registers @fastify/swagger (before the routes, which it collects) for an OpenAPI 3.1 document of every route. */
export async function registerOpenApi(app: FastifyInstance, tokenRequired: boolean): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'claimtrace HTTP API',
        version: VERSION,
        description: 'Analyse articles (claims, figures, sourcing, techniques), search the corpus, record verdicts per claim and export them as ClaimReview. Errors are {error: {code, message}}. See docs/api.md.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'CLAIMTRACE_TOKEN; needed by write routes when the server has a token.' } } },
      tags: [
        { name: 'analysis', description: 'Analyse articles' },
        { name: 'corpus', description: 'Stored documents, search, trace and outlets' },
        { name: 'review', description: 'Verdicts per claim' },
        { name: 'factchecks', description: 'Published fact-checks: import, and match a claim against them' },
        { name: 'export', description: 'ClaimReview, Web Annotation, CSV and Markdown' },
        { name: 'server', description: 'Health and this document' },
      ],
    },
    transform: ({ schema, url, route }) => {
      const writes = tokenRequired && route.method !== 'GET' && route.method !== 'HEAD';
      return { schema: writes ? { ...schema, security: [{ bearer: [] }] } : schema, url };
    },
  });
}
