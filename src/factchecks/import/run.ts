import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError, type ErrorCode } from '../../core/errors.js';
import { fetchUrl, fetchUrlStream, type AddressPolicy } from '../../fetch/index.js';
import type { Store } from '../../store/types.js';
import type { ColumnMapping } from './csv.js';
import { parseFactChecks } from './parse.js';
import type { RecordOutcome } from './record.js';
import type { FactCheck, FactCheckFormat } from './schema.js';
import { HEAD_CHARS, sniffKind, streamFactChecks } from './stream.js';

/** Largest input read by default, in bytes (a file, a decompressed .gz, a fetched page): a whole ClaimReview feed fits. */
export const DEFAULT_IMPORT_MAX_BYTES = 128 * 1024 * 1024;
/** Fact-checks written per transaction: a streamed input holds at most this many read records at once. */
export const IMPORT_BATCH = 500;
/** Media types a fact-check URL may answer with. */
const CONTENT_TYPES: ReadonlySet<string> = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'application/json', 'application/ld+json', 'text/csv', 'text/tab-separated-values']);

/** Options of {@link importFactChecks}. */
export interface ImportOptions {
  /** CSV/TSV: which header names which field. */
  readonly columns?: ColumnMapping;
  /** Largest input, in bytes. */
  readonly maxBytes?: number;
  /** URLs: whole-fetch time limit and most redirects, as `analyze` fetches pages. */
  readonly timeoutMs?: number;
  readonly maxRedirects?: number;
  /** Which resolved addresses a URL may connect to (default: public addresses only). */
  readonly isAllowedAddress?: AddressPolicy;
}

/** A record or an input that was not imported, and why. */
export interface ImportProblem {
  /** The file or URL. */
  readonly input: string;
  /** Where in it (`$.claims[3].claimReview[0]`, `line 12`); absent when the whole input failed. */
  readonly record?: string;
  readonly code: ErrorCode;
  readonly message: string;
}

/** What an import did. */
export interface ImportSummary {
  readonly inputs: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Records skipped inside inputs that were read. */
  readonly skipped: number;
  /** Inputs that could not be read at all. */
  readonly failed: number;
  /** Inputs read, by detected format. */
  readonly formats: Readonly<Partial<Record<FactCheckFormat, number>>>;
  /** Skipped records and failed inputs, in input order. */
  readonly problems: readonly ImportProblem[];
  readonly elapsedMs: number;
  /** Fact-checks read per second (stored, updated or unchanged). */
  readonly rate: number;
}

/** The text of a file or URL, within the size limit; a URL also gives the address it ended at. */
async function readInput(input: string, options: ImportOptions, maxBytes: number): Promise<{ text: string; pageUrl: string | null }> {
  if (/^https?:\/\//i.test(input)) {
    const page = await fetchUrl(input, { timeoutMs: options.timeoutMs ?? 15_000, maxRedirects: options.maxRedirects ?? 5, maxBytes, contentTypes: CONTENT_TYPES, ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}) });
    return { text: decode(page.bytes, input), pageUrl: page.finalUrl };
  }
  const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
    throw new ClaimtraceError(err.code === 'ENOENT' ? 'E_INPUT_NOT_FOUND' : 'E_INPUT_UNREADABLE', { path: input, reason: err.code ?? err.message });
  });
  if (!info.isFile()) throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: input, reason: 'not a file' });
  if (info.size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { input, size: info.size, limit: maxBytes });
  let bytes: Uint8Array = await readFile(input);
  if (input.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new ClaimtraceError('E_INPUT_TOO_LARGE', { input, size: `more than ${maxBytes}`, limit: maxBytes });
      throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: input, reason: (err as Error).message });
    }
  }
  return { text: decode(bytes, input), pageUrl: null };
}

/** UTF-8 text; E_INPUT_BINARY when the first 8 KB hold a NUL byte. */
function decode(bytes: Uint8Array, input: string): string {
  if (bytes.subarray(0, 8192).includes(0)) throw new ClaimtraceError('E_INPUT_BINARY', { input });
  return new TextDecoder('utf-8').decode(bytes);
}

