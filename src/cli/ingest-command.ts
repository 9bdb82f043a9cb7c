import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import type { IngestSummary, ProgressReporter } from '../ingest/index.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;
const FORMATS = ['text', 'json'] as const;

interface IngestFlags {
  db: string;
  format: string;
  progressEvery: string;
  force?: boolean;
  maxBytes?: string;
  threshold?: string;
  deadline?: string;
  deadlinePerMb?: string;
  models?: boolean;
  workers: string;
  queue?: string;
  queueName: string;
  attempts: string;
  backoff: string;
}

/** Registers `claimtrace ingest <inputs...> --db PATH`: analyse articles and store them, one commit per article. */
export function registerIngest(program: Command, io: CliIo): void {
  program
    .command('ingest')
    .description('analyse articles and store them in a corpus database: files (text, HTML, .gz), folders (recursively), JSON Lines, feeds (RSS, Atom, JSON Feed), sitemaps, URL lists and URLs; or hand them to queue workers (--queue)')
    .argument('<inputs...>', 'files, folders, .jsonl files of {url?, html?|text?, title?, published?, site?} records, feeds, sitemaps (.xml, .xml.gz), URL lists (one URL a line, # comments) or http(s) URLs; recognised by content')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('-f, --format <format>', `summary format: ${FORMATS.join(', ')}`, 'text')
    .option('--progress-every <n>', 'when stderr is not a terminal: an NDJSON progress event every n inputs (on a terminal: a progress bar)', '100')
    .option('--force', 're-analyse articles already stored with the same text and pipeline')
    .option('--max-bytes <n>', 'largest input accepted, in bytes, for a file, a decompressed .gz and each JSON line (default 5242880)')
    .option('--threshold <x>', 'check-worthiness from which a claim is check-worthy, 0..1 (default 0.5)')
    .option('--workers <n>', 'worker threads that analyse articles (0: none, all on the main thread; default: one per core, beside the store writer on the main thread, which is idle ~60 % of the time)', String(availableParallelism()))
    .option('--deadline <ms>', 'hard time limit of one analysis on a worker thread, in ms, plus --deadline-per-mb for each MB; past it the article is recorded E_TIMEOUT and the run goes on (default 60000; none with --workers 0)')
    .option('--deadline-per-mb <ms>', 'what each MB of input adds to --deadline, in ms (default 20000)')
    .option('--no-models', 'rule-based annotators only, without the trained models in models/')
    .option('--queue <url>', 'enqueue one job per article on this Redis queue (redis://host[:port][/db]) for `claimtrace worker` instead of analysing here')
    .option('--queue-name <name>', 'with --queue: name of the queue', 'ingest')
    .option('--attempts <n>', 'with --queue: times a job is tried before it is left failed (a dead letter)', '3')
    .option('--backoff <ms>', 'with --queue: first retry delay, doubled at each further retry', '2000')
    .action(async (inputs: string[], flags: IngestFlags, command: Command) => {
      // With --queue, failures to read an input are recorded only in a store named with --db or $CLAIMTRACE_DB.
      const dbGiven = command.getOptionValueSource('db') !== 'default' || Boolean(io.env.CLAIMTRACE_DB);
      io.setExitCode(flags.queue === undefined ? await runIngest(inputs, flags, io) : await runEnqueue(inputs, { ...flags, queue: flags.queue }, dbGiven, io));
    });
}

async function runIngest(inputs: string[], flags: IngestFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const every = positiveInteger(flags.progressEvery, '--progress-every');
  const workers = wholeNumber(flags.workers, '--workers');
  // Loaded here, not at start-up: the analyser, the store and the progress bar are this command's alone.
  const [{ resolveOptions }, { countInputs, ingest }, { openStore }] = await Promise.all([import('../engine/analyze.js'), import('../ingest/index.js'), import('../store/open.js')]);
  const analyze = resolveOptions(analysisFlags(flags));
  const store = await openStore(flags.db);
  const progress = await reporterFor(io, format, every);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  // The inputs are counted beside the run (folders listed, plain JSON Lines scanned), so the first article is not held up.
  const counted = progress ? countInputs(inputs, { signal: controller.signal }).then((total) => total !== undefined && progress.total(total), () => undefined) : undefined;
  let summary: IngestSummary;
  try {
    summary = await ingest(inputs, store, { analyze, force: flags.force === true, signal: controller.signal, workers }, (event) => progress?.event(event));
    await counted;
  } catch (err) {
    controller.abort(); // the count, if still going
    progress?.finish();
    throw err;
  } finally {
    process.off('SIGINT', stop);
    await store.close();
  }
  progress?.finish(summary);
  io.stdout.write(format === 'json' ? `${JSON.stringify({ schema: 'claimtrace/ingest-summary@1', db: flags.db, ...summary, elapsedMs: Math.round(summary.elapsedMs), rate: round(summary.rate), timings: roundAll(summary.timings) })}\n` : summaryLine(summary, flags.db));
  if (summary.interrupted) return INTERRUPTED;
  return summary.failed > 0 ? EXIT.inputError : EXIT.ok;
}

