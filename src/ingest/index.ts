export { analysisSettings, ingest, type IngestEvent, type IngestOptions, type IngestSummary } from './ingest.js';
export { expandInputs, type ExpandOptions } from './inputs.js';
export { JsonlRecordSchema, sourceFromJsonLine, type JsonlRecord } from './jsonl.js';
export { createNdjsonProgress, createSilentProgress, createTtyProgress, type ProgressReporter, type ProgressSink } from './progress.js';
export { isFailedSource, type ArticleSource, type FailedSource, type IngestSource } from './source.js';
