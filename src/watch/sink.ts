import type { ArticleSource, LinkSource } from '../ingest/source.js';

/** A new feed item on its way: an article (a feed item with full content) or a link still to fetch. */
export type WatchSource = ArticleSource | LinkSource;

/** What became of a delivered item: stored by in-process analysis, or handed to the queue. */
export type Delivered = 'inserted' | 'updated' | 'unchanged' | 'enqueued' | 'already-queued';

/** Where new items go. `deliver` resolves once the item is durably stored or enqueued, and rejects with a ClaimtraceError. */
export interface ItemSink {
  deliver(source: WatchSource): Promise<Delivered>;
  close(): Promise<void>;
}
