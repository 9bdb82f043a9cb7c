import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { Store } from '../store/types.js';
import type { PollResult, WatchSummary } from '../watch/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { number, oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;

interface WatchFlags {
  every: string;
  jitter: string;
  maxBackoff: string;
  hostDelay: string;
  robotsTtl: string;
  timeout: string;
  concurrency: string;
  db: string;
  queue?: string;
  queueName: string;
  once?: boolean;
  format: string;
  workers: string;
  maxBytes?: string;
  threshold?: string;
  models?: boolean;
}

/** Registers `claimtrace watch <feeds...>`: poll feeds on a schedule and ingest (or enqueue) their new items. */
export function registerWatch(program: Command, io: CliIo): void {
  program
    .command('watch')
    .description('poll RSS/Atom/JSON feeds on a schedule and ingest their new items (or enqueue them with --queue); state is kept in the store, so a restarted watch goes on where it stopped')
    .argument('<feeds...>', 'feed URLs (http or https)')
    .option('--every <duration>', 'how often each feed is polled (30s, 15m, 1h; at least 10s)', '15m')
    .option('--jitter <fraction>', 'each wait is drawn from every × (1 ± jitter), 0 to 0.5; new feeds start spread over one jitter span', '0.1')
    .option('--max-backoff <duration>', 'longest wait after repeated errors (the wait doubles from --every)', '6h')
    .option('--host-delay <duration>', 'least pause between two requests to one host (requests to a host go one at a time)', '2s')
    .option('--robots-ttl <duration>', "how long a site's robots.txt is kept", '1h')
    .option('--timeout <duration>', 'time limit of one feed fetch', '20s')
    .option('--concurrency <n>', 'feeds polled at once (over all hosts)', '4')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--queue <url>', 'enqueue new items on this Redis queue (redis://host[:port][/db]) for `claimtrace worker` instead of analysing here')
    .option('--queue-name <name>', 'with --queue: name of the queue', 'ingest')
    .option('--once', 'poll every feed once, now, and exit (for cron)')
    .option('-f, --format <format>', `a line per poll: ${FORMATS.join(', ')} (JSON Lines)`, 'text')
    .option('--workers <n>', 'without --queue: worker threads that analyse new items (0: on the main thread)', '1')
    .option('--max-bytes <n>', 'without --queue: largest article accepted, in bytes (default 5242880)')
    .option('--threshold <x>', 'without --queue: check-worthiness from which a claim is check-worthy, 0..1 (default 0.5)')
    .option('--no-models', 'without --queue: rule-based annotators only')
    .action(async (feeds: string[], flags: WatchFlags) => {
      io.setExitCode(await runWatchCommand(feeds, flags, io));
    });
}

async function runWatchCommand(feeds: string[], flags: WatchFlags, io: CliIo): Promise<number> {
  // Loaded here: the watch, the store and (without --queue) the analyser are this command's alone.
  const watch = await import('../watch/index.js');
  const { parseDuration } = watch;
  const everyMs = parseDuration(flags.every, '--every', 10_000);
  const jitter = fraction(flags.jitter, '--jitter');
  const schedule = { everyMs, jitter, maxBackoffMs: Math.max(everyMs, parseDuration(flags.maxBackoff, '--max-backoff')) };
  const hostDelayMs = parseDuration(flags.hostDelay, '--host-delay');
  const robotsTtlMs = parseDuration(flags.robotsTtl, '--robots-ttl');
  const timeoutMs = parseDuration(flags.timeout, '--timeout', 1);
  const concurrency = positiveInteger(flags.concurrency, '--concurrency');
  const format = oneOf(flags.format, FORMATS, '--format');
  for (const feed of feeds) feedUrl(feed);
  const controller = new AbortController();
  const fetch = { timeoutMs, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };
  const politeness = watch.createPoliteness({ hostDelayMs, robotsTtlMs, fetch });
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db);
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let summary: WatchSummary;
  try {
    const sink = await sinkFor(flags, store, politeness, controller.signal);
    summary = await watch.runWatch(feeds, {
      store, sink, schedule, hostDelayMs, robotsTtlMs, fetch, concurrency, once: flags.once === true, signal: controller.signal, ...politeness,
      onPoll: (result) => io.stdout.write(format === 'json' ? `${JSON.stringify({ schema: 'claimtrace/watch-poll@1', ...result })}\n` : pollLine(result)),
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await store.close();
  }
  io.stderr.write(`claimtrace: watch ${controller.signal.aborted ? 'stopped' : 'round done'}: ${summary.polls} polls, ${summary.newItems} new items, ${summary.delivered} ${flags.queue ? 'enqueued' : 'stored'}, ${summary.failed} failed, ${summary.errors} polls failed\n`);
  return flags.once && summary.errors > 0 ? EXIT.inputError : EXIT.ok;
}

/** Where new items go: the queue with --queue, else analysis into the store on this machine. */
async function sinkFor(flags: WatchFlags, store: Store, politeness: Pick<import('../watch/index.js').WatchOptions, 'gate' | 'robots'>, signal: AbortSignal) {
  if (flags.queue !== undefined) {
    const { createQueueSink } = await import('../watch/queue-sink.js');
    return createQueueSink(flags.queue, flags.queueName);
  }
  const [{ resolveOptions }, { createStoreSink }] = await Promise.all([import('../engine/options.js'), import('../watch/store-sink.js')]);
  const analyze = resolveOptions({
    ...(flags.maxBytes === undefined ? {} : { maxBytes: number(flags.maxBytes, '--max-bytes') }),
    ...(flags.threshold === undefined ? {} : { threshold: number(flags.threshold, '--threshold') }),
    models: flags.models !== false,
  });
  return createStoreSink(store, { analyze, workers: wholeNumber(flags.workers, '--workers'), gate: politeness.gate!, robots: politeness.robots!, signal });
}

/** The text line of one poll. */
function pollLine(r: PollResult): string {
  const next = `next ${r.nextPollAt}`;
  if (r.outcome === 'not-modified') return `${r.at} 304 ${r.feed}: not modified; ${next}\n`;
  if (r.error) return `${r.at} ${r.outcome === 'disallowed' ? 'disallowed' : 'error'} ${r.feed}: ${r.error.code}: ${r.error.message}; ${next}\n`;
  const retry = r.retry > 0 ? `, ${r.retry} to retry` : '';
  return `${r.at} ${r.status} ${r.feed}: ${r.items} items, ${r.newItems} new, ${r.delivered} delivered, ${r.failed} failed${retry}; ${next}\n`;
}

function feedUrl(raw: string): void {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new ClaimtraceError('E_URL_INVALID', { url: raw });
}

function fraction(raw: string, option: string): number {
  const value = number(raw, option);
  if (value < 0 || value > 0.5) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not between 0 and 0.5` });
  return value;
}

function wholeNumber(raw: string, option: string): number {
  const value = number(raw, option);
  if (!Number.isInteger(value) || value < 0) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not a whole number` });
  return value;
}
