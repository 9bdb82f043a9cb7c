import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Job, Worker } from 'bullmq';
import { createDocument } from '../core/document.js';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { toReport } from '../engine/analyze.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { AddressPolicy } from '../fetch/index.js';
import { lazyFactChecker } from '../factchecks/audit/lazy.js';
import type { FactCheckAudit } from '../factchecks/audit/provider.js';
import { analysisSettings, storeFailure } from '../ingest/ingest.js';
import { createWorkerPool, type WorkerPool } from '../ingest/pool.js';
import type { ArticleSource } from '../ingest/source.js';
import { pipelineSignature } from '../store/keys.js';
import type { DocumentKey, Store } from '../store/types.js';
import { type QueueTarget, checkReachable, redisOptions } from './connection.js';
import { failedReasonOf, isPermanent } from './failure.js';
import { articleSourceOf, linkSourceOf, parseJobData, type JobData, type LinkLike } from './job-data.js';

/** Options of {@link startConsumer}. */
export interface ConsumerOptions {
  readonly analyze: AnalyzeOptions;
  /** Jobs this process holds at once (default 2): analysis runs one at a time on the one analysis thread, the rest fetch or store meanwhile. */
  readonly concurrency?: number;
  /** How long a job's lock lasts without renewal, in ms (default 30,000): a killed worker's job is taken up again after about this long. */
  readonly lockDurationMs?: number;
  /** How often this worker looks for stalled jobs (locks that expired), in ms (default 15,000). */
  readonly stalledIntervalMs?: number;
  /** Times a job may be found stalled before it is failed as E_JOB_STALLED (default 2). */
  readonly maxStalledCount?: number;
  /** Stop once no job is waiting, delayed or active anywhere (for batch runs and benchmarks). */
  readonly untilEmpty?: boolean;
  /** Re-analyse articles already stored with the same text and pipeline (default: count them unchanged). */
  readonly force?: boolean;
  /** Which resolved addresses a link may be fetched from (default: src/fetch's public-only policy; tests allow loopback). */
  readonly isAllowedAddress?: AddressPolicy;
  /** How long the worker pauses when the store fails (an E_STORE_* error), in ms (default 5,000); the job goes back uncharged. */
  readonly storeRetryMs?: number;
  /** Test hook: sleep this long (ms) at the start of every job, so that a test can kill the process in the middle of one. */
  readonly testDelayMs?: number;
  /** Fact-checks matched before storing: a shared audit, or false for none (default: the store's, re-read every minute). */
  readonly factChecks?: FactCheckAudit | false;
  /** Told what happens, job by job. */
  readonly onEvent?: (event: ConsumerEvent) => void;
}

/** What happened in the worker. */
export type ConsumerEvent =
  | { readonly event: 'ready'; readonly queue: string }
  | { readonly event: 'active'; readonly jobId: string; readonly input: string; readonly attempt: number }
  | { readonly event: 'completed'; readonly jobId: string; readonly input: string; readonly status: 'inserted' | 'updated' | 'unchanged'; readonly documentId: number }
  | { readonly event: 'failed'; readonly jobId: string; readonly input: string; readonly code: string; readonly message: string; readonly attempt: number; readonly final: boolean }
  | { readonly event: 'stalled'; readonly jobId: string }
  | { readonly event: 'paused'; readonly jobId: string; readonly input: string; readonly code: string; readonly message: string; readonly ms: number }
  | { readonly event: 'error'; readonly message: string };

/** Counts of a worker's run. `elapsedMs` runs from the first job taken (start-up and model loading left out); `rate` is jobs completed per second of it. */
export interface ConsumerSummary {
  completed: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Jobs that failed for good here (dead letters). */
  failed: number;
  /** Attempts that failed and will be tried again. */
  retried: number;
  elapsedMs: number;
  rate: number;
}

/** A running worker. */
export interface Consumer {
  /** Settles when the worker has stopped (after {@link Consumer.stop}, or when the queue is empty with `untilEmpty`). */
  readonly done: Promise<ConsumerSummary>;
  /** Stops taking jobs and waits for the jobs in hand; `force` abandons them instead (their locks expire and another worker takes them up). */
  stop(force?: boolean): Promise<ConsumerSummary>;
}

/** What a job returns to BullMQ (kept as the completed job's return value). */
interface JobResult {
  status: 'inserted' | 'updated' | 'unchanged';
  documentId: number;
}

