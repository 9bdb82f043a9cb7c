import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unroutedError, type RouteTable } from './errors.js';

/** The page `/` answers when the web app has not been built. */
const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>claimtrace</title></head>
<body><h1>claimtrace</h1><p>The web app is not built. Run <code>npm run build</code>, then start <code>claimtrace serve</code> again.</p>
<p>The HTTP API works without it: see <a href="/api/openapi.json">/api/openapi.json</a>.</p></body></html>
`;

/** True for paths of the API (and the health check), which never fall back to the app. */
const isApiPath = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || url.startsWith('/healthz');
/** True for paths that name a file (`/assets/app.js`): a missing file is a 404, not the app's page. */
const isFilePath = (url: string) => /\.[a-z0-9]+$/i.test(url.split('?')[0]!);

/**
 * Serves the single-page app from `webRoot`, with index.html for unknown non-API GET paths (client-side routes); any
 * other unknown route is 404 E_NOT_FOUND (405 E_METHOD_NOT_ALLOWED when the path has routes for other methods). Without an index.html, `/` answers a page saying the app is not built.
 */
export async function registerWebApp(app: FastifyInstance, webRoot: string, routes: RouteTable): Promise<void> {
  const built = existsSync(join(webRoot, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true, cacheControl: true, maxAge: 0 });
  else app.get('/', { schema: { hide: true } }, (_req, reply) => reply.type('text/html; charset=utf-8').send(NOT_BUILT));
  app.setNotFoundHandler((req: FastifyRequest, reply: FastifyReply) => {
    const spaRoute = built && (req.method === 'GET' || req.method === 'HEAD') && !isApiPath(req.url) && !isFilePath(req.url);
    if (spaRoute) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    throw unroutedError(routes, req);
  });
}
