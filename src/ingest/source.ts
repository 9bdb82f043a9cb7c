import type { DocumentMeta } from '../core/document.js';
import type { ClaimtraceError } from '../core/errors.js';

/** Metadata of an input, by field of {@link DocumentMeta}; absent or empty fields say nothing. */
export type SourceMeta = Partial<Record<keyof DocumentMeta, string | undefined>>;

/** One article to ingest: its bytes (text or HTML) and metadata that overrides what extraction finds. */
export interface ArticleSource {
  /** How it is named in messages and failure records: a path, `file.jsonl:12`, `feed.xml#3` or a URL. */
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly url?: string;
  /** Metadata given with the input (a JSON Lines record, a feed item's content); absent fields are left to extraction. */
  readonly meta?: SourceMeta;
  /** Metadata used only where extraction finds none (a feed item's title and date for the page it links to). */
  readonly fallbackMeta?: SourceMeta;
  /** The feed item's GUID (RSS guid, Atom id, JSON Feed id), kept as the stored document's `guid`. */
  readonly guid?: string;
}

/**
 * An article known by its link only (a feed item without full content, a sitemap `<loc>`, a line of a URL list):
 * fetched with the address policy and limits of `analyze` before analysis (see fetch-link.ts).
 */
export interface LinkSource {
  /** How it is named in messages: `feed.xml#3`, `sitemap.xml#12`, `urls.txt:12`. */
  readonly label: string;
  /** The absolute http(s) URL to fetch. */
  readonly link: string;
  /** Title, date and site from the list, used where the fetched page has none. */
  readonly meta?: SourceMeta;
  readonly guid?: string;
}

/** An input that could not even be read; it is recorded and the run goes on. */
export interface FailedSource {
  readonly label: string;
  readonly error: ClaimtraceError;
}

/** What input expansion yields, one per article (or per unreadable input or list item). */
export type IngestSource = ArticleSource | LinkSource | FailedSource;

/** True for a source that failed before analysis. */
export function isFailedSource(source: IngestSource): source is FailedSource {
  return 'error' in source;
}

/** True for an article known by its link only, still to be fetched. */
export function isLinkSource(source: IngestSource): source is LinkSource {
  return 'link' in source;
}
