import { ClaimtraceError, type ErrorCode } from '../core/errors.js';

/**
 * Errors that the same job can never get past, however often it is tried: the input itself is bad (cannot be parsed,
 * is empty, binary or too large), the job is malformed, or the link is refused by the address policy or is not an
 * article. Everything else (a store that is busy, a site that timed out, a worker that crashed) is retried.
 */
const PERMANENT_PREFIXES = ['E_INPUT_', 'E_RECORD_', 'E_JOB_INVALID'];
const PERMANENT_CODES: ReadonlySet<ErrorCode> = new Set(['E_URL_INVALID', 'E_URL_FORBIDDEN', 'E_URL_CONTENT_TYPE', 'E_URL_TOO_LARGE', 'E_URL_TOO_MANY_REDIRECTS']);

/** True when retrying the job cannot help. HTTP 4xx other than 408 and 429 counts as permanent too. */
export function isPermanent(error: ClaimtraceError): boolean {
  if (PERMANENT_PREFIXES.some((prefix) => error.code.startsWith(prefix)) || PERMANENT_CODES.has(error.code)) return true;
  if (error.code === 'E_URL_HTTP_STATUS') {
    const status = Number(error.params.status);
    return status >= 400 && status < 500 && status !== 408 && status !== 429;
  }
  return false;
}

/** How a job's failure is written into BullMQ's `failedReason`: the code first, so that it can be read back. */
export function failedReasonOf(error: ClaimtraceError): string {
  return `${error.code}: ${error.message}`;
}

/** The code and message of a `failedReason`; a reason claimtrace did not write (BullMQ's own) gets code E_INTERNAL. */
export function parseFailedReason(reason: string | undefined): { code: string; message: string } {
  const match = /^(E_[A-Z_]+): ([\s\S]*)$/.exec(reason ?? '');
  if (match) return { code: match[1]!, message: match[2]! };
  if (reason && /stalled more than/i.test(reason)) return { code: 'E_JOB_STALLED', message: reason };
  return { code: 'E_INTERNAL', message: reason ?? 'no reason recorded' };
}
