import type { Migration } from './migration.js';

/**
 * Which entity each mention is of (`entities.entity_key`, the report's `entities[].entity`: `type:normalised name`), so
 * that "Jean Périer" and a later "Jean Perier" read back as one entity. Rows stored before it keep NULL and read back
 * without the field, as the reports they came from were.
 */
export const entityKeysMigration: Migration = {
  version: 5,
  name: 'entity keys',
  up: `
ALTER TABLE entities ADD COLUMN entity_key TEXT;
`,
};
