import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { importFactChecks, parseFactChecks } from '../src/factchecks/index.js';
import { IMPORT_BATCH } from '../src/factchecks/import/run.js';
import { streamFactChecks } from '../src/factchecks/import/stream.js';
import { openSqliteStore } from '../src/store/index.js';
import type { Store } from '../src/store/types.js';
import { tempFiles } from './cli-helpers.js';

const dir = tempFiles({}).dir;
after(() => rmSync(dir, { recursive: true, force: true }));

/** A ClaimReview; every seventh has no claim (a skipped record). */
const review = (i: number, claim = `Claim number ${i} about the harbour budget`) => ({
  '@type': 'ClaimReview',
  url: `https://checks.example/${i}`,
  ...(i % 7 === 3 ? {} : { claimReviewed: claim }),
  author: { '@type': 'Organization', name: 'Coast Facts', url: 'https://checks.example/' },
  reviewRating: { '@type': 'Rating', alternateName: i % 2 ? 'False' : 'True' },
  datePublished: '2024-03-01',
});
const googleClaim = (i: number) => (i % 7 === 3 ? { text: `claim ${i}` } : { text: `Claim number ${i}`, claimReview: [{ url: `https://checks.example/${i}`, textualRating: 'False', publisher: { name: 'Coast Facts', site: 'checks.example' } }] });
const N = IMPORT_BATCH * 2 + 203;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const INPUTS: Record<string, string | Uint8Array> = {
  'feed.json': JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: range(N).map((i) => ({ '@type': 'DataFeedItem', item: [review(i)] })) }, null, 1),
  'array.json': JSON.stringify(range(N).map((i) => review(i))),
  'google.json': JSON.stringify({ claims: range(N).map(googleClaim), nextPageToken: 'x' }),
  'pages.json': JSON.stringify([{ claims: range(5).map(googleClaim) }, { claims: range(5).map((i) => googleClaim(i + 100)) }]),
  'lines.jsonl': range(N).map((i) => JSON.stringify(review(i))).join('\n'),
  'checks.csv': ['claim,url,rating', ...range(N).map((i) => (i % 7 === 3 ? `,https://checks.example/${i},False` : `"Claim ${i}, with a comma",https://checks.example/${i},False`))].join('\r\n'),
  'checks.tsv': ['claim\turl', ...range(N).map((i) => `Claim ${i}\t${i % 7 === 3 ? 'not a link' : `https://checks.example/${i}`}`)].join('\n'),
  'single.json': JSON.stringify({ '@context': 'https://schema.org', '@graph': [review(1), review(2)] }),
};
INPUTS['feed.json.gz'] = gzipSync(INPUTS['feed.json'] as string);

/** Every stored claim, paged in id order. */
async function storedClaims(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (let afterId = 0; ; ) {
    const page = await store.listFactChecks({ limit: 500, afterId });
    if (page.items.length === 0) return out;
    out.push(...page.items.map((f) => f.claim));
    afterId = page.items.at(-1)!.id;
  }
}

async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openSqliteStore(':memory:');
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

test('every streamed format stores and skips exactly what the whole-text parser reads, over several batches, and a re-import changes nothing', async () => {
  for (const [name, content] of Object.entries(INPUTS)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    const whole = parseFactChecks(name.endsWith('.gz') ? (INPUTS['feed.json'] as string) : (content as string), { input: path });
    await withStore(async (store) => {
      const summary = await importFactChecks([path], store);
      assert.equal(summary.failed, 0, `${name}: ${JSON.stringify(summary.problems[0])}`);
      assert.equal(summary.inserted, whole.factChecks.length, name);
      assert.deepEqual(Object.keys(summary.formats), [whole.format], name);
      assert.deepEqual(summary.problems.map((p) => [p.record, p.code]).sort(), whole.skipped.map((s) => [s.record, s.code]).sort(), name);
      assert.deepEqual((await storedClaims(store)).sort(), whole.factChecks.map((f) => f.claim).sort(), name);
      const again = await importFactChecks([path], store);
      assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, whole.factChecks.length], name);
      assert.equal((await store.listFactChecks({ limit: 1 })).total, whole.factChecks.length, name);
    });
  }
});

