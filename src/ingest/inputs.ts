import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { sourceFromJsonLine } from './jsonl.js';
import { boundedLines } from './lines.js';
import type { IngestSource } from './source.js';
import { statError } from '../engine/read-source.js';
import { listInputs, notRegular, type InputFile } from './walk.js';

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /** Largest file, decompressed file or JSON line accepted, in bytes. */
  readonly maxBytes: number;
  /** Stops reading (also in the middle of a long JSON Lines file). */
  readonly signal?: AbortSignal;
}

/** Bytes read at a time, from a file and out of gunzip: the most held beyond the limit of one line or file. */
const CHUNK = 64 * 1024;

/**
 * Every article in the inputs, one at a time, as {@link listInputs} finds the files (regular files only). Memory stays
 * bounded by the size limit, for a file, a decompressed file and each JSON line, plus one chunk: a file or a `.gz` is
 * read only up to the limit, and a JSON line longer than the limit is dropped while it streams and comes out as
 * E_RECORD_TOO_LARGE, with the next line read as usual. Unreadable inputs come out as failed sources.
 */
export async function* expandInputs(inputs: readonly string[], options: ExpandOptions): AsyncGenerator<IngestSource> {
  for await (const entry of listInputs(inputs)) {
    if (options.signal?.aborted) return;
    if ('error' in entry) yield entry;
    else if (entry.type === 'jsonl') yield* jsonLines(entry, options);
    else yield await fileSource(entry, options.maxBytes);
  }
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

async function fileSource(file: InputFile, maxBytes: number): Promise<IngestSource> {
  const { path } = file;
  let handle: FileHandle | undefined;
  try {
    const opened = await openRegularFile(path);
    handle = opened.handle;
    if (opened.size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: opened.size, limit: maxBytes, input: path });
    const bytes = await readAtMost(chunksOf(handle, file.gz), maxBytes, path, file.gz);
    return { label: path, bytes, contentType: file.type };
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

/** Reads a stream whole, refusing (and stopping the stream) as soon as it passes `maxBytes`. */
async function readAtMost(stream: Readable, maxBytes: number, path: string, gz: boolean): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy();
      throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: gz ? `more than ${maxBytes} (decompressed)` : `more than ${maxBytes}`, limit: maxBytes, input: path });
    }
    chunks.push(chunk);
  }
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
