import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClaimtraceError } from '../src/core/errors.js';
import type { Delivered, ItemSink, Schedule, WatchOptions, WatchSource } from '../src/watch/index.js';

/** One request the feed server saw. */
export interface Seen {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly start: number;
  end: number;
}

/** An invented news item of the test feed. */
export interface TestItem {
  readonly guid?: string;
  readonly link: string;
  readonly title: string;
}

/**
 * A feed site on 127.0.0.1: /robots.txt, RSS feeds at any path under `feeds` (ETag and Last-Modified from a version
 * counter, 304 for a matching If-None-Match or If-Modified-Since), article pages, and routes that fail. It records
 * every request with its times and the most requests it ever had at once.
 */
export class FeedSite {
  server!: Server;
  base = '';
  robots: string | number = 404;
  feeds = new Map<string, TestItem[]>();
  version = 1;
  /** Paths answered with this content type and body. */
  raw = new Map<string, { type: string; body: string }>();
  /** Paths answered with this status instead. */
  failing = new Map<string, number>();
  /** Milliseconds every answer waits (to make overlapping requests visible). */
  delayMs = 0;
  seen: Seen[] = [];
  active = 0;
  maxActive = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  requests(path: string): Seen[] {
    return this.seen.filter((s) => s.path === path);
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const entry: Seen = { path: req.url ?? '', headers: req.headers, start: Date.now(), end: 0 };
    this.seen.push(entry);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const done = () => {
      entry.end = Date.now();
      this.active--;
    };
    res.on('finish', done);
    res.on('close', () => entry.end === 0 && done());
    this.route(entry.path, req, res);
  }

  private route(path: string, req: IncomingMessage, res: ServerResponse): void {
    const failing = this.failing.get(path);
    if (failing) return void res.writeHead(failing, { 'content-type': 'text/plain' }).end('failing');
    if (path === '/robots.txt') {
      if (typeof this.robots === 'number') return void res.writeHead(this.robots, { 'content-type': 'text/plain' }).end('');
      return void res.writeHead(200, { 'content-type': 'text/plain' }).end(this.robots);
    }
    const raw = this.raw.get(path);
    if (raw) return void res.writeHead(200, { 'content-type': raw.type }).end(raw.body);
    const items = this.feeds.get(path);
    if (items) {
      const etag = `"v${this.version}"`;
      const lastModified = new Date(Date.UTC(2024, 11, 3, 8, this.version)).toUTCString();
      if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === lastModified)) {
        return void res.writeHead(304, { etag, 'last-modified': lastModified }).end();
      }
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag, 'last-modified': lastModified }).end(rss(items));
    }
    if (path.startsWith('/news/')) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(path));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  }
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An RSS 2.0 document of the items. */
export function rss(items: readonly TestItem[]): string {
  const body = items.map((item) => `<item><title>${escape(item.title)}</title><link>${escape(item.link)}</link>${item.guid ? `<guid isPermaLink="false">${escape(item.guid)}</guid>` : ''}</item>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Post</title><link>https://harbourpost.example/</link><description>News</description>${body}</channel></rss>`;
}

/** An invented article page for a path: a few sentences with a figure, so analysis has claims to find. */
export function articlePage(path: string): string {
  const name = path.split('/').pop();
  return `<!doctype html><html><head><title>Ferry report ${name}</title></head><body><article><h1>Ferry report ${name}</h1>
<p>The harbour authority said on Monday that ferry crossings to Vellmar Island rose by 12 percent in ${name} compared with last year.</p>
<p>Officials expect 40,000 passengers over the summer, according to the port's annual statement.</p></article></body></html>`;
}

/** A sink that records what it is given; `fail` decides an error for a source (or none). */
export class RecordingSink implements ItemSink {
  delivered: WatchSource[] = [];
  closed = 0;
  fail: (source: WatchSource) => ClaimtraceError | undefined = () => undefined;

  async deliver(source: WatchSource): Promise<Delivered> {
    const error = this.fail(source);
    if (error) throw error;
    this.delivered.push(source);
    return 'inserted';
  }

  async close(): Promise<void> {
    this.closed++;
  }

  links(): string[] {
    return this.delivered.map((s) => ('link' in s ? s.link : (s.url ?? s.label)));
  }
}

/** A fresh SQLite file path. */
export function freshDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'claimtrace-watch-')), 'watch.db');
}

/** Only the loopback address of the test site may be fetched. */
export const LOOPBACK_ONLY = (address: string) => address === '127.0.0.1';

/** A fixed schedule without jitter, unless told. */
export const schedule = (everyMs: number, overrides: Partial<Schedule> = {}): Schedule => ({ everyMs, jitter: 0, maxBackoffMs: everyMs * 4, ...overrides });

/** Watch options for the test site: loopback allowed, short limits, no pause between requests unless told. */
export function watchOptions(overrides: Partial<WatchOptions> & Pick<WatchOptions, 'store' | 'sink'>): WatchOptions {
  return {
    schedule: schedule(60_000), hostDelayMs: 0, robotsTtlMs: 60_000, once: true,
    fetch: { timeoutMs: 5000, maxBytes: 1 << 20, maxRedirects: 3, isAllowedAddress: LOOPBACK_ONLY },
    ...overrides,
  };
}