/** The bytes of a local file (gunzipped when it ends in .gz), chunk by chunk, E_INPUT_TOO_LARGE past `maxBytes`. */
async function* fileBytes(input: string, maxBytes: number): AsyncGenerator<Uint8Array> {
  const info = await stat(input).catch((err: NodeJS.ErrnoException) => {
    throw new ClaimtraceError(err.code === 'ENOENT' ? 'E_INPUT_NOT_FOUND' : 'E_INPUT_UNREADABLE', { path: input, reason: err.code ?? err.message });
  });
  if (!info.isFile()) throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: input, reason: 'not a file' });
  if (info.size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { input, size: info.size, limit: maxBytes });
  const file = createReadStream(input);
  let source: AsyncIterable<Uint8Array> = file;
  if (input.toLowerCase().endsWith('.gz')) {
    const gunzip = createGunzip();
    pipeline(file, gunzip).catch(() => undefined); // an error reaches the loop below through gunzip
    source = gunzip;
  }
  let total = 0;
  try {
    for await (const chunk of source) {
      total += chunk.length;
      if (total > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { input, size: `more than ${maxBytes}`, limit: maxBytes });
      yield chunk;
    }
  } catch (err) {
    if (err instanceof ClaimtraceError) throw err;
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: input, reason: (err as Error).message });
  } finally {
    file.destroy();
  }
}

/** UTF-8 text of byte chunks (a character split across chunks kept whole); E_INPUT_BINARY when the first 8 KB hold a NUL byte. */
async function* textChunks(bytes: AsyncIterable<Uint8Array>, input: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let seen = 0;
  for await (const chunk of bytes) {
    if (seen < 8192 && chunk.subarray(0, 8192 - seen).includes(0)) throw new ClaimtraceError('E_INPUT_BINARY', { input });
    seen += chunk.length;
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** The first {@link HEAD_CHARS} characters of a text stream (fewer when it ends first), and the whole stream again from its start. */
async function splitHead(chunks: AsyncGenerator<string>): Promise<{ head: string; complete: boolean; all: AsyncGenerator<string> }> {
  const read: string[] = [];
  let length = 0;
  let complete = false;
  while (length < HEAD_CHARS) {
    const next = await chunks.next();
    if (next.done) {
      complete = true;
      break;
    }
    read.push(next.value);
    length += next.value.length;
  }
  const head = read.join('');
  async function* all(): AsyncGenerator<string> {
    try {
      if (head !== '') yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await chunks.return(undefined);
    }
  }
  return { head, complete, all: all() };
}

/** Text of a fetched body kept for reading it whole when streaming cannot (an HTML page, one JSON object): up to this many characters. */
const KEEP_CHARS = 8 * 1024 * 1024;

/**
 * Reads one URL as a stream (the fetch policy, limits and time limit of `analyze`), handing each record to `sink` as
 * {@link streamFile} does. An HTML page is read whole and parsed for its ClaimReview; a JSON object with no list to
 * stream is parsed from the text kept while it was read (fetched again whole only when it was longer than KEEP_CHARS).
 */
async function streamUrl(input: string, options: ImportOptions, maxBytes: number, sink: (outcome: RecordOutcome) => Promise<void>): Promise<FactCheckFormat> {
  const page = await fetchUrlStream(input, { timeoutMs: options.timeoutMs ?? 15_000, maxRedirects: options.maxRedirects ?? 5, maxBytes, contentTypes: CONTENT_TYPES, ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}) });
  let kept: string[] | null = [];
  let keptChars = 0;
  let finished = false;
  async function* keeping(chunks: AsyncGenerator<string>): AsyncGenerator<string> {
    for await (const chunk of chunks) {
      if (kept !== null) {
        keptChars += chunk.length;
        if (keptChars > KEEP_CHARS) kept = null;
        else kept.push(chunk);
      }
      yield chunk;
    }
    finished = true;
  }
  const format = await streamChunks(keeping(textChunks(page.body, input)), input, options, sink, true);
  if (format !== undefined) return format;
  // HTML or a lone JSON object, read to its end (within maxBytes): the whole text is parsed.
  const text = finished && kept !== null ? (kept as string[]).join('') : (await readInput(input, options, maxBytes)).text;
  const parsed = parseFactChecks(text, { input, pageUrl: page.finalUrl, ...(options.columns ? { columns: options.columns } : {}) });
  for (const skipped of parsed.skipped) await sink({ ok: false, skipped });
  for (const factCheck of parsed.factChecks) await sink({ ok: true, factCheck });
  return parsed.format;
}

