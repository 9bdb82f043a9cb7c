import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { sourceFromJsonLine } from './jsonl.js';
import { boundedLines } from './lines.js';
import type { FailedSource, IngestSource } from './source.js';
import { statError } from '../engine/read-source.js';
import { expandContent, fetchInput, listLimit, type ListContext, type ListFetchPolicy } from './lists/expand.js';
import { mayBeList, SNIFF_CHARS } from './lists/sniff.js';
import { isInputUrl, listInputs, notRegular, type InputFile } from './walk.js';

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /** Largest article file, decompressed file or JSON line accepted, in bytes (lists may be larger, see lists/expand.ts). */
  readonly maxBytes: number;
  /** Stops reading (also in the middle of a long JSON Lines file). */
  readonly signal?: AbortSignal;
  /** How inputs given as URLs and child sitemaps are fetched (default: 15 s, 5 redirects, public addresses only). */
  readonly fetch?: ListFetchPolicy;
  /** Most bytes of a sitemap index and its child sitemaps read for one input (default 200 MiB, lists/expand.ts). */
  readonly maxSitemapBytes?: number;
}

/** Fetch limits of `analyze <url>` (src/engine/options.ts defaults). */
const DEFAULT_FETCH: ListFetchPolicy = Object.freeze({ timeoutMs: 15_000, maxRedirects: 5 });

/** Bytes read at a time, from a file and out of gunzip: the most held beyond the limit of one line or file. */
const CHUNK = 64 * 1024;

/**
 * Every article in the inputs, one at a time, as {@link listInputs} finds the files (regular files only) and URLs.
 * A file or fetched URL is sniffed by content (lists/sniff.ts): an article comes out as it is; a feed, a sitemap or a
 * URL list comes out item by item, each an article (a feed item with full content), a link to fetch later (LinkSource)
 * or a failure; anything else is E_INPUT_UNRECOGNISED. Memory stays bounded by the size limit, for a file, a
 * decompressed file and each JSON line, plus one chunk: a file or a `.gz` is read only up to the limit (the larger list
 * limit when its first bytes may start a list), and a JSON line longer than the limit is dropped while it streams and
 * comes out as E_RECORD_TOO_LARGE, with the next line read as usual. Unreadable inputs come out as failed sources.
 */
export async function* expandInputs(inputs: readonly string[], options: ExpandOptions): AsyncGenerator<IngestSource> {
  const ctx: ListContext = {
    maxBytes: options.maxBytes, fetch: options.fetch ?? DEFAULT_FETCH, ...(options.signal ? { signal: options.signal } : {}),
    ...(options.maxSitemapBytes !== undefined ? { maxSitemapBytes: options.maxSitemapBytes } : {}),
  };
  for await (const entry of listInputs(inputs)) {
    if (options.signal?.aborted) return;
    if ('error' in entry) yield entry;
    else if (isInputUrl(entry)) yield* urlSources(entry.url, ctx);
    else if (entry.type === 'jsonl') yield* jsonLines(entry, options);
    else yield* fileSources(entry, ctx);
  }
}

async function* urlSources(url: string, ctx: ListContext): AsyncGenerator<IngestSource> {
  let fetched;
  try {
    fetched = await fetchInput(url, ctx);
  } catch (err) {
    yield { label: url, error: toClaimtraceError(err) };
    return;
  }
  yield* expandContent({ ...fetched, label: url }, ctx);
}

async function* fileSources(file: InputFile, ctx: ListContext): AsyncGenerator<IngestSource> {
  const read = await fileSource(file, ctx.maxBytes);
  if ('error' in read) return yield read;
  const type = file.type === 'xml' ? undefined : file.type;
  yield* expandContent({ label: read.label, bytes: read.bytes, ...(type ? { contentType: type } : {}), ...(file.type ? { hint: file.type } : {}) }, ctx);
}

/**
 * Opens a regular file without blocking (O_NONBLOCK: a FIFO put in place of the file since it was listed would block
 * `open` until a writer came) and checks on the open descriptor that it is still a regular file.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(path, info).error;
    return { handle, size: info.size };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** A file's bytes: up to the article limit, or up to the list limit when its first bytes may start a list. */
