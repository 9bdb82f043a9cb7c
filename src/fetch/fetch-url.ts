import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { ClaimtraceError } from '../core/errors.js';
import { isPublicAddress, refusedAddressReason, refusedHostReason, type AddressPolicy } from './address-policy.js';
import { requestOnce } from './http-request.js';

/** Options of {@link fetchUrl}. */
export interface FetchOptions {
  /** Time limit for the whole fetch, redirects and body included. */
  readonly timeoutMs: number;
  /** Largest (decompressed) body accepted. */
  readonly maxBytes: number;
  /** Most redirects followed. */
  readonly maxRedirects: number;
  /** Which resolved addresses may be connected to; defaults to {@link isPublicAddress}. */
  readonly isAllowedAddress?: AddressPolicy;
  /** Media types accepted (lower case, without parameters); defaults to HTML and plain text. */
  readonly contentTypes?: ReadonlySet<string>;
  /** Request headers (lower-case names) sent on every hop, e.g. `if-none-match`; they replace defaults of the same name. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Take 304 Not Modified (the answer to a conditional GET) as a result with no bytes, instead of E_URL_HTTP_STATUS. */
  readonly notModified?: boolean;
}

/** A fetched page. */
export interface FetchResult {
  readonly bytes: Uint8Array;
  /** The Content-Type header as sent, e.g. "text/html; charset=utf-8". */
  readonly contentType: string;
  /** The URL after redirects. */
  readonly finalUrl: string;
  /** The HTTP status of the final answer: 2xx, or 304 when `notModified` was asked for. */
  readonly status: number;
  /** The headers of the final answer (ETag, Last-Modified, …), names in lower case. */
  readonly headers: Readonly<IncomingHttpHeaders>;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TEXT_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain']);

/**
 * Fetches an http(s) page with an SSRF guard: every connection, including each redirect hop, is checked against the
 * address policy at connect time, so private, loopback, link-local and metadata addresses are never reached.
 */
export async function fetchUrl(url: string, options: FetchOptions): Promise<FetchResult> {
  const res = await follow(url, options, false);
  return { bytes: res.bytes ?? new Uint8Array(0), contentType: res.contentType, finalUrl: res.finalUrl, status: res.status, headers: res.headers };
}

/** A fetched page whose body is read as it arrives. */
export interface FetchStream extends Omit<FetchResult, 'bytes'> {
  /** The (decompressed) body chunk by chunk, within maxBytes and the time limit; read it to the end or return() it. */
  readonly body: AsyncGenerator<Uint8Array>;
}

/**
 * {@link fetchUrl} with the body handed on as a stream (a large feed need not be held whole): the same address policy,
 * redirects, media types and limits; the time limit covers reading the body too.
 */
export async function fetchUrlStream(url: string, options: FetchOptions): Promise<FetchStream> {
  const res = await follow(url, options, true);
  const empty = async function* (): AsyncGenerator<Uint8Array> {};
  return { body: res.body ?? empty(), contentType: res.contentType, finalUrl: res.finalUrl, status: res.status, headers: res.headers };
}

/** Follows redirects hop by hop (each checked against the address policy) to the answer whose body is read or streamed. */
async function follow(url: string, options: FetchOptions, stream: boolean): Promise<Omit<FetchResult, 'bytes'> & { bytes?: Uint8Array; body?: AsyncGenerator<Uint8Array> }> {
  const isAllowed = options.isAllowedAddress ?? isPublicAddress;
  const deadline = Date.now() + options.timeoutMs;
  let current = parseHttpUrl(url, url);
  for (let hop = 0; ; hop++) {
    refuseHost(current, isAllowed);
    const res = await requestOnce(current, {
      originalUrl: url,
      deadline,
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      isAllowed,
      ...(options.headers ? { headers: options.headers } : {}),
      stream,
      wantsBody: (status, headers) => !(status === 304 && options.notModified) && wantsBody(status, headers, current, options.contentTypes ?? TEXT_TYPES),
    });
    if (res.status === 304 && options.notModified) {
      return { contentType: String(res.headers['content-type'] ?? ''), finalUrl: current.href, status: 304, headers: res.headers };
    }
    if (!res.bytes && !res.body) {
      if (hop >= options.maxRedirects) throw new ClaimtraceError('E_URL_TOO_MANY_REDIRECTS', { url, limit: options.maxRedirects });
      current = parseHttpUrl(new URL(String(res.headers.location), current).href, url);
      continue;
    }
    return { ...(res.bytes ? { bytes: res.bytes } : {}), ...(res.body ? { body: res.body } : {}), contentType: String(res.headers['content-type']), finalUrl: current.href, status: res.status, headers: res.headers };
  }
}

/** True to read the body; false for a redirect to follow; throws for error statuses and non-text content. */
function wantsBody(status: number, headers: IncomingHttpHeaders, url: URL, accepted: ReadonlySet<string>): boolean {
  if (REDIRECTS.has(status) && headers.location) return false;
  if (status < 200 || status >= 300) throw new ClaimtraceError('E_URL_HTTP_STATUS', { url: url.href, status });
  const contentType = headers['content-type'] ?? '';
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (!accepted.has(type)) throw new ClaimtraceError('E_URL_CONTENT_TYPE', { contentType: contentType || '(none)', url: url.href });
  return true;
}

function parseHttpUrl(href: string, original: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(href);
  } catch {
    throw new ClaimtraceError('E_URL_INVALID', { url: original === href ? href : `${href} (redirected from ${original})` });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ClaimtraceError('E_URL_INVALID', { url: href });
  return parsed;
}

/**
 * Refuses a cloud metadata host name (refused-addresses.json) before it is resolved, and an IP literal before the
 * request is made (Node connects to IP literals without a lookup). Runs for every redirect hop.
 */
function refuseHost(url: URL, isAllowed: AddressPolicy): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const named = refusedHostReason(host);
  if (named !== undefined) throw new ClaimtraceError('E_URL_FORBIDDEN', { url: url.href, host, address: host, reason: named });
  if (isIP(host) && !isAllowed(host)) {
    throw new ClaimtraceError('E_URL_FORBIDDEN', { url: url.href, host, address: host, reason: refusedAddressReason(host) ?? 'refused by the address policy' });
  }
}
