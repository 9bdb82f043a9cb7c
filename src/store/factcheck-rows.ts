import { createHash } from 'node:crypto';
import { ClaimtraceError } from '../core/errors.js';
import { FactCheckSchema, type FactCheck } from '../factchecks/import/schema.js';
import { DEFAULT_LIST_LIMIT, isoTimestamp, MAX_LIST_LIMIT } from './row-values.js';
import type { FactCheckListQuery, StoredFactCheck } from './types.js';

/** A factchecks row as either store returns it (timestamps are text in SQLite, Date in PostgreSQL). */
export interface FactCheckRow {
  id: number;
  claim: string;
  url: string;
  rating_name: string | null;
  rating_alternate_name: string | null;
  rating_value: number | null;
  best_rating: number | null;
  worst_rating: number | null;
  publisher_name: string | null;
  publisher_url: string | null;
  review_date: string | null;
  language: string | null;
  claimant: string | null;
  claim_date: string | null;
  title: string | null;
  created_at: string | Date;
  updated_at: string | Date;
}

/** The content columns of a fact-check, in the order both stores write them. */
export const FACTCHECK_COLUMNS = ['claim', 'url', 'rating_name', 'rating_alternate_name', 'rating_value', 'best_rating', 'worst_rating', 'publisher_name', 'publisher_url', 'review_date', 'language', 'claimant', 'claim_date', 'title'] as const;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A fact-check's content column values, keyed and in FACTCHECK_COLUMNS order. */
export function factCheckToRow(fc: FactCheck): Record<(typeof FACTCHECK_COLUMNS)[number], string | number | null> {
  return {
    claim: fc.claim, url: fc.url,
    rating_name: fc.rating.name, rating_alternate_name: fc.rating.alternateName, rating_value: fc.rating.value, best_rating: fc.rating.best, worst_rating: fc.rating.worst,
    publisher_name: fc.publisher.name, publisher_url: fc.publisher.url,
    review_date: fc.date, language: fc.language, claimant: fc.claimant, claim_date: fc.claimDate, title: fc.title,
  };
}

export function factCheckFromRow(r: FactCheckRow): StoredFactCheck {
  return {
    id: r.id, claim: r.claim, url: r.url,
    rating: { name: r.rating_name, alternateName: r.rating_alternate_name, value: r.rating_value, best: r.best_rating, worst: r.worst_rating },
    publisher: { name: r.publisher_name, url: r.publisher_url },
    date: r.review_date, language: r.language, claimant: r.claimant, claimDate: r.claim_date, title: r.title,
    createdAt: isoTimestamp(r.created_at), updatedAt: isoTimestamp(r.updated_at),
  };
}

/** A fact-check as the store takes it: validated, or E_REQUEST_INVALID naming the field. */
export function validatedFactCheck(input: FactCheck): FactCheck {
  const parsed = FactCheckSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `fact-check ${issue.path.join('.') || ''}: ${issue.message}` });
}

/** The page a fact-check listing asks for: limit 1 to MAX_LIST_LIMIT (default DEFAULT_LIST_LIMIT), offset from 0. */
export function factCheckListWindow(query: FactCheckListQuery): { limit: number; offset: number } {
  const limit = Math.min(Math.max(1, Math.floor(query.limit ?? DEFAULT_LIST_LIMIT)), MAX_LIST_LIMIT);
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  return { limit, offset };
}
