import type { Report } from '../core/report-schema.js';
import { analyzePure, resolveOptions } from './analyze.js';
import type { AnalyzeOptionsInput } from './options.js';
import { readSource } from './read-source.js';

/** Anything `analyze` accepts: text, HTML, bytes, a file path, or an http(s) URL. */
export type AnalyzeInput =
  | Parameters<typeof analyzePure>[0]
  | { readonly path: string }
  | { readonly url: string };

/** Analyses one article and returns its report. Reads files and fetches URLs (with the SSRF guard) when asked. */
export async function analyze(input: AnalyzeInput, optionsInput: AnalyzeOptionsInput = {}): Promise<Report> {
  const options = resolveOptions(optionsInput);
  if ('path' in input) return analyzePure(await readSource(input.path, options), options);
  if ('url' in input && !('html' in input) && !('bytes' in input)) return analyzePure(await readSource(input.url, options), options);
  return analyzePure(input, options);
}