/** `ingest --queue`: expands the inputs and enqueues one job per article; prints how many were enqueued. */
async function runEnqueue(inputs: string[], flags: IngestFlags & { queue: string }, dbGiven: boolean, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const attempts = positiveInteger(flags.attempts, '--attempts');
  const backoffMs = positiveInteger(flags.backoff, '--backoff');
  const maxBytes = flags.maxBytes === undefined ? undefined : positiveInteger(flags.maxBytes, '--max-bytes');
  const [{ enqueueInputs, parseQueueUrl }, { resolveOptions }] = await Promise.all([import('../queue/index.js'), import('../engine/options.js')]);
  const target = parseQueueUrl(flags.queue, flags.queueName);
  const store = dbGiven ? await (await import('../store/open.js')).openStore(flags.db) : undefined;
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  try {
    const onFailed = async (input: string, error: { code: string; message: string }) => {
      await store?.recordFailure({ input, code: error.code, message: error.message });
      io.stderr.write(`claimtrace: ${input}: ${error.code}: ${error.message}\n`);
    };
    const summary = await enqueueInputs(inputs, target, { maxBytes: maxBytes ?? resolveOptions({}).maxBytes, attempts, backoffMs, signal: controller.signal, onFailed });
    io.stdout.write(
      format === 'json'
        ? `${JSON.stringify({ schema: 'claimtrace/enqueue-summary@1', queue: target.name, ...summary, elapsedMs: Math.round(summary.elapsedMs) })}\n`
        : `claimtrace: ${summary.enqueued} enqueued, ${summary.alreadyQueued} already queued, ${summary.failed} failed in ${(summary.elapsedMs / 1000).toFixed(1)} s on queue ${target.name}${summary.interrupted ? ' (interrupted)' : ''}\n`,
    );
    if (summary.interrupted) return INTERRUPTED;
    return summary.failed > 0 ? EXIT.inputError : EXIT.ok;
  } finally {
    process.off('SIGINT', stop);
    await store?.close();
  }
}

/** A bar on a terminal; NDJSON events elsewhere; nothing off a terminal with `--format json` (the summary says it all). */
async function reporterFor(io: CliIo, format: (typeof FORMATS)[number], every: number): Promise<ProgressReporter | undefined> {
  const stderr = io.stderr as { write(s: string): unknown; isTTY?: boolean };
  if (!stderr.isTTY && format === 'json') return undefined;
  const { createNdjsonProgress, createTtyProgress } = await import('../ingest/progress.js');
  return stderr.isTTY ? createTtyProgress(stderr) : createNdjsonProgress(stderr, every);
}

/** The closing line of a text-format run. */
function summaryLine(s: IngestSummary, db: string): string {
  const seconds = (s.elapsedMs / 1000).toFixed(1);
  const stopped = s.interrupted ? ' (interrupted; run it again to go on)' : '';
  return `claimtrace: ${s.inserted} ingested, ${s.updated} updated, ${s.unchanged} unchanged, ${s.failed} failed in ${seconds} s (${s.rate.toFixed(1)} articles/s) into ${db}${stopped}\n`;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

function roundAll<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Math.round(v)])) as T;
}

/** One of a fixed list of values, or E_OPTION_INVALID. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], option: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `expected one of ${allowed.join(', ')}, got "${value}"` });
}

/** The analysis options that `ingest` and `worker` share (--max-bytes, --threshold, --deadline, --deadline-per-mb, --no-models). */
export interface AnalysisFlags {
  maxBytes?: string;
  threshold?: string;
  deadline?: string;
  deadlinePerMb?: string;
  models?: boolean;
}

/** Those flags as options for `resolveOptions` (absent flags left to its defaults). */
export function analysisFlags(flags: AnalysisFlags): { maxBytes?: number; threshold?: number; deadlineMs?: number; deadlinePerMbMs?: number; models: boolean } {
  return {
    ...(flags.maxBytes === undefined ? {} : { maxBytes: number(flags.maxBytes, '--max-bytes') }),
    ...(flags.threshold === undefined ? {} : { threshold: number(flags.threshold, '--threshold') }),
    ...(flags.deadline === undefined ? {} : { deadlineMs: number(flags.deadline, '--deadline') }),
    ...(flags.deadlinePerMb === undefined ? {} : { deadlinePerMbMs: number(flags.deadlinePerMb, '--deadline-per-mb') }),
    models: flags.models !== false,
  };
}

/** A finite number, or E_OPTION_INVALID. */
export function number(raw: string, option: string): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not a number` });
  return value;
}

/** A whole number of at least 0, or E_OPTION_INVALID. */
function wholeNumber(raw: string, option: string): number {
  const value = number(raw, option);
  if (!Number.isInteger(value) || value < 0) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not a whole number` });
  return value;
}

/** A whole number of at least 1, or E_OPTION_INVALID. */
export function positiveInteger(raw: string, option: string): number {
  const value = number(raw, option);
  if (!Number.isInteger(value) || value < 1) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${raw}" is not a whole number of at least 1` });
  return value;
}
