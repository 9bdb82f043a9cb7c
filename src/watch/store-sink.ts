import { createDocument } from '../core/document.js';
import { ClaimtraceError } from '../core/errors.js';
import { toReport } from '../engine/analyze.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { AddressPolicy } from '../fetch/index.js';
import { lazyFactChecker } from '../factchecks/audit/lazy.js';
import { fetchLinkSource } from '../ingest/fetch-link.js';
import { analysisSettings } from '../ingest/ingest.js';
import { createInlinePool } from '../ingest/inline.js';
import { createWorkerPool, type WorkerPool } from '../ingest/pool.js';
import type { ArticleSource } from '../ingest/source.js';
import { pipelineSignature } from '../store/keys.js';
import type { DocumentKey, Store } from '../store/types.js';
import type { HostGate } from './host-gate.js';
import type { RobotsCache } from './robots.js';
import type { ItemSink, WatchSource } from './sink.js';

/** Options of {@link createStoreSink}. */
export interface StoreSinkOptions {
  /** Analysis options; the link fetch takes their time, size and redirect limits (those of `analyze <url>`). */
  readonly analyze: AnalyzeOptions;
  /** Worker threads that analyse (0: on this thread). */
  readonly workers: number;
  /** Link fetches wait their turn per host and ask robots.txt, as feed polls do. */
  readonly gate: HostGate;
  readonly robots: RobotsCache;
  readonly isAllowedAddress?: AddressPolicy;
  /** The watch's stop signal: a link fetch not yet started is then given up (the item stays unclaimed). */
  readonly signal?: AbortSignal;
}

/**
 * In-process analysis into the store, as `ingest` does it: a link is fetched with `fetchLinkSource` (politely: robots.txt,
 * one request at a time per host), the article extracted and, unless stored already with the same text and pipeline,
 * analysed and upserted (one transaction). An article whose URL is stored with other text is updated.
 */
export function createStoreSink(store: Store, options: StoreSinkOptions): ItemSink {
  const pool: WorkerPool = options.workers > 0 ? createWorkerPool(options.workers, options.analyze) : createInlinePool(options.analyze);
  const settings = analysisSettings(options.analyze);
  const signature = pipelineSignature(toReport(createDocument(''), options.analyze).generator, settings);
  // Fact-checks imported while the watch runs are seen within a minute.
  const factChecker = lazyFactChecker(store, undefined, 60_000);
  const needsAnalysis = async (key: DocumentKey) => {
    const existing = await store.lookup(key);
    return !(existing && existing.textHash === key.textHash && existing.pipeline === signature);
  };
  const fetchLinked = async (source: WatchSource): Promise<ArticleSource> => {
    if (!('link' in source)) return source;
    const verdict = await options.robots.check(source.link, options.signal);
    if (!verdict.allowed) throw new ClaimtraceError('E_WATCH_ROBOTS_DISALLOWED', { origin: new URL(source.link).origin, url: source.link });
    const { timeoutMs, maxBytes, maxRedirects } = options.analyze;
    const fetchOptions = { timeoutMs, maxBytes, maxRedirects, ...(options.isAllowedAddress ? { isAllowedAddress: options.isAllowedAddress } : {}) };
    return options.gate.run(new URL(source.link).hostname, () => fetchLinkSource(source, fetchOptions), { delayMs: verdict.crawlDelayMs, signal: options.signal });
  };
  return {
    async deliver(source) {
      const article = await fetchLinked(source);
      const outcome = await pool.run(article, needsAnalysis);
      if (outcome.kind === 'skipped') return 'unchanged';
      const result = await store.upsert({ report: await factChecker(outcome.report, options.analyze.threshold), settings, input: source.label });
      return result.status;
    },
    close: () => pool.close(),
  };
}
