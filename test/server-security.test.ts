import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ClaimtraceError } from '../src/core/errors.js';
import { buildApp } from '../src/server/app.js';
import { json, tempStore, testApp } from './server-helpers.js';

const analyze = (headers: Record<string, string> = {}) => ({ method: 'POST' as const, url: '/api/analyze', payload: { text: 'The harbour closed at noon.' }, headers });

describe('security headers', () => {
  test('sends the CSP, nosniff, no-referrer and no framing on API answers', async () => {
    const t = await testApp();
    const res = await t.app.inject('/healthz');
    await t.close();
    assert.equal(res.headers['content-security-policy'], "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';font-src 'self';frame-ancestors 'none';object-src 'none';base-uri 'none';form-action 'self'");
    assert.deepEqual([res.headers['x-content-type-options'], res.headers['referrer-policy'], res.headers['x-frame-options']], ['nosniff', 'no-referrer', 'DENY']);
  });

  test('sends the same headers on error answers', async () => {
    const t = await testApp();
    const res = await t.app.inject('/api/documents/5');
    await t.close();
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
  });
});

describe('token for writes', () => {
  test('refuses to build a server on a non-loopback host without a token', async () => {
    const store = await tempStore();
    await assert.rejects(buildApp({ store, host: '0.0.0.0' }), (err: unknown) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID' && /CLAIMTRACE_TOKEN/.test(err.message));
    await store.close();
  });

  test('answers 401 E_UNAUTHORIZED to a write without the token on a non-loopback host', async () => {
    const t = await testApp({ host: '0.0.0.0', token: 's3cret-token' });
    const res = await t.app.inject(analyze());
    await t.close();
    assert.equal(res.statusCode, 401);
    assert.deepEqual(json(res), { error: { code: 'E_UNAUTHORIZED', message: 'This server accepts writes only with its token (Authorization: Bearer …; set CLAIMTRACE_TOKEN)' } });
  });

  test('answers 401 to a write with a wrong token', async () => {
    const t = await testApp({ host: '0.0.0.0', token: 's3cret-token' });
    const res = await t.app.inject(analyze({ authorization: 'Bearer s3cret-tokem' }));
    await t.close();
    assert.equal(res.statusCode, 401);
  });

  test('accepts a write with the right token and reads without one', async () => {
    const t = await testApp({ host: '0.0.0.0', token: 's3cret-token' });
    const write = await t.app.inject(analyze({ authorization: 'Bearer s3cret-token' }));
    const read = await t.app.inject('/api/documents');
    await t.close();
    assert.deepEqual([write.statusCode, read.statusCode], [200, 200]);
  });

  test('requires a token set on loopback too', async () => {
    const t = await testApp({ host: '127.0.0.1', token: 'local-token' });
    const res = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: {} });
    await t.close();
    assert.equal(res.statusCode, 401);
  });

  test('needs no token on loopback when none is set', async () => {
    const t = await testApp({ host: 'localhost' });
    const res = await t.app.inject(analyze());
    await t.close();
    assert.equal(res.statusCode, 200);
  });
});

describe('rate limits', () => {
  test('answers 429 E_RATE_LIMITED with Retry-After past the read limit', async () => {
    const t = await testApp({ rateLimit: { read: 2, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await t.app.inject('/api/ratings'));
    await t.close();
    assert.deepEqual(statuses.map((r) => r.statusCode), [200, 200, 429]);
    assert.equal(statuses[2]!.headers['retry-after'], '60');
    assert.deepEqual(json(statuses[2]!), { error: { code: 'E_RATE_LIMITED', message: 'Too many requests from this client: at most 2 per 1 min; retry in 60 s' } });
  });

  test('limits analyses separately from reads', async () => {
    const t = await testApp({ rateLimit: { analyze: 1 } });
    const first = await t.app.inject(analyze());
    const second = await t.app.inject(analyze());
    const read = await t.app.inject('/api/ratings');
    await t.close();
    assert.deepEqual([first.statusCode, second.statusCode, read.statusCode], [200, 429, 200]);
  });
});

describe('URL analysis refuses local addresses', () => {
  let listener: Server;
  let port: number;
  let hits = 0;
  before(async () => {
    listener = createServer((_req, res) => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>The secret intranet page.</p>');
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  for (const host of ['127.0.0.1', 'localhost', '[::ffff:127.0.0.1]', '0.0.0.0']) {
    test(`answers 403 E_URL_FORBIDDEN for http://${host}:PORT/ and never connects`, async () => {
      const t = await testApp();
      const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { url: `http://${host}:${port}/` } });
      await t.close();
      assert.equal(res.statusCode, 403);
      assert.equal(json(res).error.code, 'E_URL_FORBIDDEN');
      assert.equal(hits, 0);
    });
  }
});

describe('OpenAPI document', () => {
  test('lists every route with its methods', async () => {
    const t = await testApp();
    const doc = json(await t.app.inject('/api/openapi.json'));
    await t.close();
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(routes.sort(), [
      'GET /api/documents', 'GET /api/documents/{id}', 'GET /api/documents/{id}/annotations', 'GET /api/documents/{id}/claimreview',
      'GET /api/documents/{id}/export', 'GET /api/documents/{id}/reviews', 'GET /api/openapi.json', 'GET /api/outlets', 'GET /api/ratings',
      'GET /api/trace', 'GET /healthz', 'POST /api/analyze', 'POST /api/documents/{id}/reviews',
    ]);
  });
});

describe('web app', () => {
  const webRoot = mkdtempSync(join(tmpdir(), 'claimtrace-web-'));
  writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>claimtrace app</title><script type="module" src="/app.js"></script>');
  writeFileSync(join(webRoot, 'app.js'), 'console.log(1);');

  test('serves index.html at / and its assets', async () => {
    const t = await testApp({ webRoot });
    const page = await t.app.inject('/');
    const script = await t.app.inject('/app.js');
    await t.close();
    assert.deepEqual([page.statusCode, page.payload.includes('<title>claimtrace app</title>'), script.payload], [200, true, 'console.log(1);']);
    assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  });

  test('answers index.html for an unknown app path', async () => {
    const t = await testApp({ webRoot });
    const res = await t.app.inject('/documents/3/review');
    await t.close();
    assert.equal(res.statusCode, 200);
    assert.match(res.payload, /claimtrace app/);
  });

  test('answers 404 JSON for a missing file and for an unknown API path', async () => {
    const t = await testApp({ webRoot });
    const file = await t.app.inject('/assets/missing.js');
    const api = await t.app.inject('/api/nothing');
    await t.close();
    assert.deepEqual([file.statusCode, api.statusCode, json(api)], [404, 404, { error: { code: 'E_NOT_FOUND', message: 'No route GET /api/nothing' } }]);
  });

  test('says the app is not built when there is no index.html', async () => {
    const t = await testApp();
    const res = await t.app.inject('/');
    await t.close();
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(res.payload, /The web app is not built\. Run <code>npm run build<\/code>/);
  });
});
