import { mkdtempSync } from 'node:fs';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app.js';
import type { ServerOptions } from '../src/server/options.js';
import { openSqliteStore, type Store } from '../src/store/index.js';

/** An invented article: a named source, a vague one, figures with bounds, and an unsourced claim. */
export const HARBOUR_TEXT = [
  'Ferry Fares in Ostrava Bay Rise Again',
  '',
  'The Ostrava Bay Ferry Company raised its fares by 12 percent on Monday, the third rise in two years. According to the Regional Transport Authority, at least 4,500 islanders cross the bay every day.',
  '',
  'Some residents say the company has ignored complaints for months. Experts believe the new timetable will cut crossings by up to 300 a week.',
  '',
  'The harbour master, Ingrid Solberg, told the Bay Courier that the fleet of six ferries is older than 30 years.',
].join('\n');

/** A second invented article, about a ministry, for listings and search. */
export const MINISTRY_TEXT = [
  'Ministry Delays School Repairs',
  '',
  'The Ministry of Education postponed repairs at 85 schools, a spokesperson said on Tuesday. Parents in the northern districts say classrooms have been closed since the winter.',
].join('\n');

/** A fresh SQLite store in a temporary folder. */
export async function tempStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-server-'));
  return openSqliteStore(join(dir, 'test.db'));
}

/** An app on a fresh store, analysing on the test's own thread unless told otherwise, with no web app built. */
export async function testApp(options: Partial<ServerOptions> = {}): Promise<{ app: FastifyInstance; store: Store; close: () => Promise<void> }> {
  const store = options.store ?? (await tempStore());
  const webRoot = options.webRoot ?? mkdtempSync(join(tmpdir(), 'claimtrace-web-'));
  const app = await buildApp({ workers: 0, ...options, store, webRoot });
  return { app, store, close: async () => { await app.close(); await store.close(); } };
}

/** The parsed JSON body of an injected response. */
export function json<T = any>(res: { payload: string }): T {
  return JSON.parse(res.payload) as T;
}

/** An app on a fresh store listening on 127.0.0.1 at a free port. */
export async function listeningApp(options: Partial<ServerOptions> = {}): Promise<Awaited<ReturnType<typeof testApp>> & { port: number }> {
  const t = await testApp(options);
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  return { ...t, port: (t.app.server.address() as AddressInfo).port };
}

/**
 * A raw HTTP exchange over a socket: what the server wrote until it closed or one whole response (its Content-Length
 * read) came, or, failing both, until `ms` passed (a deadline for a broken server, not a wait: on a loaded machine an
 * answer may take seconds).
 */
export function rawHttp(port: number, request: string, ms = 30_000): Promise<{ status: number; headers: string; body: string; text: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let received = Buffer.alloc(0);
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const text = received.toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), headers: text.slice(0, split), body: text.slice(split + 4), text });
    };
    const timer = setTimeout(done, ms);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const split = received.indexOf('\r\n\r\n');
      const length = split < 0 ? undefined : /^content-length:\s*(\d+)\s*$/im.exec(received.subarray(0, split).toString('latin1'))?.[1];
      if (length !== undefined && received.length >= split + 4 + Number(length)) done();
    });
    socket.on('end', done);
    socket.on('error', done);
  });
}
