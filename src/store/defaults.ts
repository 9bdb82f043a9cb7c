// Defaults the CLI shows in --help: kept apart from sqlite.ts so that help does not load the database driver.

/** The database file used when none is given: `claimtrace.db` in the current folder. */
export const DEFAULT_DB_PATH = 'claimtrace.db';
