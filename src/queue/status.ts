import type { Queue } from 'bullmq';
import { type QueueTarget, checkReachable, redisOptions } from './connection.js';
import { parseFailedReason } from './failure.js';

/** A job that failed for good: left in the failed set, with why. */
export interface DeadLetter {
  readonly jobId: string;
  readonly input: string;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  /** When it failed for the last time (ISO 8601), when known. */
  readonly failedAt: string | null;
}

/** The state of the queue. */
export interface QueueStatus {
  readonly schema: 'claimtrace/queue-status@1';
  readonly queue: string;
  readonly counts: { waiting: number; active: number; completed: number; failed: number; delayed: number };
  /** Jobs completed per minute, averaged over the last `minutes` minutes (from the workers' metrics). */
  readonly throughput: { perMinute: number; minutes: number; completed: number };
  /** Worker connections on the queue (BullMQ names its connections; null where the server refuses CLIENT LIST). */
  readonly workers: number | null;
  /** Jobs ever completed on the queue (BullMQ's metrics counter, kept even when completed jobs are removed). */
  readonly completedTotal: number;
  readonly deadLetters: readonly DeadLetter[];
  /** Failed jobs beyond those listed. */
  readonly moreDeadLetters: number;
}

/** Options of {@link queueStatus}. */
export interface StatusOptions {
  /** Minutes over which throughput is averaged (default 5). */
  readonly minutes?: number;
  /** Dead letters listed, newest first (default 20). */
  readonly limit?: number;
}

/** Opens the queue for reading or maintenance, runs `use`, and closes it. */
async function withQueue<T>(target: QueueTarget, use: (queue: Queue) => Promise<T>): Promise<T> {
  await checkReachable(target);
  const { Queue } = await import('bullmq');
  const queue = new Queue(target.name, { connection: redisOptions(target, true), prefix: target.prefix });
  try {
    return await use(queue);
  } finally {
    await queue.close();
  }
}

/** Runs `use` with a plain Redis client on the target. */
async function withRedis<T>(target: QueueTarget, use: (redis: import('ioredis').Redis) => Promise<T>): Promise<T> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(redisOptions(target, true));
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

/** Counts, throughput and dead letters of the queue. */
export async function queueStatus(target: QueueTarget, options: StatusOptions = {}): Promise<QueueStatus> {
  const minutes = options.minutes ?? 5;
  const limit = options.limit ?? 20;
  return withQueue(target, async (queue) => {
    const raw = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized');
    const counts = { waiting: (raw.waiting ?? 0) + (raw.prioritized ?? 0), active: raw.active ?? 0, completed: raw.completed ?? 0, failed: raw.failed ?? 0, delayed: raw.delayed ?? 0 };
    // Counted from the completed set, scored by finish time: BullMQ's per-minute metrics are written only when a later
    // job completes, so after the queue goes idle their last minutes are missing. Completed jobs are kept up to
    // KEEP_COMPLETED (10,000, a day): past that many in the window, this is a lower bound.
    const since = Date.now() - minutes * 60_000;
    const completed = await withRedis(target, (redis) => redis.zcount(queue.toKey('completed'), since, '+inf'));
    const total = (await queue.getMetrics('completed', 0, 0)).meta.count;
    const workers = await queue.getWorkersCount().catch(() => null);
    const failedJobs = limit > 0 ? await queue.getFailed(0, limit - 1) : [];
    const deadLetters = failedJobs.map((job): DeadLetter => {
      const { code, message } = parseFailedReason(job.failedReason);
      const input = typeof job.data?.label === 'string' ? (job.data.label as string) : (job.id ?? '?');
      return { jobId: job.id ?? '?', input, code, message, attempts: job.attemptsMade, failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null };
    });
    return {
      schema: 'claimtrace/queue-status@1',
      queue: target.name,
      counts,
      throughput: { perMinute: Math.round((completed / minutes) * 10) / 10, minutes, completed },
      workers,
      completedTotal: total,
      deadLetters,
      moreDeadLetters: Math.max(0, counts.failed - deadLetters.length),
    };
  });
}

/** Puts every failed job back in the waiting list, its attempts reset; returns how many there were. */
export async function retryFailed(target: QueueTarget): Promise<number> {
  return withQueue(target, async (queue) => {
    const failed = await queue.getFailedCount();
    await queue.retryJobs({ state: 'failed', count: 1000 });
    return failed;
  });
}

/** Removes completed jobs (and failed ones with `failed`) older than `graceMs`; returns how many were removed. */
export async function cleanQueue(target: QueueTarget, options: { graceMs: number; failed?: boolean }): Promise<{ completed: number; failed: number }> {
  return withQueue(target, async (queue) => {
    const completed = await removeAll(queue, options.graceMs, 'completed');
    const failed = options.failed ? await removeAll(queue, options.graceMs, 'failed') : 0;
    return { completed, failed };
  });
}

/** `queue.clean` removes at most `limit` at a time: repeated until nothing is left to remove. */
async function removeAll(queue: Queue, graceMs: number, type: 'completed' | 'failed'): Promise<number> {
  let total = 0;
  for (;;) {
    const removed = await queue.clean(graceMs, 1000, type);
    total += removed.length;
    if (removed.length < 1000) return total;
  }
}

/** Deletes the queue and all its jobs (tests; `queue obliterate`). */
export async function obliterateQueue(target: QueueTarget): Promise<void> {
  await withQueue(target, (queue) => queue.obliterate({ force: true }));
}
