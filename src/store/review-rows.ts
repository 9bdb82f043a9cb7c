import type { Review } from '../review/types.js';
import { isoTimestamp } from './row-values.js';

/** A reviews row as either store returns it (created_at is text in SQLite, Date in PostgreSQL). */
export interface ReviewRow {
  id: number;
  document_id: number;
  claim_id: string;
  rating: Review['rating'];
  explanation: string;
  evidence_urls: string;
  reviewer: string;
  created_at: string | Date;
}

/** A reviews row as the review it records. */
export const reviewFromRow = (r: ReviewRow): Review => ({
  id: r.id, documentId: r.document_id, claimId: r.claim_id, rating: r.rating, explanation: r.explanation,
  evidenceUrls: JSON.parse(r.evidence_urls) as string[], reviewer: r.reviewer, createdAt: isoTimestamp(r.created_at),
});

/** A review is listed while its document has a claim with its id and the wording it was given on (portable SQL; alias r). */
export const LIVE_REVIEW = 'EXISTS (SELECT 1 FROM claims c WHERE c.document_id = r.document_id AND c.ann_id = r.claim_id AND c.text = r.claim_text)';