async function fileSource(file: InputFile, maxBytes: number): Promise<{ label: string; bytes: Uint8Array } | FailedSource> {
  const { path } = file;
  let handle: FileHandle | undefined;
  try {
    const opened = await openRegularFile(path);
    handle = opened.handle;
    const tooLarge = () => new ClaimtraceError('E_INPUT_TOO_LARGE', { size: opened.size, limit: maxBytes, input: path });
    if (!file.gz && opened.size > maxBytes && (opened.size > listLimit(maxBytes) || !mayBeList(await readHead(handle)))) throw tooLarge();
    const bytes = await readAtMost(chunksOf(handle, file.gz), { article: maxBytes, list: listLimit(maxBytes) }, path, file.gz);
    return { label: path, bytes };
  } catch (err) {
    return { label: path, error: err instanceof ClaimtraceError ? err : readError(path, err) };
  } finally {
    await handle?.close();
  }
}

/** The file's bytes as a stream, decompressed for a `.gz`; errors of either stream come out of the one returned. */
function chunksOf(handle: FileHandle, gz: boolean): Readable {
  const raw = handle.createReadStream({ highWaterMark: CHUNK, autoClose: false });
  if (!gz) return raw;
  return pipeline(raw, createGunzip({ chunkSize: CHUNK }), () => {});
}

/** The first bytes of a file, for sniffing. */
async function readHead(handle: FileHandle): Promise<Uint8Array> {
  const { bytesRead, buffer } = await handle.read(Buffer.alloc(SNIFF_CHARS), 0, SNIFF_CHARS, 0);
  return buffer.subarray(0, bytesRead);
}

/**
 * Reads a stream whole, refusing (and stopping the stream) as soon as it passes its limit: the list limit when its
 * first {@link SNIFF_CHARS} bytes may start a list, else the article limit (decided once those bytes are in).
 */
async function readAtMost(stream: Readable, limits: { article: number; list: number }, path: string, gz: boolean): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  let limit: number | undefined;
  const refuse = (max: number) => {
    stream.destroy();
    return new ClaimtraceError('E_INPUT_TOO_LARGE', { size: gz ? `more than ${max} (decompressed)` : `more than ${max}`, limit: limits.article, input: path });
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    chunks.push(chunk);
    if (limit === undefined && size >= SNIFF_CHARS) limit = mayBeList(Buffer.concat(chunks, size).subarray(0, SNIFF_CHARS)) ? limits.list : limits.article;
    if (size > (limit ?? limits.list)) throw refuse(limit ?? limits.list);
  }
  if (limit === undefined && size > limits.article && !mayBeList(Buffer.concat(chunks, size))) throw refuse(limits.article);
  return Buffer.concat(chunks, size);
}

async function* jsonLines(file: InputFile, options: ExpandOptions): AsyncGenerator<IngestSource> {
  const { path } = file;
  let handle: FileHandle;
  try {
    handle = (await openRegularFile(path)).handle;
  } catch (err) {
    yield { label: path, error: err instanceof ClaimtraceError ? err : readError(path, err) };
    return;
  }
  const stream = chunksOf(handle, file.gz);
  let lineNumber = 0;
  try {
    for await (const line of boundedLines(stream as AsyncIterable<Buffer>, options.maxBytes, options.signal)) {
      lineNumber = line.number;
      const record = `${path}:${line.number}`;
      if ('tooLarge' in line) yield { label: record, error: new ClaimtraceError('E_RECORD_TOO_LARGE', { record, size: line.size, limit: options.maxBytes }) };
      else yield sourceFromJsonLine(withoutBom(line.bytes.toString('utf8'), line.number), path, line.number);
    }
  } catch (err) {
    yield { label: `${path}:${lineNumber + 1}`, error: readError(path, err) };
  } finally {
    stream.destroy();
    await handle.close();
  }
}

/** A UTF-8 byte order mark opening the file is not part of the first record. */
function withoutBom(line: string, lineNumber: number): string {
  return lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
}

function readError(path: string, err: unknown): ClaimtraceError {
  if (err instanceof ClaimtraceError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: `not valid gzip (${code})` });
  return code ? statError(path, err) : toClaimtraceError(err);
}
