import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { ClaimtraceError } from '../core/errors.js';
import { fetchUrl } from '../fetch/index.js';
import type { AnalyzeOptions } from './options.js';

/** Raw input bytes with what is known about them. */
export interface SourceBytes {
  readonly bytes: Uint8Array;
  /** How the input is named in messages: the path, the URL or "stdin". */
  readonly label: string;
  readonly contentType?: string;
  readonly url?: string;
}

const TYPE_BY_EXTENSION: Readonly<Record<string, string>> = { '.html': 'text/html', '.htm': 'text/html', '.xhtml': 'text/html', '.txt': 'text/plain', '.text': 'text/plain', '.md': 'text/plain' };

/** True when the argument names an http(s) URL rather than a file. */
export function isUrlArgument(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** Reads one CLI argument: `-` is stdin, an http(s) URL is fetched, anything else is a file path. */
export async function readSource(arg: string, options: AnalyzeOptions, stdin: NodeJS.ReadableStream = process.stdin): Promise<SourceBytes> {
  if (arg === '-') return { bytes: await readStream(stdin, options.maxBytes), label: 'stdin' };
  if (isUrlArgument(arg)) {
    const res = await fetchUrl(arg, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, maxRedirects: options.maxRedirects });
    return { bytes: res.bytes, label: arg, contentType: res.contentType, url: res.finalUrl };
  }
  return readPath(arg, options.maxBytes);
}

async function readPath(path: string, maxBytes: number): Promise<SourceBytes> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: 'not a regular file' });
    size = info.size;
  } catch (err) {
    throw err instanceof ClaimtraceError ? err : statError(path, err);
  }
  if (size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: maxBytes, input: path });
  const bytes = await readFile(path);
  return { bytes, label: path, contentType: TYPE_BY_EXTENSION[extname(path).toLowerCase()] };
}

/** E_INPUT_NOT_FOUND or E_INPUT_UNREADABLE for a failed stat, open or read of a file. */
export function statError(path: string, err: unknown): ClaimtraceError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ClaimtraceError('E_INPUT_NOT_FOUND', { path });
  return new ClaimtraceError('E_INPUT_UNREADABLE', { path, reason: code ?? String(err) });
}

/** Reads a stream fully, refusing more than maxBytes without buffering past the limit. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: `more than ${maxBytes}`, limit: maxBytes, input: 'stdin' });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
