export { countInputs, type CountOptions } from './count.js';
export { analysisSettings, ingest, storeFailure, type IngestEvent, type IngestOptions, type IngestSummary } from './ingest.js';
export { expandInputs, type ExpandOptions } from './inputs.js';
export { JsonlRecordSchema, sourceFromJsonLine, type JsonlRecord } from './jsonl.js';
export { createNdjsonProgress, createSilentProgress, createTtyProgress, type ProgressReporter, type ProgressSink, type TtySink } from './progress.js';
export { isFailedSource, type ArticleSource, type FailedSource, type IngestSource } from './source.js';
export { listInputs, type InputEntry, type InputFile } from './walk.js';
