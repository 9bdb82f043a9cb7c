import { parse as parseCsvStream } from 'csv-parse';
import { ClaimtraceError } from '../../core/errors.js';
import { readClaimReviews } from './claimreview.js';
import { isObject, own } from './clean.js';
import { csvDelimiter, csvColumnIndexes, csvRowFactCheck, CSV_PARSE_OPTIONS, type ColumnMapping } from './csv.js';
import { isGoogleClaimsResponse, readGoogleClaim, readGoogleClaims } from './google.js';
import { streamingJsonParser } from './json-parser.js';
import type { RecordOutcome } from './record.js';
import type { FactCheckFormat } from './schema.js';

/** Characters of an input looked at to tell its format (and, for JSON Lines, to hold its first line). */
export const HEAD_CHARS = 1024 * 1024;

/** What a streamed input is, told from its head; `html` is read whole by the caller. */
export type StreamKind = 'html' | 'json-lines' | 'json-object' | 'json-array' | 'csv' | 'tsv';

/**
 * The kind of an input from its first characters (a BOM and leading white space ignored): `<` an HTML page; a first
 * line that is a whole JSON value followed by more non-blank text, JSON Lines; `{` or `[` otherwise a JSON document; a
 * comma or a tab in the first line CSV/TSV. E_FACTCHECK_FORMAT for anything else.
 */
export function sniffKind(head: string, input: string, complete: boolean): StreamKind {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  const first = body.charAt(0);
  if (first === '<') return 'html';
  if (first === '{' || first === '[') {
    const end = body.search(/\r?\n/);
    if (end > 0 && body.slice(end).trim() !== '') {
      try {
        JSON.parse(body.slice(0, end));
        return 'json-lines';
      } catch {
        return first === '[' ? 'json-array' : 'json-object';
      }
    }
    return first === '[' ? 'json-array' : 'json-object';
  }
  const newline = body.search(/\r?\n/);
  const firstLine = newline < 0 ? body : body.slice(0, newline);
  if (body !== '' && (newline >= 0 || complete) && /[,\t]/.test(firstLine)) return csvDelimiter(body) === '\t' ? 'tsv' : 'csv';
  throw new ClaimtraceError('E_FACTCHECK_FORMAT', { input, reason: body === '' ? 'it is empty' : 'it is neither HTML, JSON nor CSV/TSV with a header row' });
}

/** Receives a streamed input's records as they are read (awaited: the caller writes a batch when it fills). */
export type OutcomeSink = (outcome: RecordOutcome) => Promise<void> | void;

/** Options of {@link streamFactChecks}. */
export interface StreamOptions {
  readonly input: string;
  readonly columns?: ColumnMapping;
}

/**
 * Reads a non-HTML input chunk by chunk, handing each record's outcome to `sink` as soon as it is read, so memory holds
 * one record (plus the sink's batch), not the input: JSON Lines line by line, CSV/TSV row by row (csv-parse's stream
 * API), and a JSON document element by element of its one large list (a DataFeed's `dataFeedElement`, a Google
 * `claims`, a top-level array) with a streaming JSON parser. Returns the format; E_FACTCHECK_NONE when a JSON format
 * held no ClaimReview at all, E_FACTCHECK_FORMAT when a JSON document breaks off or is invalid (records read before
 * that point have been handed on). Undefined for a JSON object that has no list to stream: read it whole.
 */
export async function streamFactChecks(kind: Exclude<StreamKind, 'html'>, chunks: AsyncIterable<string>, sink: OutcomeSink, options: StreamOptions): Promise<FactCheckFormat | undefined> {
  if (kind === 'csv' || kind === 'tsv') {
    await streamCsv(chunks, kind === 'tsv' ? '\t' : ',', sink, options);
    return kind;
  }
  let count = 0;
  const counted: OutcomeSink = (outcome) => {
    count++;
    return sink(outcome);
  };
  const format = kind === 'json-lines' ? await streamJsonLines(chunks, counted, options.input) : await streamJsonDocument(chunks, counted, options.input, kind === 'json-array');
  if (format === undefined) return undefined;
  if (count === 0 && format !== 'google-claims') throw new ClaimtraceError('E_FACTCHECK_NONE', { input: options.input });
  return format;
}

