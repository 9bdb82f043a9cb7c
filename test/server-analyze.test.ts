import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Report } from '../src/core/report-schema.js';
import { analyzePure, resolveOptions } from '../src/engine/analyze.js';
import type { AnalyzeOptionsInput } from '../src/engine/options.js';
import { VERSION } from '../src/engine/version.js';
import { HANG, TEST_WORKER } from '../src/ingest/test-helpers.js';
import { createPoolAnalyzer, type Analyzer } from '../src/server/analyzer.js';
import { HARBOUR_TEXT, json, listeningApp, testApp } from './server-helpers.js';

const post = (payload: unknown, url = '/api/analyze') => ({ method: 'POST' as const, url, payload: payload as object });

describe('POST /api/analyze', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  before(async () => (t = await testApp()));
  after(async () => t.close());

  test('analyses text and returns the same report as the engine, without storing it', async () => {
    const res = await t.app.inject(post({ text: HARBOUR_TEXT, site: 'baycourier.example', published: '2024-05-06' }));
    assert.equal(res.statusCode, 200);
    const body = json<{ documentId: number | null; report: Report }>(res);
    assert.equal(body.documentId, null);
    assert.deepEqual(body.report, analyzePure({ text: HARBOUR_TEXT, meta: { site: 'baycourier.example', published: '2024-05-06' } }));
    assert.equal(await t.store.countDocuments(), 0);
  });

  test('stores the article with store=true and gives the same id to the same text again', async () => {
    const first = json(await t.app.inject(post({ text: HARBOUR_TEXT }, '/api/analyze?store=true')));
    const second = json(await t.app.inject(post({ text: HARBOUR_TEXT }, '/api/analyze?store=true')));
    assert.deepEqual([first.documentId, second.documentId], [1, 1]);
    assert.equal((await t.store.getReport(1))?.claims.length, 5);
  });

  test('extracts the article from HTML and keeps the URL it came from', async () => {
    const html = '<html><head><title>Night Buses Return to Kessel</title></head><body><article><h1>Night Buses Return to Kessel</h1><p>The city council restored 14 night bus lines on Friday, the mayor said.</p></article></body></html>';
    const res = await t.app.inject(post({ html, url: 'https://news.example/kessel-buses' }));
    const { report } = json<{ report: Report }>(res);
    assert.equal(res.statusCode, 200);
    assert.equal(report.document.url, 'https://news.example/kessel-buses');
    assert.equal(report.document.title, 'Night Buses Return to Kessel');
    assert.deepEqual(report.quantities.map((q) => q.text), ['14']);
  });

  test('refuses text and html together with 400 E_REQUEST_INVALID', async () => {
    const res = await t.app.inject(post({ text: 'A', html: '<p>B</p>' }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), { error: { code: 'E_REQUEST_INVALID', message: 'Invalid request: give exactly one of text, html or url (html may come with the url it was saved from)' } });
  });

  test('refuses an unknown field with 400 E_REQUEST_INVALID', async () => {
    const res = await t.app.inject(post({ text: 'The mayor resigned.', author: 'X' }));
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.message, 'Invalid request: body must NOT have additional properties');
  });

  test('refuses a published value that is not an ISO date', async () => {
    const res = await t.app.inject(post({ text: 'The mayor resigned.', published: 'last Tuesday' }));
    assert.equal(res.statusCode, 400);
    assert.match(json(res).error.message, /^Invalid request: body published must match pattern/);
  });

  test('answers whitespace-only text with 400 E_INPUT_EMPTY', async () => {
    const res = await t.app.inject(post({ text: ' \n\t ' }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), { error: { code: 'E_INPUT_EMPTY', message: 'Input is empty: text' } });
  });

  test('answers malformed JSON with 400 E_REQUEST_INVALID', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/json' }, payload: '{"text": ' });
    assert.equal(res.statusCode, 400);
    assert.equal(json(res).error.code, 'E_REQUEST_INVALID');
  });

  test('answers a non-http URL with 400 E_URL_INVALID', async () => {
    const res = await t.app.inject(post({ url: 'file:///etc/passwd' }));
    assert.equal(res.statusCode, 400);
    assert.deepEqual(json(res), { error: { code: 'E_URL_INVALID', message: 'Not a valid http(s) URL: file:///etc/passwd' } });
  });
});

