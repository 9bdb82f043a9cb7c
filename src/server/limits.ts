import { ClaimtraceError } from '../core/errors.js';

/** Bounds CPU-heavy work: at most `maxConcurrent` tasks run, at most `maxQueue` wait, the rest are refused with E_BUSY. */
export interface WorkQueue {
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
  /**
   * Runs the task when a slot is free; E_BUSY at once when the queue is full. A task whose `signal` aborts while it
   * waits leaves the queue (rejected with the signal's reason); a running one is the task's own to stop.
   */
  run<T>(task: () => Promise<T>, options?: TaskOptions): Promise<T>;
  /** Why the queue cannot drain, if it cannot (empty when healthy). */
  problems(): string[];
}

/** Options of one {@link WorkQueue.run}. */
export interface TaskOptions {
  readonly signal?: AbortSignal;
  /** How long the task may hold its slot, in ms; past it (and a grace), the queue reports itself stuck. */
  readonly limitMs?: number;
}

/** Options of {@link createWorkQueue}'s health reporting. */
export interface QueueHealthOptions {
  /** A full queue with no task finished for this long cannot drain (default: the longest limit of the running tasks, or 30 s). */
  readonly stallMs?: number;
}

interface Waiter {
  readonly start: () => void;
  readonly cancel: () => void;
}

/** What a task past its limit gets before the queue calls itself stuck: the worker pool stops such work on its own. */
const OVERRUN_GRACE_MS = 5_000;

/** A queue with a moving average of task times, from which E_BUSY's Retry-After is estimated. */
export function createWorkQueue(maxConcurrent: number, maxQueue: number, health: QueueHealthOptions = {}): WorkQueue {
  const stallMs = () => health.stallMs ?? (Math.max(0, ...[...running].map((task) => task.limitMs ?? 0)) || 30_000);
  const waiters: Waiter[] = [];
  const running = new Set<{ readonly since: number; readonly limitMs?: number }>();
  let averageMs = 100;
  let lastSettled = performance.now();
  const next = () => {
    while (running.size < maxConcurrent && waiters.length > 0) waiters.shift()!.start();
  };
  const retryAfter = () => Math.max(1, Math.ceil(((running.size + waiters.length) * averageMs) / maxConcurrent / 1000));
  return {
    get active() {
      return running.size;
    },
    get waiting() {
      return waiters.length;
    },
    run<T>(task: () => Promise<T>, options: TaskOptions = {}): Promise<T> {
      const { signal, limitMs } = options;
      if (running.size >= maxConcurrent && waiters.length >= maxQueue) {
        return Promise.reject(new ClaimtraceError('E_BUSY', { slots: maxConcurrent, queue: maxQueue, retryAfter: retryAfter() }));
      }
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<T>((resolve, reject) => {
        const onAbort = () => waiter.cancel();
        const waiter: Waiter = {
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            const entry = { since: performance.now(), limitMs };
            running.add(entry);
            task()
              .then(resolve, reject)
              .finally(() => {
                const now = performance.now();
                averageMs = 0.8 * averageMs + 0.2 * (now - entry.since);
                lastSettled = now;
                running.delete(entry);
                next();
              });
          },
          cancel: () => {
            const at = waiters.indexOf(waiter);
            if (at >= 0) waiters.splice(at, 1);
            reject(signal?.reason);
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.push(waiter);
        next();
      });
    },
    problems() {
      const now = performance.now();
      const problems: string[] = [];
      const overrun = [...running].filter((task) => task.limitMs !== undefined && now - task.since > task.limitMs + OVERRUN_GRACE_MS).length;
      if (overrun > 0) problems.push(`${overrun} analysis slot${overrun === 1 ? ' is' : 's are'} held past the analysis's time limit`);
      if (waiters.length >= maxQueue && running.size >= maxConcurrent && now - lastSettled > stallMs()) {
        problems.push(`the analysis queue is full (${waiters.length} waiting) and no analysis has finished for ${Math.round((now - lastSettled) / 1000)} s`);
      }
      return problems;
    },
  };
}

/**
 * Runs `work` with an abort signal that fires after `ms`, and rejects with E_TIMEOUT then. The work is expected to stop
 * on the signal: the analysis pool terminates the worker of an aborted analysis.
 */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new ClaimtraceError('E_TIMEOUT', { task: 'The request', ms });
      controller.abort(error);
      reject(error);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
