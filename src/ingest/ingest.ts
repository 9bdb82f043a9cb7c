import { performance } from 'node:perf_hooks';
import { createDocument } from '../core/document.js';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { analyzeDocument, extractPure, toReport } from '../engine/analyze.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { Extracted } from '../extract/index.js';
import { normalisedTextHash, pipelineSignature } from '../store/keys.js';
import type { Store } from '../store/types.js';
import { expandInputs } from './inputs.js';
import { isFailedSource, type ArticleSource } from './source.js';

/** Options of {@link ingest}. */
export interface IngestOptions {
  readonly analyze: AnalyzeOptions;
  /** Re-analyse articles already stored with the same text and pipeline (default: skip them). */
  readonly force?: boolean;
  /** Stops after the article in hand (Ctrl-C); everything committed so far stays. */
  readonly signal?: AbortSignal;
  /** Failures kept in the summary (all are counted, and all are recorded in the store). */
  readonly maxListedFailures?: number;
}

/** What happened to one input. */
export type IngestEvent =
  | { readonly type: 'stored'; readonly input: string; readonly status: 'inserted' | 'updated' | 'unchanged'; readonly documentId: number }
  | { readonly type: 'failed'; readonly input: string; readonly error: ClaimtraceError };

/** Counts and times of a run. `rate` is articles handled (inserted, updated, unchanged) per second. */
export interface IngestSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  elapsedMs: number;
  rate: number;
  interrupted: boolean;
  /** Where the time went, in ms: reading and expanding inputs, extraction, analysis, the store. */
  timings: { read: number; extract: number; analyze: number; store: number };
  failures: { input: string; code: string; message: string }[];
}

/** The settings that change a report beyond the annotators' versions; part of the stored pipeline signature. */
export function analysisSettings(options: AnalyzeOptions): string {
  return `threshold=${options.threshold} models=${options.models ? 'on' : 'off'}`;
}

/**
 * Ingests every article of the inputs into the store, one transaction per article, in input order. A failing input is
 * recorded (store and summary) and the run goes on; an article already stored with the same text and pipeline is left
 * as it is, so an interrupted run can simply be started again.
 */
export async function ingest(inputs: readonly string[], store: Store, options: IngestOptions, onEvent: (event: IngestEvent) => void = () => {}): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { inserted: 0, updated: 0, unchanged: 0, failed: 0, elapsedMs: 0, rate: 0, interrupted: false, timings: { read: 0, extract: 0, analyze: 0, store: 0 }, failures: [] };
  const settings = analysisSettings(options.analyze);
  const signature = pipelineSignature(toReport(createDocument(''), options.analyze).generator, settings);
  const sources = expandInputs(inputs, { maxBytes: options.analyze.maxBytes });
  let readStart = performance.now();
  for await (const source of sources) {
    summary.timings.read += performance.now() - readStart;
    if (options.signal?.aborted) {
      summary.interrupted = true;
      break;
    }
    try {
      if (isFailedSource(source)) throw source.error;
      const result = await ingestOne(source, store, { options, settings, signature, timings: summary.timings });
      summary[result.status]++;
      onEvent({ type: 'stored', input: source.label, ...result });
    } catch (err) {
      const error = toClaimtraceError(err);
      summary.failed++;
      if (summary.failures.length < (options.maxListedFailures ?? 1000)) summary.failures.push({ input: source.label, code: error.code, message: error.message });
      await store.recordFailure({ input: source.label, code: error.code, message: error.message });
      onEvent({ type: 'failed', input: source.label, error });
    }
    readStart = performance.now();
  }
  summary.elapsedMs = performance.now() - started;
  summary.rate = (summary.inserted + summary.updated + summary.unchanged) / Math.max(summary.elapsedMs / 1000, 1e-9);
  return summary;
}

interface RunState {
  readonly options: IngestOptions;
  readonly settings: string;
  readonly signature: string;
  readonly timings: IngestSummary['timings'];
}

async function ingestOne(source: ArticleSource, store: Store, state: RunState): Promise<{ status: 'inserted' | 'updated' | 'unchanged'; documentId: number }> {
  const { analyze } = state.options;
  let t = performance.now();
  const extracted = withMeta(extractPure({ bytes: source.bytes, label: source.label, contentType: source.contentType, url: source.url }, analyze), source.meta);
  if (extracted.text.trim() === '') throw new ClaimtraceError('E_INPUT_EMPTY', { input: source.label });
  const textHash = normalisedTextHash(extracted.text);
  const existing = await store.lookup({ url: extracted.meta.url ?? null, textHash });
  state.timings.extract += performance.now() - t;
  if (existing && !state.options.force && existing.textHash === textHash && existing.pipeline === state.signature) return { status: 'unchanged', documentId: existing.id };
  t = performance.now();
  const report = toReport(analyzeDocument(extracted, analyze), analyze);
  state.timings.analyze += performance.now() - t;
  t = performance.now();
  const result = await store.upsert({ report, settings: state.settings, input: source.label });
  state.timings.store += performance.now() - t;
  return result;
}

/** Metadata given with the input wins over what extraction found. */
function withMeta(extracted: Extracted, meta: ArticleSource['meta']): Extracted {
  if (!meta) return extracted;
  const given = Object.fromEntries(Object.entries(meta).filter(([, value]) => value !== undefined && value !== ''));
  return { text: extracted.text, meta: { ...extracted.meta, ...given } };
}
