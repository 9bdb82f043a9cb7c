import type { PgMigration } from './migration.js';

/**
 * Trace weighs each word of a claim by how many claims hold it. Counting a common word exactly visits one heap page
 * per claim (tens of thousands at 100,000 articles), so trace reads the counts of common words from ANALYZE's
 * statistics of `claims.search` instead (see term-stats.ts): its most common lexemes with their frequencies. The
 * default statistics target keeps 1,000 of them; 1,000 keeps 10,000 (ANALYZE samples 300,000 claims: a few seconds),
 * so that any word left out is rare enough to be counted exactly at once.
 */
export const traceStatisticsMigration: PgMigration = {
  version: 101,
  name: 'claim word statistics for trace',
  up: `
ALTER TABLE claims ALTER COLUMN search SET STATISTICS 1000;
`,
};
