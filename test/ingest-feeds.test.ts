import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { resolveOptions } from '../src/engine/analyze.js';
import { ingest } from '../src/ingest/index.js';
import { atomFeed, jsonFeed, longReport, page, rssFeed, sitemapIndex, urlset } from '../src/ingest/lists/test-feeds.js';
import { migrate, schemaVersion } from '../src/store/migrate.js';
import { MIGRATIONS } from '../src/store/migrations/all.js';
import { openStore } from '../src/store/open.js';
import { cli, tempFiles } from './cli-helpers.js';

/** The test server: pages for the links of the lists, and the lists themselves, on 127.0.0.1. */
let server: Server;
let base = '';
const requests: string[] = [];
const routes = new Map<string, { type: string; body: string | Uint8Array }>();

before(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const route = routes.get(req.url ?? '');
    if (!route) return res.writeHead(404, { 'content-type': 'text/plain' }).end('missing');
    res.writeHead(200, { 'content-type': route.type }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const html = (title: string, topic: string, figure: number) => ({ type: 'text/html; charset=utf-8', body: page(title, longReport(topic, figure)) });
  routes.set('/ferry', html('Ferry to run less often', 'ferry subsidy', 4));
  routes.set('/lighthouse', html('Lighthouse reopens in May', 'lighthouse restoration', 2));
  routes.set('/market', html('Fish market moves north', 'new fish market', 6));
  routes.set('/feed.xml', { type: 'application/rss+xml; charset=utf-8', body: rssFeed(base) });
  for (let i = 1; i <= 3; i++) routes.set(`/news/${i}`, html(`Harbour story ${i}`, `harbour works phase ${i}`, 10 + i));
  routes.set('/sitemap-1.xml', { type: 'application/xml', body: urlset([`${base}/news/1`, `${base}/news/2`], true) });
  routes.set('/sitemap-2.xml.gz', { type: 'application/gzip', body: gzipSync(urlset([`${base}/news/3`, `${base}/news/404`])) });
  routes.set('/sitemap.xml', { type: 'application/xml', body: sitemapIndex([`${base}/sitemap-1.xml`, `${base}/sitemap-2.xml.gz`]) });
});

after(() => {
  server.closeAllConnections();
  server.close();
});

type Row = { input: string; title: string | null; published: string | null; guid: string | null; url: string | null };

function rows(db: string): Row[] {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT input, title, published, guid, url FROM documents ORDER BY id').all() as Row[];
  } finally {
    conn.close();
  }
}

const short = (dir: string) => (label: string) => label.replace(`${dir}/`, '').replace(base, 'BASE');

