import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ClaimtraceError, toClaimtraceError } from '../../core/errors.js';
import { extractInput } from '../../extract/index.js';
import type { AnalyzeOptions } from '../options.js';

/** Predictions in the article-extraction benchmark's ground-truth format. */
export type ExtractionPredictions = Record<string, { articleBody: string }>;

/** An input that could not be extracted; it still gets an empty prediction. */
export interface PredictionFailure {
  readonly id: string;
  readonly error: ClaimtraceError;
}

const PAGE = /^(.+)\.html?(\.gz)?$/i;

/** Extracts the article body of every `<id>.html` / `<id>.html.gz` in a folder, in id order. */
export async function predictExtraction(dir: string, options: AnalyzeOptions): Promise<{ predictions: ExtractionPredictions; failures: PredictionFailure[] }> {
  const names = await listPages(dir);
  const predictions: ExtractionPredictions = {};
  const failures: PredictionFailure[] = [];
  for (const [id, name] of names) {
    try {
      const raw = await readFile(join(dir, name));
      const bytes = name.toLowerCase().endsWith('.gz') ? gunzip(raw, name, options.maxBytes) : raw;
      predictions[id] = { articleBody: extractInput({ bytes, label: name, contentType: 'text/html' }, { maxBytes: options.maxBytes }).text };
    } catch (err) {
      failures.push({ id, error: toClaimtraceError(err) });
      predictions[id] = { articleBody: '' };
    }
  }
  return { predictions, failures };
}

/** Decompresses a .gz page, refusing one that inflates past the size limit (a zip bomb stops there). */
function gunzip(raw: Uint8Array, name: string, maxBytes: number): Uint8Array {
  try {
    return gunzipSync(raw, { maxOutputLength: maxBytes + 1 });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new ClaimtraceError('E_INPUT_TOO_LARGE', { size: `more than ${maxBytes}`, limit: maxBytes, input: name });
    throw new ClaimtraceError('E_INPUT_UNREADABLE', { path: name, reason: `not valid gzip (${code ?? 'unknown'})` });
  }
}

async function listPages(dir: string): Promise<[string, string][]> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    throw new ClaimtraceError('E_INPUT_NOT_FOUND', { path: dir });
  }
  const pages: [string, string][] = [];
  for (const name of entries.sort()) {
    const m = PAGE.exec(name);
    if (m) pages.push([m[1]!, name]);
  }
  return pages;
}
