import { createHash, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClaimtraceError } from '../core/errors.js';
import { createHostCheck } from './host-check.js';
import type { ResolvedServerOptions } from './options.js';

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

/**
 * Refuses (403 E_HOST_FORBIDDEN) every request whose Host is not one this server answers to, before anything else runs:
 * a page on another site whose name an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own name as Host.
 */
export function requireKnownHost(app: FastifyInstance, options: ResolvedServerOptions): void {
  const isKnown = createHostCheck(options);
  app.addHook('onRequest', async (req) => {
    const host = req.host;
    if (!isKnown(host, req.socket?.localPort)) throw new ClaimtraceError('E_HOST_FORBIDDEN', { host: host ? JSON.stringify(host.slice(0, 100)) : '(none)' });
  });
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** True when `given` equals `token`, in time that does not depend on where they differ (equal-length digests). */
export function tokenMatches(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

/** True when the request carries `Authorization: Bearer <token>`; compared in constant time. */
export function hasToken(req: FastifyRequest, token: string): boolean {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '');
  return tokenMatches(match?.[1] ?? '', token) && match !== null;
}

/** Counts failed authentications per client in fixed windows; at most `maxClients` are remembered. */
export interface FailureCounter {
  /** Seconds until the client may try again, or 0 when it may now. */
  blockedFor(client: string, now?: number): number;
  /** Records one failure of the client. */
  fail(client: string, now?: number): void;
}

/** A {@link FailureCounter}: `max` failures per `windowMs`; the oldest entries give way past `maxClients`. */
export function createFailureCounter(max: number, windowMs: number, maxClients = 10_000): FailureCounter {
  const entries = new Map<string, { count: number; resetAt: number }>();
  const current = (client: string, now: number) => {
    const entry = entries.get(client);
    if (entry && entry.resetAt <= now) entries.delete(client);
    return entry && entry.resetAt > now ? entry : undefined;
  };
  return {
    blockedFor(client, now = Date.now()) {
      const entry = current(client, now);
      return entry && entry.count >= max ? Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) : 0;
    },
    fail(client, now = Date.now()) {
      const entry = current(client, now);
      if (entry) return void entry.count++;
      if (entries.size >= maxClients) entries.delete(entries.keys().next().value!);
      entries.set(client, { count: 1, resetAt: now + windowMs });
    },
  };
}

const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * With a token, every write (any method but GET, HEAD, OPTIONS) needs it, checked before the body is read: else 401
 * E_UNAUTHORIZED. A client with `authFailures` failures in the window gets 429 E_AUTH_RATE_LIMITED until it ends.
 */
export function requireTokenForWrites(app: FastifyInstance, options: ResolvedServerOptions): void {
  const token = options.token;
  if (!token) return;
  const { authFailures, windowMs } = options.rateLimit;
  const failures = createFailureCounter(authFailures, windowMs);
  const window = windowMs % 60_000 === 0 ? `${windowMs / 60_000} min` : `${windowMs / 1000} s`;
  app.addHook('onRequest', async (req) => {
    if (READ_METHODS.has(req.method)) return;
    const retryAfter = failures.blockedFor(req.ip);
    if (retryAfter > 0) throw new ClaimtraceError('E_AUTH_RATE_LIMITED', { max: authFailures, window, retryAfter });
    if (hasToken(req, token)) return;
    failures.fail(req.ip);
    throw new ClaimtraceError('E_UNAUTHORIZED');
  });
}
