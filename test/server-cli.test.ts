import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli, tempFiles } from './cli-helpers.js';

/** Starts `claimtrace serve` in a child process and resolves with it and the URL it prints. */
function startServe(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CLAIMTRACE_TOKEN: '' } });
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
