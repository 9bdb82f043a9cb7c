import { performance } from 'node:perf_hooks';
import type { ClaimtraceError } from '../core/errors.js';
import { expandInputs } from '../ingest/inputs.js';
import type { ArticleSource } from '../ingest/source.js';
import { type QueueTarget, checkReachable, redisOptions } from './connection.js';
import { jobIdFor, toJobData, type JobData, type LinkLike } from './job-data.js';

/** Options of {@link enqueueInputs}. */
export interface EnqueueOptions {
  /** Largest article accepted, in bytes (the ingest limit, `--max-bytes`). */
  readonly maxBytes: number;
  /** Times a job is tried before it is left in the failed set (default 3). */
  readonly attempts?: number;
  /** First retry delay in ms, doubled at each further retry (default 2,000). */
  readonly backoffMs?: number;
  /** Stops reading inputs; the jobs added so far stay. */
  readonly signal?: AbortSignal;
  /** Called for an input that could not be read (the CLI records it in the store when given --db). */
  readonly onFailed?: (label: string, error: ClaimtraceError) => Promise<void> | void;
}

/** What an enqueue run did. */
export interface EnqueueSummary {
  /** Jobs added. */
  enqueued: number;
  /** Inputs whose job (same id) was already in the queue, in any state: not added again. */
  alreadyQueued: number;
  /** Inputs that could not be read, so never enqueued. */
  failed: number;
  failures: { input: string; code: string; message: string }[];
  elapsedMs: number;
  interrupted: boolean;
}

/** Default attempts of a job. */
export const DEFAULT_ATTEMPTS = 3;
/** Default first retry delay, in ms. */
export const DEFAULT_BACKOFF_MS = 2_000;
/** Completed jobs kept (and so their ids taken): the newest this many, none older than a day. */
export const KEEP_COMPLETED = Object.freeze({ count: 10_000, age: 24 * 3600 });
/** Jobs added in one round trip, and the most bytes of job data held for it. */
const BATCH_JOBS = 100;
const BATCH_BYTES = 16 * 1024 * 1024;

/**
 * Expands the inputs exactly as in-process `ingest` does and adds one job per article (or link) to the queue, each
 * with a deterministic id (see `jobIdFor`), so that enqueueing the same input again adds no second job while the
 * first is kept. Unreadable inputs are counted and passed to `onFailed`, never enqueued.
 */
export async function enqueueInputs(inputs: readonly string[], target: QueueTarget, options: EnqueueOptions): Promise<EnqueueSummary> {
  const started = performance.now();
  const summary: EnqueueSummary = { enqueued: 0, alreadyQueued: 0, failed: 0, failures: [], elapsedMs: 0, interrupted: false };
  await checkReachable(target);
  const { Queue } = await import('bullmq');
  const queue = new Queue(target.name, { connection: redisOptions(target, true), prefix: target.prefix });
  const jobOptions = {
    attempts: options.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: options.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: false,
  };
  let batch: { id: string; data: JobData }[] = [];
  let batchBytes = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const jobs = batch;
    batch = [];
    batchBytes = 0;
    // An id already taken makes BullMQ ignore the add; the state read just before tells which ones were new.
    const states = await Promise.all(jobs.map((job) => queue.getJobState(job.id)));
    await queue.addBulk(jobs.map((job) => ({ name: job.data.kind, data: job.data, opts: { ...jobOptions, jobId: job.id } })));
    for (const state of states) {
      if (state === 'unknown') summary.enqueued++;
      else summary.alreadyQueued++;
    }
  };
  try {
    for await (const source of expandInputs(inputs, { maxBytes: options.maxBytes, signal: options.signal })) {
      if (options.signal?.aborted) break;
      if ('error' in source) {
        summary.failed++;
        if (summary.failures.length < 1000) summary.failures.push({ input: source.label, code: source.error.code, message: source.error.message });
        await options.onFailed?.(source.label, source.error);
        continue;
      }
      const data = toJobData(source as ArticleSource | LinkLike);
      batch.push({ id: jobIdFor(data), data });
      batchBytes += data.kind === 'article' ? data.body.length : data.link.length;
      if (batch.length >= BATCH_JOBS || batchBytes >= BATCH_BYTES) await flush();
    }
    summary.interrupted = options.signal?.aborted === true;
    await flush();
  } finally {
    await queue.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
