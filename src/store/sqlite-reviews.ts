import type { Database } from 'better-sqlite3';
import { ClaimtraceError } from '../core/errors.js';
import type { Review, ReviewInput } from '../review/types.js';
import { validateReviewInput } from '../review/validate.js';
import { LIVE_REVIEW, reviewFromRow, type ReviewRow } from './review-rows.js';
import { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT, wholeNumber } from './row-values.js';
import { filterSql } from './sqlite-search.js';
import type { DocumentList, DocumentListQuery, DocumentSummary } from './types.js';

/** Prepares the review and listing statements once per store. */
export function createSqliteReviews(db: Database) {
  const documentExists = db.prepare('SELECT 1 FROM documents WHERE id = ?');
  const claimText = db.prepare('SELECT text FROM claims WHERE document_id = ? AND ann_id = ?');
  const insert = db.prepare(`INSERT INTO reviews (document_id, claim_id, claim_text, rating, explanation, evidence_urls, reviewer, created_at)
    VALUES (@documentId, @claimId, @claimText, @rating, @explanation, @evidenceUrls, @reviewer, @createdAt) RETURNING *`);
  const listed = db.prepare(`SELECT * FROM reviews r WHERE r.document_id = ? AND ${LIVE_REVIEW} ORDER BY r.id`);
  // After an upsert: a review whose wording moved to another claim id follows it (the first claim with that text).
  const relink = db.prepare(`UPDATE reviews AS r SET claim_id = (SELECT c.ann_id FROM claims c WHERE c.document_id = r.document_id AND c.text = r.claim_text ORDER BY c.seq LIMIT 1)
    WHERE r.document_id = ? AND NOT ${LIVE_REVIEW} AND EXISTS (SELECT 1 FROM claims c WHERE c.document_id = r.document_id AND c.text = r.claim_text)`);

  const addReview = db.transaction((input: ReviewInput): Review => {
    const clean = validateReviewInput(input);
    if (!documentExists.get(clean.documentId)) throw new ClaimtraceError('E_NOT_FOUND', { what: 'document', id: clean.documentId });
    const claim = claimText.get(clean.documentId, clean.claimId) as { text: string } | undefined;
    if (!claim) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: `${clean.claimId} in document ${clean.documentId}` });
    const row = insert.get({ ...clean, claimText: claim.text, evidenceUrls: JSON.stringify(clean.evidenceUrls), createdAt: new Date().toISOString() });
    return reviewFromRow(row as ReviewRow);
  });
  return {
    addReview: (input: ReviewInput) => addReview.immediate(input),
    reviews: (documentId: number) => (listed.all(documentId) as ReviewRow[]).map(reviewFromRow),
    /** Re-points reviews after the document's claims were rewritten (inside the upsert's transaction). */
    relink: (documentId: number) => void relink.run(documentId),
    listDocuments: createLister(db),
  };
}

/** The paged listing of documents, newest published first (undated last), then newest stored first. */
function createLister(db: Database): (query: DocumentListQuery) => DocumentList {
  const cache = new Map<string, { count: ReturnType<Database['prepare']>; page: ReturnType<Database['prepare']> }>();
  const statements = (filters: string) => {
    let s = cache.get(filters);
    if (!s) {
      s = {
        count: db.prepare(`SELECT COUNT(*) AS n FROM documents d WHERE 1 = 1${filters}`),
        page: db.prepare(`SELECT d.id AS documentId, d.url, d.title, d.site, d.published, d.word_count AS words,
            (SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id) AS claims,
            (SELECT COUNT(DISTINCT r.claim_id) FROM reviews r WHERE r.document_id = d.id AND ${LIVE_REVIEW}) AS reviewed
          FROM documents d WHERE 1 = 1${filters} ORDER BY d.published DESC, d.id DESC LIMIT @limit OFFSET @offset`),
      };
      cache.set(filters, s);
    }
    return s;
  };
  return (query) => {
    const { sql, params } = filterSql(query);
    const { count, page } = statements(sql);
    const limit = Math.min(wholeNumber(query.limit, DEFAULT_LIST_LIMIT), MAX_LIST_LIMIT);
    const offset = wholeNumber(query.offset, 0);
    const total = (count.get(params) as { n: number }).n;
    return { total, items: page.all({ ...params, limit, offset }) as DocumentSummary[] };
  };
}
