import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import { checkHostPolicy, isLoopbackHost } from '../server/options.js';
import { DEFAULT_DB_PATH, openSqliteStore } from '../store/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { number, positiveInteger } from './ingest-command.js';

interface ServeFlags {
  port: string;
  host: string;
  db: string;
  maxConcurrent?: string;
  maxQueue?: string;
  rateLimit?: string;
  models?: boolean;
}

/** Registers `claimtrace serve [--port 8080] [--host 127.0.0.1] [--db PATH]`: the web app and HTTP API until SIGINT or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the reviewer web app and the HTTP API (docs/api.md) until Ctrl-C; any host but loopback requires CLAIMTRACE_TOKEN')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <host>', 'address to bind; other than 127.0.0.1/::1/localhost needs CLAIMTRACE_TOKEN', '127.0.0.1')
    .option('--db <path>', 'SQLite database file (created when missing)', DEFAULT_DB_PATH)
    .option('--max-concurrent <n>', 'analyses at once, each on a worker thread (default: CPU cores)')
    .option('--max-queue <n>', 'analyses waiting before 503 busy (default 16)')
    .option('--rate-limit <n>', 'analyses per client IP and minute (default 120; reads get ten times as many)')
    .option('--no-models', 'rule-based annotators only, without the trained models in models/')
    .action(async (flags: ServeFlags) => {
      io.setExitCode(await runServe(flags, io));
    });
}

function port(raw: string): number {
  const value = number(raw, '--port');
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--port', reason: `"${raw}" is not a port from 0 to 65535` });
  return value;
}

function queueSize(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const value = number(raw, '--max-queue');
  if (!Number.isInteger(value) || value < 0) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--max-queue', reason: `"${raw}" is not a whole number` });
  return value;
}

function rateLimits(raw: string | undefined) {
  if (raw === undefined) return undefined;
  const analyze = positiveInteger(raw, '--rate-limit');
  return { analyze, write: analyze, read: analyze * 10 };
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  const token = io.env.CLAIMTRACE_TOKEN || undefined;
  const options = {
    host: flags.host,
    token,
    maxConcurrent: flags.maxConcurrent === undefined ? undefined : positiveInteger(flags.maxConcurrent, '--max-concurrent'),
    maxQueue: queueSize(flags.maxQueue),
    rateLimit: rateLimits(flags.rateLimit),
    analyze: { models: flags.models !== false },
    logger: 'error' as const,
  };
  const listenPort = port(flags.port);
  checkHostPolicy(flags.host, token);
  const store = await openSqliteStore(flags.db);
  try {
    // Loaded here so that other commands start without Fastify.
    const { buildApp } = await import('../server/app.js');
    const app = await buildApp({ store, ...options });
    await app.listen({ host: flags.host, port: listenPort });
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const guard = token ? 'writes need the token' : isLoopbackHost(flags.host) ? 'this machine only' : '';
    io.stdout.write(`claimtrace serving http://${host}:${address.port}/ (database ${store.location}; ${guard}); Ctrl-C stops\n`);
    const signal = await untilSignal();
    io.stderr.write(`claimtrace: ${signal}: closing\n`);
    await app.close();
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
