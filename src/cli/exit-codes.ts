import { ClaimtraceError, type ErrorCode } from '../core/errors.js';

/** Exit codes of the CLI; the only place errors become exit codes. */
export const EXIT = Object.freeze({ ok: 0, inputError: 1, usage: 2, internal: 70 });

const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['E_OPTION_INVALID', 'E_PORT_IN_USE']);

/** The exit code for an error. */
export function exitCodeFor(err: unknown): number {
  if (!(err instanceof ClaimtraceError)) return EXIT.internal;
  if (err.code === 'E_INTERNAL' || err.code.startsWith('E_PIPELINE')) return EXIT.internal;
  return USAGE_CODES.has(err.code) ? EXIT.usage : EXIT.inputError;
}

/** The one-line stderr message for an error. */
export function errorLine(err: ClaimtraceError, label?: string): string {
  return `claimtrace: ${label ? `${label}: ` : ''}${err.code}: ${err.message}`;
}
