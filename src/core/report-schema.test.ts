import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { reportJsonSchema } from './report-schema.js';

test('docs/report.schema.json is the JSON Schema generated from the zod schema (run npm run schema)', () => {
  const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'report.schema.json'), 'utf8'));
  assert.deepEqual(committed, reportJsonSchema());
});
