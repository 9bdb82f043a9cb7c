/**
 * Entry of an analysis worker thread: extracts and analyses articles sent by the main thread, which owns the store.
 * Per article: `prepare` (extract, key) → the main thread looks the key up → `analyse` (or `drop` when unchanged).
 * Each piece of work is announced with `started`, from which the main thread times its deadline.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import type { AnalyzeOptions } from '../engine/options.js';
import { analyseArticle, prepareArticle, type PreparedArticle } from './article.js';
import { errorData } from './error-data.js';
import type { ToWorker, FromWorker } from './pool.js';

const analyze = (workerData as { analyze: AnalyzeOptions }).analyze;
const prepared = new Map<number, PreparedArticle>();
const port = parentPort!;

function reply(message: FromWorker): void {
  port.postMessage(message);
}

/** Does what one message asks (exported for the test worker, which wraps it). */
export function handle(message: ToWorker): void {
  const { id } = message;
  try {
    if (message.type === 'prepare') {
      reply({ type: 'started', id });
      const article = prepareArticle(message.source, analyze);
      prepared.set(id, article);
      reply({ type: 'prepared', id, key: article.key, extractMs: article.extractMs });
    } else {
      const article = prepared.get(id);
      prepared.delete(id);
      if (message.type === 'drop') return;
      if (!article) throw new ClaimtraceError('E_INTERNAL', { reason: `article ${id} was not prepared in this worker` });
      reply({ type: 'started', id });
      reply({ type: 'done', id, ...analyseArticle(article, analyze) });
    }
  } catch (err) {
    prepared.delete(id);
    reply({ type: 'failed', id, error: errorData(toClaimtraceError(err)) });
  }
}

port.on('message', handle);
// The pipeline is built (word lists, models) before the worker says it is ready, so that no article's deadline pays for it.
analyseArticle(prepareArticle({ label: 'warm-up', bytes: new TextEncoder().encode('The council said 5 boats sank.'), contentType: 'text/plain' }, analyze), analyze);
reply({ type: 'ready' });
