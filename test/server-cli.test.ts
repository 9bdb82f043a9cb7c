import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { cli, tempFiles } from './cli-helpers.js';
import { rawHttp } from './server-helpers.js';

/** Starts `claimtrace serve` in a child process and resolves with it and the URL it prints. */
function startServe(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CLAIMTRACE_TOKEN: '', ...env } });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr: err })));
  return { child, url, exited };
}

test('serve prints its URL, answers the health check, and exits cleanly on SIGTERM', async () => {
  const { dir } = tempFiles({});
  const db = join(dir, 'serve.db');
  const server = startServe(['--port', '0', '--db', db, '--max-concurrent', '1']);
  const url = await server.url;
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const health = (await (await fetch(`${url}healthz`)).json()) as { documents: number };
  assert.deepEqual(health.documents, 0);
  server.child.kill('SIGTERM');
  const { code, stderr } = await server.exited;
  assert.deepEqual([code, stderr], [0, 'claimtrace: SIGTERM: closing\n']);
  assert.equal(existsSync(db), true);
});

test('serve refuses a non-loopback host without CLAIMTRACE_TOKEN, before creating the database', async () => {
  const { dir } = tempFiles({});
  const db = join(dir, 'refused.db');
  const res = await cli(['serve', '--host', '0.0.0.0', '--port', '0', '--db', db]);
  assert.equal(res.code, 2);
  assert.match(res.stderr, /^claimtrace: E_OPTION_INVALID: Invalid option --host: 0\.0\.0\.0 is reachable from other machines/);
  assert.equal(existsSync(db), false);
});

test('serve refuses a port out of range', async () => {
  const res = await cli(['serve', '--port', '70000']);
  assert.equal(res.code, 2);
  assert.equal(res.stderr, 'claimtrace: E_OPTION_INVALID: Invalid option --port: "70000" is not a port from 0 to 65535\n');
});

test('serve on a busy port says E_PORT_IN_USE and exits 2', { timeout: 120_000 }, async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const busy = (holder.address() as AddressInfo).port;
  const { dir } = tempFiles({});
  const server = startServe(['--port', String(busy), '--db', join(dir, 'busy.db'), '--max-concurrent', '1']);
  server.url.catch(() => undefined);
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 100_000);
  const { code, stderr } = await server.exited;
  clearTimeout(timer);
  holder.close();
  assert.equal(stderr, `claimtrace: E_PORT_IN_USE: Port ${busy} on 127.0.0.1 is already in use: stop the program using it or choose another --port\n`);
  assert.equal(code, 2);
});

test('serve refuses a token under 32 characters with exit 2, before creating the database', async () => {
  const { dir } = tempFiles({});
  const db = join(dir, 'short-token.db');
  const res = await cli(['serve', '--port', '0', '--db', db], { env: { CLAIMTRACE_TOKEN: 'short-secret' } });
  assert.equal(res.code, 2);
  assert.equal(res.stderr, 'claimtrace: E_OPTION_INVALID: Invalid option CLAIMTRACE_TOKEN: the token has 12 characters; use at least 32 random ones (for example the output of: openssl rand -hex 32)\n');
  assert.equal(existsSync(db), false);
});

test('serve refuses an allowed host that is not a host name, and a public URL that is not http(s)', async () => {
  const hosts = await cli(['serve', '--port', '0', '--allowed-hosts', 'ok.example,https://bad.example/']);
  const url = await cli(['serve', '--port', '0'], { env: { CLAIMTRACE_PUBLIC_URL: 'javascript:alert(1)' } });
  assert.deepEqual([hosts.code, hosts.stderr], [2, 'claimtrace: E_OPTION_INVALID: Invalid option --allowed-hosts: "https://bad.example/" is not a host name or address, with an optional :port\n']);
  assert.deepEqual([url.code, url.stderr], [2, 'claimtrace: E_OPTION_INVALID: Invalid option --public-url: "javascript:alert(1)" is not an http(s) URL\n']);
});

test('serve answers the hosts of --allowed-hosts and CLAIMTRACE_PUBLIC_URL and refuses others', { timeout: 120_000 }, async () => {
  const { dir } = tempFiles({});
  const server = startServe(['--port', '0', '--db', join(dir, 'hosts.db'), '--max-concurrent', '1', '--allowed-hosts', 'desk.example, lan-box:9000'], { CLAIMTRACE_PUBLIC_URL: 'https://claims.example.org/' });
  const url = await server.url;
  const port = Number(new URL(url).port);
  const status = async (host: string) => (await rawHttp(port, `GET /healthz HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`)).status;
  const results = [await status(`localhost:${port}`), await status('desk.example'), await status('lan-box:9000'), await status('claims.example.org'), await status(`rebind.example:${port}`)];
  server.child.kill('SIGTERM');
  const { code } = await server.exited;
  assert.deepEqual(results, [200, 200, 200, 200, 403]);
  assert.equal(code, 0);
});
