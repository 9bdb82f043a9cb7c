import type { DocumentMeta } from '../core/document.js';

/** What extraction yields: the article text (never changed afterwards) and the metadata found. */
export interface Extracted {
  readonly text: string;
  readonly meta: DocumentMeta;
}
