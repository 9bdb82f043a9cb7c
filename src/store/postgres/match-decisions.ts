import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import { validateMatchDecisionInput, type MatchDecision, type MatchDecisionInput } from '../../review/match-decisions.js';
import { decisionFromRow, LIVE_DECISION, type DecisionRow } from '../match-decision-rows.js';
import { inTransaction } from './transaction.js';

/** After an upsert: a decision whose wording moved to another claim id follows it (the first claim with that text). */
export const RELINK_DECISIONS_SQL = `UPDATE match_decisions AS m SET claim_id = (SELECT c.ann_id FROM claims c WHERE c.document_id = m.document_id AND c.text = m.claim_text ORDER BY c.seq LIMIT 1)
  WHERE m.document_id = $1 AND NOT ${LIVE_DECISION} AND EXISTS (SELECT 1 FROM claims c WHERE c.document_id = m.document_id AND c.text = m.claim_text)`;

const isId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** Match decisions of the PostgreSQL store, as the SQLite store keeps them. */
export function createPostgresMatchDecisions(pool: pg.Pool) {
  return {
    addMatchDecision: (input: MatchDecisionInput): Promise<MatchDecision> => {
      const clean = validateMatchDecisionInput(input);
      return inTransaction(pool, async (client) => {
        const doc = isId(clean.documentId) ? await client.query('SELECT 1 FROM documents WHERE id = $1 FOR SHARE', [clean.documentId]) : { rowCount: 0 };
        if (!doc.rowCount) throw new ClaimtraceError('E_NOT_FOUND', { what: 'document', id: clean.documentId });
        const claim = await client.query<{ text: string }>('SELECT text FROM claims WHERE document_id = $1 AND ann_id = $2', [clean.documentId, clean.claimId]);
        if (!claim.rows[0]) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: `${clean.claimId} in document ${clean.documentId}` });
        const factCheck = isId(clean.factCheckId) ? await client.query('SELECT 1 FROM factchecks WHERE id = $1 FOR SHARE', [clean.factCheckId]) : { rowCount: 0 };
        if (!factCheck.rowCount) throw new ClaimtraceError('E_NOT_FOUND', { what: 'fact-check', id: clean.factCheckId });
        const { rows } = await client.query<DecisionRow>(`INSERT INTO match_decisions (document_id, claim_id, claim_text, factcheck_id, decision, reviewer, note, created_at)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [clean.documentId, clean.claimId, claim.rows[0].text, clean.factCheckId, clean.decision, clean.reviewer, clean.note ?? null, new Date().toISOString()]);
        return decisionFromRow(rows[0]!);
      });
    },
    matchDecisions: async (documentId: number): Promise<MatchDecision[]> => {
      if (!isId(documentId)) return [];
      const { rows } = await pool.query<DecisionRow>(`SELECT * FROM match_decisions m WHERE m.document_id = $1 AND ${LIVE_DECISION} ORDER BY m.id`, [documentId]);
      return rows.map(decisionFromRow);
    },
  };
}
