import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ClaimtraceError } from '../core/errors.js';
import type { AnalyzeOptionsInput } from '../engine/options.js';
import type { Store } from '../store/types.js';
import type { Analyzer } from './analyzer.js';

/** Requests per client IP and window, by kind of route. */
export interface RateLimits {
  /** POST /api/analyze. */
  readonly analyze: number;
  /** Other writes (reviews). */
  readonly write: number;
  /** Reads (GET). */
  readonly read: number;
  /** Failed authentications (a write with a wrong or no token) before 429 E_AUTH_RATE_LIMITED until the window ends. */
  readonly authFailures: number;
  /** The window, in ms. */
  readonly windowMs: number;
}

/** Options of {@link buildApp}. Only `store` is required; the rest have frozen defaults. */
export interface ServerOptions {
  /** The corpus store; the caller opens and closes it. */
  readonly store: Store;
  /** The host the server binds to: anything but loopback requires a token. */
  readonly host?: string;
  /** When set, write routes need `Authorization: Bearer <token>` (CLAIMTRACE_TOKEN). */
  readonly token?: string;
  /** Folder of the built web app (index.html and assets). */
  readonly webRoot?: string;
  /** Analyses running at once (default: CPU cores). */
  readonly maxConcurrent?: number;
  /** Analyses waiting for a slot before 503 E_BUSY (default 16). */
  readonly maxQueue?: number;
  /** Worker threads that analyse (default maxConcurrent); 0 analyses on the server's own thread. */
  readonly workers?: number;
  /** Time limit of an analysis request, queue and fetch included, in ms (default 30,000). */
  readonly requestTimeoutMs?: number;
  /** Largest request body, in bytes (default 5 MB). */
  readonly bodyLimit?: number;
  /** Rate limits per client IP. */
  readonly rateLimit?: Partial<RateLimits>;
  /** Engine options (threshold, models, URL fetch timeout and redirects). */
  readonly analyze?: AnalyzeOptionsInput;
  /** Replaces the engine (tests inject slow or failing ones). */
  readonly analyzer?: Analyzer;
  /** The publisher named in ClaimReview exports. */
  readonly publisher?: { readonly name: string; readonly url?: string };
  /** Fastify logger: false (default), true, or a pino level. */
  readonly logger?: boolean | 'fatal' | 'error' | 'warn' | 'info' | 'debug';
  /** Trust X-Forwarded-For (behind a reverse proxy) for the client IP of rate limits, and X-Forwarded-Host for the Host check. */
  readonly trustProxy?: boolean;
  /**
   * The URL clients reach this server at (`https://claims.example.org/`; CLAIMTRACE_PUBLIC_URL, --public-url), from which
   * exports build their IRIs and links, never from the request. Default: http://<host>:<port>/ of the bound address.
   * Its host is accepted in the Host header.
   */
  readonly publicUrl?: string;
  /**
   * Host names (optionally with `:port`) accepted in the Host header besides the bound address, 127.0.0.1, localhost
   * and [::1] (CLAIMTRACE_ALLOWED_HOSTS, --allowed-hosts); `*` accepts any (no DNS-rebinding protection).
   */
  readonly allowedHosts?: readonly string[];
}

/** Options with every default filled in. */
export type ResolvedServerOptions = Required<Omit<ServerOptions, 'token' | 'analyzer' | 'publisher' | 'rateLimit' | 'publicUrl'>> &
  Pick<ServerOptions, 'token' | 'analyzer' | 'publisher' | 'publicUrl'> & { readonly rateLimit: RateLimits };

/** The package root: two folders up from src/server and from dist/server. */
const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the built web app is looked for by default. */
export const DEFAULT_WEB_ROOT = resolve(PACKAGE_ROOT, 'dist', 'web');

/** Default limits, frozen. */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({ analyze: 120, write: 120, read: 1200, authFailures: 5, windowMs: 60_000 });

