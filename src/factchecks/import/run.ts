import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError, type ErrorCode } from '../../core/errors.js';
import { fetchUrl, type AddressPolicy } from '../../fetch/index.js';
import type { Store } from '../../store/types.js';
import type { ColumnMapping } from './csv.js';
import { parseFactChecks } from './parse.js';
import type { FactCheckFormat } from './schema.js';

/** Largest input read by default, in bytes (a file, a decompressed .gz, a fetched page): a whole ClaimReview feed fits. */
export const DEFAULT_IMPORT_MAX_BYTES = 128 * 1024 * 1024;
/** Fact-checks written per transaction. */
const BATCH = 1_000;
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
    try {
      const { text, pageUrl } = await readInput(input, options, maxBytes);
      const parsed = parseFactChecks(text, { input, pageUrl, ...(options.columns ? { columns: options.columns } : {}) });
      formats[parsed.format] = (formats[parsed.format] ?? 0) + 1;
      for (const s of parsed.skipped) problems.push({ input, record: s.record, code: s.code, message: new ClaimtraceError(s.code, { record: `${input} ${s.record}`, reason: s.reason }).message });
      counts.skipped += parsed.skipped.length;
      for (let i = 0; i < parsed.factChecks.length; i += BATCH) {
        for (const result of await store.upsertFactChecks(parsed.factChecks.slice(i, i + BATCH))) counts[result.status]++;
      }
    } catch (err) {
      const error = toClaimtraceError(err);
      if (STOPS.has(error.code)) throw error;
      counts.failed++;
      problems.push({ input, code: error.code, message: error.message });
    }
  }
  const elapsedMs = performance.now() - started;
  const read = counts.inserted + counts.updated + counts.unchanged;
  return { inputs: inputs.length, ...counts, formats, problems, elapsedMs, rate: elapsedMs > 0 ? (read * 1000) / elapsedMs : 0 };
}
