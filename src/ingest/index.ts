export { countInputs, type CountOptions } from './count.js';
export { createHostScheduler, fetchLinkSource, type HostScheduler, type HostSchedulerOptions, type LinkFetchOptions } from './fetch-link.js';
export { analysisSettings, ingest, storeFailure, type IngestEvent, type IngestFetchOptions, type IngestOptions, type IngestSummary } from './ingest.js';
export { expandInputs, type ExpandOptions } from './inputs.js';
export { JsonlRecordSchema, sourceFromJsonLine, type JsonlRecord } from './jsonl.js';
export { createNdjsonProgress, createSilentProgress, createTtyProgress, type ProgressReporter, type ProgressSink, type TtySink } from './progress.js';
export { isFailedSource, isLinkSource, type ArticleSource, type FailedSource, type IngestSource, type LinkSource, type SourceMeta } from './source.js';
export { isInputUrl, listInputs, type InputEntry, type InputFile, type InputUrl } from './walk.js';