/**
 * Lines of a text stream, with their 1-based numbers. Only the chunk in hand is searched for a newline; the pieces of
 * a line that spans chunks are kept in a list and joined once its end is found, so a line of many chunks is read in
 * time linear in its length (searching the growing line again at every chunk would make one huge line quadratic).
 */
async function* lines(chunks: AsyncIterable<string>): AsyncGenerator<{ text: string; line: number }> {
  let pieces: string[] = [];
  let line = 0;
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
      pieces.push(chunk.slice(start, nl));
      yield { text: pieces.join(''), line: ++line };
      pieces = [];
      start = nl + 1;
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  const rest = pieces.join('');
  if (rest !== '') yield { text: rest, line: ++line };
}

/** The format of one JSON value and its records, as the whole-text parser reads it. */
function readJsonValue(root: unknown, rootPath: string): { format: FactCheckFormat; outcomes: RecordOutcome[] } {
  if (isGoogleClaimsResponse(root)) return { format: 'google-claims', outcomes: readGoogleClaims(root as Record<string, unknown>, rootPath) };
  if (Array.isArray(root) && root.length > 0 && root.every(isGoogleClaimsResponse)) {
    return { format: 'google-claims', outcomes: root.flatMap((page, i) => readGoogleClaims(page as Record<string, unknown>, `${rootPath}[${i}]`)) };
  }
  const feed = isObject(root) && (own(root, '@type') === 'DataFeed' || Array.isArray(own(root, 'dataFeedElement')));
  return { format: feed ? 'datacommons-feed' : 'claimreview-json', outcomes: readClaimReviews(root, { rootPath }) };
}

/** JSON Lines: each non-blank line one JSON value; the first line's format names the input; a line that is not JSON is skipped as `line N`. */
async function streamJsonLines(chunks: AsyncIterable<string>, sink: OutcomeSink, input: string): Promise<FactCheckFormat> {
  let format: FactCheckFormat | undefined;
  for await (const { text, line } of lines(chunks)) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      await sink({ ok: false, skipped: { record: `line ${line}`, code: 'E_FACTCHECK_INVALID', reason: `it is not a JSON value (${(err as Error).message})` } });
      continue;
    }
    const read = readJsonValue(value, `line ${line}`);
    format ??= read.format;
    for (const outcome of read.outcomes) await sink(outcome);
  }
  if (format === undefined) throw new ClaimtraceError('E_FACTCHECK_FORMAT', { input, reason: 'it starts like JSON Lines but no line is JSON' });
  return format;
}

/**
 * A JSON document, streamed: the elements of a top-level array, or of a top-level object's `dataFeedElement` or
 * `claims` list, are emitted one by one and dropped once read, so the parser holds one element at a time. Paths stay
 * as the whole-text reader gives them (`$.dataFeedElement[3].item[0]`); an `@id` reference resolves within its
 * element (and, after the list, the object's other keys), not across elements. Returns undefined for an object with
 * neither list (one ClaimReview, a `@graph`): the caller reads that input whole.
 */
