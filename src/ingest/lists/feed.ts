import { parseFeed, type AnyFeed } from 'feedsmith';
import { ClaimtraceError } from '../../core/errors.js';
import type { IngestSource, SourceMeta } from '../source.js';
import { replaceTags, replaceTagsAndElements } from './markup.js';
import settings from './feed-content.json' with { type: 'json' };

/** One item of a feed, whatever its format. */
export interface FeedItem {
  readonly title?: string;
  /** The item's link as written (relative links are resolved against the feed). */
  readonly link?: string;
  readonly guid?: string;
  /** As written in the feed; normalised to ISO 8601 by {@link isoDate}. */
  readonly published?: string;
  readonly byline?: string;
  /** The full-content field, if any: HTML, or plain text (JSON Feed content_text, Atom type="text"). */
  readonly content?: { readonly body: string; readonly html: boolean };
}

/** Characters of text from which a full-content field counts as the article (data with its reason in feed-content.json). */
export const MIN_CONTENT_CHARS: number = settings.minContentChars;

const encoder = new TextEncoder();

/** Parses RSS 2.0/0.9x, Atom, RDF (RSS 1.0) or JSON Feed with feedsmith; E_LIST_INVALID when it cannot be read. */
export function parseFeedItems(text: string, label: string): { items: FeedItem[]; home?: string } {
  let parsed: AnyFeed;
  try {
    parsed = parseFeed(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ClaimtraceError('E_LIST_INVALID', { input: label, kind: 'feed', reason: err instanceof Error ? err.message : String(err) });
  }
  return itemsOf(parsed);
}

function itemsOf(parsed: AnyFeed): { items: FeedItem[]; home?: string } {
  if (parsed.format === 'json') {
    const feed = parsed.feed;
    return {
      home: feed.home_page_url,
      items: (feed.items ?? []).map((item) => ({
        title: item.title, link: item.url ?? item.external_url, guid: idOf(item.id), published: item.date_published ?? item.date_modified,
        byline: item.authors?.[0]?.name,
        content: item.content_html ? { body: item.content_html, html: true } : item.content_text ? { body: item.content_text, html: false } : undefined,
      })),
    };
  }
  if (parsed.format === 'atom') {
    const feed = parsed.feed;
    return {
      home: alternate(feed.links),
      items: (feed.entries ?? []).map((entry) => ({
        title: entry.title?.value, link: alternate(entry.links), guid: entry.id, published: entry.published ?? entry.updated, byline: entry.authors?.[0]?.name,
        content: entry.content?.value && !entry.content.src ? { body: entry.content.value, html: entry.content.type !== 'text' } : undefined,
      })),
    };
  }
  if (parsed.format === 'rss') {
    const feed = parsed.feed;
    return {
      home: feed.link,
      items: (feed.items ?? []).map((item) => ({
        title: item.title, link: item.link ?? (item.guid?.isPermaLink !== false ? item.guid?.value : undefined), guid: item.guid?.value,
        published: item.pubDate ?? item.dc?.dates?.[0], byline: item.dc?.creators?.[0] ?? personName(item.authors?.[0]),
        content: item.content?.encoded ? { body: item.content.encoded, html: true } : undefined,
      })),
    };
  }
  const feed = parsed.feed;
  return {
    home: feed.link,
    items: (feed.items ?? []).map((item) => ({
      title: item.title, link: item.link, guid: item.rdf?.about, published: item.dc?.dates?.[0], byline: item.dc?.creators?.[0],
      content: item.content?.encoded ? { body: item.content.encoded, html: true } : undefined,
    })),
  };
}

/** An RSS author: a name, or an address (RSS 2.0's <author> is an e-mail). */
function personName(person: string | { name?: string; email?: string } | undefined): string | undefined {
  return typeof person === 'string' ? person : (person?.name ?? person?.email);
}

/** A JSON Feed id: a string by the spec, a number in some feeds. */
function idOf(id: unknown): string | undefined {
  return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : undefined;
}

/** The link a reader follows: rel="alternate" (or no rel), else the first. */
function alternate(links: readonly { href?: string; rel?: string }[] | undefined): string | undefined {
  return (links?.find((l) => l.rel === undefined || l.rel === 'alternate') ?? links?.[0])?.href;
}

/**
 * The sources of a feed's items, in feed order, labelled `label#n` (n from 1). An item with a full-content field of at
 * least {@link MIN_CONTENT_CHARS} characters of text is an article of that content; otherwise its link is fetched
 * later (a LinkSource). An item with neither a usable link nor full content is E_LIST_ITEM_INVALID.
 */
export function* feedSources(items: readonly FeedItem[], label: string, base: string | undefined): Generator<IngestSource> {
  for (const [i, item] of items.entries()) {
    const itemLabel = `${label}#${i + 1}`;
    const link = absoluteHttp(item.link, base);
    const meta: SourceMeta = { title: plainTitle(item.title), published: isoDate(item.published), byline: item.byline?.trim() || undefined, site: link ? siteOf(link) : undefined, url: link };
    const guid = item.guid?.trim() || undefined;
    if (item.content && textLength(item.content) >= MIN_CONTENT_CHARS) {
      yield { label: itemLabel, bytes: encoder.encode(item.content.body), contentType: item.content.html ? 'text/html' : 'text/plain', ...(link ? { url: link } : {}), meta, ...(guid ? { guid } : {}) };
    } else if (link) {
      yield { label: itemLabel, link, meta, ...(guid ? { guid } : {}) };
    } else {
      const reason = item.link ? `its link "${item.link}" is not an http(s) URL` : 'it has no link';
      yield { label: itemLabel, error: new ClaimtraceError('E_LIST_ITEM_INVALID', { item: itemLabel, reason: `${reason} and no full content (${MIN_CONTENT_CHARS} characters or more)` }) };
    }
  }
}

/** Length of a content field's text, markup left out and white space collapsed (a measure only; extraction reads the HTML). */
export function textLength(content: { body: string; html: boolean }): number {
  const text = content.html ? replaceTagsAndElements(content.body, ' ').replace(/&(?:#\d+|#x[\da-f]+|\w+);/gi, 'x') : content.body;
  return text.replace(/\s+/g, ' ').trim().length;
}

/** An absolute http(s) URL for a link, resolved against the feed's address or home page; undefined otherwise. */
export function absoluteHttp(link: string | undefined, base: string | undefined): string | undefined {
  if (!link?.trim()) return undefined;
  try {
    const url = base ? new URL(link.trim(), base) : new URL(link.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The site of a link: its host name without a leading `www.`. */
export function siteOf(link: string): string {
  return new URL(link).hostname.replace(/^www\./i, '');
}

/** A title without markup (Atom titles may be type="html") or surrounding white space. */
function plainTitle(title: string | undefined): string | undefined {
  const plain = title == null ? undefined : replaceTags(title, '').replace(/\s+/g, ' ').trim();
  return plain || undefined;
}

/** A feed date as ISO 8601: a plain date stays a date; RFC 822 and date-times become UTC instants; unreadable: undefined. */
export function isoDate(value: string | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
