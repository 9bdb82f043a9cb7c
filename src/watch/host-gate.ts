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

/** A gate whose minimum delay between two requests to one host is `minDelayMs`. Hosts are compared in lower case. */
export function createHostGate(minDelayMs: number): HostGate {
  const tails = new Map<string, Promise<void>>();
  const lastEnd = new Map<string, number>();
  return {
    async run(host, request, options = {}) {
      const key = host.toLowerCase();
      const before = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      tails.set(key, mine);
      try {
        await before;
        const ended = lastEnd.get(key);
        if (ended !== undefined) await sleep(ended + Math.max(minDelayMs, options.delayMs ?? 0) - Date.now(), options.signal);
        if (options.signal?.aborted) throw new WatchStopped();
        try {
          return await request();
        } finally {
          lastEnd.set(key, Date.now());
        }
      } finally {
        if (tails.get(key) === mine) tails.delete(key);
        release();
      }
    },
  };
}
