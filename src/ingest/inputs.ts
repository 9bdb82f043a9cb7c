import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { sourceFromJsonLine } from './jsonl.js';
import type { IngestSource } from './source.js';

/** Content types by extension (after any `.gz`); files with other extensions are skipped inside folders. */
const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = {
  txt: 'text/plain', text: 'text/plain', md: 'text/plain', html: 'text/html', htm: 'text/html', xhtml: 'text/html', jsonl: 'jsonl', ndjson: 'jsonl',
};
const EXTENSION = /\.([a-z]+)(\.gz)?$/i;

/** Options of {@link expandInputs}. */
export interface ExpandOptions {
  /** Largest file, decompressed file or JSON line accepted, in bytes. */
  readonly maxBytes: number;
}

/**
 * Every article in the inputs, one at a time (memory stays bounded by one file, or one line of a JSON Lines file):
 * files as given (any extension; sniffed), folders walked recursively in name order (known extensions only, hidden
 * entries skipped), `.gz` decompressed, `.jsonl` / `.ndjson` streamed line by line. Unreadable inputs come out as failed sources.
 */
export async function* expandInputs(inputs: readonly string[], options: ExpandOptions): AsyncGenerator<IngestSource> {
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (err) {
      yield { label: input, error: statError(input, err) };
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(input, options);
    else yield* fileSources(input, info.size, options);
  }
}

function statError(path: string, err: unknown): ClaimtraceError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ClaimtraceError('E_INPUT_NOT_FOUND', { path });
  return new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: code ?? String(err) });
}

async function* walkFolder(dir: string, options: ExpandOptions): AsyncGenerator<IngestSource> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield { label: dir, error: statError(dir, err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFolder(path, options);
    else if ((entry.isFile() || entry.isSymbolicLink()) && typeOf(entry.name) !== undefined) yield* fileSources(path, -1, options);
  }
}

function typeOf(name: string): string | undefined {
  const m = EXTENSION.exec(name);
  return m ? TYPE_BY_EXTENSION[m[1]!.toLowerCase()] : undefined;
}

async function* fileSources(path: string, size: number, options: ExpandOptions): AsyncGenerator<IngestSource> {
  const type = typeOf(path);
  const gz = path.toLowerCase().endsWith('.gz');
  if (type === 'jsonl') {
    yield* jsonLines(path, gz, options);
    return;
  }
  try {
    if (size < 0) size = (await stat(path)).size;
    if (size > options.maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: options.maxBytes, input: path });
    const raw = await readFile(path);
    yield { label: path, bytes: gz ? gunzip(raw, path, options.maxBytes) : raw, contentType: type };
  } catch (err) {
    yield { label: path, error: err instanceof ClaimtraceError ? err : statError(path, err) };
  }
}

/** Decompresses a .gz file, refusing one that inflates past the size limit. */
function gunzip(raw: Uint8Array, path: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: `more than ${maxBytes}`, limit: maxBytes, input: path });
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: `not valid gzip (${code ?? 'unknown'})` });
  }
}

async function* jsonLines(path: string, gz: boolean, options: ExpandOptions): AsyncGenerator<IngestSource> {
  let stream: Readable = createReadStream(path);
  if (gz) stream = stream.pipe(createGunzip());
  const errors: unknown[] = [];
  stream.on('error', (err) => errors.push(err));
  let lineNumber = 0;
  try {
    for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '') continue;
      if (line.length > options.maxBytes) {
        yield { label: `${path}:${lineNumber}`, error: new ClaimtraceError('E_INPUT_TOO_LARGE', { size: line.length, limit: options.maxBytes, input: `${path}:${lineNumber}` }) };
        continue;
      }
      yield sourceFromJsonLine(line, path, lineNumber);
    }
  } catch (err) {
    errors.push(err);
  }
  if (errors.length > 0) yield { label: lineNumber > 0 ? `${path}:${lineNumber + 1}` : path, error: readError(path, errors[0]) };
}

function readError(path: string, err: unknown): ClaimtraceError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: `not valid gzip (${code})` });
  return code ? statError(path, err) : toClaimtraceError(err);
}
