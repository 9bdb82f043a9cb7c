import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimtraceError, type ErrorCode } from '../core/errors.js';

/** HTTP status by error code; the only place errors become statuses. Codes not listed are 400 (bad input) unless internal. */
const STATUS: Partial<Record<ErrorCode, number>> = {
  E_URL_FORBIDDEN: 403,
  E_NOT_FOUND: 404,
  E_INPUT_TOO_LARGE: 413,
  E_UNAUTHORIZED: 401,
  E_RATE_LIMITED: 429,
  E_BUSY: 503,
  E_TIMEOUT: 504,
  E_URL_TIMEOUT: 504,
  E_URL_UNREACHABLE: 502,
  E_URL_HTTP_STATUS: 502,
  E_URL_TOO_MANY_REDIRECTS: 502,
  E_URL_CONTENT_TYPE: 502,
  E_STORE_UNREADABLE: 500,
  E_STORE_SCHEMA: 500,
  E_PIPELINE_ORDER: 500,
  E_PIPELINE_CONTRACT: 500,
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

/** Fastify's own errors (validation, body size, bad JSON, media type) as ClaimtraceErrors with their status. */
function fromFastify(error: FastifyError, bodyLimit: number): { error: ClaimtraceError; status: number } {
  if (error.validation) {
    const reason = error.message.replace(/^(body|querystring|params|headers)\//, '$1 ');
    return { error: new ClaimtraceError('E_REQUEST_INVALID', { reason }), status: 400 };
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { error: new ClaimtraceError('E_INPUT_TOO_LARGE', { size: `more than ${bodyLimit}`, limit: bodyLimit, input: 'the request body' }), status: 413 };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return { error: new ClaimtraceError('E_REQUEST_INVALID', { reason: error.message }), status };
  return { error: new ClaimtraceError('E_INTERNAL', { reason: error.message }, { cause: error }), status: 500 };
}

/** The one error handler: `{error: {code, message}}` with the status of the code, Retry-After for 429 and 503, no stacks. */
export function createErrorHandler(bodyLimit: number) {
  return (raw: FastifyError | ClaimtraceError, req: FastifyRequest, reply: FastifyReply): ErrorBody => {
    const { error, status } = raw instanceof ClaimtraceError ? { error: raw, status: httpStatusFor(raw.code) } : fromFastify(raw, bodyLimit);
    if (status >= 500) req.log.error({ err: raw }, error.message);
    const retryAfter = error.params.retryAfter;
    if ((status === 429 || status === 503) && retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    const message = error.code === 'E_INTERNAL' && !(raw instanceof ClaimtraceError) ? new ClaimtraceError('E_INTERNAL', { reason: 'an unexpected error in the server' }).message : error.message;
    reply.code(status).type('application/json; charset=utf-8');
    return { error: { code: error.code, message } };
  };
}

/** A route that does not exist. */
export function notFoundError(req: FastifyRequest): ClaimtraceError {
  return new ClaimtraceError('E_NOT_FOUND', { what: 'route', id: `${req.method} ${req.url.split('?')[0]}` });
}

/** A route's validation message for a failed `oneOf` (which ajv words as "must match exactly one schema in oneOf"). */
export function oneOfMessage(message: string) {
  return (errors: readonly { keyword: string; instancePath: string; message?: string }[], dataVar: string): Error => {
    const first = errors[0];
    if (!first || errors.some((e) => e.keyword === 'oneOf')) return new Error(message);
    return new Error(`${dataVar}${first.instancePath.replace(/\//, ' ')} ${first.message ?? 'is invalid'}`);
  };
}
