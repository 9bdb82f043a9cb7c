export { openPostgresStore, type PostgresStoreOptions } from './store.js';
export { parsePostgresTarget, type PgConnectOptions } from './connect.js';
export { PG_MIGRATIONS } from './migrations/all.js';
