import { ClaimtraceError, type ErrorCode, type ErrorParams } from '../core/errors.js';

/** A ClaimtraceError as plain data, to cross a thread boundary. */
export interface ErrorData {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
}

/** The error as plain data. */
export function errorData(error: ClaimtraceError): ErrorData {
  return { code: error.code, params: error.params };
}

/** The error rebuilt from plain data. */
export function errorFromData(data: ErrorData): ClaimtraceError {
  return new ClaimtraceError(data.code, data.params);
}
