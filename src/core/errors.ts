/** Every error code claimtrace raises, with its message template. `{name}` is filled from params. */
export const ERROR_CATALOGUE = {
  E_INPUT_NOT_FOUND: 'Input file not found: {path}',
  E_INPUT_UNREADABLE: 'Input cannot be read: {path} ({reason})',
  E_INPUT_EMPTY: 'Input is empty: {input}',
  E_INPUT_BINARY: 'Input looks binary, not text or HTML: {input}',
  E_INPUT_TOO_LARGE: 'Input is {size} bytes, over the limit of {limit} bytes: {input} (raise it with --max-bytes)',
  E_URL_INVALID: 'Not a valid http(s) URL: {url}',
  E_URL_FORBIDDEN: 'Refusing to fetch {url}: {host} resolves to a private, loopback, link-local or metadata address ({address}: {reason})',
  E_URL_UNREACHABLE: 'Cannot reach {url}: {reason}',
  E_URL_TIMEOUT: 'Fetching {url} took longer than {ms} ms',
  E_URL_HTTP_STATUS: 'Fetching {url} returned HTTP {status}',
  E_URL_TOO_MANY_REDIRECTS: 'Fetching {url} followed more than {limit} redirects',
  E_URL_CONTENT_TYPE: 'Content type {contentType} of {url} is neither HTML nor text',
  E_OPTION_INVALID: 'Invalid option {option}: {reason}',
  E_RECORD_INVALID: 'Record {record} is not an article: {reason}',
  E_INPUT_UNRECOGNISED: 'Input {input} is neither an article nor a list of articles (feed, sitemap, URL list): {reason}',
  E_LIST_INVALID: 'Cannot read {input} as a {kind}: {reason}',
  E_LIST_ITEM_INVALID: 'Item {item} was skipped: {reason}',
  E_LIST_LIMIT: 'The rest of {input} was skipped: {reason}',
  E_RECORD_TOO_LARGE: 'Record {record} is {size} bytes, over the limit of {limit} bytes; it was skipped (raise the limit with --max-bytes)',
  E_FACTCHECK_FORMAT: 'Cannot read fact-checks from {input}: {reason}. claimtrace reads ClaimReview JSON-LD (in HTML pages, JSON or JSON Lines), Google Fact Check Tools claims:search responses, Data Commons ClaimReview feeds (DataFeed) and CSV/TSV with a header row (--columns)',
  E_FACTCHECK_NONE: 'No ClaimReview found in {input}',
  E_FACTCHECK_INVALID: 'Fact-check {record} was skipped: {reason}',
  E_STORE_UNREADABLE: 'Database {path} cannot be read: {reason}',
  E_STORE_UNWRITABLE: 'Database {path} cannot be written: {reason}',
  E_STORE_VALUE: 'Database {path} cannot store {input}: {reason}',
  E_STORE_SCHEMA: 'Database {path} has schema version {found}, newer than this claimtrace knows ({known}): upgrade claimtrace',
  E_NOT_FOUND: 'No {what} {id}',
  E_REQUEST_INVALID: 'Invalid request: {reason}',
  E_UNAUTHORIZED: 'This server accepts writes only with its token (Authorization: Bearer …; set CLAIMTRACE_TOKEN)',
  E_RATE_LIMITED: 'Too many requests from this client: at most {max} per {window}; retry in {retryAfter} s',
  E_BUSY: 'All {slots} analysis slots and the queue of {queue} are busy; retry in {retryAfter} s',
  E_TIMEOUT: '{task} took longer than {ms} ms',
  E_HOST_FORBIDDEN: 'This server does not answer to the host name {host} (a guard against DNS rebinding); its operator can add the name to its allowed hosts',
  E_AUTH_RATE_LIMITED: 'Too many failed authentications from this client: at most {max} per {window}; retry in {retryAfter} s',
  E_BODY_TOO_LARGE: 'The request body is {size} bytes, over this server\'s limit of {limit} bytes',
  E_URL_TOO_LARGE: 'The page at {url} is {size} bytes, over this server\'s limit of {limit} bytes',
  E_MEDIA_TYPE_UNSUPPORTED: 'Content-Type {type} is not accepted: send application/json',
  E_HEADERS_TOO_LARGE: 'The request headers are larger than this server accepts ({limit} bytes)',
  E_METHOD_NOT_ALLOWED: '{method} is not allowed on {path}; allowed: {allowed}',
  E_REQUEST_TIMEOUT: 'The request was not received in full within {ms} ms',
  E_PORT_IN_USE: 'Port {port} on {host} is already in use: stop the program using it or choose another --port',
  E_PIPELINE_ORDER: 'Pipeline order: annotator {annotator} requires {kind}, which no earlier stage assigns',
  E_PIPELINE_CONTRACT: 'Annotator {annotator} produced {problem}',
  E_QUEUE_URL_INVALID: 'Not a queue URL: {url} (expected redis://host[:port][/db] or rediss://…)',
  E_QUEUE_UNREACHABLE: 'Cannot reach the queue at {url}: {reason}',
  E_JOB_INVALID: 'Job {job} is not a claimtrace article job: {reason}',
  E_JOB_STALLED: 'Job {job} ({input}) was given up: the workers that took it stopped before finishing it {count} times (killed or out of memory?)',
  E_WATCH_ROBOTS_DISALLOWED: 'robots.txt of {origin} does not allow claimtrace to fetch {url}: skipped',
  E_INTERNAL: 'Internal error: {reason}. This is a bug in claimtrace; please report it with the input that caused it.',
} as const;

/** A stable error code. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Parameters filled into a catalogue message. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** Misuse or bad input: carries a stable `code`. Problems in the article itself are findings, not errors. */
export class ClaimtraceError extends Error {
  /** The stable code, e.g. `E_INPUT_EMPTY`. */
  readonly code: ErrorCode;
  /** The values filled into the message. */
  readonly params: ErrorParams;

  /** Builds the error from the catalogue. */
  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(formatMessage(code, params), options);
    this.name = 'ClaimtraceError';
    this.code = code;
    this.params = params;
  }
}

/** Fills a catalogue message. */
export function formatMessage(code: ErrorCode, params: ErrorParams): string {
  return ERROR_CATALOGUE[code].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Wraps anything thrown into a ClaimtraceError; unknown errors become E_INTERNAL. */
export function toClaimtraceError(err: unknown): ClaimtraceError {
  if (err instanceof ClaimtraceError) return err;
  const reason = err instanceof Error ? err.message : String(err);
  return new ClaimtraceError('E_INTERNAL', { reason }, { cause: err });
}
