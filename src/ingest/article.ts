import { performance } from 'node:perf_hooks';
import { ClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import { analyzeDocument, extractPure, toReport } from '../engine/analyze.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { Extracted } from '../extract/index.js';
import { normalisedTextHash } from '../store/keys.js';
import type { DocumentKey } from '../store/types.js';
import type { ArticleSource } from './source.js';

/** An article extracted and keyed, ready for the store lookup and then analysis. */
export interface PreparedArticle {
  readonly extracted: Extracted;
  readonly key: DocumentKey;
  /** Time spent extracting, in ms. */
  readonly extractMs: number;
}

/** Extracts text and metadata (metadata given with the input wins) and computes the store key; E_INPUT_EMPTY for no text. */
export function prepareArticle(source: ArticleSource, analyze: AnalyzeOptions): PreparedArticle {
  const t = performance.now();
  const extracted = withMeta(extractPure({ bytes: source.bytes, label: source.label, contentType: source.contentType, url: source.url }, analyze), source);
  if (extracted.text.trim() === '') throw new ClaimtraceError('E_INPUT_EMPTY', { input: source.label });
  const key = { url: extracted.meta.url ?? null, textHash: normalisedTextHash(extracted.text) };
  return { extracted, key, extractMs: performance.now() - t };
}

/** Runs the pipeline over a prepared article and returns its report with the time it took, in ms. */
export function analyseArticle(article: PreparedArticle, analyze: AnalyzeOptions): { report: Report; analyzeMs: number } {
  const t = performance.now();
  const report = toReport(analyzeDocument(article.extracted, analyze), analyze);
  return { report, analyzeMs: performance.now() - t };
}

/** Metadata given with the input wins over what extraction found, which wins over the fallback (a feed's for a linked page). */
function withMeta(extracted: Extracted, source: ArticleSource): Extracted {
  if (!source.meta && !source.fallbackMeta && !source.guid) return extracted;
  const found = Object.fromEntries(Object.entries(extracted.meta).filter(([, value]) => value !== undefined && value !== ''));
  return { text: extracted.text, meta: { ...given(source.fallbackMeta), ...found, ...given(source.meta), ...(source.guid ? { guid: source.guid } : {}) } };
}

function given(meta: ArticleSource['meta']): Record<string, string> {
  return Object.fromEntries(Object.entries(meta ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}
