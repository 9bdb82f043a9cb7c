import type { Database } from 'better-sqlite3';
import { ClaimtraceError } from '../core/errors.js';
import { validateMatchDecisionInput, type MatchDecision, type MatchDecisionInput } from '../review/match-decisions.js';
import { decisionFromRow, LIVE_DECISION, type DecisionRow } from './match-decision-rows.js';

/** Prepares the match-decision statements once per store. */
export function createSqliteMatchDecisions(db: Database) {
  const documentExists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  const factCheckExists = db.prepare('SELECT 1 FROM factchecks WHERE id = ?');
  const claimText = db.prepare('SELECT text FROM claims WHERE document_id = ? AND ann_id = ?');
  const insert = db.prepare(`INSERT INTO match_decisions (document_id, claim_id, claim_text, factcheck_id, decision, reviewer, note, created_at)
    VALUES (@documentId, @claimId, @claimText, @factCheckId, @decision, @reviewer, @note, @createdAt) RETURNING *`);
  const listed = db.prepare(`SELECT * FROM match_decisions m WHERE m.document_id = ? AND ${LIVE_DECISION} ORDER BY m.id`);
  // After an upsert: a decision whose wording moved to another claim id follows it (the first claim with that text).
  const relink = db.prepare(`UPDATE match_decisions AS m SET claim_id = (SELECT c.ann_id FROM claims c WHERE c.document_id = m.document_id AND c.text = m.claim_text ORDER BY c.seq LIMIT 1)
    WHERE m.document_id = ? AND NOT ${LIVE_DECISION} AND EXISTS (SELECT 1 FROM claims c WHERE c.document_id = m.document_id AND c.text = m.claim_text)`);

  const add = db.transaction((input: MatchDecisionInput): MatchDecision => {
    const clean = validateMatchDecisionInput(input);
    if (!documentExists.get(clean.documentId)) throw new ClaimtraceError('E_NOT_FOUND', { what: 'document', id: clean.documentId });
    const claim = claimText.get(clean.documentId, clean.claimId) as { text: string } | undefined;
    if (!claim) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: `${clean.claimId} in document ${clean.documentId}` });
    if (!factCheckExists.get(clean.factCheckId)) throw new ClaimtraceError('E_NOT_FOUND', { what: 'fact-check', id: clean.factCheckId });
    const row = insert.get({ ...clean, note: clean.note ?? null, claimText: claim.text, createdAt: new Date().toISOString() });
    return decisionFromRow(row as DecisionRow);
  });
  return {
    addMatchDecision: (input: MatchDecisionInput) => add.immediate(input),
    matchDecisions: (documentId: number) => (listed.all(documentId) as DecisionRow[]).map(decisionFromRow),
    /** Re-points decisions after the document's claims were rewritten (inside the upsert's transaction). */
    relink: (documentId: number) => void relink.run(documentId),
  };
}