/** Minutes of per-minute completion counts BullMQ keeps for `queue status` (one week). */
const METRICS_MINUTES = 10_080;
/** How often an idle worker with `untilEmpty` checks whether the queue is done, in ms. */
const IDLE_POLL_MS = 500;

/**
 * Takes ingest jobs from the queue and stores their articles, as in-process `ingest` does: extraction and analysis on
 * one worker thread (one NLP model per process; the event loop stays free to renew job locks), the store on this one.
 * At-least-once: a job is acknowledged after its upsert, and upserts are idempotent (same URL or text: updated or left
 * unchanged, never duplicated). A failure is retried with exponential backoff until the job's attempts are used up, or
 * at once for errors that no retry can mend (see `isPermanent`); then the job stays in the failed set and the failure
 * is recorded in the store. A failing store (E_STORE_*) pauses the worker instead, the job put back uncharged.
 */
export async function startConsumer(target: QueueTarget, store: Store, options: ConsumerOptions): Promise<Consumer> {
  await checkReachable(target);
  const started = performance.now();
  let firstJobAt: number | undefined;
  const summary: ConsumerSummary = { completed: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, retried: 0, elapsedMs: 0, rate: 0 };
  const emit = options.onEvent ?? (() => {});
  const pool = createWorkerPool(1, options.analyze);
  const { Worker, UnrecoverableError } = await import('bullmq');
  // A store that fails fails every job: rather than spend their attempts (a database restart would turn the whole
  // queue into dead letters), the worker pauses and the job goes back to the queue uncharged (BullMQ's rate limit).
  const pauseForStore = async (ms: number): Promise<Error> => {
    await worker.rateLimit(ms);
    return Worker.RateLimitError();
  };
  const processor = createProcessor(store, pool, options, summary, (event) => {
    if (event.event === 'active') firstJobAt ??= performance.now();
    emit(event);
  }, { Unrecoverable: UnrecoverableError, pauseForStore });
  const worker: Worker = new Worker(target.name, processor, {
    connection: redisOptions(target),
    prefix: target.prefix,
    concurrency: options.concurrency ?? 2,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: options.stalledIntervalMs ?? 15_000,
    maxStalledCount: options.maxStalledCount ?? 2,
    metrics: { maxDataPoints: METRICS_MINUTES },
    autorun: false,
  });
  worker.on('error', (err) => emit({ event: 'error', message: err.message }));
  worker.on('failed', (job, err) => void onStalledFailure(store, job, err, summary, emit));
  // A job whose worker stopped renewing its lock (killed, hung) was found by this worker and put back in the queue.
  worker.on('stalled', (jobId) => emit({ event: 'stalled', jobId }));

  let stopping: Promise<ConsumerSummary> | undefined;
  let resolveDone!: (summary: ConsumerSummary) => void;
  const done = new Promise<ConsumerSummary>((resolve) => (resolveDone = resolve));
  const stop = (force = false): Promise<ConsumerSummary> => {
    if (force) void worker.close(true);
    stopping ??= (async () => {
      await worker.close(force);
      await pool.close();
      summary.elapsedMs = performance.now() - (firstJobAt ?? started);
      summary.rate = summary.completed / Math.max(summary.elapsedMs / 1000, 1e-9);
      resolveDone(summary);
      return summary;
    })();
    return stopping;
  };
  void worker.run().catch((err: unknown) => emit({ event: 'error', message: (err as Error).message }));
  await worker.waitUntilReady();
  emit({ event: 'ready', queue: target.name });
  if (options.untilEmpty) void stopWhenEmpty(worker, () => stopping !== undefined, () => void stop());
  return { done, stop };
}

/** How long a worker trusts the store's fact-check stamp before reading it again: imports show within a minute. */
const FACT_CHECK_MAX_AGE_MS = 60_000;

