import type { Report } from '../core/report-schema.js';
import { harbourReport } from '../report/report-fixture.js';
import type { Review } from '../review/types.js';

/** The renderer tests' invented harbour article (six claims c1–c6), shared by the export tests. */
export const HARBOUR: Report = harbourReport();

/** A review of a claim of {@link HARBOUR} (document 7), with the given fields over plain defaults. */
export function reviewOf(id: number, claimId: string, fields: Partial<Review> = {}): Review {
  return {
    id, documentId: 7, claimId, rating: 'false', explanation: '', evidenceUrls: [], reviewer: 'Ines Varga', createdAt: '2024-03-05T14:20:00.000Z', ...fields,
  };
}