/**
 * Reads one local file as a stream, handing each record to `sink`: the head tells the format; HTML pages, and JSON
 * objects with no list to stream, are read whole (undefined: the caller does). Returns the format read.
 */
async function streamFile(input: string, options: ImportOptions, maxBytes: number, sink: (outcome: RecordOutcome) => Promise<void>): Promise<FactCheckFormat | undefined> {
  return streamChunks(textChunks(fileBytes(input, maxBytes), input), input, options, sink);
}

/** A text stream's records handed to `sink` by the format its head shows; undefined for HTML and lone JSON objects (read whole). */
async function streamChunks(chunks: AsyncGenerator<string>, input: string, options: ImportOptions, sink: (outcome: RecordOutcome) => Promise<void>, readHtml = false): Promise<FactCheckFormat | undefined> {
  const { head, complete, all } = await splitHead(chunks);
  let kind;
  try {
    kind = sniffKind(head, input, complete);
  } catch (err) {
    await all.return(undefined);
    throw err;
  }
  if (kind === 'html') {
    if (readHtml) for await (const _ of all) void _;
    await all.return(undefined);
    return undefined;
  }
  try {
    return await streamFactChecks(kind, all, sink, { input, ...(options.columns ? { columns: options.columns } : {}) });
  } finally {
    await all.return(undefined);
  }
}

/** Store errors stop the run: every later input would fail the same way. */
const STOPS = new Set<ErrorCode>(['E_STORE_UNREADABLE', 'E_STORE_UNWRITABLE', 'E_STORE_SCHEMA', 'E_INTERNAL']);

/**
 * Imports fact-checks from files and URLs into the store, input by input: each is read (within the size limit, a
 * URL through the fetch policy), its format detected, its records parsed and written in batches. A record that is
 * not a fact-check is skipped with its code; an input that cannot be read is a failure; the run goes on either way.
 */
export async function importFactChecks(inputs: readonly string[], store: Store, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const maxBytes = options.maxBytes ?? DEFAULT_IMPORT_MAX_BYTES;
  const counts = { inserted: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  const formats: Partial<Record<FactCheckFormat, number>> = {};
  const problems: ImportProblem[] = [];
  for (const input of inputs) {
    const batch: FactCheck[] = [];
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      for (const result of await store.upsertFactChecks(batch.splice(0))) counts[result.status]++;
    };
    const sink = async (outcome: RecordOutcome): Promise<void> => {
      if (outcome.ok) {
        batch.push(outcome.factCheck);
        if (batch.length >= IMPORT_BATCH) await flush();
        return;
      }
      const s = outcome.skipped;
      problems.push({ input, record: s.record, code: s.code, message: new ClaimtraceError(s.code, { record: `${input} ${s.record}`, reason: s.reason }).message });
      counts.skipped++;
    };
    try {
      const streamed = /^https?:\/\//i.test(input) ? await streamUrl(input, options, maxBytes, sink) : await streamFile(input, options, maxBytes, sink);
      if (streamed !== undefined) {
        await flush();
        formats[streamed] = (formats[streamed] ?? 0) + 1;
        continue;
      }
      const { text, pageUrl } = await readInput(input, options, maxBytes);
      const parsed = parseFactChecks(text, { input, pageUrl, ...(options.columns ? { columns: options.columns } : {}) });
      formats[parsed.format] = (formats[parsed.format] ?? 0) + 1;
      for (const skipped of parsed.skipped) await sink({ ok: false, skipped });
      for (const factCheck of parsed.factChecks) await sink({ ok: true, factCheck });
      await flush();
    } catch (err) {
      const error = toClaimtraceError(err);
      if (STOPS.has(error.code)) throw error;
      // Records read before a streamed input broke off are kept, as the batches before them were.
      await flush();
      counts.failed++;
      problems.push({ input, code: error.code, message: error.message });
    }
  }
  const elapsedMs = performance.now() - started;
  const read = counts.inserted + counts.updated + counts.unchanged;
  return { inputs: inputs.length, ...counts, formats, problems, elapsedMs, rate: elapsedMs > 0 ? (read * 1000) / elapsedMs : 0 };
}
