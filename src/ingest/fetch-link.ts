import { createHostPoliteness } from '../fetch/host-politeness.js';
import { fetchUrl, type AddressPolicy } from '../fetch/index.js';
import type { ArticleSource, LinkSource } from './source.js';

/** Options of {@link fetchLinkSource}: the limits and address policy of `analyze <url>`. */
export interface LinkFetchOptions {
  /** Time limit of the whole fetch, redirects included, in ms. */
  readonly timeoutMs: number;
  /** Largest (decompressed) page accepted, in bytes: the article limit. */
  readonly maxBytes: number;
  readonly maxRedirects: number;
  /** Which resolved addresses may be connected to; defaults to the public-only policy of src/fetch. */
  readonly isAllowedAddress?: AddressPolicy;
}

/**
 * Fetches the page of a link (a feed item, a sitemap URL, a line of a URL list) as `analyze <url>` does (HTML or text,
 * address policy at every hop, time and size limits) and returns it as an article: URL after redirects, the list's
 * title, date, byline and site used only where extraction finds none, and the item's GUID. Rejects with the fetch's
 * ClaimtraceError (E_URL_FORBIDDEN, E_URL_HTTP_STATUS, E_URL_TIMEOUT, E_INPUT_TOO_LARGE, …).
 */
export async function fetchLinkSource(source: LinkSource, options: LinkFetchOptions): Promise<ArticleSource> {
  const page = await fetchUrl(source.link, {
    timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, maxRedirects: options.maxRedirects,
    ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}),
  });
  return {
    label: source.label, bytes: page.bytes, contentType: page.contentType, url: page.finalUrl,
    ...(source.meta ? { fallbackMeta: source.meta } : {}), ...(source.guid ? { guid: source.guid } : {}),
  };
}

/** Options of {@link createHostScheduler}. */
export interface HostSchedulerOptions {
  /** Most tasks running at once, over all hosts. */
  readonly concurrency: number;
  /** Pause between the end of one request to a host and the start of the next to it, in ms. */
  readonly hostDelayMs: number;
}

/** Runs fetches with bounded concurrency and per-host politeness. */
export interface HostScheduler {
  /** Runs `task` when fewer than `concurrency` run, no other task of the URL's host runs, and its host's pause is over. */
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

/**
 * A scheduler for fetching many links: at most `concurrency` at once, one at a time per host, with `hostDelayMs`
 * between two requests to the same host (a crawler's courtesy; a sitemap is usually one host's pages). Tasks start in
 * the order given, except that a task whose host is busy or resting lets later tasks of other hosts go first. The
 * ingest view of src/fetch/host-politeness.ts, which the watch's gate shares.
 */
export function createHostScheduler(options: HostSchedulerOptions): HostScheduler {
  const politeness = createHostPoliteness({ minGapMs: options.hostDelayMs, concurrency: options.concurrency });
  return { run: (url, task) => politeness.run(hostOf(url), task) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
