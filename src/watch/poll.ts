import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { fetchUrl, type AddressPolicy, type FetchResult } from '../fetch/index.js';
import { storeFailure } from '../ingest/ingest.js';
import { isPermanent } from '../queue/failure.js';
import type { FeedState, Store } from '../store/types.js';
import { feedDocumentSources, type KeyedSource } from './feed-items.js';
import { WatchStopped, type HostGate } from './host-gate.js';
import type { RobotsCache } from './robots.js';
import { nextPollDelay, type Random, type Schedule } from './schedule.js';
import type { Delivered, ItemSink } from './sink.js';

/** Media types a feed may be served as. */
const FEED_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml', 'application/x-rss+xml',
  'application/feed+json', 'application/json', 'text/plain',
]);
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1';
/** Validators longer than this, or with control characters, are not kept (they are echoed back in a request header). */
const MAX_VALIDATOR = 1024;

/** What one poll needs. */
export interface PollContext {
  readonly store: Store;
  readonly sink: ItemSink;
  readonly gate: HostGate;
  readonly robots: RobotsCache;
  readonly schedule: Schedule;
  readonly random: Random;
  /** Limits of the feed fetch. */
  readonly fetch: { readonly timeoutMs: number; readonly maxBytes: number; readonly maxRedirects: number; readonly isAllowedAddress?: AddressPolicy };
  /** Stops between items: those not yet delivered stay unclaimed for the next run. */
  readonly signal?: AbortSignal;
}

/** How one poll ended: fetched (2xx), not modified (304), refused by robots.txt, or failed. */
export type PollOutcome = 'fetched' | 'not-modified' | 'disallowed' | 'error';

/** One poll of one feed, as `watch` prints it. */
export interface PollResult {
  readonly feed: string;
  /** When the poll started (ISO 8601). */
  readonly at: string;
  readonly outcome: PollOutcome;
  /** The HTTP status of the feed's answer, when there was one. */
  readonly status: number | null;
  /** Items in the feed answer, and those of them not handled before. */
  readonly items: number;
  readonly newItems: number;
  /** New items stored (or found stored as they are) or enqueued. */
  readonly delivered: number;
  /** New items that failed for good (recorded in the store's failures, and not tried again). */
  readonly failed: number;
  /** New items that failed for now (site down, timeout): left unclaimed, tried again at the next poll. */
  readonly retry: number;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly nextPollAt: string;
}

/**
 * Polls one feed: robots.txt, then a conditional GET (If-None-Match / If-Modified-Since from the stored state; 304 →
 * nothing to do), then each item not seen before is delivered and only then claimed, so that a crash between the two
 * delivers it again (the store's upsert key and the queue's job id make that harmless) and never loses it. An item
 * that fails for good is recorded and claimed; one that fails for now stays unclaimed, and the validators are then
 * not kept, so the next poll reads the whole feed again. The state (validators, times, status, error code) is saved
 * at the end; failures back the feed off. Undefined when the watch stopped (signal) before the feed was fetched: the
 * state is left as it was. Rejects only when the store fails (E_STORE_*).
 */
export async function pollFeed(feedUrl: string, ctx: PollContext): Promise<PollResult | undefined> {
  const started = Date.now();
  const previous = await ctx.store.getFeedState(feedUrl);
  const base = { feed: feedUrl, at: new Date(started).toISOString(), items: 0, newItems: 0, delivered: 0, failed: 0, retry: 0 };
  let page: FetchResult;
  try {
    const verdict = await ctx.robots.check(feedUrl, ctx.signal);
    if (!verdict.allowed) {
      const error = new ClaimtraceError('E_WATCH_ROBOTS_DISALLOWED', { origin: new URL(feedUrl).origin, url: feedUrl });
      return await finish(ctx, previous, { ...base, outcome: 'disallowed', status: null, error: errorOf(error) }, { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null }, false);
    }
    page = await ctx.gate.run(new URL(feedUrl).hostname, () => fetchUrl(feedUrl, {
      ...ctx.fetch, contentTypes: FEED_TYPES, headers: conditionalHeaders(previous), notModified: true,
    }), { delayMs: verdict.crawlDelayMs, signal: ctx.signal });
  } catch (err) {
    if (err instanceof WatchStopped) return undefined;
    return failed(ctx, previous, base, err);
  }
  const validators = { etag: validator(page.headers.etag) ?? null, lastModified: validator(page.headers['last-modified']) ?? null };
  if (page.status === 304) {
    // A 304 may leave the validators out; the stored ones still describe the feed.
    const kept = { etag: validators.etag ?? previous?.etag ?? null, lastModified: validators.lastModified ?? previous?.lastModified ?? null };
    return finish(ctx, previous, { ...base, outcome: 'not-modified', status: 304, error: null }, kept, false);
  }
  let sources: KeyedSource[];
  try {
    sources = feedDocumentSources(page.bytes, page.finalUrl, feedUrl);
  } catch (err) {
    return failed(ctx, previous, { ...base, status: page.status }, err);
  }
  const counts = await deliverNew(feedUrl, sources, ctx);
  const complete = counts.retry === 0 && counts.newItems === counts.delivered + counts.failed;
  return finish(ctx, previous, { ...base, ...counts, items: sources.length, outcome: 'fetched', status: page.status, error: null }, complete ? validators : { etag: null, lastModified: null }, false);
}