async function streamJsonDocument(chunks: AsyncIterable<string>, sink: OutcomeSink, input: string, array: boolean): Promise<FactCheckFormat | undefined> {
  // No selector may match an ancestor of the lists ('$', '$.dataFeedElement'), or keepStack: false keeps every element.
  const parser = streamingJsonParser(array ? ['$.*'] : ['$.dataFeedElement.*', '$.claims.*']);
  let format: FactCheckFormat | undefined;
  let root: unknown;
  let arrayGoogle: boolean | undefined;
  const pending: RecordOutcome[] = [];
  let failure: Error | undefined;
  // `stack[n]` holds the value that contained level n when it opened: [outside the root, the root, ...]; `parent` the list.
  parser.onValue = ({ value, key, parent, stack }) => {
    const i = key as number;
    if (stack.length === 1 && Array.isArray(parent)) {
      // An element of a top-level array: a page of a Google search (the first element decides), or JSON-LD.
      root ??= parent;
      arrayGoogle ??= isGoogleClaimsResponse(value);
      format ??= arrayGoogle ? 'google-claims' : 'claimreview-json';
      if (arrayGoogle && isGoogleClaimsResponse(value)) pending.push(...readGoogleClaims(value as Record<string, unknown>, `$[${i}]`));
      else pending.push(...readClaimReviews(value, { rootPath: `$[${i}]` }));
    } else if (stack.length === 2 && isObject(stack[1]!.value)) {
      const container = stack[1]!.value;
      root ??= container;
      if (stack[1]!.key === 'dataFeedElement') {
        format ??= 'datacommons-feed';
        pending.push(...readClaimReviews(value, { rootPath: `$.dataFeedElement[${i}]` }));
      } else if (own(container, '@type') === undefined) {
        format ??= 'google-claims';
        pending.push(...readGoogleClaim(value, `$.claims[${i}]`));
      } else {
        // `claims` of a typed JSON-LD object: not a Google response; read as JSON-LD.
        pending.push(...readClaimReviews(value, { rootPath: `$.claims[${i}]` }));
      }
    }
  };
  parser.onError = (err) => {
    failure ??= err;
  };
  try {
    for await (const chunk of chunks) {
      if (parser.isEnded) {
        if (chunk.trim() !== '') throw new Error('text follows the JSON document');
        continue;
      }
      parser.write(chunk);
      if (failure) break;
      for (const outcome of pending.splice(0)) await sink(outcome);
    }
    if (!failure && !parser.isEnded) parser.end();
  } catch (err) {
    // The input itself failed (too large, timed out, unreadable): what was read before stays read.
    if (err instanceof ClaimtraceError) {
      for (const outcome of pending.splice(0)) await sink(outcome);
      throw err;
    }
    failure ??= err as Error;
  }
  if (failure) throw new ClaimtraceError('E_FACTCHECK_FORMAT', { input, reason: `it starts like JSON but is not valid JSON (${failure.message})` });
  for (const outcome of pending.splice(0)) await sink(outcome);
  if (root === undefined) return array ? 'claimreview-json' : undefined;
  if (!Array.isArray(root)) {
    // The object's other keys, its lists now emptied: a ClaimReview beside the feed's list is still read.
    const rest = readClaimReviews(root, { rootPath: '$' });
    for (const outcome of rest) await sink(outcome);
  }
  return format ?? 'claimreview-json';
}

/** CSV/TSV with a header row, row by row through csv-parse's stream API, with the whole-text reader's options and skips. */
async function streamCsv(chunks: AsyncIterable<string>, delimiter: ',' | '\t', sink: OutcomeSink, options: StreamOptions): Promise<void> {
  const skips: RecordOutcome[] = [];
  const parser = parseCsvStream({
    ...CSV_PARSE_OPTIONS,
    delimiter,
    on_skip: (err) => void skips.push({ ok: false, skipped: { record: `line ${err?.lines ?? '?'}`, code: 'E_FACTCHECK_INVALID', reason: `it is not a well-formed CSV row (${err?.message ?? 'unreadable'})` } }),
  });
  const feed = (async () => {
    try {
      for await (const chunk of chunks) if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
      parser.end();
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();
  let indexes: ReturnType<typeof csvColumnIndexes> | undefined;
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (indexes === undefined) indexes = csvColumnIndexes(row.record, options.columns ?? {}, options.input);
      else await sink(csvRowFactCheck(row.record, indexes, `line ${row.info.lines}`));
      for (const skip of skips.splice(0)) await sink(skip);
    }
  } finally {
    parser.destroy();
    await feed;
  }
  for (const skip of skips.splice(0)) await sink(skip);
}