/** The job processor: parse, fetch a link, extract, look the key up, analyse, match fact-checks, upsert. */
function createProcessor(
  store: Store,
  pool: WorkerPool,
  options: ConsumerOptions,
  summary: ConsumerSummary,
  emit: (event: ConsumerEvent) => void,
  bull: { Unrecoverable: new (message: string) => Error; pauseForStore: (ms: number) => Promise<Error> },
) {
  const settings = analysisSettings(options.analyze);
  const signature = pipelineSignature(toReport(createDocument(''), options.analyze).generator, settings);
  const factChecker = lazyFactChecker(store, options.factChecks, FACT_CHECK_MAX_AGE_MS);
  const needsAnalysis = async (key: DocumentKey) => {
    if (options.force) return true;
    const existing = await store.lookup(key);
    return !(existing && existing.textHash === key.textHash && existing.pipeline === signature);
  };
  return async (job: Job): Promise<JobResult> => {
    const jobId = job.id ?? '?';
    let label = typeof (job.data as { label?: unknown })?.label === 'string' ? (job.data as { label: string }).label : jobId;
    emit({ event: 'active', jobId, input: label, attempt: job.attemptsMade + 1 });
    try {
      if (options.testDelayMs) await sleep(options.testDelayMs);
      const data = parseJobData(jobId, job.data, options.analyze.maxBytes);
      label = data.label;
      const source = await sourceOf(data, options.analyze, options.isAllowedAddress);
      const outcome = await pool.run(source, needsAnalysis);
      const result: JobResult =
        outcome.kind === 'analysed'
          ? await store.upsert({ report: await factChecker(outcome.report, options.analyze.threshold), settings, input: label })
          : { status: 'unchanged', documentId: (await store.lookup(outcome.key))?.id ?? -1 };
      summary.completed++;
      summary[result.status]++;
      emit({ event: 'completed', jobId, input: label, ...result });
      return result;
    } catch (err) {
      const error = toClaimtraceError(err);
      if (storeFailure(error)) {
        const ms = options.storeRetryMs ?? 5_000;
        emit({ event: 'paused', jobId, input: label, code: error.code, message: error.message, ms });
        throw await bull.pauseForStore(ms);
      }
      const permanent = isPermanent(error);
      const final = permanent || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final) {
        summary.failed++;
        await store.recordFailure({ input: label, code: error.code, message: error.message }).catch(() => undefined);
      } else {
        summary.retried++;
      }
      emit({ event: 'failed', jobId, input: label, code: error.code, message: error.message, attempt: job.attemptsMade + 1, final });
      throw permanent ? new bull.Unrecoverable(failedReasonOf(error)) : new Error(failedReasonOf(error));
    }
  };
}

/** What `fetchLinkSource` takes. */
interface LinkFetchOptions {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly maxBytes: number;
  readonly isAllowedAddress?: AddressPolicy;
}

/** The article of a job: in the job, or fetched from its link with the address policy and limits of `analyze`. */
async function sourceOf(data: JobData, analyze: AnalyzeOptions, fetchPolicy?: ConsumerOptions['isAllowedAddress']): Promise<ArticleSource> {
  if (data.kind === 'article') return articleSourceOf(data);
  // The feeds helper's module, loaded by path so that this file does not depend on its types: the fetch of in-process
  // `ingest` (address policy at every hop, time and size limits of `analyze <url>`).
  const modulePath = '../ingest/fetch-link.js';
  const { fetchLinkSource } = (await import(modulePath)) as { fetchLinkSource: (source: LinkLike, options: LinkFetchOptions) => Promise<ArticleSource> };
  return fetchLinkSource(linkSourceOf(data), { timeoutMs: analyze.timeoutMs, maxRedirects: analyze.maxRedirects, maxBytes: analyze.maxBytes, ...(fetchPolicy ? { isAllowedAddress: fetchPolicy } : {}) });
}

/** A job BullMQ failed itself because it stalled too often (its workers died): recorded as E_JOB_STALLED. */
async function onStalledFailure(store: Store, job: Job | undefined, err: Error, summary: ConsumerSummary, emit: (event: ConsumerEvent) => void): Promise<void> {
  if (!job || !/stalled more than/i.test(err.message)) return;
  const input = typeof job.data?.label === 'string' ? (job.data.label as string) : (job.id ?? '?');
  const error = new ClaimtraceError('E_JOB_STALLED', { job: job.id ?? '?', input, count: job.stalledCounter ?? 0 });
  summary.failed++;
  await store.recordFailure({ input, code: error.code, message: error.message }).catch(() => undefined);
  emit({ event: 'failed', jobId: job.id ?? '?', input, code: error.code, message: error.message, attempt: job.attemptsMade, final: true });
}

/** Calls `stop` once nothing is waiting, delayed or active in the queue (checked while this worker is idle). */
async function stopWhenEmpty(worker: Worker, stopped: () => boolean, stop: () => void): Promise<void> {
  const { Queue } = await import('bullmq');
  const queue = new Queue(worker.name, { connection: worker.opts.connection, prefix: worker.opts.prefix });
  try {
    while (!stopped()) {
      await sleep(IDLE_POLL_MS);
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      if (Object.values(counts).every((n) => n === 0)) {
        stop();
        return;
      }
    }
  } catch (err) {
    if (!stopped()) throw err;
  } finally {
    await queue.close();
  }
}
