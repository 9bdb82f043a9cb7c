import { ClaimtraceError } from '../core/errors.js';

/** Bounds CPU-heavy work: at most `maxConcurrent` tasks run, at most `maxQueue` wait, the rest are refused with E_BUSY. */
export interface WorkQueue {
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
  /** Runs the task when a slot is free; E_BUSY at once when the queue is full; skipped when `signal` aborts while it waits. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

interface Waiter {
  readonly start: () => void;
  readonly signal?: AbortSignal;
}

/** A queue with a moving average of task times, from which E_BUSY's Retry-After is estimated. */
export function createWorkQueue(maxConcurrent: number, maxQueue: number): WorkQueue {
  const waiters: Waiter[] = [];
  let active = 0;
  let averageMs = 100;
  const next = () => {
    while (active < maxConcurrent && waiters.length > 0) {
      const waiter = waiters.shift()!;
      if (!waiter.signal?.aborted) waiter.start();
    }
  };
  const retryAfter = () => Math.max(1, Math.ceil(((active + waiters.length) * averageMs) / maxConcurrent / 1000));
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiters.length;
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (active >= maxConcurrent && waiters.length >= maxQueue) {
        return Promise.reject(new ClaimtraceError('E_BUSY', { slots: maxConcurrent, queue: maxQueue, retryAfter: retryAfter() }));
      }
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          const t = performance.now();
          task()
            .then(resolve, reject)
            .finally(() => {
              averageMs = 0.8 * averageMs + 0.2 * (performance.now() - t);
              active--;
              next();
            });
        };
        waiters.push({ start, signal });
        next();
      });
    },
  };
}

/** Runs `work` with an abort signal that fires after `ms`; rejects with E_TIMEOUT then (the work itself may go on). */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ClaimtraceError('E_TIMEOUT', { ms }));
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
