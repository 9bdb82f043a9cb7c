import { createDocument, Document, type DocumentMeta } from '../core/document.js';
import { toClaimtraceError } from '../core/errors.js';
import type { Pipeline } from '../core/pipeline.js';
import { provenance } from '../core/pipeline.js';
import type { Range } from '../core/range.js';
import type { Report } from '../core/report-schema.js';
import { extractInput, type Extracted } from '../extract/index.js';
import { buildReport } from '../report/build-report.js';
import { createDefaultPipeline } from './default-pipeline.js';
import { resolveOptions, type AnalyzeOptions, type AnalyzeOptionsInput } from './options.js';
import { VERSION } from './version.js';
import { collectGarbage } from './collect.js';
import { SegmentMerger, segmentText } from './segments.js';

/** What can be analysed without I/O: plain text, an HTML page, or raw bytes of either. */
export type PureInput =
  | { readonly text: string; readonly meta?: DocumentMeta }
  | { readonly html: string; readonly url?: string }
  | { readonly bytes: Uint8Array; readonly label: string; readonly contentType?: string; readonly url?: string };

const pipelines = new Map<string, Pipeline>();

/** The default pipeline for a threshold and model choice, built once (stages precompile their word lists). */
function pipelineFor(options: AnalyzeOptions): Pipeline {
  const key = `${options.threshold}/${options.models}`;
  let pipeline = pipelines.get(key);
  if (!pipeline) {
    pipeline = createDefaultPipeline({ threshold: options.threshold, models: options.models });
    pipelines.set(key, pipeline);
  }
  return pipeline;
}

// Options are validated in options.ts, which entry points can load without the pipeline.
export { resolveOptions };

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
    const pipeline = pipelineFor(options);
    const segments = segmentText(extracted.text);
    if (segments.length === 1) return pipeline.run(createDocument(extracted.text, extracted.meta));
    return analyzeInSegments(pipeline, extracted, segments);
  } catch (err) {
    throw toClaimtraceError(err);
  }
}

/**
 * Book-sized texts go through the pipeline one segment (about SEGMENT_CHARS characters, cut at a paragraph break) at a time, so that
 * tokens and intermediate structures of only one segment are alive at once. Back-references and restated figures are
 * then found within a segment only. The garbage of each segment is collected before the next (collect.ts).
 */
function analyzeInSegments(pipeline: Pipeline, extracted: Extracted, segments: readonly Range[]): Document {
  const merger = new SegmentMerger();
  segments.forEach((segment, i) => {
    const part = pipeline.run(createDocument(extracted.text.slice(segment.start, segment.end), extracted.meta));
    // Document-level findings (the language warning) would repeat in every segment: keep the first segment's.
    const findings = i === 0 ? part.findings : part.findings.filter((f) => !DOCUMENT_LEVEL_RULES.has(f.rule));
    merger.add(segment.start, part.annotations, findings);
    collectGarbage();
  });
  return new Document(extracted.text, extracted.meta, merger.annotations, merger.findings);
}

const DOCUMENT_LEVEL_RULES: ReadonlySet<string> = new Set(['non-english']);

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
