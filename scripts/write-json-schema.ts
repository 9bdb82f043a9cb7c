// Writes docs/report.schema.json from the zod schema (src/core/report-schema.ts). A test checks they agree.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportJsonSchema } from '../src/core/report-schema.js';

const path = join(import.meta.dirname, '..', 'docs', 'report.schema.json');
writeFileSync(path, `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
