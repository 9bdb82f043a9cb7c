import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { expandInputs, type ExpandOptions } from '../inputs.js';
import type { IngestSource } from '../source.js';
import { MAX_SITEMAP_DEPTH, sitemapKey } from './expand.js';
import { page, rssFeed, sitemapIndex, urlset } from './test-feeds.js';

let server: Server;
let base = '';
const routes = new Map<string, { type: string; body: string | Uint8Array } | { redirect: string }>();
/** Requests the server answered, by path. */
const hits = new Map<string, number>();

before(async () => {
  server = createServer((req, res) => {
    hits.set(req.url ?? '', (hits.get(req.url ?? '') ?? 0) + 1);
    const route = routes.get(req.url ?? '');
    if (!route) return res.writeHead(404, { 'content-type': 'text/plain' }).end('missing');
    if ('redirect' in route) return res.writeHead(301, { location: route.redirect }).end();
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  routes.set('/story', { type: 'text/html; charset=utf-8', body: page('Quay reopens', '<p>The quay reopened.</p>') });
  routes.set('/feed.xml', { type: 'application/rss+xml', body: rssFeed(base) });
  routes.set('/s1.xml', { type: 'application/xml', body: urlset([`${base}/a`, `${base}/b`]) });
  routes.set('/s2.xml.gz', { type: 'application/x-gzip', body: gzipSync(urlset([`${base}/c`])) });
  routes.set('/index.xml', { type: 'text/xml', body: sitemapIndex([`${base}/s1.xml`, `${base}/s2.xml.gz`, `${base}/gone.xml`, `${base}/story`]) });
  routes.set('/deep-0.xml', { type: 'application/xml', body: sitemapIndex([`${base}/deep-1.xml`]) });
  routes.set('/deep-1.xml', { type: 'application/xml', body: sitemapIndex([`${base}/deep-2.xml`]) });
  routes.set('/deep-2.xml', { type: 'application/xml', body: sitemapIndex([`${base}/s1.xml`]) });
});

after(() => {
  server.closeAllConnections();
  server.close();
});

const LOOPBACK: ExpandOptions = { maxBytes: 10_000, fetch: { timeoutMs: 2000, maxRedirects: 2, isAllowedAddress: (address) => address === '127.0.0.1' } };

async function collect(inputs: string[], options: ExpandOptions = LOOPBACK, messages: string[] = []): Promise<string[]> {
  const out: string[] = [];
  for await (const source of expandInputs(inputs, options)) {
    out.push(describe(source));
    if ('error' in source) messages.push(source.error.message);
  }
  return out;
}

function describe(source: IngestSource): string {
  const label = source.label.replace(base, 'BASE').replace(/^.*claimtrace-lists-[^/]+\//, '');
  if ('error' in source) return `${label} ${source.error.code}`;
  if ('link' in source) return `${label} link ${source.link.replace(base, 'BASE')}`;
  return `${label} article ${source.contentType ?? '?'} ${source.url?.replace(base, 'BASE') ?? '-'}`;
}

function dirWith(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-lists-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

test('a folder holds a feed, a URL list, a sitemap, prose and XML that is no feed: each is read for what it is', async () => {
  const dir = dirWith({
    'a-feed.xml': rssFeed('https://gazette.example'), 'b-urls.txt': 'https://gazette.example/x\nnope\n', 'c-sitemap.xml.gz': gzipSync(urlset(['https://gazette.example/y'])),
    'd-prose.txt': 'The quay reopened on Monday.\nhttps://gazette.example/z\nRepairs cost 2 million euros.', 'e-catalog.xml': '<?xml version="1.0"?><catalog/>',
  });
  assert.deepEqual(await collect([dir]), [
    'a-feed.xml#1 article text/html https://gazette.example/dredging', 'a-feed.xml#2 link https://gazette.example/ferry', 'a-feed.xml#3 E_LIST_ITEM_INVALID',
    'b-urls.txt:1 link https://gazette.example/x', 'b-urls.txt:2 E_LIST_ITEM_INVALID',
    'c-sitemap.xml.gz#1 link https://gazette.example/y',
    'd-prose.txt article text/plain -',
    'e-catalog.xml E_INPUT_UNRECOGNISED',
  ]);
});

test('a list larger than the article limit is read; an article that large is refused', async () => {
  const locs = Array.from({ length: 200 }, (_, i) => `https://gazette.example/story-${i}`);
  const dir = dirWith({ 'big.xml': urlset(locs), 'big.txt': 'The quay. '.repeat(2000) });
  const out = await collect([join(dir, 'big.xml'), join(dir, 'big.txt')], { maxBytes: 5000 });
  assert.deepEqual([out.length, out[199], out[200]], [201, 'big.xml#200 link https://gazette.example/story-199', 'big.txt E_INPUT_TOO_LARGE']);
});

test('a sitemap index is followed to its child sitemaps, plain and gzipped; a missing child or a child that is no sitemap fails alone', async () => {
  assert.deepEqual(await collect([`${base}/index.xml`]), [
    'BASE/s1.xml#1 link BASE/a', 'BASE/s1.xml#2 link BASE/b', 'BASE/s2.xml.gz#1 link BASE/c', 'BASE/gone.xml E_URL_HTTP_STATUS', 'BASE/story E_LIST_INVALID',
  ]);
});

test(`sitemap indexes are followed ${MAX_SITEMAP_DEPTH} levels deep at most`, async () => {
  assert.deepEqual(await collect([`${base}/deep-0.xml`]), ['BASE/deep-2.xml E_LIST_LIMIT']);
});

test('an input given as a URL: a page is an article at its address, a feed is expanded', async () => {
  assert.deepEqual(await collect([`${base}/story`, `${base}/feed.xml`]), [
    'BASE/story article text/html; charset=utf-8 BASE/story', 'BASE/feed.xml#1 article text/html BASE/dredging', 'BASE/feed.xml#2 link BASE/ferry', 'BASE/feed.xml#3 E_LIST_ITEM_INVALID',
  ]);
});

test('an input URL is fetched under the default policy, which refuses loopback', async () => {
  assert.deepEqual(await collect([`${base}/feed.xml`], { maxBytes: 10_000 }), ['BASE/feed.xml E_URL_FORBIDDEN']);
});

test('a child sitemap listed twice, also with another spelling of its URL or a fragment, is fetched and read once', async () => {
  const upper = base.replace('http://', 'HTTP://');
  routes.set('/twice.xml', { type: 'application/xml', body: sitemapIndex([`${base}/s1.xml`, `${upper}/s1.xml#top`, `${base}/./s1.xml`, `${base}/s2.xml.gz`, `${base}/s1.xml`]) });
  hits.clear();
  assert.deepEqual(await collect([`${base}/twice.xml`]), ['BASE/s1.xml#1 link BASE/a', 'BASE/s1.xml#2 link BASE/b', 'BASE/s2.xml.gz#1 link BASE/c']);
  assert.deepEqual([hits.get('/twice.xml'), hits.get('/s1.xml'), hits.get('/s2.xml.gz')], [1, 1, 1]);
});

test('an index that lists itself, directly, through another index or through a redirect, is not fetched again', async () => {
  routes.set('/self.xml', { type: 'application/xml', body: sitemapIndex([`${base}/self.xml`, `${base}/loop.xml`, `${base}/to-self`, `${base}/s1.xml`, `${base}/self.xml`]) });
  routes.set('/loop.xml', { type: 'application/xml', body: sitemapIndex([`${base}/self.xml`, `${base}/s1.xml`, `${base}/s2.xml.gz`]) });
  routes.set('/to-self', { redirect: `${base}/self.xml` });
  hits.clear();
  assert.deepEqual(await collect([`${base}/self.xml`]), ['BASE/s1.xml#1 link BASE/a', 'BASE/s1.xml#2 link BASE/b', 'BASE/s2.xml.gz#1 link BASE/c']);
  assert.deepEqual([hits.get('/self.xml'), hits.get('/loop.xml'), hits.get('/to-self'), hits.get('/s1.xml'), hits.get('/s2.xml.gz')], [2, 1, 1, 1, 1], 'the redirect is followed once, then seen');
});

test('past the byte budget of an index no further child is fetched: E_LIST_LIMIT after what was read, then the next input', async () => {
  const index = sitemapIndex([`${base}/s1.xml`, `${base}/s2.xml.gz`, `${base}/story`]);
  routes.set('/budget.xml', { type: 'application/xml', body: index });
  hits.clear();
  const budget = Buffer.byteLength(index) + Buffer.byteLength(urlset([`${base}/a`, `${base}/b`])) + 1; // the index and s1 fit; s2 does not
  assert.deepEqual(await collect([`${base}/budget.xml`, `${base}/s2.xml.gz`], { ...LOOPBACK, maxSitemapBytes: budget }), [
    'BASE/s1.xml#1 link BASE/a', 'BASE/s1.xml#2 link BASE/b', 'BASE/budget.xml E_LIST_LIMIT', 'BASE/s2.xml.gz#1 link BASE/c',
  ]);
  assert.deepEqual([hits.get('/s1.xml'), hits.get('/s2.xml.gz'), hits.get('/story')], [1, 2, undefined], 's2 refused past the budget, then read as the second input');
});

test('a child larger than what is left of the budget is not read past it: E_LIST_LIMIT, none of its URLs', async () => {
  const index = sitemapIndex([`${base}/s1.xml`, `${base}/s2.xml.gz`]);
  routes.set('/tight.xml', { type: 'application/xml', body: index });
  hits.clear();
  const errors: string[] = [];
  const got = await collect([`${base}/tight.xml`, `${base}/s1.xml`], { ...LOOPBACK, maxSitemapBytes: Buffer.byteLength(index) + 10 }, errors);
  assert.deepEqual(got, ['BASE/tight.xml E_LIST_LIMIT', 'BASE/s1.xml#1 link BASE/a', 'BASE/s1.xml#2 link BASE/b']);
  assert.match(errors[0]!, /s1\.xml is larger than the 10 bytes left/);
  assert.equal(hits.get('/s2.xml.gz'), undefined, 'no child after the one that did not fit');
});

test('sitemap URLs are known without their fragment, with scheme and host in lower case; file paths are not URLs', () => {
  assert.equal(sitemapKey('HTTPS://Gazette.Example:443/a/../s.xml?x=1#top'), 'https://gazette.example/s.xml?x=1');
  assert.equal(sitemapKey('/var/data/sitemap.xml'), undefined);
  assert.equal(sitemapKey('ftp://gazette.example/s.xml'), undefined);
});
