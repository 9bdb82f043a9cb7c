import type { Report } from '../core/report-schema.js';
import { currentReviews, ratingStep } from '../review/current.js';
import type { MatchDecision } from '../review/match-decisions.js';
import type { Review } from '../review/types.js';
import { acceptedFactCheckUrls } from './accepted-matches.js';
import { claimSource } from './claim-source.js';

/** The columns of {@link reviewsCsv}, in order. */
export const CSV_COLUMNS = Object.freeze([
  'claim_id', 'claim', 'start', 'end', 'source', 'grade', 'rating', 'rating_label', 'explanation', 'evidence_urls', 'reviewer', 'reviewed_at', 'accepted_factchecks',
] as const);

/**
 * Characters that make a spreadsheet read a cell as a formula (or split it) when they come first: = + - @ (OWASP's
 * CSV injection list), tab, CR and LF, a space (spreadsheets trim it and then see the formula), the bidi controls that
 * can hide what follows (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C), and the fullwidth ＝ ＋ － ＠ that some
 * spreadsheets fold to their ASCII forms.
 */
const FORMULA_START = /^[=+\-@\t\r\n \u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV cell (RFC 4180): text starting like a formula gets a leading apostrophe so spreadsheets show it as text;
 * a cell with a comma, quote or line break is quoted with its quotes doubled. Numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Every claim of the report with its current verdict (the latest review), one row per claim in report order, under a
 * header row; unreviewed claims have empty review cells. The last column lists the published fact-checks a reviewer
 * accepted as addressing the claim (reviewed or not). Offsets are UTF-16 units, end exclusive; links are separated by
 * spaces; lines end in CRLF (RFC 4180).
 */
export function reviewsCsv(report: Report, reviews: readonly Review[], matchDecisions: readonly MatchDecision[] = []): string {
  const current = currentReviews(reviews);
  const accepted = acceptedFactCheckUrls(report, matchDecisions);
  const rows = report.claims.map((claim) => {
    const review = current.get(claim.id);
    const source = claimSource(report, claim);
    return [
      claim.id, claim.text, claim.start, claim.end, source.text, claim.grade,
      review?.rating ?? null, review ? ratingStep(review.rating).label : null, review?.explanation ?? null,
      review ? review.evidenceUrls.join(' ') : null, review?.reviewer ?? null, review?.createdAt ?? null, accepted.get(claim.id)?.join(' ') ?? null,
    ];
  });
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
