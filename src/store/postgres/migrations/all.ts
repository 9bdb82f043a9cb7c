import { schemaMigration } from './001-schema.js';
import { matchDecisionsMigration } from './002-match-decisions.js';
import { documentGuidMigration } from './003-document-guid.js';
import type { PgMigration } from './migration.js';
import { traceStatisticsMigration } from './101-trace-statistics.js';

/** Every PostgreSQL schema step, in version order: append new ones (store 2-99, trace 100+), never edit applied ones. */
export const PG_MIGRATIONS: readonly PgMigration[] = Object.freeze([schemaMigration, matchDecisionsMigration, documentGuidMigration, traceStatisticsMigration].sort((a, b) => a.version - b.version));