test('characters split across read chunks are kept whole', async () => {
  // 64 KB read chunks: claims of two- and four-byte characters cross chunk boundaries many times.
  const claims = range(3000).map((i) => `Ça coûte ${i} € 🚢 à la mairie — déjà dit`);
  const path = join(dir, 'utf8.jsonl');
  writeFileSync(path, claims.map((c, i) => JSON.stringify(review(i * 7 + 1, c))).join('\n'));
  await withStore(async (store) => {
    const summary = await importFactChecks([path], store);
    assert.equal(summary.inserted, claims.length);
    assert.deepEqual((await storedClaims(store)).sort(), [...claims].sort());
  });
});

test('a JSON Lines line that is not JSON is a skipped record; a feed cut off mid-way fails with E_FACTCHECK_FORMAT after storing what came before', async () => {
  const lines = join(dir, 'bad.jsonl');
  writeFileSync(lines, [JSON.stringify(review(1)), '{"@type": "ClaimReview", oops', JSON.stringify(review(2))].join('\n'));
  const feed = INPUTS['feed.json'] as string;
  const cut = join(dir, 'cut.json');
  writeFileSync(cut, feed.slice(0, Math.floor(feed.length * 0.6)));
  await withStore(async (store) => {
    const summary = await importFactChecks([lines, cut], store);
    assert.deepEqual(summary.problems.slice(0, 1).map((p) => [p.record, p.code]), [['line 2', 'E_FACTCHECK_INVALID']]);
    const failure = summary.problems.find((p) => p.record === undefined);
    assert.equal(failure?.code, 'E_FACTCHECK_FORMAT');
    assert.equal(summary.failed, 1);
    assert.ok(summary.inserted > IMPORT_BATCH, `records before the cut are stored (${summary.inserted})`);
    assert.ok(summary.inserted < N, 'records after the cut are not');
  });
});

test('an empty file, a file of no known format and a gzip over the size limit fail with their codes', async () => {
  const empty = join(dir, 'empty.json');
  writeFileSync(empty, '');
  const prose = join(dir, 'prose.txt');
  writeFileSync(prose, 'just some words\nand more');
  const big = join(dir, 'big.json.gz');
  writeFileSync(big, gzipSync('[' + ' '.repeat(200_000) + ']'));
  await withStore(async (store) => {
    const summary = await importFactChecks([empty, prose, big], store, { maxBytes: 100_000 });
    assert.deepEqual(summary.problems.map((p) => p.code), ['E_FACTCHECK_FORMAT', 'E_FACTCHECK_FORMAT', 'E_INPUT_TOO_LARGE']);
  });
});