/** An analyzer whose analyses wait until released (or forever), counting the calls. */
function heldAnalyzer(): Analyzer & { calls: number; release: () => void } {
  const waiting: (() => void)[] = [];
  const report = analyzePure({ text: 'The port reopened.' });
  return {
    calls: 0,
    analyze() {
      this.calls++;
      return new Promise<Report>((resolve) => waiting.push(() => resolve(report)));
    },
    release: () => waiting.splice(0).forEach((go) => go()),
    close: async () => {},
  };
}

describe('limits of POST /api/analyze', () => {
  test('answers 413 E_BODY_TOO_LARGE for a body over the limit', async () => {
    const t = await testApp({ bodyLimit: 1000 });
    const res = await t.app.inject(post({ text: 'word '.repeat(400) }));
    await t.close();
    assert.equal(res.statusCode, 413);
    assert.equal(json(res).error.code, 'E_BODY_TOO_LARGE');
  });

  test('answers 503 E_BUSY with Retry-After when every slot and the queue are taken', async () => {
    const analyzer = heldAnalyzer();
    const t = await testApp({ analyzer, maxConcurrent: 1, maxQueue: 0 });
    const first = t.app.inject(post({ text: 'The ferry is late.' }));
    while (analyzer.calls === 0) await new Promise((r) => setImmediate(r));
    const busy = await t.app.inject(post({ text: 'The bridge is closed.' }));
    analyzer.release();
    assert.equal((await first).statusCode, 200);
    await t.close();
    assert.equal(busy.statusCode, 503);
    assert.equal(busy.headers['retry-after'], '1');
    assert.deepEqual(json(busy), { error: { code: 'E_BUSY', message: 'All 1 analysis slots and the queue of 0 are busy; retry in 1 s' } });
  });

  test('queues a request while a slot is taken and runs it when the slot frees', async () => {
    const analyzer = heldAnalyzer();
    const t = await testApp({ analyzer, maxConcurrent: 1, maxQueue: 1 });
    const first = t.app.inject(post({ text: 'The ferry is late.' }));
    const second = t.app.inject(post({ text: 'The bridge is closed.' }));
    while (analyzer.calls === 0) await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(analyzer.calls, 1);
    analyzer.release();
    assert.equal((await first).statusCode, 200);
    while (analyzer.calls === 1) await new Promise((r) => setImmediate(r));
    analyzer.release();
    assert.equal((await second).statusCode, 200);
    await t.close();
  });

  test('answers 504 E_TIMEOUT when the analysis outlasts the request timeout', async () => {
    const t = await testApp({ analyzer: heldAnalyzer(), requestTimeoutMs: 50 });
    const res = await t.app.inject(post({ text: 'The ferry is late.' }));
    await t.close();
    assert.equal(res.statusCode, 504);
    assert.deepEqual(json(res), { error: { code: 'E_TIMEOUT', message: 'The request took longer than 50 ms' } });
  });

  test('answers a crash with 500 E_INTERNAL and no detail of it', async () => {
    const analyzer: Analyzer = { analyze: async () => { throw new TypeError('secret path /srv/x.ts:12'); }, close: async () => {} };
    const t = await testApp({ analyzer });
    const res = await t.app.inject(post({ text: 'The ferry is late.' }));
    await t.close();
    assert.equal(res.statusCode, 500);
    assert.equal(json(res).error.code, 'E_INTERNAL');
    assert.doesNotMatch(res.payload, /secret|x\.ts|\n\s+at /);
  });

  test('analyses on worker threads with the same result as on the main thread', async () => {
    const t = await testApp({ workers: 1 });
    const res = await t.app.inject(post({ text: HARBOUR_TEXT }));
    await t.close();
    assert.equal(res.statusCode, 200);
    assert.deepEqual(json(res).report, analyzePure({ text: HARBOUR_TEXT }));
  });
});

/** A one-line article for the worker-thread tests. */
const FERRY = { text: 'The ferry board said 120 sailings were cancelled in May.' };

/** A pool analyzer on the test worker (articles holding HANG never finish), started and warm. */
async function hangingAnalyzer(workers: number, options: AnalyzeOptionsInput = {}): Promise<Analyzer> {
  const analyzer = createPoolAnalyzer(workers, resolveOptions({ models: false, ...options }), { entry: TEST_WORKER });
  const warm = { label: 'warm', bytes: new TextEncoder().encode(FERRY.text), contentType: 'text/plain' };
  await Promise.all(Array.from({ length: workers }, () => analyzer.analyze(warm)));
  return analyzer;
}

