/** Thrown by {@link HostPoliteness.run} when the call's signal aborts before its turn: the request was never started. */
export class HostWaitAborted extends Error {
  constructor() {
    super('the request was given up before it was sent');
    this.name = 'HostWaitAborted';
  }
}

/** Options of {@link createHostPoliteness}. */
export interface HostPolitenessOptions {
  /** Least pause between the end of one request to a host and the start of the next to it, in ms. */
  readonly minGapMs: number;
  /** Most requests running at once over all hosts; unbounded when left out. */
  readonly concurrency?: number;
  /** The error a call whose signal aborts before its turn rejects with; a {@link HostWaitAborted} by default. */
  readonly abortError?: () => Error;
  /**
   * How many hosts it keeps before forgetting the idle ones whose pause is over (default 1,000). A forgotten host's
   * next request does not wait: forget only what the pause no longer protects.
   */
  readonly keepIdleHosts?: number;
}

/** Options of one {@link HostPoliteness.run} call. */
export interface HostRunOptions {
  /** This request's pause after the host's previous one, when larger than `minGapMs` (a robots.txt Crawl-delay). */
  readonly gapMs?: number | undefined;
  /** Aborting it before the request's turn drops the request unsent and rejects the call. */
  readonly signal?: AbortSignal | undefined;
}

/** Per-host politeness for a crawler: one request at a time per host, a pause between two, optionally a global bound. */
export interface HostPoliteness {
  /**
   * Runs `request` when its host is free, the pause since the host's last request is over and fewer than `concurrency`
   * requests run. Requests to one host start in the order they asked; a request whose host is busy or resting lets
   * later requests to other hosts go first. Hosts are compared in lower case.
   */
  run<T>(host: string, request: () => Promise<T>, options?: HostRunOptions): Promise<T>;
  /** Hosts it remembers (busy, waited on, or resting), for tests of its memory bound. */
  readonly size: () => number;
}

interface Waiting {
  readonly host: string;
  readonly gapMs: number;
  readonly start: () => void;
}

interface HostState {
  busy: boolean;
  /** When its last request ended, or -Infinity before the first one ended. */
  lastEnd: number;
  /** The longest pause any request to it asked for, so that it is not forgotten before that is over. */
  longestGapMs: number;
}

export function createHostPoliteness(options: HostPolitenessOptions): HostPoliteness {
  const concurrency = options.concurrency ?? Infinity;
  const keepIdle = options.keepIdleHosts ?? 1000;
  const queue: Waiting[] = [];
  const hosts = new Map<string, HostState>();
  let running = 0;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Infinity;
  let pumping = false;
  let again = false;
  let sweepAbove = keepIdle;

  const stateOf = (host: string): HostState => {
    let state = hosts.get(host);
    if (!state) hosts.set(host, (state = { busy: false, lastEnd: -Infinity, longestGapMs: 0 }));
    return state;
  };

  /** Starts every waiting request that may start now, and sets the timer for the first one resting. */
  const pump = (): void => {
    if (pumping) {
      again = true;
      return;
    }
    pumping = true;
    let wake = Infinity;
    do {
      again = false;
      wake = Infinity;
      const now = Date.now();
      const blocked = new Set<string>();
      for (let i = 0; i < queue.length && running < concurrency; i++) {
        const next = queue[i]!;
        if (blocked.has(next.host)) continue;
        const state = stateOf(next.host);
        const readyAt = state.lastEnd + Math.max(options.minGapMs, next.gapMs);
        if (state.busy || readyAt > now) {
          blocked.add(next.host);
          if (!state.busy) wake = Math.min(wake, readyAt);
          continue;
        }
        queue.splice(i--, 1);
        running++;
        state.busy = true;
        next.start();
      }
    } while (again);
    pumping = false;
    if (running >= concurrency) wake = Infinity; // a request ending pumps again
    if (wake !== timerAt) {
      clearTimeout(timer);
      timerAt = wake;
      timer = wake === Infinity ? undefined : setTimeout(() => {
        timerAt = Infinity;
        pump();
      }, wake - Date.now());
    }
  };

  /** Forgets idle hosts whose pause is over, when many are kept; amortised by doubling the threshold. */
  const sweep = (): void => {
    if (hosts.size <= sweepAbove) return;
    const now = Date.now();
    const waitedOn = new Set(queue.map((w) => w.host));
    for (const [host, state] of hosts) {
      if (!state.busy && !waitedOn.has(host) && state.lastEnd + Math.max(options.minGapMs, state.longestGapMs) <= now) hosts.delete(host);
    }
    sweepAbove = Math.max(keepIdle, hosts.size * 2);
  };

  return {
    size: () => hosts.size,
    run<T>(host: string, request: () => Promise<T>, runOptions: HostRunOptions = {}): Promise<T> {
      const key = host.toLowerCase();
      const { signal } = runOptions;
      const gapMs = runOptions.gapMs ?? 0;
      const stopped = () => (options.abortError ?? (() => new HostWaitAborted()))();
      if (signal?.aborted) return Promise.reject(stopped());
      return new Promise<T>((resolve, reject) => {
        const state = stateOf(key);
        state.longestGapMs = Math.max(state.longestGapMs, gapMs);
        const onAbort = () => {
          const at = queue.indexOf(entry);
          if (at < 0) return; // already started: the request itself decides what the signal means
          queue.splice(at, 1);
          reject(stopped());
          pump();
        };
        const entry: Waiting = {
          host: key,
          gapMs,
          start: () => {
            signal?.removeEventListener('abort', onAbort);
            new Promise<T>((started) => started(request())).then(resolve, reject).finally(() => {
              running--;
              state.busy = false;
              state.lastEnd = Date.now();
              sweep();
              pump();
            });
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(entry);
        pump();
      });
    },
  };
}
