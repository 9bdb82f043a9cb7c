import { documentsMigration } from './001-documents.js';
import { searchMigration } from './002-search.js';
import { reviewsMigration } from './003-reviews.js';
import { traceIndexesMigration } from './004-trace-indexes.js';
import { entityKeysMigration } from './005-entity-keys.js';
import { factChecksMigration } from './006-factchecks.js';
import { feedsMigration } from './007-feeds.js';
import { matchDecisionsMigration } from './008-match-decisions.js';
import { documentGuidMigration } from './009-document-guid.js';
import type { Migration } from './migration.js';

/** Every schema step, in version order; append new ones, never edit applied ones. */
export const MIGRATIONS: readonly Migration[] = Object.freeze([documentsMigration, searchMigration, reviewsMigration, traceIndexesMigration, entityKeysMigration, factChecksMigration, feedsMigration, matchDecisionsMigration, documentGuidMigration]);
