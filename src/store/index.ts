export { toFts5Query } from './fts-query.js';
export { countWords, normaliseText, normalisedTextHash, pipelineSignature } from './keys.js';
export { DEFAULT_DB_PATH, openSqliteStore, type SqliteStoreOptions } from './sqlite.js';
export { DEFAULT_SEARCH_LIMIT } from './defaults.js';
export { DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from './sqlite-trace.js';
export type * from './types.js';
export { DEFAULT_LIST_LIMIT, MAX_LIST_LIMIT } from './row-values.js';
