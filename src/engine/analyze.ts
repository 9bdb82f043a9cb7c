import { createDocument, type Document, type DocumentMeta } from '../core/document.js';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { provenance } from '../core/pipeline.js';
import type { Report } from '../core/report-schema.js';
import { extractInput, type Extracted } from '../extract/index.js';
import { buildReport } from '../report/build-report.js';
import { createDefaultPipeline } from './default-pipeline.js';
import { AnalyzeOptionsSchema, type AnalyzeOptions, type AnalyzeOptionsInput } from './options.js';
import { VERSION } from './version.js';

/** What can be analysed without I/O: plain text, an HTML page, or raw bytes of either. */
export type PureInput =
  | { readonly text: string; readonly meta?: DocumentMeta }
  | { readonly html: string; readonly url?: string }
  | { readonly bytes: Uint8Array; readonly label: string; readonly contentType?: string; readonly url?: string };

const pipelines = new Map<number, Pipeline>();

/** The default pipeline for a threshold, built once (stages precompile their word lists). */
function pipelineFor(options: AnalyzeOptions): Pipeline {
  let pipeline = pipelines.get(options.threshold);
  if (!pipeline) {
    pipeline = createDefaultPipeline({ threshold: options.threshold });
    pipelines.set(options.threshold, pipeline);
  }
  return pipeline;
}

/** Validates caller options and fills defaults; bad options are E_OPTION_INVALID. */
export function resolveOptions(input: AnalyzeOptionsInput = {}): AnalyzeOptions {
  const parsed = AnalyzeOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaimtraceError('E_OPTION_INVALID', { option: issue.path.join('.') || '(options)', reason: issue.message });
  }
  return Object.freeze(parsed.data);
}

/** Extracts text and metadata from a pure input. */
export function extractPure(input: PureInput, options: AnalyzeOptions): Extracted {
  if ('bytes' in input) return extractInput(input, { maxBytes: options.maxBytes });
  if ('html' in input) return extractInput({ bytes: new TextEncoder().encode(input.html), label: 'html', contentType: 'text/html', url: input.url }, { maxBytes: options.maxBytes });
  const extracted = extractInput({ bytes: new TextEncoder().encode(input.text), label: 'text', contentType: 'text/plain' }, { maxBytes: options.maxBytes });
  return input.meta ? { text: extracted.text, meta: { ...extracted.meta, ...input.meta } } : extracted;
}

/** Runs the default pipeline over extracted text; a crash in a stage becomes E_INTERNAL. */
export function analyzeDocument(extracted: Extracted, options: AnalyzeOptions): Document {
  try {
    return pipelineFor(options).run(createDocument(extracted.text, extracted.meta));
  } catch (err) {
    throw toClaimtraceError(err);
  }
}

/** Analyses text, HTML or bytes and returns the report. Pure: no I/O. */
export function analyzePure(input: PureInput, optionsInput: AnalyzeOptionsInput = {}): Report {
  const options = resolveOptions(optionsInput);
  const doc = analyzeDocument(extractPure(input, options), options);
  return toReport(doc, options);
}

/** The report of an analysed Document. */
export function toReport(doc: Document, options: AnalyzeOptions): Report {
  return buildReport(doc, { version: VERSION, annotators: pipelineFor(options).stages.map(provenance) });
}
