/**
 * Entry of an ingest worker thread: extracts and analyses articles sent by the main thread, which owns the store.
 * Per article: `prepare` (extract, key) → the main thread looks the key up → `analyse` (or `drop` when unchanged).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toClaimtraceError } from '../core/errors.js';
import type { AnalyzeOptions } from '../engine/options.js';
import { analyseArticle, errorData, prepareArticle, type PreparedArticle } from './article.js';
import type { ToWorker, FromWorker } from './pool.js';

const analyze = (workerData as { analyze: AnalyzeOptions }).analyze;
const prepared = new Map<number, PreparedArticle>();
const port = parentPort!;

function reply(message: FromWorker): void {
  port.postMessage(message);
}

function handle(message: ToWorker): void {
  const { id } = message;
  try {
    if (message.type === 'prepare') {
      const article = prepareArticle(message.source, analyze);
      prepared.set(id, article);
      reply({ type: 'prepared', id, key: article.key, extractMs: article.extractMs });
    } else {
      const article = prepared.get(id);
      prepared.delete(id);
      if (message.type === 'analyse' && article) reply({ type: 'done', id, ...analyseArticle(article, analyze) });
    }
  } catch (err) {
    prepared.delete(id);
    reply({ type: 'failed', id, error: errorData(toClaimtraceError(err)) });
  }
}

port.on('message', handle);
