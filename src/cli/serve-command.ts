import type { AddressInfo } from 'node:net';
import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
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
  allowedHosts?: string;
  publicUrl?: string;
  models?: boolean;
}

/** Registers `claimtrace serve [--port 8080] [--host 127.0.0.1] [--db PATH]`: the web app and HTTP API until SIGINT or SIGTERM. */
export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the reviewer web app and the HTTP API (docs/api.md) until Ctrl-C; any host but loopback requires CLAIMTRACE_TOKEN')
    .option('--port <n>', 'TCP port (0: any free port)', '8080')
    .option('--host <host>', 'address to bind; other than 127.0.0.1/::1/localhost needs CLAIMTRACE_TOKEN (32+ characters)', '127.0.0.1')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--max-concurrent <n>', 'analyses at once, each on a worker thread (default: CPU cores)')
    .option('--max-queue <n>', 'analyses waiting before 503 busy (default 16)')
    .option('--rate-limit <n>', 'analyses per client IP and minute (default 120; reads get ten times as many)')
    .option('--allowed-hosts <list>', 'host names the server answers to besides its address and localhost, comma-separated, name or name:port; * for any (env CLAIMTRACE_ALLOWED_HOSTS)')
    .option('--public-url <url>', 'the URL clients reach the server at, for links and IRIs in exports (env CLAIMTRACE_PUBLIC_URL; default http://HOST:PORT/)')
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

/** A comma-separated list, or undefined when neither the flag nor the variable gives one. */
function list(raw: string | undefined): string[] | undefined {
  return raw === undefined ? undefined : raw.split(',');
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

/** Why `listen` failed, in the catalogue's words: E_PORT_IN_USE, or E_OPTION_INVALID for a port or host this process cannot bind. */
export function listenError(err: unknown, host: string, listenPort: number): unknown {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return new ClaimtraceError('E_PORT_IN_USE', { port: listenPort, host });
  if (code === 'EACCES') return new ClaimtraceError('E_OPTION_INVALID', { option: '--port', reason: `this user may not bind port ${listenPort} on ${host} (ports below 1024 need privileges)` });
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ClaimtraceError('E_OPTION_INVALID', { option: '--host', reason: `${host} is not an address of this machine` });
  return err;
}

async function runServe(flags: ServeFlags, io: CliIo): Promise<number> {
  // Loaded here so that other commands start without Fastify, the store or the engine.
  const { checkHostPolicy, checkToken, isLoopbackHost, normalizeAllowedHosts, normalizePublicUrl } = await import('../server/options.js');
  const token = io.env.CLAIMTRACE_TOKEN || undefined;
  const publicUrl = flags.publicUrl ?? (io.env.CLAIMTRACE_PUBLIC_URL || undefined);
  const options = {
    host: flags.host,
    token,
    maxConcurrent: flags.maxConcurrent === undefined ? undefined : positiveInteger(flags.maxConcurrent, '--max-concurrent'),
    maxQueue: queueSize(flags.maxQueue),
    rateLimit: rateLimits(flags.rateLimit),
    allowedHosts: normalizeAllowedHosts(list(flags.allowedHosts ?? io.env.CLAIMTRACE_ALLOWED_HOSTS) ?? []),
    publicUrl: publicUrl === undefined ? undefined : normalizePublicUrl(publicUrl),
    analyze: { models: flags.models !== false },
    logger: 'error' as const,
  };
  const listenPort = port(flags.port);
  checkToken(token);
  checkHostPolicy(flags.host, token);
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db);
  try {
    const { buildApp } = await import('../server/app.js');
    const app = await buildApp({ store, ...options });
    try {
      await app.listen({ host: flags.host, port: listenPort });
    } catch (err) {
      await app.close();
      throw listenError(err, flags.host, listenPort);
    }
    const address = app.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const guard = token ? 'writes need the token' : isLoopbackHost(flags.host) ? 'this machine only' : '';
    const shown = options.publicUrl ? `; public URL ${options.publicUrl}` : '';
    io.stdout.write(`claimtrace serving http://${host}:${address.port}/ (database ${store.location}; ${guard}${shown}); Ctrl-C stops\n`);
    const signal = await untilSignal();
    io.stderr.write(`claimtrace: ${signal}: closing\n`);
    await app.close();
  } finally {
    await store.close();
  }
  return EXIT.ok;
}
