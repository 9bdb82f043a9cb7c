import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ClaimtraceError } from '../src/core/errors.js';
import { buildApp } from '../src/server/app.js';
import { createHostCheck } from '../src/server/host-check.js';
import { defaultPublicUrl, resolveServerOptions } from '../src/server/options.js';
import { createFailureCounter, hasToken, tokenMatches } from '../src/server/security.js';
import { json, listeningApp, rawHttp, tempStore, testApp } from './server-helpers.js';

/** A token as long as the server asks for (32 characters or more). */
const TOKEN = '7f3c9a1e5b2d8f604c1a9e7b3d5f2c8a6e0b4d9f';

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
    const t = await testApp({ host: '0.0.0.0', token: TOKEN });
    const res = await t.app.inject(analyze());
    await t.close();
    assert.equal(res.statusCode, 401);
    assert.deepEqual(json(res), { error: { code: 'E_UNAUTHORIZED', message: 'This server accepts writes only with its token (Authorization: Bearer …; set CLAIMTRACE_TOKEN)' } });
  });

  test('answers 401 to a write with a wrong token', async () => {
    const t = await testApp({ host: '0.0.0.0', token: TOKEN });
    const res = await t.app.inject(analyze({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` }));
    await t.close();
    assert.equal(res.statusCode, 401);
  });

  test('accepts a write with the right token and reads without one', async () => {
    const t = await testApp({ host: '0.0.0.0', token: TOKEN });
    const write = await t.app.inject(analyze({ authorization: `Bearer ${TOKEN}` }));
    const read = await t.app.inject('/api/documents');
    await t.close();
    assert.deepEqual([write.statusCode, read.statusCode], [200, 200]);
  });

  test('requires a token set on loopback too', async () => {
    const t = await testApp({ host: '127.0.0.1', token: TOKEN });
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

describe('token strength and failed authentications', () => {
  test('refuses to build a server with a token under 32 characters, and accepts 32', async () => {
    const store = await tempStore();
    await assert.rejects(buildApp({ store, token: 'a1'.repeat(15) + 'b' }), (err: unknown) => err instanceof ClaimtraceError && err.code === 'E_OPTION_INVALID' && /CLAIMTRACE_TOKEN: the token has 31 characters; use at least 32/.test(err.message));
    await assert.rejects(buildApp({ store, token: `${'a'.repeat(32)} b` }), /printable ASCII without spaces/);
    const app = await buildApp({ store, token: 'a1'.repeat(16), workers: 0 });
    await app.close();
    await store.close();
  });

  test('answers 429 E_AUTH_RATE_LIMITED after the allowed failures, even to the right token, and only to that client', async (ctx) => {
    // The clock stands still: on a loaded machine these requests may take over a second, and Retry-After would be 59.
    ctx.mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const t = await testApp({ token: TOKEN, rateLimit: { authFailures: 3 } });
    const wrong = () => t.app.inject({ ...analyze({ authorization: 'Bearer not-the-token' }), remoteAddress: '10.0.0.7' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await wrong()).statusCode);
    const right = await t.app.inject({ ...analyze({ authorization: `Bearer ${TOKEN}` }), remoteAddress: '10.0.0.7' });
    const read = await t.app.inject({ url: '/api/ratings', remoteAddress: '10.0.0.7' });
    const other = await t.app.inject({ ...analyze({ authorization: `Bearer ${TOKEN}` }), remoteAddress: '10.0.0.8' });
    ctx.mock.timers.tick(59_999);
    const stillBlocked = await t.app.inject({ ...analyze({ authorization: `Bearer ${TOKEN}` }), remoteAddress: '10.0.0.7' });
    ctx.mock.timers.tick(1);
    const afterWindow = await t.app.inject({ ...analyze({ authorization: `Bearer ${TOKEN}` }), remoteAddress: '10.0.0.7' });
    await t.close();
    assert.deepEqual(statuses, [401, 401, 401, 429]);
    assert.deepEqual([stillBlocked.statusCode, stillBlocked.headers['retry-after'], afterWindow.statusCode], [429, '1', 200]);
    assert.deepEqual([right.statusCode, right.headers['retry-after'], json(right).error.code], [429, '60', 'E_AUTH_RATE_LIMITED']);
    assert.equal(json(right).error.message, 'Too many failed authentications from this client: at most 3 per 1 min; retry in 60 s');
    assert.deepEqual([read.statusCode, other.statusCode], [200, 200]);
  });

  test('forgets failures when their window ends, and remembers a bounded number of clients', () => {
    const counter = createFailureCounter(2, 1000, 2);
    counter.fail('a', 0);
    counter.fail('a', 10);
    assert.deepEqual([counter.blockedFor('a', 20), counter.blockedFor('a', 1000)], [1, 0]);
    counter.fail('b', 2000);
    counter.fail('b', 2001);
    counter.fail('c', 2002);
    counter.fail('d', 2003);
    assert.equal(counter.blockedFor('b', 2004), 0);
  });

  test('reads the token only from a well-formed Bearer header', () => {
    const req = (authorization?: string) => ({ headers: { authorization } }) as never;
    assert.deepEqual(
      [hasToken(req(`Bearer ${TOKEN}`), TOKEN), hasToken(req(`bearer  ${TOKEN} `), TOKEN), hasToken(req(TOKEN), TOKEN), hasToken(req(`Bearer ${TOKEN}x`), TOKEN), hasToken(req(), TOKEN), hasToken(req('Bearer '), TOKEN)],
      [true, true, false, false, false, false],
    );
  });

  test('compares tokens in time that does not depend on where they differ', () => {
    const token = 'k'.repeat(65_536);
    const early = `x${token.slice(1)}`;
    const late = `${token.slice(0, -1)}x`;
    // The fastest of many single comparisons of each, interleaved: being descheduled or collecting garbage on a loaded
    // machine only ever adds time, so the minimum is the comparison's own cost (a median of ratios of sums was not:
    // on a busy 2-core machine it ranged from 0.1 to 5).
    const fastest = { early: Infinity, late: Infinity };
    let matched = 0;
    for (let round = 0; round < 400; round++) {
      for (const [name, given] of round % 2 === 0 ? ([['early', early], ['late', late]] as const) : ([['late', late], ['early', early]] as const)) {
        const start = process.hrtime.bigint();
        if (tokenMatches(given, token)) matched++;
        fastest[name] = Math.min(fastest[name], Number(process.hrtime.bigint() - start));
      }
    }
    // The answers are used, so that no compiler can drop a comparison whose result nothing reads.
    assert.equal(matched, 0);
    const ratio = fastest.late / fastest.early;
    // A plain === returns at the first differing character: "late" would take over ten times longer than "early".
    assert.ok(ratio > 0.5 && ratio < 2, `late/early ratio of the fastest comparisons ${ratio.toFixed(2)} (${fastest.late} ns / ${fastest.early} ns)`);
    assert.deepEqual([tokenMatches(token, token), tokenMatches(early, token), tokenMatches('', token)], [true, false, false]);
  });
});

describe('Host header (DNS rebinding)', () => {
  test('answers 403 E_HOST_FORBIDDEN to a host name the server does not answer to, for reads and writes', async () => {
    const t = await testApp();
    const read = await t.app.inject({ url: '/api/documents', headers: { host: 'rebind.attacker.example:8080' } });
    const write = await t.app.inject({ method: 'POST', url: '/api/documents/1/reviews', payload: {}, headers: { host: 'rebind.attacker.example:8080' } });
    await t.close();
    assert.deepEqual([read.statusCode, write.statusCode], [403, 403]);
    assert.deepEqual(json(read), { error: { code: 'E_HOST_FORBIDDEN', message: 'This server does not answer to the host name "rebind.attacker.example:8080" (a guard against DNS rebinding); its operator can add the name to its allowed hosts' } });
    assert.equal(read.headers['x-content-type-options'], 'nosniff');
  });

  test('on a real socket answers the loopback names on its own port only', async () => {
    const t = await listeningApp();
    const get = (host: string) => rawHttp(t.port, `GET /api/ratings HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    const results = [];
    for (const host of [`127.0.0.1:${t.port}`, `localhost:${t.port}`, `LOCALHOST.:${t.port}`, `[::1]:${t.port}`, `localhost:${t.port + 1}`, 'localhost', `rebind.example:${t.port}`, `127.0.0.1.nip.example:${t.port}`, '']) {
      results.push(`${host} ${(await get(host)).status}`);
    }
    const missing = await rawHttp(t.port, 'GET /api/ratings HTTP/1.0\r\n\r\n');
    await t.close();
    assert.deepEqual(results, [
      `127.0.0.1:${t.port} 200`, `localhost:${t.port} 200`, `LOCALHOST.:${t.port} 200`, `[::1]:${t.port} 200`, `localhost:${t.port + 1} 403`, 'localhost 403', `rebind.example:${t.port} 403`, `127.0.0.1.nip.example:${t.port} 403`, ' 403',
    ]);
    assert.equal(missing.status, 403);
  });

  test('answers the allowed hosts and the public URL host', async () => {
    const t = await listeningApp({ allowedHosts: ['Claims.Example.org', 'lan-box:9000'], publicUrl: 'https://review.example.net/desk' });
    const status = async (host: string) => (await rawHttp(t.port, `GET /api/ratings HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).status;
    const results = [await status('claims.example.org'), await status('claims.example.org:443'), await status('lan-box:9000'), await status('lan-box:9001'), await status('review.example.net'), await status('other.example.net')];
    await t.close();
    assert.deepEqual(results, [200, 200, 200, 403, 200, 403]);
  });

  test('checks X-Forwarded-Host behind a trusted proxy', async () => {
    const t = await testApp({ trustProxy: true, allowedHosts: ['claims.example.org'] });
    const good = await t.app.inject({ url: '/api/ratings', headers: { host: '127.0.0.1:8080', 'x-forwarded-host': 'claims.example.org' } });
    const bad = await t.app.inject({ url: '/api/ratings', headers: { host: '127.0.0.1:8080', 'x-forwarded-host': 'rebind.example' } });
    await t.close();
    assert.deepEqual([good.statusCode, bad.statusCode], [200, 403]);
  });

  test('accepts any Host with --allowed-hosts "*"', async () => {
    const t = await testApp({ allowedHosts: ['*'] });
    const res = await t.app.inject({ url: '/api/ratings', headers: { host: 'anything.example' } });
    await t.close();
    assert.equal(res.statusCode, 200);
  });

  test('a server bound to every interface answers its interface addresses on its port', () => {
    const check = createHostCheck({ host: '0.0.0.0', allowedHosts: [] });
    const addresses = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).filter((i) => i.family === 'IPv4').map((i) => i.address));
    assert.deepEqual(addresses.map((a) => check(`${a}:8080`, 8080)), addresses.map(() => true));
    assert.deepEqual([check('192.0.2.77:8080', 8080), check('0.0.0.0:8080', 8080), check('rebind.example:8080', 8080)], [false, false, false]);
  });

  test('refuses allowed hosts that are not host names, and public URLs that are not http(s)', async () => {
    const store = await tempStore();
    await assert.rejects(buildApp({ store, allowedHosts: ['http://x.example/'] }), /Invalid option --allowed-hosts: "http:\/\/x.example\/" is not a host name/);
    await assert.rejects(buildApp({ store, publicUrl: 'ftp://x.example/' }), /Invalid option --public-url: "ftp:\/\/x.example\/" is not an http\(s\) URL/);
    await store.close();
  });
});

describe('public URL', () => {
  test('is the configured URL ending in a slash, else the bound address', () => {
    const store = {} as never;
    assert.equal(resolveServerOptions({ store, publicUrl: 'https://claims.example.org/desk' }).publicUrl, 'https://claims.example.org/desk/');
    assert.equal(resolveServerOptions({ store, publicUrl: 'https://claims.example.org' }).publicUrl, 'https://claims.example.org/');
    assert.throws(() => resolveServerOptions({ store, publicUrl: 'https://claims.example.org/?a=1' }), /must have no query, fragment or credentials/);
    assert.deepEqual([defaultPublicUrl('127.0.0.1', 8080), defaultPublicUrl('::1', 8080), defaultPublicUrl('[::1]', 80), defaultPublicUrl('localhost')], ['http://127.0.0.1:8080/', 'http://[::1]:8080/', 'http://[::1]:80/', 'http://localhost/']);
  });
});

describe('413 over a real socket', () => {
  const SIX_MB = 6 * 1024 * 1024;
  const body = JSON.stringify({ text: 'The ferry left. '.repeat(SIX_MB / 16) });

  test('a client sending 6 MB with fetch reads the 413 and its JSON body', async () => {
    const t = await listeningApp();
    const res = await fetch(`http://127.0.0.1:${t.port}/api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = await res.json();
    await t.close();
    assert.equal(res.status, 413);
    assert.deepEqual(answer, { error: { code: 'E_BODY_TOO_LARGE', message: `The request body is ${Buffer.byteLength(body)} bytes, over this server's limit of 5242880 bytes` } });
    assert.doesNotMatch(answer.error.message, /--/);
  });

  test('a client that writes all 6 MB before it reads gets the 413 (it used to see a broken pipe)', async () => {
    const t = await listeningApp();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(t.port, '127.0.0.1');
      let text = '';
      socket.on('error', (err: NodeJS.ErrnoException) => resolve(`error ${err.code}`));
      socket.on('data', (chunk) => (text += chunk));
      socket.on('end', () => resolve(text));
      const head = `POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
      socket.write(head + body);
    });
    await t.close();
    assert.match(answer, /^HTTP\/1\.1 413 /);
    assert.equal(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code, 'E_BODY_TOO_LARGE');
  });

  test('a chunked 6 MB body (no Content-Length) gets the 413 and the connection stays usable', async () => {
    const t = await listeningApp();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ port: t.port, host: '127.0.0.1', path: '/api/analyze', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c)).on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      for (let i = 0; i < 6; i++) req.write(body.slice(i * (body.length / 6), (i + 1) * (body.length / 6)));
      req.end();
    });
    const second = await fetchVia(agent, t.port, '/api/ratings');
    agent.destroy();
    await t.close();
    assert.equal(first.status, 413);
    assert.equal(JSON.parse(first.text).error.code, 'E_BODY_TOO_LARGE');
    assert.equal(second, 200);
  });

  test('Expect: 100-continue with a declared 6 MB body gets 413 without being asked for the body', async () => {
    const t = await listeningApp();
    let continued = false;
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port: t.port, host: '127.0.0.1', path: '/api/analyze', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': SIX_MB, expect: '100-continue' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('continue', () => {
        continued = true;
        req.end(Buffer.alloc(SIX_MB, 32));
      });
      req.on('error', reject);
    });
    await t.close();
    assert.deepEqual([status, continued], [413, false]);
  });

  test('Expect: 100-continue under the limit is asked for its body', async () => {
    const t = await listeningApp({ analyzer: { analyze: async () => { throw new ClaimtraceError('E_INPUT_EMPTY', { input: 'text' }); }, close: async () => {} } });
    const payload = JSON.stringify({ text: 'The ferry left.' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ port: t.port, host: '127.0.0.1', path: '/api/analyze', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), expect: '100-continue' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('continue', () => req.end(payload));
      req.on('error', reject);
    });
    await t.close();
    assert.equal(status, 400);
  });
});

function fetchVia(agent: Agent, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request({ port, host: '127.0.0.1', path, agent }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    }).on('error', reject).end();
  });
}

describe('rate limits', () => {
  test('answers 429 E_RATE_LIMITED with Retry-After past the read limit', async (ctx) => {
    // The clock stands still: on a loaded machine these requests may take over a second, and Retry-After would be 59.
    ctx.mock.timers.enable({ apis: ['Date'], now: Date.now() });
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
      'GET /api/documents/{id}/export', 'GET /api/documents/{id}/match-decisions', 'GET /api/documents/{id}/reviews', 'GET /api/factchecks/match', 'GET /api/openapi.json', 'GET /api/outlets', 'GET /api/ratings',
      'GET /api/trace', 'GET /healthz', 'POST /api/analyze', 'POST /api/documents/{id}/claims/{claimId}/match-decisions', 'POST /api/documents/{id}/reviews', 'POST /api/factchecks',
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