test('a streamed DataFeed holds one element at a time: heap stays flat while 150,000 elements pass', async () => {
  const elements = 150_000;
  async function* feed(): AsyncGenerator<string> {
    yield '{"@context":"https://schema.org","@type":"DataFeed","dataFeedElement":[';
    for (let i = 0; i < elements; i += 1000) {
      yield range(Math.min(1000, elements - i)).map((k) => JSON.stringify({ '@type': 'DataFeedItem', item: [review(i + k)] })).join(',') + (i + 1000 < elements ? ',' : '');
    }
    yield ']}';
  }
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  let read = 0;
  const format = await streamFactChecks('json-object', feed(), (outcome) => {
    read++;
    if (read % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    void outcome;
  }, { input: 'generated' });
  assert.equal(format, 'datacommons-feed');
  assert.equal(read, elements);
  // The feed is about 40 MB of text and 150,000 parsed elements (hundreds of MB held whole); streamed, the heap
  // grows only by garbage not yet collected.
  assert.ok(peak < 120 * 1024 * 1024, `heap grew by ${Math.round(peak / 1048576)} MB`);
});

/** Fact-check feeds served over HTTP from a local server (allowed by the tests' address policy), streamed as they arrive. */
describeStreamedUrls();

function describeStreamedUrls(): void {
  let server: Server;
  let base = '';
  const local = { isAllowedAddress: (address: string) => address === '127.0.0.1' };
  const pagePad = `<p>${'Harbour news in long paragraphs. '.repeat(60_000)}</p>`;
  // About 3 MB of feed: past the format sniffer's 1 MB head and past the 2 MB limit of the test below.
  const bigFeed = gzipSync(JSON.stringify({ '@type': 'DataFeed', dataFeedElement: range(N * 8).map((i) => ({ '@type': 'DataFeedItem', item: [review(i)] })) }, null, 1));
  before(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      if (path === '/feed.json' || path === '/big-feed.json') {
        // A DataFeed sent in small chunks, gzip-encoded, with no declared length.
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        const body = path === '/feed.json' ? gzipSync(INPUTS['feed.json'] as string) : bigFeed;
        let at = 0;
        const send = (): void => {
          if (at >= body.length) return void res.end();
          res.write(body.subarray(at, at + 4096));
          at += 4096;
          setImmediate(send);
        };
        send();
      } else if (path === '/lines.jsonl') res.writeHead(200, { 'content-type': 'text/plain' }).end(INPUTS['lines.jsonl']);
      else if (path === '/single.json') res.writeHead(200, { 'content-type': 'application/ld+json' }).end(INPUTS['single.json']);
      else if (path === '/long-page') {
        // An HTML page longer than the format sniffer's head, its ClaimReview at the very end.
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<html><head><title>Checks</title></head><body>${pagePad}<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', ...review(1) })}</script></body></html>`);
      } else if (path === '/stalls') {
        // Sends half a feed, then nothing.
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write((INPUTS['feed.json'] as string).slice(0, 20_000));
      } else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  }));

  test('a feed fetched over HTTP is streamed: the same records as the file, over several batches; JSON Lines and a lone JSON object too', async () => {
    const fromFile = await withStore(async (store) => {
      writeFileSync(join(dir, 'url-feed.json'), INPUTS['feed.json'] as string);
      await importFactChecks([join(dir, 'url-feed.json')], store);
      return storedClaims(store);
    });
    await withStore(async (store) => {
      const summary = await importFactChecks([`${base}/feed.json`, `${base}/lines.jsonl`, `${base}/single.json`], store, local);
      assert.equal(summary.failed, 0, JSON.stringify(summary.problems.filter((p) => !p.record)));
      assert.deepEqual(summary.formats, { 'datacommons-feed': 1, 'claimreview-json': 2 });
      const claims = await storedClaims(store);
      assert.deepEqual(claims, fromFile, 'the streamed URL stores what the file stores (the other two inputs repeat its claims)');
      assert.equal(summary.skipped, 2 * range(N).filter((i) => i % 7 === 3).length);
    });
  });

  test('an HTML page longer than the sniffed head is read to its end for its ClaimReview', async () => {
    await withStore(async (store) => {
      const summary = await importFactChecks([`${base}/long-page`], store, local);
      assert.equal(summary.inserted, 1, JSON.stringify(summary.problems));
      assert.equal((await storedClaims(store))[0], 'Claim number 1 about the harbour budget');
    });
  });

  // The feed is sent without a declared length, so the limit is met while reading it.
  test('a body over the size limit and a server that stalls mid-feed fail with their codes, keep the batches read before, and the run goes on', async () => {
    await withStore(async (store) => {
      const summary = await importFactChecks([`${base}/big-feed.json`, `${base}/stalls`, `${base}/single.json`], store, { ...local, maxBytes: 2_000_000, timeoutMs: 6000 });
      const failed = summary.problems.filter((p) => !p.record).map((p) => p.code);
      assert.deepEqual(failed, ['E_INPUT_TOO_LARGE', 'E_URL_TIMEOUT']);
      assert.ok(summary.inserted >= 3 * IMPORT_BATCH && summary.inserted < N * 8, `records read before the limit was passed are kept (${summary.inserted})`);
      assert.ok((await storedClaims(store)).includes('Claim number 2 about the harbour budget'), 'the input after the failures was imported');
    });
  });
}
