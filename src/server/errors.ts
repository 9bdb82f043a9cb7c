import { maxHeaderSize } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimtraceError, type ErrorCode } from '../core/errors.js';

/** HTTP status by error code; the only place errors become statuses. Codes not listed are 400 (bad input) unless internal. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  E_UNAUTHORIZED: 401,
  E_URL_FORBIDDEN: 403,
  E_HOST_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_METHOD_NOT_ALLOWED: 405,
  E_REQUEST_TIMEOUT: 408,
  E_INPUT_TOO_LARGE: 413,
  E_BODY_TOO_LARGE: 413,
  E_MEDIA_TYPE_UNSUPPORTED: 415,
  E_RATE_LIMITED: 429,
  E_AUTH_RATE_LIMITED: 429,
  E_HEADERS_TOO_LARGE: 431,
  E_BUSY: 503,
  E_TIMEOUT: 504,
  E_URL_TIMEOUT: 504,
  E_URL_UNREACHABLE: 502,
  E_URL_HTTP_STATUS: 502,
  E_URL_TOO_MANY_REDIRECTS: 502,
  E_URL_CONTENT_TYPE: 502,
  E_URL_TOO_LARGE: 502,
  E_STORE_UNREADABLE: 500,
  E_STORE_UNWRITABLE: 500,
  E_STORE_SCHEMA: 500,
  E_PIPELINE_ORDER: 500,
  E_PIPELINE_CONTRACT: 500,
  E_PORT_IN_USE: 500,
  E_INTERNAL: 500,
};

/** The HTTP status of an error code. */
export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code] ?? 400;
}

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

