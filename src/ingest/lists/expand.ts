import { gunzipSync } from 'node:zlib';
import { ClaimtraceError } from '../../core/errors.js';
import { decodeBytes } from '../../extract/decode.js';
import { fetchUrl, type AddressPolicy } from '../../fetch/index.js';
import type { IngestSource } from '../source.js';
import { feedSources, parseFeedItems } from './feed.js';
import { parseSitemap, sitemapLink } from './sitemap.js';
import { sniffBytes } from './sniff.js';
import { urlListSources } from './url-list.js';

/**
 * Largest list (feed, sitemap, URL list) read, decompressed, in bytes, when --max-bytes is lower: the sitemap
 * protocol's own cap (50,000 URLs, 50 MB uncompressed). Articles stay held to --max-bytes.
 */
export const LIST_MAX_BYTES = 50 * 1024 * 1024;
/** Most levels of sitemap indexes followed below the input (an index of indexes of sitemaps). */
export const MAX_SITEMAP_DEPTH = 2;
/** Most child sitemaps fetched for one input, whatever their depth. */
export const MAX_CHILD_SITEMAPS = 1000;
/**
 * Most bytes (decompressed) of a sitemap index and its child sitemaps read for one input, past which no further child
 * is fetched: without it, 1,000 children of 50 MB each were 50 GB. 200 MiB of sitemaps is some 1.5 million URLs, more
 * than one ingest of a site needs. A child is fetched (and decompressed) with what is left of it as its limit, so the
 * budget is never passed: a child larger than what is left ends the index with E_LIST_LIMIT, none of its URLs given.
 */
export const MAX_SITEMAP_INDEX_BYTES = 200 * 1024 * 1024;

/** Media types a fetched input or child sitemap may have: pages, text, feeds, sitemaps, JSON Feed, gzip. */
export const LIST_TYPES: ReadonlySet<string> = new Set([
  'text/html', 'application/xhtml+xml', 'text/plain', 'application/xml', 'text/xml', 'application/rss+xml', 'application/atom+xml',
  'application/rdf+xml', 'application/feed+json', 'application/json', 'application/gzip', 'application/x-gzip', 'application/octet-stream',
]);

/** How inputs given as URLs and child sitemaps are fetched: the limits and address policy of `analyze <url>`. */
export interface ListFetchPolicy {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  /** Which resolved addresses may be connected to; the default policy refuses private, loopback and metadata addresses. */
  readonly isAllowedAddress?: AddressPolicy;
}

/** What expanding one input needs. */
export interface ListContext {
  /** Largest article, in bytes (--max-bytes). */
  readonly maxBytes: number;
  readonly fetch: ListFetchPolicy;
  readonly signal?: AbortSignal;
  /** Most bytes of a sitemap index and its children read for one input (default {@link MAX_SITEMAP_INDEX_BYTES}). */
  readonly maxSitemapBytes?: number;
}

/** What one input's sitemap indexes have used, across levels: children fetched, bytes read, sitemaps seen. */
interface IndexBudget {
  children: number;
  bytes: number;
  /** Each sitemap read, as {@link sitemapKey}: a child listed twice, or an index listing itself, is read once. */
  readonly seen: Set<string>;
}

/** Bytes of one input with what is known about them. */
export interface ContentInput {
  readonly label: string;
  readonly bytes: Uint8Array;
  /** Content type to give an article (a file's type by extension, a server's header). */
  readonly contentType?: string;
  /** Media type hint for sniffing: `xml` for a `.xml` file, the server's type for a fetched input. */
  readonly hint?: string;
  /** The address it was fetched from (after redirects): the article's URL, and the base of a list's relative links. */
  readonly url?: string;
}

/** The larger of the article limit and {@link LIST_MAX_BYTES}: how much of an input that may be a list is read. */
export function listLimit(maxBytes: number): number {
  return Math.max(maxBytes, LIST_MAX_BYTES);
}

/**
 * The sources in one input: itself as an article, the items of a feed, sitemap or URL list (a sitemap index's child
 * sitemaps fetched once each, at most {@link MAX_SITEMAP_DEPTH} levels, {@link MAX_CHILD_SITEMAPS} children and
 * {@link MAX_SITEMAP_INDEX_BYTES} bytes, else E_LIST_LIMIT after what was read), or one failure: E_INPUT_UNRECOGNISED
 * for content that is neither (XML that is no feed, JSON that is no JSON Feed).
 */
export async function* expandContent(input: ContentInput, ctx: ListContext): AsyncGenerator<IngestSource> {
  const seen = new Set([input.url, input.label].map(sitemapKey).filter((key) => key !== undefined));
  yield* expandAt(input, ctx, 0, { children: 0, bytes: input.bytes.byteLength, seen });
}

/**
 * The key a sitemap's URL is known by: its absolute http(s) URL as WHATWG parses it (scheme and host in lower case,
 * default port and dot segments dropped, escapes as written) without a fragment; undefined for a file path.
 */
export function sitemapKey(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    parsed.hash = '';
    return parsed.href;
  } catch {
    return undefined;
  }
}

async function* expandAt(input: ContentInput, ctx: ListContext, depth: number, budget: IndexBudget): AsyncGenerator<IngestSource> {
  const { label } = input;
  const { sniffed, text } = sniffBytes(input.bytes, { type: input.hint });
  if (depth > 0 && sniffed.kind !== 'sitemap') {
    yield { label, error: new ClaimtraceError('E_LIST_INVALID', { input: label, kind: 'sitemap', reason: 'a sitemap index lists it, but it is no sitemap' }) };
    return;
  }
  try {
    if (sniffed.kind === 'unrecognised') throw new ClaimtraceError('E_INPUT_UNRECOGNISED', { input: label, reason: sniffed.reason });
    if (sniffed.kind === 'article') return yield articleOf(input, ctx.maxBytes);
    const body = text ?? decodeBytes(input.bytes, label);
    if (sniffed.kind === 'url-list') return yield* urlListSources(body, label);
    if (sniffed.kind === 'feed') {
      const feed = parseFeedItems(body, label);
      return yield* feedSources(feed.items, label, input.url ?? feed.home);
    }
    yield* sitemapSources(parseSitemap(body, label), input, ctx, depth, budget);
  } catch (err) {
    if (!(err instanceof ClaimtraceError)) throw err;
    yield { label, error: err };
  }
}

