import { schemaMigration } from './001-schema.js';
import type { PgMigration } from './migration.js';

/** Every PostgreSQL schema step, in version order: append new ones (store 2-99, trace 100+), never edit applied ones. */
export const PG_MIGRATIONS: readonly PgMigration[] = Object.freeze([schemaMigration].sort((a, b) => a.version - b.version));
