// Defaults the CLI shows in --help: kept apart from sqlite.ts so that help does not load the database driver.

/** The store used when `--db` is not given: `$CLAIMTRACE_DB` (a SQLite path or a `postgres://` URL), else `claimtrace.db` in the current folder. */
export const DEFAULT_DB_PATH = process.env.CLAIMTRACE_DB?.trim() || 'claimtrace.db';
/** What `--db` takes, for --help. */
export const DB_HELP = 'SQLite database file, or a postgres:// URL; $CLAIMTRACE_DB sets the default';
/** Least similarity a claim needs to count as the traced claim; chosen on the planted paraphrases of test/trace-cli. */
export const DEFAULT_TRACE_THRESHOLD = 0.5;
/** Most matches returned when the query gives no limit. */
export const DEFAULT_TRACE_LIMIT = 100;
/** Hits returned when a search gives no limit. */
export const DEFAULT_SEARCH_LIMIT = 20;
/**
 * Most words and phrases a search takes. FTS5 ranks and marks a row by reading every match of every term once for each
 * term, so the time grew with the square of the terms: 240 words (a 1,000-character query of common words) took 7.4 s
 * over 371 articles, 32 took 0.25 s. A longer query is refused (E_REQUEST_INVALID), not cut.
 */
export const MAX_SEARCH_TERMS = 32;
