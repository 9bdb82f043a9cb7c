import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ErrorCode } from '../src/core/errors.js';
import { httpStatusFor } from '../src/server/errors.js';
import { isLoopbackHost } from '../src/server/options.js';

const STATUSES: [ErrorCode, number][] = [
  ['E_INPUT_EMPTY', 400], ['E_INPUT_BINARY', 400], ['E_URL_INVALID', 400], ['E_REQUEST_INVALID', 400], ['E_OPTION_INVALID', 400],
  ['E_URL_FORBIDDEN', 403], ['E_UNAUTHORIZED', 401], ['E_NOT_FOUND', 404], ['E_INPUT_TOO_LARGE', 413], ['E_RATE_LIMITED', 429],
  ['E_BUSY', 503], ['E_TIMEOUT', 504], ['E_URL_TIMEOUT', 504], ['E_URL_UNREACHABLE', 502], ['E_URL_HTTP_STATUS', 502],
  ['E_URL_TOO_MANY_REDIRECTS', 502], ['E_URL_CONTENT_TYPE', 502], ['E_STORE_UNREADABLE', 500], ['E_INTERNAL', 500],
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
