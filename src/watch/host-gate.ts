import { createHostPoliteness } from '../fetch/host-politeness.js';

/** Sleeps `ms`, or less when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Thrown by a gate asked to stop (the watch is ending) before the request started: nothing was sent. */
export class WatchStopped extends Error {
  constructor() {
    super('the watch is stopping');
    this.name = 'WatchStopped';
  }
}

/** Per-host politeness: one request at a time to a host, and at least a delay between the end of one and the next. */
export interface HostGate {
  /**
   * Runs `request` when the host is free and its delay since the last request has passed; requests to one host run
   * in the order they asked. `delayMs` overrides the gate's delay for this wait when larger (a robots.txt Crawl-delay).
   * Rejects with {@link WatchStopped}, without running `request`, when `signal` aborts before its turn.
   */
  run<T>(host: string, request: () => Promise<T>, options?: { readonly delayMs?: number; readonly signal?: AbortSignal | undefined }): Promise<T>;
}

/**
 * A gate whose minimum delay between two requests to one host is `minDelayMs`, with no bound over all hosts. Hosts are
 * compared in lower case. The watch's view of src/fetch/host-politeness.ts, which ingest's scheduler shares.
 */
export function createHostGate(minDelayMs: number): HostGate {
  const politeness = createHostPoliteness({ minGapMs: minDelayMs, abortError: () => new WatchStopped() });
  return {
    run: (host, request, options = {}) => politeness.run(host, request, { gapMs: options.delayMs, signal: options.signal }),
  };
}
