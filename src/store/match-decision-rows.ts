import type { MatchDecision } from '../review/match-decisions.js';
import { isoTimestamp } from './row-values.js';

/** A match_decisions row as either store returns it (created_at is text in SQLite, Date in PostgreSQL). */
export interface DecisionRow {
  id: number;
  document_id: number;
  claim_id: string;
  factcheck_id: number;
  decision: MatchDecision['decision'];
  reviewer: string;
  note: string | null;
  created_at: string | Date;
}

/** A match_decisions row as the decision it records; no note (NULL) reads back without the field. */
export const decisionFromRow = (r: DecisionRow): MatchDecision => ({
  id: r.id, documentId: r.document_id, claimId: r.claim_id, factCheckId: r.factcheck_id, decision: r.decision, reviewer: r.reviewer,
  ...(r.note === null ? {} : { note: r.note }), createdAt: isoTimestamp(r.created_at),
});

/** A decision is listed while its document has a claim with its id and the wording it was made on, as reviews are (portable SQL; alias m). */
export const LIVE_DECISION = 'EXISTS (SELECT 1 FROM claims c WHERE c.document_id = m.document_id AND c.ann_id = m.claim_id AND c.text = m.claim_text)';