async function* sitemapSources(sitemap: ReturnType<typeof parseSitemap>, input: ContentInput, ctx: ListContext, depth: number, budget: IndexBudget): AsyncGenerator<IngestSource> {
  const { label } = input;
  if (sitemap.kind === 'urlset') {
    for (const [i, url] of sitemap.urls.entries()) {
      const item = `${label}#${i + 1}`;
      const found = sitemapLink(url, input.url);
      yield 'reason' in found ? { label: item, error: new ClaimtraceError('E_LIST_ITEM_INVALID', { item, reason: found.reason }) } : { label: item, link: found.link, meta: found.meta };
    }
    return;
  }
  if (depth >= MAX_SITEMAP_DEPTH) throw new ClaimtraceError('E_LIST_LIMIT', { input: label, reason: `sitemap indexes are followed ${MAX_SITEMAP_DEPTH} levels deep at most` });
  const maxBytes = ctx.maxSitemapBytes ?? MAX_SITEMAP_INDEX_BYTES;
  for (const [i, loc] of sitemap.sitemaps.entries()) {
    if (ctx.signal?.aborted) return;
    const child = sitemapLink({ loc }, input.url);
    if ('reason' in child) {
      const item = `${label}#${i + 1}`;
      yield { label: item, error: new ClaimtraceError('E_LIST_ITEM_INVALID', { item, reason: child.reason }) };
      continue;
    }
    const key = sitemapKey(child.link)!;
    if (budget.seen.has(key)) continue; // already read for this input: its URLs came out then
    if (budget.children >= MAX_CHILD_SITEMAPS) throw new ClaimtraceError('E_LIST_LIMIT', { input: label, reason: `${MAX_CHILD_SITEMAPS} child sitemaps were read, the most for one input` });
    if (budget.bytes >= maxBytes) throw new ClaimtraceError('E_LIST_LIMIT', { input: label, reason: `${budget.bytes} bytes of sitemaps were read, more than the ${maxBytes} read for one input` });
    budget.children++;
    budget.seen.add(key);
    const left = maxBytes - budget.bytes;
    const limit = listLimit(ctx.maxBytes);
    let fetched: ContentInput;
    try {
      fetched = await fetchInput(child.link, ctx, Math.min(limit, left));
    } catch (err) {
      if (!(err instanceof ClaimtraceError)) throw err;
      if (err.code === 'E_INPUT_TOO_LARGE' && left < limit) {
        throw new ClaimtraceError('E_LIST_LIMIT', { input: label, reason: `${child.link} is larger than the ${left} bytes left of the ${maxBytes} read for one input's sitemaps` });
      }
      yield { label: child.link, error: err };
      continue;
    }
    budget.bytes += fetched.bytes.byteLength;
    const landed = sitemapKey(fetched.url);
    if (landed && landed !== key) {
      if (budget.seen.has(landed)) continue; // redirected to a sitemap already read (the index itself, a sibling)
      budget.seen.add(landed);
    }
    yield* expandAt(fetched, ctx, depth + 1, budget);
  }
}

/** An input taken as one article: refused past the article limit (lists may be larger). */
function articleOf(input: ContentInput, maxBytes: number): IngestSource {
  const size = input.bytes.byteLength;
  if (size > maxBytes) return { label: input.label, error: new ClaimtraceError('E_INPUT_TOO_LARGE', { size, limit: maxBytes, input: input.label }) };
  return { label: input.label, bytes: input.bytes, ...(input.contentType ? { contentType: input.contentType } : {}), ...(input.url ? { url: input.url } : {}) };
}

/**
 * Fetches an input given as a URL, or a child sitemap, through src/fetch (address policy at every hop, time and size
 * limits), accepting feed, sitemap and gzip types besides pages; a gzip body (a `.xml.gz` sitemap) is inflated within
 * `limit` (the list limit, or what is left of a sitemap index's budget): E_INPUT_TOO_LARGE past it.
 */
export async function fetchInput(url: string, ctx: ListContext, limit = listLimit(ctx.maxBytes)): Promise<ContentInput> {
  const page = await fetchUrl(url, {
    timeoutMs: ctx.fetch.timeoutMs, maxRedirects: ctx.fetch.maxRedirects, maxBytes: limit, contentTypes: LIST_TYPES,
    ...(ctx.fetch.isAllowedAddress ? { isAllowedAddress: ctx.fetch.isAllowedAddress } : {}),
  });
  const type = page.contentType.split(';')[0]!.trim().toLowerCase();
  const gz = page.bytes[0] === 0x1f && page.bytes[1] === 0x8b;
  const bytes = gz ? inflate(page.bytes, limit, url) : page.bytes;
  const pageType = type === 'text/html' || type === 'application/xhtml+xml' || type === 'text/plain' ? page.contentType : undefined;
  return { label: url, bytes, url: page.finalUrl, hint: gz ? undefined : type, ...(pageType ? { contentType: pageType } : {}) };
}

function inflate(bytes: Uint8Array, limit: number, url: string): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err) {
    if (err instanceof RangeError || (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: `more than ${limit} (decompressed)`, limit, input: url });
    }
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: url, reason: `not valid gzip (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
  }
}