const bounded = { timeout: 90_000 };

describe('hard deadline of POST /api/analyze and /healthz', () => {
  test('analyses that never finish answer 504 E_TIMEOUT at the analysis deadline, and the next analysis succeeds', bounded, async () => {
    const t = await testApp({ analyzer: await hangingAnalyzer(1, { deadlineMs: 1_500, deadlinePerMbMs: 0 }), maxConcurrent: 1 });
    try {
      const hung = [await t.app.inject(post({ text: HANG })), await t.app.inject(post({ text: HANG }))];
      assert.deepEqual(hung.map((res) => [res.statusCode, json(res)]), Array(2).fill([504, { error: { code: 'E_TIMEOUT', message: 'Analysing text took longer than 1500 ms' } }]));
      assert.equal((await t.app.inject(post(FERRY))).statusCode, 200);
      assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  test('a request past its time limit has its analysis stopped: the slot is free for the next request', bounded, async () => {
    const analyzer = await hangingAnalyzer(1);
    const t = await testApp({ analyzer, maxConcurrent: 1, maxQueue: 0, requestTimeoutMs: 2_000 });
    try {
      const hung = await t.app.inject(post({ text: HANG }));
      assert.deepEqual([hung.statusCode, json(hung).error.message], [504, 'The request took longer than 2000 ms']);
      // With the worker still looping, the slot would still be taken: 503 E_BUSY (there is no queue). The stopped
      // worker's replacement needs a moment to load, which the next request's own time limit would otherwise include.
      const deadline = performance.now() + 60_000;
      while (analyzer.health!().ready === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal((await t.app.inject(post(FERRY))).statusCode, 200);
    } finally {
      await t.close();
    }
  });

  test('/healthz answers 503 with the reason when analysis workers cannot be restarted', bounded, async () => {
    const analyzer = createPoolAnalyzer(1, resolveOptions({ models: false }), { entry: new URL('./no-such-worker.ts', import.meta.url) });
    const t = await testApp({ analyzer });
    try {
      const deadline = performance.now() + 60_000;
      while (analyzer.health!().problems.length === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.equal(res.statusCode, 503);
      assert.deepEqual(json(res), { status: 'unhealthy', version: VERSION, documents: 0, problems: ['1 of 1 analysis workers could not be restarted (3 failed starts in a row)'] });
    } finally {
      await t.close();
    }
  });

  test('/healthz answers 503 when an analysis holds its slot past the request limit', bounded, async () => {
    // An engine that ignores the abort, as a worker that cannot be terminated would.
    const t = await testApp({ analyzer: heldAnalyzer(), maxConcurrent: 1, requestTimeoutMs: 100 });
    try {
      assert.equal((await t.app.inject(post(FERRY))).statusCode, 504);
      assert.equal((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
      await new Promise((r) => setTimeout(r, 5_300));
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      assert.deepEqual([res.statusCode, json(res).problems], [503, ['1 analysis slot is held past the analysis\'s time limit']]);
    } finally {
      await t.close();
    }
  });

  test('/healthz answers while every worker is busy and the queue is full', bounded, async () => {
    const t = await listeningApp({ analyzer: await hangingAnalyzer(2), maxConcurrent: 2, maxQueue: 4, requestTimeoutMs: 60_000 });
    const url = `http://127.0.0.1:${t.port}`;
    let settled = 0;
    const analyse = () => fetch(`${url}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: HANG }) }).then((res) => res.status, () => 0).finally(() => settled++);
    // One more than the 2 slots and the queue of 4 hold: its 503 says that they are all taken (a fixed wait did not,
    // on a loaded machine), and the other six hang until the server closes.
    const pending = Array.from({ length: 7 }, analyse);
    try {
      assert.equal(await Promise.race(pending), 503);
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`${url}/healthz`);
        assert.equal(res.status, 200);
        await res.arrayBuffer();
      }
      // Answered while all six analyses still wait (the request limit, 60 s, is far off), not after them.
      assert.equal(settled, 1);
    } finally {
      t.app.server.closeAllConnections();
      await t.close();
      await Promise.all(pending);
    }
  });
});
