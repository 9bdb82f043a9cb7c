import { ClaimtraceError } from '../core/errors.js';
import type { AnalyzeOptions } from '../engine/options.js';
import { analyseArticle, prepareArticle } from './article.js';
import type { WorkerPool } from './pool.js';

/**
 * A pool without threads: extracts and analyses in the calling thread, one article at a time (`--workers 0`). Nothing
 * can stop work on the calling thread, so there is no hard deadline here; a signal aborted before the work starts
 * still cancels it.
 */
export function createInlinePool(analyze: AnalyzeOptions): WorkerPool {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async run(source, check, options = {}) {
      if (options.signal?.aborted) throw options.signal.reason instanceof ClaimtraceError ? options.signal.reason : new ClaimtraceError('E_TIMEOUT', { task: `Analysing ${source.label}`, ms: 0 });
      inFlight++;
      try {
        const article = prepareArticle(source, analyze);
        if (!(await check(article.key))) return { kind: 'skipped', key: article.key, extractMs: article.extractMs };
        return { kind: 'analysed', key: article.key, extractMs: article.extractMs, ...analyseArticle(article, analyze) };
      } finally {
        inFlight--;
      }
    },
    health: () => ({ workers: 0, ready: 0, problems: [] }),
    async close() {},
  };
}
