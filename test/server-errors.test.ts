import assert from 'node:assert/strict';
import { maxHeaderSize } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { ClaimtraceError, type ErrorCode } from '../src/core/errors.js';
import { clientError, httpStatusFor } from '../src/server/errors.js';
import { isLoopbackHost } from '../src/server/options.js';
import { json, listeningApp, rawHttp, testApp } from './server-helpers.js';

const STATUSES: [ErrorCode, number][] = [
  ['E_INPUT_EMPTY', 400], ['E_INPUT_BINARY', 400], ['E_URL_INVALID', 400], ['E_REQUEST_INVALID', 400], ['E_OPTION_INVALID', 400],
  ['E_URL_FORBIDDEN', 403], ['E_UNAUTHORIZED', 401], ['E_NOT_FOUND', 404], ['E_INPUT_TOO_LARGE', 413], ['E_RATE_LIMITED', 429],
  ['E_BUSY', 503], ['E_TIMEOUT', 504], ['E_URL_TIMEOUT', 504], ['E_URL_UNREACHABLE', 502], ['E_URL_HTTP_STATUS', 502],
  ['E_URL_TOO_MANY_REDIRECTS', 502], ['E_URL_CONTENT_TYPE', 502], ['E_STORE_UNREADABLE', 500], ['E_INTERNAL', 500],
  ['E_HOST_FORBIDDEN', 403], ['E_METHOD_NOT_ALLOWED', 405], ['E_REQUEST_TIMEOUT', 408], ['E_BODY_TOO_LARGE', 413], ['E_MEDIA_TYPE_UNSUPPORTED', 415],
  ['E_AUTH_RATE_LIMITED', 429], ['E_HEADERS_TOO_LARGE', 431], ['E_URL_TOO_LARGE', 502],
];

for (const [code, status] of STATUSES) {
  test(`maps ${code} to HTTP ${status}`, () => {
    assert.equal(httpStatusFor(code), status);
  });
}

const HOSTS: [string, boolean][] = [['127.0.0.1', true], ['127.1.2.3', true], ['::1', true], ['[::1]', true], ['localhost', true], ['0.0.0.0', false], ['::', false], ['192.168.1.4', false], ['example.org', false]];

for (const [host, loopback] of HOSTS) {
  test(`treats ${host} as ${loopback ? 'loopback' : 'reachable from other machines'}`, () => {
    assert.equal(isLoopbackHost(host), loopback);
  });
}

