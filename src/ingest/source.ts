import type { DocumentMeta } from '../core/document.js';
import type { ClaimtraceError } from '../core/errors.js';

/** One article to ingest: its bytes (text or HTML) and metadata that overrides what extraction finds. */
export interface ArticleSource {
  /** How it is named in messages and failure records: a path, or `file.jsonl:12`. */
  readonly label: string;
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly url?: string;
  /** Metadata given with the input (a JSON Lines record); absent fields are left to extraction. */
  readonly meta?: Partial<Record<keyof DocumentMeta, string | undefined>>;
}

/** An input that could not even be read; it is recorded and the run goes on. */
export interface FailedSource {
  readonly label: string;
  readonly error: ClaimtraceError;
}

/** What input expansion yields, one per article (or per unreadable input). */
export type IngestSource = ArticleSource | FailedSource;

/** True for a source that failed before analysis. */
export function isFailedSource(source: IngestSource): source is FailedSource {
  return 'error' in source;
}
