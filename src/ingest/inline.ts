import type { AnalyzeOptions } from '../engine/options.js';
import { analyseArticle, prepareArticle } from './article.js';
import type { WorkerPool } from './pool.js';

/** A pool without threads: extracts and analyses in the calling thread, one article at a time (`--workers 0`). */
export function createInlinePool(analyze: AnalyzeOptions): WorkerPool {
  let inFlight = 0;
  return {
    get inFlight() {
      return inFlight;
    },
    async run(source, check) {
      inFlight++;
      try {
        const article = prepareArticle(source, analyze);
        if (!(await check(article.key))) return { kind: 'skipped', key: article.key, extractMs: article.extractMs };
        return { kind: 'analysed', key: article.key, extractMs: article.extractMs, ...analyseArticle(article, analyze) };
      } finally {
        inFlight--;
      }
    },
    async close() {},
  };
}