describe('bad parameters are 400 E_REQUEST_INVALID, never 500', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  const CASES: [string, string][] = [
    ['/api/documents?offset=1e20', 'querystring offset must be <= 1000000000'],
    ['/api/documents?limit=Infinity', 'querystring limit must be a finite number'],
    ['/api/documents?limit=-Infinity', 'querystring limit must be a finite number'],
    ['/api/documents?limit=1e400', 'querystring limit must be a finite number'],
    ['/api/documents?offset=NaN', 'querystring offset must be integer'],
    ['/api/documents?from=2024-13-45', 'querystring from must be a date that exists: 2024, 2024-03, 2024-03-14 or an ISO 8601 date-time'],
    ['/api/documents?to=2023-02-29', 'querystring to must be a date that exists: 2024, 2024-03, 2024-03-14 or an ISO 8601 date-time'],
    ['/api/documents?q=x&from=2024-01-01T24:00', 'querystring from must be a date that exists: 2024, 2024-03, 2024-03-14 or an ISO 8601 date-time'],
    ['/api/documents/1e20', 'params id must be <= 9007199254740991'],
    ['/api/documents/99999999999999999999/reviews', 'params id must be <= 9007199254740991'],
    [`/api/documents/${'1'.repeat(150)}`, 'a path parameter is longer than 100 characters'],
    ['/api/trace?q=ferry&limit=Infinity', 'querystring limit must be a finite number'],
    ['/api/trace?q=ferry&threshold=Infinity', 'querystring threshold must be a finite number'],
  ];
  for (const [url, reason] of CASES) {
    test(`GET ${url}`, async () => {
      const res = await t.app.inject(url);
      assert.deepEqual([res.statusCode, json(res)], [400, { error: { code: 'E_REQUEST_INVALID', message: `Invalid request: ${reason}` } }]);
    });
  }

  test('accepts real dates, a leap day among them', async () => {
    const statuses = [];
    for (const date of ['2024', '2024-02', '2024-02-29', '2024-02-29T23:59:59Z', '2024-02-29 08:15+01:00']) statuses.push((await t.app.inject(`/api/documents?from=${encodeURIComponent(date)}`)).statusCode);
    assert.deepEqual(statuses, [200, 200, 200, 200, 200]);
  });

  test('refuses an analysis whose published date does not exist', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'The ferry left at noon.', published: '2024-13-45' } });
    assert.deepEqual([res.statusCode, json(res).error.message], [400, 'Invalid request: body published must be a date that exists: 2024, 2024-03, 2024-03-14 or an ISO 8601 date-time']);
  });

  for (const [name, payload, reason] of [
    ['a "__proto__" key', '{"text":"The ferry left.","__proto__":{"polluted":1}}', 'a "__proto__" key is not accepted in a JSON body'],
    ['a nested, escaped "__proto__" key', '{"text":"The ferry left.","meta":{"\\u005f_proto__":{}}}', 'a "__proto__" key is not accepted in a JSON body'],
    ['"constructor.prototype"', '{"text":"The ferry left.","constructor":{"prototype":{"polluted":1}}}', 'a "constructor" key holding "prototype" is not accepted in a JSON body'],
    ['malformed JSON', '{"text": ', 'the body is not valid JSON'],
    ['an empty body', '', 'the body is empty; send a JSON object'],
    ['JSON nested 100,000 deep (V8 takes seconds to parse a million)', `{"text":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, 'the JSON body is nested deeper than 64 levels'],
  ] as const) {
    test(`refuses ${name} in a JSON body`, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/json' }, payload });
      assert.equal(res.statusCode, 400);
      assert.equal(json(res).error.code, 'E_REQUEST_INVALID');
      assert.ok(json(res).error.message.startsWith(`Invalid request: ${reason}`), json(res).error.message);
      assert.equal(({} as Record<string, unknown>).polluted, undefined);
    });
  }

  test('answers 415 E_MEDIA_TYPE_UNSUPPORTED to a body that is not JSON', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'text/plain' }, payload: 'The ferry left.' });
    assert.deepEqual([res.statusCode, json(res)], [415, { error: { code: 'E_MEDIA_TYPE_UNSUPPORTED', message: 'Content-Type "text/plain" is not accepted: send application/json' } }]);
  });

  test('answers 405 E_METHOD_NOT_ALLOWED with Allow to a method a path has no route for', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/api/documents/3' });
    assert.deepEqual([res.statusCode, res.headers.allow, json(res)], [405, 'GET, HEAD', { error: { code: 'E_METHOD_NOT_ALLOWED', message: 'DELETE is not allowed on /api/documents/3; allowed: GET, HEAD' } }]);
  });
});

describe("Fastify's and Node's own refusals over a real socket use the same error body", () => {
  let t: Awaited<ReturnType<typeof listeningApp>>;
  before(async () => {
    t = await listeningApp();
  });
  after(() => t.close());
  const host = () => `Host: 127.0.0.1:${t.port}\r\nConnection: close`;

  test('a malformed percent-encoding in the path is 400 E_REQUEST_INVALID', async () => {
    const res = await rawHttp(t.port, `GET /api/documents/%E0%A4%A HTTP/1.1\r\n${host()}\r\n\r\n`);
    assert.deepEqual([res.status, JSON.parse(res.body)], [400, { error: { code: 'E_REQUEST_INVALID', message: 'Invalid request: the URL has a malformed percent-encoding' } }]);
  });

  test('headers over the limit are 431 E_HEADERS_TOO_LARGE', async () => {
    const res = await rawHttp(t.port, `GET /api/documents HTTP/1.1\r\n${host()}\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.equal(res.status, 431);
    assert.deepEqual(JSON.parse(res.body), { error: { code: 'E_HEADERS_TOO_LARGE', message: `The request headers are larger than this server accepts (${maxHeaderSize} bytes)` } });
  });

  test('an unknown method is 400 E_REQUEST_INVALID', async () => {
    const res = await rawHttp(t.port, `BREW /api/documents HTTP/1.1\r\n${host()}\r\n\r\n`);
    assert.deepEqual([res.status, JSON.parse(res.body)], [400, { error: { code: 'E_REQUEST_INVALID', message: 'Invalid request: the HTTP method is not one this server knows' } }]);
  });

  test('a Content-Length that is not a number is 400 E_REQUEST_INVALID', async () => {
    const res = await rawHttp(t.port, `POST /api/analyze HTTP/1.1\r\n${host()}\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n`);
    assert.deepEqual([res.status, JSON.parse(res.body).error.code], [400, 'E_REQUEST_INVALID']);
  });

  test('malformed JSON is 400 and leaves the connection open', async () => {
    const res = await rawHttp(t.port, `POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{x`);
    assert.equal(res.status, 400);
    assert.doesNotMatch(res.headers, /connection: close/i);
  });
});

describe('size errors in the API never name a CLI flag', () => {
  for (const [input, code, status] of [['https://news.example/long-read', 'E_URL_TOO_LARGE', 502], ['text', 'E_BODY_TOO_LARGE', 413]] as const) {
    test(`E_INPUT_TOO_LARGE for ${input} is answered ${status} ${code}`, async () => {
      const analyzer = { analyze: async () => { throw new ClaimtraceError('E_INPUT_TOO_LARGE', { input, size: 6_000_000, limit: 5_242_880 }); }, close: async () => {} };
      const t = await testApp({ analyzer });
      const res = await t.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'The ferry left.' } });
      await t.close();
      assert.deepEqual([res.statusCode, json(res).error.code], [status, code]);
      assert.doesNotMatch(json(res).error.message, /--max-bytes/);
      assert.match(json(res).error.message, /6000000 bytes, over this server's limit of 5242880 bytes/);
    });
  }
});

test("maps the HTTP parser's refusals to codes: a request not received in time is 408 E_REQUEST_TIMEOUT", () => {
  const timeout = clientError('ERR_HTTP_REQUEST_TIMEOUT', 35_000);
  assert.deepEqual([timeout.code, httpStatusFor(timeout.code), timeout.message], ['E_REQUEST_TIMEOUT', 408, 'The request was not received in full within 35000 ms']);
  assert.deepEqual(['HPE_HEADER_OVERFLOW', 'HPE_INVALID_METHOD', 'HPE_SOMETHING_NEW'].map((code) => clientError(code, 1).code), ['E_HEADERS_TOO_LARGE', 'E_REQUEST_INVALID', 'E_REQUEST_INVALID']);
});