/** Delivers the unseen items in feed order, claiming each once delivered (or failed for good). */
async function deliverNew(feedUrl: string, sources: readonly KeyedSource[], ctx: PollContext) {
  const unseen = new Set(await ctx.store.unseenFeedItems(feedUrl, sources.map((s) => s.key)));
  const counts = { newItems: unseen.size, delivered: 0, failed: 0, retry: 0 };
  for (const { key, source } of sources) {
    if (!unseen.has(key)) continue;
    if (ctx.signal?.aborted) break;
    unseen.delete(key);
    let delivered: Delivered | undefined;
    try {
      delivered = await ctx.sink.deliver(source);
    } catch (err) {
      if (err instanceof WatchStopped) break;
      const error = toClaimtraceError(err);
      const broken = storeFailure(error);
      if (broken) throw broken;
      if (!isPermanent(error) && error.code !== 'E_WATCH_ROBOTS_DISALLOWED') {
        counts.retry++;
        continue;
      }
      await ctx.store.recordFailure({ input: source.label, code: error.code, message: error.message });
      counts.failed++;
    }
    if (delivered) counts.delivered++;
    await ctx.store.claimFeedItems(feedUrl, [key]);
  }
  return counts;
}

/** The poll failed before any item: the error is recorded and the feed backs off; store errors end the watch. */
async function failed(ctx: PollContext, previous: FeedState | undefined, base: Omit<PollResult, 'outcome' | 'status' | 'error' | 'nextPollAt'> & { status?: number }, err: unknown): Promise<PollResult> {
  const error = toClaimtraceError(err);
  const broken = storeFailure(error);
  if (broken) throw broken;
  const status = base.status ?? (error.code === 'E_URL_HTTP_STATUS' ? Number(error.params.status) : null);
  const kept = { etag: previous?.etag ?? null, lastModified: previous?.lastModified ?? null };
  return finish(ctx, previous, { ...base, outcome: 'error', status, error: errorOf(error) }, kept, true);
}

async function finish(
  ctx: PollContext, previous: FeedState | undefined, result: Omit<PollResult, 'nextPollAt'>, validators: Pick<FeedState, 'etag' | 'lastModified'>, backOff: boolean,
): Promise<PollResult> {
  const polledAt = Date.now();
  const nextPollAt = new Date(polledAt + nextPollDelay(previous, backOff, ctx.schedule, ctx.random)).toISOString();
  const status = result.status !== null && result.status >= 100 && result.status <= 599 ? result.status : null;
  await ctx.store.saveFeedState({
    url: result.feed, ...validators, lastPolledAt: new Date(polledAt).toISOString(), nextPollAt, lastStatus: status, lastError: result.error?.code ?? null,
  });
  return { ...result, nextPollAt };
}

function conditionalHeaders(state: FeedState | undefined): Record<string, string> {
  return {
    accept: FEED_ACCEPT,
    ...(state?.etag ? { 'if-none-match': state.etag } : {}),
    ...(state?.lastModified ? { 'if-modified-since': state.lastModified } : {}),
  };
}

/** A response validator worth echoing back: present, short, printable. */
function validator(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.length <= MAX_VALIDATOR && /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

const errorOf = (error: ClaimtraceError) => ({ code: error.code, message: error.message });
