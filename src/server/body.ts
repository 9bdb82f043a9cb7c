import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ClaimtraceError } from '../core/errors.js';

/** How request bodies are read. */
export interface BodyLimits {
  /** The largest body, in bytes: beyond, 413 E_BODY_TOO_LARGE. */
  readonly bodyLimit: number;
  /** A body over the limit is read and thrown away up to this many bytes, so that the client reads the 413; beyond, the connection is closed. */
  readonly drainLimit: number;
  /** The longest that draining may take, in ms. */
  readonly drainMs: number;
}

/** A body the parser refused; the preValidation hook throws its error (a parser error would close the connection). */
class RefusedBody {
  constructor(
    readonly error: ClaimtraceError,
    /** True when the rest of the body was left unread: the connection is closed after the answer. */
    readonly close = false,
  ) {}
}

/**
 * Reads every request body as JSON (other media types: 415 E_MEDIA_TYPE_UNSUPPORTED) with keys `__proto__` and
 * `constructor.prototype` refused. A body over the limit gets 413 E_BODY_TOO_LARGE after it has been read and thrown
 * away (up to `drainLimit`): answering while the client still sends, and then closing, makes most clients see a reset.
 * `Expect: 100-continue` with a declared size over the limit is answered 413 without asking for the body.
 */
export function registerJsonBody(app: FastifyInstance, limits: BodyLimits): void {
  app.server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(declaredLength(req) > limits.bodyLimit)) res.writeContinue();
    app.server.emit('request', req, res);
  });
  app.addHook('onRequest', async (req, reply) => refuseDeclaredTooLarge(req, reply, limits));
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { bodyLimit: limits.drainLimit }, (_req, payload, done) => {
    readBody(payload, limits).then(
      (body) => done(null, typeof body === 'string' ? parseJson(body) : body),
      (err: Error) => done(err, undefined),
    );
  });
  app.addHook('preValidation', async (req, reply) => {
    if (!(req.body instanceof RefusedBody)) return;
    if (req.body.close) reply.header('connection', 'close');
    throw req.body.error;
  });
}

function declaredLength(req: IncomingMessage): number {
  const raw = req.headers['content-length'];
  return raw === undefined ? Number.NaN : Number(raw);
}

const tooLarge = (size: number, limit: number) => new ClaimtraceError('E_BODY_TOO_LARGE', { size, limit });

async function refuseDeclaredTooLarge(req: FastifyRequest, reply: FastifyReply, limits: BodyLimits): Promise<void> {
  const size = declaredLength(req.raw);
  if (!(size > limits.bodyLimit)) return;
  const waitsForContinue = /100-continue/i.test(String(req.headers.expect ?? ''));
  if (waitsForContinue || size > limits.drainLimit || !(await drain(req.raw, limits))) reply.header('connection', 'close');
  throw tooLarge(size, limits.bodyLimit);
}

/** Reads and discards the stream; true when it ended within the limits. */
function drain(stream: Readable, limits: BodyLimits): Promise<boolean> {
  return new Promise((resolve) => {
    let size = 0;
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      stream.off('data', onData).off('end', onEnd).off('error', onError);
      if (!ok) stream.pause();
      resolve(ok);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.drainLimit) finish(false);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    const timer = setTimeout(() => finish(false), limits.drainMs);
    stream.on('data', onData).on('end', onEnd).on('error', onError);
    stream.resume();
  });
}

/** The body as text, or a RefusedBody when it is over the limit (read to its end, or to the drain limit and then closed). */
function readBody(stream: Readable, limits: BodyLimits): Promise<string | RefusedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limits.bodyLimit) return void chunks.push(chunk);
      if (size <= limits.drainLimit) return;
      stream.off('data', onData).off('end', onEnd).pause();
      resolve(new RefusedBody(tooLarge(size, limits.bodyLimit), true));
    };
    const onEnd = () => resolve(size > limits.bodyLimit ? new RefusedBody(tooLarge(size, limits.bodyLimit)) : Buffer.concat(chunks, size).toString('utf8'));
    stream.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

const invalid = (reason: string) => new RefusedBody(new ClaimtraceError('E_REQUEST_INVALID', { reason }));

/** JSON.parse that refuses the keys `__proto__` and `constructor` holding `prototype` (prototype pollution). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return invalid('the body is empty; send a JSON object');
  if (nestedDeeperThan(text, MAX_DEPTH)) return invalid(`the JSON body is nested deeper than ${MAX_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return invalid(`the body is not valid JSON (${(err as Error).message.slice(0, 200)})`);
  }
  // Such a key is spelt out in the text or hidden behind a \u escape; a reviver would cost ten times the parse.
  const suspect = text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
  const key = suspect ? forbiddenKey(value) : undefined;
  return key === undefined ? value : invalid(key);
}

/** The deepest nesting a body may have: the API's bodies need 3 levels; V8 takes seconds to parse a million. */
const MAX_DEPTH = 64;

/** True when brackets outside strings nest deeper than `max`; a body with few brackets is not scanned. */
function nestedDeeperThan(text: string, max: number): boolean {
  let brackets = 0;
  for (const open of ['[', '{']) for (let i = text.indexOf(open); i !== -1 && brackets <= max; i = text.indexOf(open, i + 1)) brackets++;
  if (brackets <= max) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Why the parsed value may not be used, or undefined: walks every object iteratively (no recursion limit). */
function forbiddenKey(root: unknown): string | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Object.hasOwn(value, '__proto__')) return 'a "__proto__" key is not accepted in a JSON body';
    const ctor = Object.hasOwn(value, 'constructor') ? (value as Record<string, unknown>).constructor : undefined;
    if (typeof ctor === 'object' && ctor !== null && Object.hasOwn(ctor, 'prototype')) return 'a "constructor" key holding "prototype" is not accepted in a JSON body';
    for (const name in value) {
      const child = (value as Record<string, unknown>)[name];
      if (typeof child === 'object' && child !== null) stack.push(child);
    }
  }
  return undefined;
}
