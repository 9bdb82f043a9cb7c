import { createHash, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClaimtraceError } from '../core/errors.js';

/** The Content-Security-Policy: nothing but this origin's own scripts, styles, images and API; no frames, no plugins. */
export const CSP_DIRECTIVES = Object.freeze({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
});

/** Security headers on every response: the CSP above, nosniff, no referrer, no framing. HSTS is left to a TLS proxy. */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time (digests of equal length). */
export function hasToken(req: FastifyRequest, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return timingSafeEqual(digest(match?.[1] ?? ''), digest(token)) && match !== null;
}

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** With a token, every write (any method but GET, HEAD, OPTIONS) needs it, checked before the body is read: else 401 E_UNAUTHORIZED. */
export function requireTokenForWrites(app: FastifyInstance, token: string | undefined): void {
  if (!token) return;
  app.addHook('onRequest', async (req) => {
    if (READ_METHODS.has(req.method)) return;
    if (!hasToken(req, token)) throw new ClaimtraceError('E_UNAUTHORIZED');
  });
}
