/** Pure helpers both stores use on values going into or coming out of rows. */

/** Documents (or fact-checks) listed when the query gives no limit. */
export const DEFAULT_LIST_LIMIT = 20;
/** Most documents (or fact-checks) one listing returns. */
export const MAX_LIST_LIMIT = 200;

/** A non-negative integer from a caller's number (fractions rounded down); the fallback when absent or not finite. */
export function wholeNumber(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isFinite(value) ? Math.max(Math.floor(value), 0) : fallback;
}

/** A stored instant as ISO 8601 text: SQLite keeps the text, PostgreSQL (timestamptz) gives a Date. */
export const isoTimestamp = (at: string | Date): string => (typeof at === 'string' ? at : at.toISOString());
