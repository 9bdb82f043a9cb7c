import { ClaimtraceError } from '../core/errors.js';
import type { AddressPolicy } from '../fetch/index.js';
import type { Store } from '../store/types.js';
import { createHostGate, sleep, type HostGate } from './host-gate.js';
import { pollFeed, type PollResult } from './poll.js';
import { createRobots, type RobotsCache } from './robots.js';
import { firstPollDelay, type Random, type Schedule } from './schedule.js';
import type { ItemSink } from './sink.js';

/** Options of {@link runWatch}. */
export interface WatchOptions {
  readonly store: Store;
  readonly sink: ItemSink;
  readonly schedule: Schedule;
  /** Least pause between the end of one request to a host and the start of the next (feeds, robots.txt, links). */
  readonly hostDelayMs: number;
  /** How long a site's robots.txt is kept. */
  readonly robotsTtlMs: number;
  /** Limits of a feed fetch. */
  readonly fetch: { readonly timeoutMs: number; readonly maxBytes: number; readonly maxRedirects: number; readonly isAllowedAddress?: AddressPolicy };
  /** One round: every feed polled once, now, then return. */
  readonly once?: boolean;
  /** Polls running at once, over all feeds (requests to one host still go one at a time). Default 4. */
  readonly concurrency?: number;
  /** Ends the watch: sleeping stops at once, a poll under way stops after its current item and saves its state. */
  readonly signal?: AbortSignal;
  /** Default Math.random; tests give a fixed sequence. */
  readonly random?: Random;
  /** Called after each poll. */
  readonly onPoll?: (result: PollResult) => void;
  /** The politeness gate and robots cache, when the sink shares them (in-process link fetches); made here otherwise. */
  readonly gate?: HostGate;
  readonly robots?: RobotsCache;
}

/** Totals of a watch run. */
export interface WatchSummary {
  polls: number;
  newItems: number;
  delivered: number;
  failed: number;
  errors: number;
}

/** The gate and robots cache a watch uses, so that a store sink fetching links can share them. */
export function createPoliteness(options: Pick<WatchOptions, 'hostDelayMs' | 'robotsTtlMs' | 'fetch'>): { gate: HostGate; robots: RobotsCache } {
  const gate = createHostGate(options.hostDelayMs);
  const robots = createRobots({ ttlMs: options.robotsTtlMs, timeoutMs: options.fetch.timeoutMs, gate, ...(options.fetch.isAllowedAddress ? { isAllowedAddress: options.fetch.isAllowedAddress } : {}) });
  return { gate, robots };
}

/**
 * Watches feeds: each on its own schedule (see schedule.ts; the first poll of a new or overdue feed spread over one
 * jitter span, a feed whose next poll is stored ahead waits for it), at most `concurrency` polls at once, until the
 * signal aborts (or after one round with `once`). All state is in the store, so a watch started again goes on where
 * the last one stopped. Rejects when the store fails (E_STORE_*): every later poll would fail alike.
 */
export async function runWatch(feeds: readonly string[], options: WatchOptions): Promise<WatchSummary> {
  const random = options.random ?? Math.random;
  const made = options.gate && options.robots ? { gate: options.gate, robots: options.robots } : createPoliteness(options);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const ctx = { store: options.store, sink: options.sink, ...made, schedule: options.schedule, random, fetch: options.fetch, signal };
  const slots = createSlots(options.concurrency ?? 4);
  const summary: WatchSummary = { polls: 0, newItems: 0, delivered: 0, failed: 0, errors: 0 };
  const states = new Map((await options.store.listFeedStates()).map((state) => [state.url, state]));
  const watchOne = async (feed: string) => {
    let wait = options.once ? 0 : firstPollDelay(states.get(feed), options.schedule, Date.now(), random);
    while (!signal.aborted) {
      await sleep(wait, signal);
      if (signal.aborted) return;
      // undefined: the watch stopped before the poll sent anything; its state stays as it was.
      const result = await slots.run(() => (signal.aborted ? undefined : pollFeed(feed, ctx)));
      if (!result) return;
      summary.polls++;
      summary.newItems += result.newItems;
      summary.delivered += result.delivered;
      summary.failed += result.failed;
      if (result.outcome === 'error') summary.errors++;
      options.onPoll?.(result);
      if (options.once) return;
      wait = Date.parse(result.nextPollAt) - Date.now();
    }
  };
  try {
    await Promise.all([...new Set(feeds)].map((feed) => watchOne(feed).catch((err: unknown) => {
      stop.abort(); // a store failure ends every feed's loop, not only this one
      throw err;
    })));
  } finally {
    await options.sink.close();
  }
  return summary;
}

/** At most `limit` tasks at once, started in the order they asked. */
function createSlots(limit: number) {
  if (!Number.isInteger(limit) || limit < 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: 'concurrency', reason: `${limit} is not a whole number of at least 1` });
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async run<T>(task: () => Promise<T> | T): Promise<T> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      running++;
      try {
        return await task();
      } finally {
        running--;
        waiting.shift()?.();
      }
    },
  };
}
