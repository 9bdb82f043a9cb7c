import type { PgMigration } from './migration.js';

/**
 * The GUID of the feed item a document came from (the report's `document.guid`; NULL for articles from no feed), as
 * SQLite migration 009; indexed so that an item can be found again by its GUID.
 */
export const documentGuidMigration: PgMigration = {
  version: 3,
  name: 'document guid',
  up: `
ALTER TABLE documents ADD COLUMN guid TEXT;
CREATE INDEX documents_by_guid ON documents (guid) WHERE guid IS NOT NULL;
`,
};
