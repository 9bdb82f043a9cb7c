import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { createHostScheduler, fetchLinkSource } from './fetch-link.js';

let server: Server;
let base = '';
const LIMITS = { timeoutMs: 2000, maxBytes: 100_000, maxRedirects: 3 };
const LOOPBACK = { ...LIMITS, isAllowedAddress: (address: string) => address === '127.0.0.1' };

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/moved') return res.writeHead(301, { location: '/story' }).end();
    if (req.url === '/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html><body><p>The quay reopened.</p></body></html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => {
  server.closeAllConnections();
  server.close();
});

test('a link is fetched as an article: URL after redirects, the list metadata as fallback, the GUID kept', async () => {
  const meta = { title: 'Quay reopens', published: '2026-03-01' };
  const article = await fetchLinkSource({ label: 'feed.xml#2', link: `${base}/moved`, meta, guid: 'g-2' }, LOOPBACK);
  assert.deepEqual({ ...article, bytes: new TextDecoder().decode(article.bytes) }, {
    label: 'feed.xml#2', bytes: '<html><body><p>The quay reopened.</p></body></html>', contentType: 'text/html; charset=utf-8', url: `${base}/story`, fallbackMeta: meta, guid: 'g-2',
  });
});

test('a link is fetched under the default address policy, which refuses loopback', async () => {
  await assert.rejects(fetchLinkSource({ label: 'urls.txt:1', link: `${base}/story` }, LIMITS), { code: 'E_URL_FORBIDDEN' });
});

test('a link that answers 404 is E_URL_HTTP_STATUS', async () => {
  await assert.rejects(fetchLinkSource({ label: 'urls.txt:2', link: `${base}/gone` }, LOOPBACK), { code: 'E_URL_HTTP_STATUS' });
});

/** Runs tasks of 30 ms through a scheduler and records when each started and ended, by host. */
async function timeline(urls: readonly string[], concurrency: number, hostDelayMs: number) {
  const scheduler = createHostScheduler({ concurrency, hostDelayMs });
  const t0 = Date.now();
  const spans: { host: string; start: number; end: number }[] = [];
  let running = 0;
  let most = 0;
  await Promise.all(urls.map((url) => scheduler.run(url, async () => {
    running++;
    most = Math.max(most, running);
    const start = Date.now() - t0;
    await new Promise((resolve) => setTimeout(resolve, 30));
    running--;
    spans.push({ host: new URL(url).host, start, end: Date.now() - t0 });
  })));
  return { spans, most };
}

test('the scheduler runs one request at a time per host, with the pause between two', async () => {
  const { spans } = await timeline(['https://a.example/1', 'https://a.example/2', 'https://a.example/3'], 4, 50);
  const gaps = spans.slice(1).map((span, i) => span.start - spans[i]!.end);
  assert.ok(gaps.every((gap) => gap >= 45), `gaps ${gaps.join(', ')} ms`);
});

test('the scheduler lets other hosts go while one rests, up to the concurrency', async () => {
  const { spans, most } = await timeline(['https://a.example/1', 'https://a.example/2', 'https://b.example/1', 'https://c.example/1', 'https://d.example/1'], 2, 200);
  const b = spans.find((span) => span.host === 'b.example')!;
  const a2 = spans.filter((span) => span.host === 'a.example')[1]!;
  assert.deepEqual([most, b.start < a2.start, a2.start >= 200], [2, true, true]);
});

test('a failing task frees its host and its slot', async () => {
  const scheduler = createHostScheduler({ concurrency: 1, hostDelayMs: 0 });
  const failed = scheduler.run('https://a.example/1', async () => {
    throw new Error('boom');
  });
  const next = scheduler.run('https://a.example/2', async () => 'next');
  await assert.rejects(failed, /boom/);
  assert.equal(await next, 'next');
});