/** Fastify's errors with a status of their own, by Fastify code. */
const FASTIFY_CODES: Readonly<Record<string, (req: FastifyRequest, error: FastifyError) => ClaimtraceError>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (req) => new ClaimtraceError('E_MEDIA_TYPE_UNSUPPORTED', { type: JSON.stringify(String(req.headers['content-type'] ?? '').slice(0, 100)) }),
  FST_ERR_CTP_BODY_TOO_LARGE: (req) => new ClaimtraceError('E_BODY_TOO_LARGE', { size: String(req.headers['content-length'] ?? 'more than the limit'), limit: req.routeOptions.bodyLimit ?? '?' }),
  FST_ERR_BAD_URL: () => new ClaimtraceError('E_REQUEST_INVALID', { reason: 'the URL has a malformed percent-encoding' }),
  FST_ERR_MAX_PARAM_LENGTH: () => new ClaimtraceError('E_REQUEST_INVALID', { reason: 'a path parameter is longer than 100 characters' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new ClaimtraceError('E_REQUEST_INVALID', { reason: 'the body length differs from Content-Length' }),
};

/** Fastify's own errors (validation, bad URL, media type, …) as ClaimtraceErrors with the status of their code. */
function fromFastify(error: FastifyError, req: FastifyRequest): ClaimtraceError {
  if (error.validation) return new ClaimtraceError('E_REQUEST_INVALID', { reason: validationReason(error) });
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return known(req, error);
  const status = error.statusCode ?? 500;
  if (status === 404) return notFoundError(req);
  if (status >= 400 && status < 500) return new ClaimtraceError('E_REQUEST_INVALID', { reason: error.message });
  return new ClaimtraceError('E_INTERNAL', { reason: error.message }, { cause: error });
}

/** Validation failures in words, with our own for the date format and the finite keyword. */
function validationReason(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = `${error.validationContext ?? 'request'}${(first?.instancePath ?? '').replace(/\//g, ' ').replace(/^ ?/, ' ').trimEnd()}`;
  if (first?.keyword === 'format' && first.params?.format === 'calendar-date') return `${where} must be a date that exists: 2024, 2024-03, 2024-03-14 or an ISO 8601 date-time`;
  if (first?.keyword === 'x-finite') return `${where} must be a finite number`;
  return error.message.replace(/^(body|querystring|params|headers)\//, '$1 ');
}

/** A fetched page over the limit (E_INPUT_TOO_LARGE, whose message names a CLI flag) in the API's words. */
function forApi(error: ClaimtraceError): ClaimtraceError {
  if (error.code !== 'E_INPUT_TOO_LARGE') return error;
  const { input = '', size = '?', limit = '?' } = error.params;
  return /^https?:/i.test(String(input)) ? new ClaimtraceError('E_URL_TOO_LARGE', { url: input, size, limit }) : new ClaimtraceError('E_BODY_TOO_LARGE', { size, limit });
}

/** The one error handler: `{error: {code, message}}` with the status of the code, Retry-After for 429 and 503, no stacks. */
export function createErrorHandler() {
  return (raw: FastifyError | ClaimtraceError, req: FastifyRequest, reply: FastifyReply): ErrorBody => {
    const error = raw instanceof ClaimtraceError ? forApi(raw) : fromFastify(raw, req);
    const status = httpStatusFor(error.code);
    if (status >= 500) req.log.error({ err: raw }, error.message);
    const retryAfter = error.params.retryAfter;
    if ((status === 429 || status === 503) && retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    if (error.params.allowed !== undefined) reply.header('allow', String(error.params.allowed));
    const message = error.code === 'E_INTERNAL' && !(raw instanceof ClaimtraceError) ? new ClaimtraceError('E_INTERNAL', { reason: 'an unexpected error in the server' }).message : error.message;
    reply.code(status).type('application/json; charset=utf-8');
    return { error: { code: error.code, message } };
  };
}

/** Fastify's `frameworkErrors` (a malformed URL): the same body through the same handler. */
export function createFrameworkErrorHandler() {
  const handle = createErrorHandler();
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    reply.send(handle(error, req, reply));
  };
}

/** What Node's HTTP parser refuses before Fastify sees a request, in words. */
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  HPE_INVALID_METHOD: 'the HTTP method is not one this server knows',
  HPE_INVALID_CONTENT_LENGTH: 'the Content-Length header is not a number',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'the request has both Content-Length and Transfer-Encoding',
  HPE_INVALID_TRANSFER_ENCODING: 'the Transfer-Encoding header is invalid',
  HPE_INVALID_URL: 'the request target is not a valid URL',
  HPE_INVALID_HEADER_TOKEN: 'a header name or value has characters HTTP does not allow',
  HPE_INVALID_VERSION: 'the HTTP version is invalid',
};

/** The error for a request Node's HTTP parser refused (Fastify's `clientErrorHandler`). */
export function clientError(code: string | undefined, requestTimeoutMs: number): ClaimtraceError {
  if (code === 'HPE_HEADER_OVERFLOW') return new ClaimtraceError('E_HEADERS_TOO_LARGE', { limit: maxHeaderSize });
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new ClaimtraceError('E_REQUEST_TIMEOUT', { ms: requestTimeoutMs });
  return new ClaimtraceError('E_REQUEST_INVALID', { reason: PARSE_ERRORS[code ?? ''] ?? 'the HTTP request is malformed' });
}

/** Fastify's `clientErrorHandler`: a request Node's HTTP parser refused gets the same JSON error body, then the connection closes. */
export function createClientErrorHandler(requestTimeoutMs: number) {
  return (err: NodeJS.ErrnoException, socket: Socket): void => answerClientError(err, socket, requestTimeoutMs);
}

function answerClientError(err: NodeJS.ErrnoException, socket: Socket, requestTimeoutMs: number): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const error = clientError(err.code, requestTimeoutMs);
    const status = httpStatusFor(error.code);
    const body = JSON.stringify({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
    const head = [`HTTP/1.1 ${status} ${statusText(status)}`, 'Content-Type: application/json; charset=utf-8', `Content-Length: ${Buffer.byteLength(body)}`, 'X-Content-Type-Options: nosniff', 'Connection: close'];
    socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

const statusText = (status: number) => ({ 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' })[status] ?? 'Error';

/** A route that does not exist. */
export function notFoundError(req: FastifyRequest): ClaimtraceError {
  return new ClaimtraceError('E_NOT_FOUND', { what: 'route', id: `${req.method} ${pathOf(req.url)}` });
}

const pathOf = (url: string) => url.split('?')[0]!.slice(0, 200);

/** The routes' URL patterns by method, for 405 answers. */
export type RouteTable = Map<string, { readonly pattern: RegExp; readonly methods: Set<string> }>;

/** Adds a route (`/api/documents/:id`) to the table. */
export function addRoute(table: RouteTable, url: string, methods: string | readonly string[]): void {
  const entry = table.get(url) ?? { pattern: new RegExp(`^${url.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+').replace(/\*/g, '.*')}$`), methods: new Set<string>() };
  for (const method of [methods].flat()) entry.methods.add(method);
  table.set(url, entry);
}

/** 405 E_METHOD_NOT_ALLOWED (with the allowed methods) when the path has routes for other methods, else 404 E_NOT_FOUND. */
export function unroutedError(table: RouteTable, req: FastifyRequest): ClaimtraceError {
  const path = pathOf(req.url);
  const allowed = [...table.values()].filter((route) => route.pattern.test(path)).flatMap((route) => [...route.methods]);
  if (allowed.length === 0 || allowed.includes(req.method)) return notFoundError(req);
  return new ClaimtraceError('E_METHOD_NOT_ALLOWED', { method: req.method, path, allowed: [...new Set(allowed)].sort().join(', ') });
}

/** A route's validation message for a failed `oneOf` (which ajv words as "must match exactly one schema in oneOf"). */
export function oneOfMessage(message: string) {
  return (errors: readonly { keyword: string; instancePath: string; message?: string }[], dataVar: string): Error => {
    const first = errors[0];
    if (!first || errors.some((e) => e.keyword === 'oneOf')) return new Error(message);
    return new Error(`${dataVar}${first.instancePath.replace(/\//, ' ')} ${first.message ?? 'is invalid'}`);
  };
}