/** Fills defaults and checks the options; E_OPTION_INVALID for bad values, a token under 32 characters, or a non-loopback host without a token. */
export function resolveServerOptions(options: ServerOptions): ResolvedServerOptions {
  const maxConcurrent = options.maxConcurrent ?? availableParallelism();
  const resolved: ResolvedServerOptions = Object.freeze({
    ...options,
    host: options.host ?? '127.0.0.1',
    token: options.token === '' ? undefined : options.token,
    webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
    maxConcurrent,
    maxQueue: options.maxQueue ?? 16,
    workers: options.workers ?? maxConcurrent,
    requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
    bodyLimit: options.bodyLimit ?? 5 * 1024 * 1024,
    rateLimit: Object.freeze({ ...DEFAULT_RATE_LIMITS, ...options.rateLimit }),
    analyze: options.analyze ?? {},
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl === undefined || options.publicUrl === '' ? undefined : normalizePublicUrl(options.publicUrl),
    allowedHosts: Object.freeze(normalizeAllowedHosts(options.allowedHosts ?? [])),
  });
  checkNumbers(resolved);
  checkToken(resolved.token);
  checkHostPolicy(resolved.host, resolved.token);
  return resolved;
}

/** E_OPTION_INVALID when the host is reachable from other machines and no token guards the writes. */
export function checkHostPolicy(host: string, token: string | undefined): void {
  if (isLoopbackHost(host) || token) return;
  throw new ClaimtraceError('E_OPTION_INVALID', {
    option: '--host',
    reason: `${host} is reachable from other machines, and anyone there could then write to the store: set CLAIMTRACE_TOKEN to a secret (write requests must then send Authorization: Bearer <token>), or bind to 127.0.0.1`,
  });
}

function checkNumbers(options: ResolvedServerOptions): void {
  const positive = { maxConcurrent: options.maxConcurrent, requestTimeoutMs: options.requestTimeoutMs, bodyLimit: options.bodyLimit, ...prefixed(options.rateLimit) };
  for (const [name, value] of Object.entries(positive)) {
    if (!Number.isInteger(value) || value < 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: name, reason: `${value} is not a positive integer` });
  }
  for (const [name, value] of Object.entries({ maxQueue: options.maxQueue, workers: options.workers })) {
    if (!Number.isInteger(value) || value < 0) throw new ClaimtraceError('E_OPTION_INVALID', { option: name, reason: `${value} is not a whole number` });
  }
}

function prefixed(limits: RateLimits): Record<string, number> {
  return Object.fromEntries(Object.entries(limits).map(([key, value]) => [`rateLimit.${key}`, value]));
}

/** The public URL as `scheme://host[:port]/path/`, ending in `/`; E_OPTION_INVALID unless an http(s) URL without query or fragment. */
export function normalizePublicUrl(raw: string): string {
  const fail = (reason: string) => new ClaimtraceError('E_OPTION_INVALID', { option: '--public-url', reason: `"${raw}" ${reason}` });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail('is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fail('is not an http(s) URL');
  if (url.search || url.hash || url.username || url.password) throw fail('must have no query, fragment or credentials');
  return `${url.origin}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
}

/** http://<host>:<port>/ (IPv6 in brackets; without a port when none is known yet). */
export function defaultPublicUrl(host: string, port?: number): string {
  const bare = host.replace(/^\[|\]$/g, '');
  const name = bare.includes(':') ? `[${bare}]` : bare;
  return port === undefined ? `http://${name}/` : `http://${name}:${port}/`;
}

/** Allowed Host values, lower-cased, without empty entries; E_OPTION_INVALID for anything but a host name or address with an optional port. */
export function normalizeAllowedHosts(hosts: readonly string[]): string[] {
  return hosts.map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter((h) => h !== '').map((host) => {
    if (host === '*' || /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/.test(host)) return host;
    throw new ClaimtraceError('E_OPTION_INVALID', { option: '--allowed-hosts', reason: `"${host}" is not a host name or address, with an optional :port` });
  });
}

/** The shortest token the server accepts: 32 characters, as `openssl rand -hex 16` prints. */
export const MIN_TOKEN_LENGTH = 32;

/** E_OPTION_INVALID for a token shorter than {@link MIN_TOKEN_LENGTH} or with characters a Bearer header cannot carry. */
export function checkToken(token: string | undefined): void {
  if (token === undefined) return;
  const fail = (reason: string) => new ClaimtraceError('E_OPTION_INVALID', { option: 'CLAIMTRACE_TOKEN', reason });
  if (token.length < MIN_TOKEN_LENGTH) throw fail(`the token has ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} random ones (for example the output of: openssl rand -hex 32)`);
  if (!/^[\x21-\x7e]+$/.test(token)) throw fail('the token must be printable ASCII without spaces, as an Authorization: Bearer header carries it');
}

/** True for hosts only this machine can reach: 127.0.0.0/8, ::1 and localhost. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}
