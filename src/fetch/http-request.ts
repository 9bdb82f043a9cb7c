import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { ClaimtraceError } from '../core/errors.js';
import { ForbiddenAddressError, guardedLookup, refusedAddressReason, type AddressPolicy } from './address-policy.js';

/** The User-Agent claimtrace sends. */
export const USER_AGENT = 'claimtrace/0.1 (+offline article auditor)';
const ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8';

/** One hop's answer: status and headers, and the body when `wantsBody` asked for it (read whole, or as a stream). */
export interface HopResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly bytes?: Uint8Array;
  /** With `stream`: the (decompressed) body chunk by chunk, within maxBytes and the deadline; read it to the end or return() it. */
  readonly body?: AsyncGenerator<Uint8Array>;
}

/** What one request needs to know. */
export interface HopOptions {
  /** The URL as the user gave it, for messages. */
  readonly originalUrl: string;
  /** Epoch ms by which the whole fetch must be done. */
  readonly deadline: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly isAllowed: AddressPolicy;
  /** Request headers (lower-case names) added to, or replacing, the defaults. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Decides from status and headers whether to read the body; throw to refuse the response. */
  readonly wantsBody: (status: number, headers: IncomingHttpHeaders) => boolean;
  /** Hand the body on as a stream instead of reading it whole (the deadline still covers it). */
  readonly stream?: boolean;
}

/** Performs one GET without following redirects; every failure is a ClaimtraceError. */
export function requestOnce(url: URL, options: HopOptions): Promise<HopResponse> {
  return new Promise((resolve, reject) => {
    const fail = (err: unknown): void => {
      clearTimeout(timer);
      req.destroy();
      reject(toFetchError(err, url, options));
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.get(url, {
      agent: false,
      lookup: guardedLookup(options.isAllowed) as never,
      headers: { 'user-agent': USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br', ...options.headers },
    });
    const timer = setTimeout(() => fail(new ClaimtraceError('E_URL_TIMEOUT', { url: options.originalUrl, ms: options.timeoutMs })), Math.max(0, options.deadline - Date.now()));
    req.on('socket', (socket: Socket) => socket.once('connect', () => checkPeer(socket, url, options, fail)));
    req.on('error', fail);
    req.on('response', (res) => {
      try {
        if (!options.wantsBody(res.statusCode ?? 0, res.headers)) {
          clearTimeout(timer);
          res.destroy();
          return resolve({ status: res.statusCode ?? 0, headers: res.headers });
        }
        if (options.stream) {
          tooLargeDeclared(res, url, options);
          clearTimeout(timer);
          const stream = decompressed(res);
          const bodyTimer = setTimeout(() => stream.destroy(new ClaimtraceError('E_URL_TIMEOUT', { url: options.originalUrl, ms: options.timeoutMs })), Math.max(0, options.deadline - Date.now()));
          return resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bodyChunks(stream, res, url, options, () => clearTimeout(bodyTimer)) });
        }
        readBody(res, url, options).then((bytes) => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes });
        }, fail);
      } catch (err) {
        fail(err);
      }
    });
  });
}

/** Defence in depth: the address actually connected to must pass the policy too (covers literal IP hosts). */
function checkPeer(socket: Socket, url: URL, options: HopOptions, fail: (err: unknown) => void): void {
  const address = socket.remoteAddress;
  if (!address || !options.isAllowed(address)) fail(new ForbiddenAddressError(url.hostname, address ?? '(unknown)'));
}

const tooLargeError = (size: number | string, url: URL, options: HopOptions) => new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: options.maxBytes, input: url.href });

/** Throws E_INPUT_TOO_LARGE when an uncompressed body's declared length is over maxBytes, before anything is read. */
function tooLargeDeclared(res: IncomingMessage, url: URL, options: HopOptions): void {
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > options.maxBytes && !res.headers['content-encoding']) throw tooLargeError(declared, url, options);
}

/** The body's chunks as they arrive, E_INPUT_TOO_LARGE past maxBytes; the connection is closed when reading stops, however it stops. */
async function* bodyChunks(stream: Readable, res: IncomingMessage, url: URL, options: HopOptions, done: () => void): AsyncGenerator<Uint8Array> {
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > options.maxBytes) throw tooLargeError(`more than ${options.maxBytes}`, url, options);
      yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    }
  } catch (err) {
    throw toFetchError(err, url, options);
  } finally {
    done();
    stream.destroy();
    res.destroy();
  }
}

/** Reads the (decompressed) body, aborting as soon as it passes maxBytes. */
function readBody(res: IncomingMessage, url: URL, options: HopOptions): Promise<Uint8Array> {
  const tooLarge = (size: number | string) => tooLargeError(size, url, options);
  try {
    tooLargeDeclared(res, url, options);
  } catch (err) {
    return Promise.reject(err);
  }
  const stream = decompressed(res);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.maxBytes) {
        stream.destroy();
        res.destroy();
        reject(tooLarge(`more than ${options.maxBytes}`));
        return;
      }
      chunks.push(chunk);
    });
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    stream.on('error', reject);
    res.on('error', reject);
  });
}

function decompressed(res: IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}

/** Maps whatever went wrong onto the catalogue: refused address, our own errors, or unreachable. */
function toFetchError(err: unknown, url: URL, options: HopOptions): ClaimtraceError {
  if (err instanceof ClaimtraceError) return err;
  if (err instanceof ForbiddenAddressError) {
    const reason = refusedAddressReason(err.address) ?? 'refused by the address policy';
    return new ClaimtraceError('E_URL_FORBIDDEN', { url: url.href, host: err.host, address: err.address, reason });
  }
  const reason = (err as NodeJS.ErrnoException)?.code ?? (err instanceof Error ? err.message : String(err));
  return new ClaimtraceError('E_URL_UNREACHABLE', { url: url.href, reason }, { cause: err });
}