test('ingest through the CLI: feed items with full content stored with title, date and GUID; links refused by the address policy, bad URL lines, XML that is no feed and binary recorded by code; prose still an article; exit 1', async () => {
  const files = tempFiles({
    'rss.xml': rssFeed(base), 'atom.xml': atomFeed(base), 'feed.json': jsonFeed(base),
    'urls.txt': `# links to fetch\n${base}/ferry\nnot a url\n\n${base}/market\n`, 'catalog.xml': '<?xml version="1.0"?><catalog><book/></catalog>',
    'prose.txt': 'The harbour board said the dredging cost 12 million euros.\nThe work ends in June.\n',
    'blob.xml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  const db = join(files.dir, 'corpus.db');
  const inputs = ['rss.xml', 'atom.xml', 'feed.json', 'urls.txt', 'catalog.xml', 'blob.xml', 'prose.txt'].map((name) => files[name]!);
  const res = await cli(['ingest', ...inputs, '--db', db, '--format', 'json', '--workers', '1', '--no-models']);
  const summary = JSON.parse(res.stdout);
  const name = short(files.dir);
  assert.equal(res.code, 1);
  assert.deepEqual(summary.failures.map((f: { input: string; code: string }) => `${name(f.input)} ${f.code}`), [
    'rss.xml#2 E_URL_FORBIDDEN', 'rss.xml#3 E_LIST_ITEM_INVALID', 'atom.xml#2 E_URL_FORBIDDEN', 'feed.json#2 E_URL_FORBIDDEN',
    'urls.txt:2 E_URL_FORBIDDEN', 'urls.txt:3 E_LIST_ITEM_INVALID', 'urls.txt:5 E_URL_FORBIDDEN', 'catalog.xml E_INPUT_UNRECOGNISED', 'blob.xml E_INPUT_BINARY',
  ]);
  assert.deepEqual(rows(db).map((r) => ({ ...r, input: name(r.input), url: r.url?.replace(base, 'BASE') ?? null })), [
    { input: 'rss.xml#1', title: 'Dredging bill doubles', published: '2026-03-03T09:30:00.000Z', guid: 'gazette-1001', url: 'BASE/dredging' },
    { input: 'atom.xml#1', title: 'Sea wall approved', published: '2026-03-05T08:15:00.000Z', guid: 'urn:coast-post:2001', url: 'BASE/sea-wall' },
    { input: 'feed.json#1', title: 'Pier repairs', published: '2026-03-07T04:00:00.000Z', guid: 'dd-1', url: 'BASE/pier' },
    { input: 'prose.txt', title: null, published: null, guid: null, url: null },
  ]);
  assert.deepEqual([summary.inserted, summary.failed], [4, 9]);
});

test('ingest of a feed given as a URL fetches the links of items without full content: the page title wins, the feed date fills in, the GUID is kept in the stored report', async () => {
  const files = tempFiles({});
  const store = await openStore(join(files.dir, 'corpus.db'));
  try {
    const summary = await ingest([`${base}/feed.xml`], store, { analyze: resolveOptions({ models: false }), fetch: { isAllowedAddress: (address) => address === '127.0.0.1', hostDelayMs: 0 } });
    assert.deepEqual([summary.inserted, summary.failures.map((f) => `${short(files.dir)(f.input)} ${f.code}`)], [2, ['BASE/feed.xml#3 E_LIST_ITEM_INVALID']]);
    const ferry = (await store.getReport(2))!.document;
    assert.deepEqual([ferry.title, ferry.published, ferry.guid, ferry.url], ['Ferry to run less often', '2026-03-04T06:00:00.000Z', `${base}/ferry`, `${base}/ferry`]);
  } finally {
    await store.close();
  }
});

test('ingest of a sitemap index on worker threads: child sitemaps fetched (one gzipped), every page stored with its News title and date, a missing page recorded E_URL_HTTP_STATUS, a second run leaves all unchanged', async () => {
  const files = tempFiles({});
  const db = join(files.dir, 'corpus.db');
  const options = { analyze: resolveOptions({ models: false }), workers: 2, fetch: { isAllowedAddress: (address: string) => address === '127.0.0.1', hostDelayMs: 0 } };
  const store = await openStore(db);
  try {
    const first = await ingest([`${base}/sitemap.xml`], store, options);
    assert.deepEqual([first.inserted, first.failures.map((f) => `${short(files.dir)(f.input)} ${f.code}`)], [3, ['BASE/sitemap-2.xml.gz#2 E_URL_HTTP_STATUS']]);
    const again = await ingest([`${base}/sitemap.xml`], store, options);
    assert.deepEqual([again.inserted, again.unchanged, again.failed], [0, 3, 1]);
    assert.deepEqual((await store.failures()).map((f) => f.code), ['E_URL_HTTP_STATUS']);
  } finally {
    await store.close();
  }
  assert.deepEqual(rows(db).map((r) => [r.title, r.published]), [['Harbour story 1', '2026-03-10T08:00:00.000Z'], ['Harbour story 2', '2026-03-11T08:00:00.000Z'], ['Harbour story 3', null]]);
});

test('one request at a time per host: the links of a URL list are fetched with the pause between two', async () => {
  const files = tempFiles({ 'urls.txt': `${base}/news/1\n${base}/news/2\n${base}/news/3\n` });
  const store = await openStore(join(files.dir, 'corpus.db'));
  try {
    const started = Date.now();
    const summary = await ingest([files['urls.txt']!], store, { analyze: resolveOptions({ models: false }), fetch: { isAllowedAddress: (address) => address === '127.0.0.1', hostDelayMs: 150, concurrency: 4 } });
    assert.deepEqual([summary.inserted, Date.now() - started >= 300], [3, true]);
  } finally {
    await store.close();
  }
});

test('a SQLite file made before GUIDs (schema 8) gains the guid column when opened; an article from no feed has none', async () => {
  const files = tempFiles({ 'old.txt': 'The harbour board said the dredging cost 12 million euros.\n' });
  const db = join(files.dir, 'old.db');
  const conn = new Database(db);
  migrate(conn, db, MIGRATIONS, 8);
  conn.close();
  await cli(['ingest', files['old.txt']!, '--db', db, '--workers', '0', '--no-models']);
  const check = new Database(db, { readonly: true });
  try {
    assert.deepEqual([schemaVersion(check), check.prepare('SELECT guid FROM documents').all()], [9, [{ guid: null }]]);
  } finally {
    check.close();
  }
});
