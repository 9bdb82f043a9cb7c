export { parseFactChecks, type ParseOptions } from './import/parse.js';
export { CSV_FIELDS, parseColumns, type ColumnMapping, type CsvField } from './import/csv.js';
export { factCheckKey, normaliseClaim, normaliseReviewUrl } from './import/key.js';
export {
  FACTCHECK_FORMATS,
  FactCheckSchema,
  MAX_CLAIM_CHARS,
  type FactCheck,
  type FactCheckFormat,
  type ParsedFactChecks,
  type Rating,
  type SkippedRecord,
} from './import/schema.js';
export { DEFAULT_IMPORT_MAX_BYTES, importFactChecks, type ImportOptions, type ImportProblem, type ImportSummary } from './import/run.js';
