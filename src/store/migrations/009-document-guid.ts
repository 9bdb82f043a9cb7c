import type { Migration } from './migration.js';

/**
 * The GUID of the feed item a document came from (RSS guid, Atom id, JSON Feed id; the report's `document.guid`),
 * NULL for articles that came from no feed. Indexed so that an item can be found again by its GUID.
 */
export const documentGuidMigration: Migration = {
  version: 9,
  name: 'document-guid',
  up: `
ALTER TABLE documents ADD COLUMN guid TEXT;
CREATE INDEX documents_by_guid ON documents(guid) WHERE guid IS NOT NULL;
`,
};
