import type { Command } from 'commander';
import type { ConsumerEvent, ConsumerSummary } from '../queue/index.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { analysisFlags, oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;
/** Test hook (documented in the README): every job sleeps this many ms first, so that a test can kill a worker mid-job. */
export const TEST_DELAY_ENV = 'CLAIMTRACE_QUEUE_TEST_DELAY_MS';

interface WorkerFlags {
  queue: string;
  queueName: string;
  db: string;
  concurrency: string;
  lockDuration: string;
  stalledInterval: string;
  maxStalled: string;
  storeRetry: string;
  untilEmpty?: boolean;
  force?: boolean;
  format: string;
  maxBytes?: string;
  threshold?: string;
  deadline?: string;
  deadlinePerMb?: string;
  models?: boolean;
}

/** Registers `claimtrace worker --queue URL --db TARGET`: take ingest jobs from the queue and store their articles. */
export function registerWorker(program: Command, io: CliIo): void {
  program
    .command('worker')
    .description('take ingest jobs from a Redis queue (filled by `ingest --queue`), analyse them and store them; stops cleanly on SIGTERM/SIGINT')
    .requiredOption('--queue <url>', 'the queue: redis://host[:port][/db] (rediss:// for TLS)')
    .option('--queue-name <name>', 'name of the queue', 'ingest')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--concurrency <n>', 'jobs held at once by this process (analysis runs one at a time on its one analysis thread; the others fetch or store meanwhile)', '2')
    .option('--lock-duration <ms>', "how long a job's lock lasts without renewal: a killed worker's jobs are taken up again after about this long", '30000')
    .option('--stalled-interval <ms>', 'how often this worker looks for jobs whose worker died', '15000')
    .option('--max-stalled <n>', 'times a job may be found stalled before it is failed as E_JOB_STALLED', '2')
    .option('--store-retry <ms>', 'when the store fails (E_STORE_*), pause this long and put the job back without spending an attempt', '5000')
    .option('--until-empty', 'exit once no job is waiting, delayed or active (batch runs, benchmarks)')
    .option('--force', 're-analyse articles already stored with the same text and pipeline')
    .option('-f, --format <format>', `output: ${FORMATS.join(', ')} (json: one NDJSON event per job on stdout)`, 'text')
    .option('--max-bytes <n>', 'largest article accepted, in bytes (default 5242880)')
    .option('--threshold <x>', 'check-worthiness from which a claim is check-worthy, 0..1 (default 0.5)')
    .option('--deadline <ms>', 'hard time limit of one analysis, in ms, plus --deadline-per-mb for each MB (default 60000)')
    .option('--deadline-per-mb <ms>', 'what each MB of input adds to --deadline, in ms (default 20000)')
    .option('--no-models', 'rule-based annotators only, without the trained models in models/')
    .action(async (flags: WorkerFlags) => {
      io.setExitCode(await runWorker(flags, io));
    });
}

async function runWorker(flags: WorkerFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const concurrency = positiveInteger(flags.concurrency, '--concurrency');
  const lockDurationMs = positiveInteger(flags.lockDuration, '--lock-duration');
  const stalledIntervalMs = positiveInteger(flags.stalledInterval, '--stalled-interval');
  const maxStalledCount = positiveInteger(flags.maxStalled, '--max-stalled');
  const storeRetryMs = positiveInteger(flags.storeRetry, '--store-retry');
  const testDelay = io.env[TEST_DELAY_ENV];
  const testDelayMs = testDelay ? positiveInteger(testDelay, TEST_DELAY_ENV) : undefined;
  // Loaded here: the queue client, the analyser and the store are this command's alone.
  const [{ parseQueueUrl, startConsumer }, { resolveOptions }, { openStore }] = await Promise.all([import('../queue/index.js'), import('../engine/analyze.js'), import('../store/open.js')]);
  const target = parseQueueUrl(flags.queue, flags.queueName);
  const analyze = resolveOptions(analysisFlags(flags));
  const store = await openStore(flags.db);
  const onEvent = (event: ConsumerEvent) => (format === 'json' ? io.stdout.write(`${JSON.stringify(event)}\n`) : io.stderr.write(eventLine(event)));
  let signals = 0;
  let stop: ((force?: boolean) => unknown) | undefined;
  // The first signal lets the jobs in hand finish; a second abandons them (their locks expire and another worker takes them up).
  const onSignal = () => void stop?.(++signals > 1);
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  let summary: ConsumerSummary;
  try {
    const consumer = await startConsumer(target, store, { analyze, concurrency, lockDurationMs, stalledIntervalMs, maxStalledCount, storeRetryMs, untilEmpty: flags.untilEmpty === true, force: flags.force === true, testDelayMs, onEvent });
    stop = (force) => consumer.stop(force);
    if (signals > 0) void consumer.stop();
    summary = await consumer.done;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
  }
  const rate = Math.round(summary.rate * 100) / 100;
  io.stdout.write(
    format === 'json'
      ? `${JSON.stringify({ schema: 'claimtrace/worker-summary@1', queue: target.name, db: flags.db, ...summary, elapsedMs: Math.round(summary.elapsedMs), rate })}\n`
      : `claimtrace worker: ${summary.completed} done (${summary.inserted} ingested, ${summary.updated} updated, ${summary.unchanged} unchanged), ${summary.failed} failed for good, ${summary.retried} to retry, in ${(summary.elapsedMs / 1000).toFixed(1)} s (${rate} jobs/s)\n`,
  );
  return EXIT.ok;
}

/** One stderr line per event in text format. */
function eventLine(event: ConsumerEvent): string {
  switch (event.event) {
    case 'ready':
      return `claimtrace worker: taking jobs from queue ${event.queue}\n`;
    case 'active':
      return '';
    case 'completed':
      return `claimtrace worker: ${event.input}: ${event.status} (document ${event.documentId})\n`;
    case 'failed':
      return `claimtrace worker: ${event.input}: ${event.code}: ${event.message}${event.final ? ' (given up)' : ` (attempt ${event.attempt}; will retry)`}\n`;
    case 'paused':
      return `claimtrace worker: the store failed on ${event.input} (${event.code}: ${event.message}); pausing ${event.ms} ms, the job is queued again\n`;
    case 'stalled':
      return `claimtrace worker: job ${event.jobId} was left by a worker that stopped; it is queued again\n`;
    case 'error':
      return `claimtrace worker: queue error: ${event.message}\n`;
  }
}
