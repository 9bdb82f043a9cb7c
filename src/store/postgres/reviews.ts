import type pg from 'pg';
import { ClaimtraceError } from '../../core/errors.js';
import type { Review, ReviewInput } from '../../review/types.js';
import { validateReviewInput } from '../../review/validate.js';
import { LIVE_REVIEW, reviewFromRow, type ReviewRow } from '../review-rows.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, wholeNumber } from '../row-values.js';
import type { DocumentList, DocumentListQuery, DocumentSummary } from '../types.js';
import { pgFilterSql } from './search.js';
import { inTransaction } from './transaction.js';

/** A document id PostgreSQL can compare (BIGINT); anything else names no document. */
const isId = (id: number) => Number.isSafeInteger(id) && id > 0;

/** Reviews and the document listing of the PostgreSQL store, as the SQLite store has them. */
export function createPostgresReviews(pool: pg.Pool) {
  const addReview = (input: ReviewInput): Promise<Review> => {
    const clean = validateReviewInput(input);
    return inTransaction(pool, async (client) => {
      // The document row is locked so that an upsert rewriting its claims cannot slip between the check and the insert.
      const doc = isId(clean.documentId) ? await client.query('SELECT 1 FROM documents WHERE id = $1 FOR SHARE', [clean.documentId]) : { rowCount: 0 };
      if (!doc.rowCount) throw new ClaimtraceError('E_NOT_FOUND', { what: 'document', id: clean.documentId });
      const claim = await client.query<{ text: string }>('SELECT text FROM claims WHERE document_id = $1 AND ann_id = $2', [clean.documentId, clean.claimId]);
      if (!claim.rows[0]) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: `${clean.claimId} in document ${clean.documentId}` });
      const { rows } = await client.query<ReviewRow>(`INSERT INTO reviews (document_id, claim_id, claim_text, rating, explanation, evidence_urls, reviewer, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
      [clean.documentId, clean.claimId, claim.rows[0].text, clean.rating, clean.explanation, JSON.stringify(clean.evidenceUrls), clean.reviewer, new Date().toISOString()]);
      return reviewFromRow(rows[0]!);
    });
  };
  const reviews = async (documentId: number): Promise<Review[]> => {
    if (!isId(documentId)) return [];
    const { rows } = await pool.query<ReviewRow>(`SELECT * FROM reviews r WHERE r.document_id = $1 AND ${LIVE_REVIEW} ORDER BY r.id`, [documentId]);
    return rows.map(reviewFromRow);
  };
  const listDocuments = async (query: DocumentListQuery): Promise<DocumentList> => {
    const { sql, params } = pgFilterSql(query, 1);
    const limit = Math.min(wholeNumber(query.limit, DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
    const offset = wholeNumber(query.offset, 0);
    const n = params.length;
    const [count, page] = await Promise.all([
      pool.query<{ n: number }>(`SELECT count(*) AS n FROM documents d WHERE true${sql}`, params),
      pool.query<DocumentSummary>(`SELECT d.id AS "documentId", d.url, d.title, d.site, d.published, d.word_count AS words,
          (SELECT count(*) FROM claims c WHERE c.document_id = d.id) AS claims,
          (SELECT count(DISTINCT r.claim_id) FROM reviews r WHERE r.document_id = d.id AND ${LIVE_REVIEW}) AS reviewed
        FROM documents d WHERE true${sql} ORDER BY d.published DESC NULLS LAST, d.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]),
    ]);
    return { total: count.rows[0]!.n, items: page.rows };
  };
  return { addReview, reviews, listDocuments };
}
