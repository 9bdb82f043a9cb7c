import { decodeBytes } from '../extract/decode.js';
import { feedSources, parseFeedItems } from '../ingest/lists/feed.js';
import { isFailedSource } from '../ingest/source.js';
import type { WatchSource } from './sink.js';

/** A feed item as watch handles it: what it is remembered by, and the source to store or enqueue. */
export interface KeyedSource {
  /** The item's GUID (RSS guid, Atom id, JSON Feed id), else its link. */
  readonly key: string;
  readonly source: WatchSource;
}

/**
 * The items of a fetched feed document, in feed order, each once by key, parsed as `ingest` parses a feed (the feeds
 * code of src/ingest/lists: an item with full content is an article, else a link to fetch). Each is labelled by its
 * link (the failure record and the stored document's input), which stays the same from poll to poll, where the
 * feed position would not. Items with neither a usable link nor full content are left out. Rejects with
 * E_LIST_INVALID (not a feed) or E_INPUT_EMPTY / E_INPUT_BINARY.
 */
export function feedDocumentSources(bytes: Uint8Array, finalUrl: string, feedUrl: string): KeyedSource[] {
  const feed = parseFeedItems(decodeBytes(bytes, feedUrl), feedUrl);
  const keyed = new Map<string, KeyedSource>();
  for (const source of feedSources(feed.items, feedUrl, finalUrl)) {
    if (isFailedSource(source)) continue;
    const link = 'link' in source ? source.link : source.url;
    const key = source.guid ?? link;
    if (key === undefined || keyed.has(key)) continue;
    keyed.set(key, { key, source: { ...source, label: link ?? `${feedUrl}#${key}` } });
  }
  return [...keyed.values()];
}
