import { performance } from 'node:perf_hooks';
import { createDocument } from '../core/document.js';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import { toReport } from '../engine/analyze.js';
import type { AnalyzeOptions } from '../engine/options.js';
import type { Report } from '../core/report-schema.js';
import { lazyFactChecker } from '../factchecks/audit/lazy.js';
import type { FactCheckAudit } from '../factchecks/audit/provider.js';
import { pipelineSignature } from '../store/keys.js';
import type { DocumentKey, Store } from '../store/types.js';
import type { AddressPolicy } from '../fetch/index.js';
import { createHostScheduler, fetchLinkSource } from './fetch-link.js';
import { createInlinePool } from './inline.js';
import { expandInputs } from './inputs.js';
import { createWorkerPool, type PoolOptions, type WorkerOutcome, type WorkerPool } from './pool.js';
import { isFailedSource, isLinkSource, type ArticleSource, type IngestSource, type LinkSource } from './source.js';

/** Options of {@link ingest}. */
export interface IngestOptions {
  readonly analyze: AnalyzeOptions;
  /** Re-analyse articles already stored with the same text and pipeline (default: skip them). */
  readonly force?: boolean;
  /** Stops reading inputs (Ctrl-C); the articles in hand are committed, and everything committed so far stays. */
  readonly signal?: AbortSignal;
  /** Failures kept in the summary (all are counted, and all are recorded in the store). */
  readonly maxListedFailures?: number;
  /** Worker threads that extract and analyse (the store stays on this thread); 0 or absent: all on this thread. */
  readonly workers?: number;
  /** How the worker threads are started (tests give a worker that can be made to hang). */
  readonly pool?: PoolOptions;
  /**
   * Stored fact-checks matched against each report's check-worthy claims before it is stored (`factChecks` under the
   * claim, an already-fact-checked finding): a shared audit (a long-running caller keeps one per process), false for
   * none; by default one audit over `store` for this run, whose matcher is built only when the store holds fact-checks.
   */
  readonly factChecks?: FactCheckAudit | false;
  /** How inputs given as URLs, child sitemaps and the links of lists are fetched (time and size limits: `analyze`). */
  readonly fetch?: IngestFetchOptions;
}

/** How {@link ingest} fetches: the address policy, and the politeness of fetching the links of feeds, sitemaps and URL lists. */
export interface IngestFetchOptions {
  /** Which resolved addresses may be connected to (default: public addresses only; tests allow 127.0.0.1). */
  readonly isAllowedAddress?: AddressPolicy;
  /** Links fetched at once, over all hosts (default {@link LINK_CONCURRENCY}). */
  readonly concurrency?: number;
  /** Pause between two requests to the same host, in ms (default {@link HOST_DELAY_MS}). */
  readonly hostDelayMs?: number;
}

/** Links fetched at once by default: enough to overlap the network with analysis, few enough to be polite. */
export const LINK_CONCURRENCY = 4;
/** Default pause between two requests to one host (one request at a time per host besides), in ms. */
export const HOST_DELAY_MS = 250;

/** What happened to one input. */
export type IngestEvent =
  | { readonly type: 'stored'; readonly input: string; readonly status: 'inserted' | 'updated' | 'unchanged'; readonly documentId: number }
  | { readonly type: 'failed'; readonly input: string; readonly error: ClaimtraceError };

/** Counts and times of a run. `rate` is articles handled (inserted, updated, unchanged) per second. */
export interface IngestSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  elapsedMs: number;
  rate: number;
  interrupted: boolean;
  /** Where the time went, in ms: reading inputs, extraction and analysis (summed over workers), the store. */
  timings: { read: number; extract: number; analyze: number; store: number };
  failures: { input: string; code: string; message: string }[];
}

/** The settings that change a report beyond the annotators' versions; part of the stored pipeline signature. */
export function analysisSettings(options: AnalyzeOptions): string {
  return `threshold=${options.threshold} models=${options.models ? 'on' : 'off'}`;
}

/** Articles in hand per worker: enough to keep each busy while the main thread commits, few enough to bound memory. */
const IN_FLIGHT_PER_WORKER = 16;
/**
 * Most articles committed in one transaction. A transaction per article cost ~1.3 ms more per article (FTS5 flushes its
 * pending terms at every commit); a kill loses at most one batch, which the next run analyses again.
 */
const BATCH_MAX = 64;

/**
 * The error that ends the run because the store cannot be used (an E_STORE_* error: the store maps SQLite's corrupt,
 * unreadable, full or read-only file to these, see store/sqlite-errors.ts), rather than one article's failure;
 * undefined for any other error.
 */
export function storeFailure(err: unknown): ClaimtraceError | undefined {
  return err instanceof ClaimtraceError && err.code.startsWith('E_STORE_') ? err : undefined;
}

/** One input on its way: the source and what the pool made of it (never rejects). */
interface Pending {
  readonly label: string;
  readonly outcome: Promise<WorkerOutcome | ClaimtraceError>;
  settled: boolean;
}

/**
 * Ingests every article of the inputs into the store, committed in input order, in batches of the articles that are
 * ready (one transaction each). Articles are extracted and analysed on `workers` threads (a bounded number in flight);
 * this thread owns the store. A failing input is recorded (store and summary) and the run goes on; an article already
 * stored with the same text and pipeline is left as it is, so an interrupted run can simply be started again.
 */
export async function ingest(inputs: readonly string[], store: Store, options: IngestOptions, onEvent: (event: IngestEvent) => void = () => {}): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { inserted: 0, updated: 0, unchanged: 0, failed: 0, elapsedMs: 0, rate: 0, interrupted: false, timings: { read: 0, extract: 0, analyze: 0, store: 0 }, failures: [] };
  const workers = options.workers ?? 0;
  const pool = workers > 0 ? createWorkerPool(workers, options.analyze, options.pool) : createInlinePool(options.analyze);
  const committer = createCommitter(store, options, summary, onEvent);
  const window = workers > 0 ? workers * IN_FLIGHT_PER_WORKER : 1;
  const links = linkFetcher(options);
  // Links are fetched while earlier articles are analysed: the window holds enough of them to keep every fetch slot busy.
  const linkWindow = Math.max(window, 2 * links.concurrency);
  let sawLinks = false;
  const pending: Pending[] = [];
  try {
    let readStart = performance.now();
    for await (const source of expandInputs(inputs, { maxBytes: options.analyze.maxBytes, signal: options.signal, fetch: links.policy })) {
      summary.timings.read += performance.now() - readStart;
      if (options.signal?.aborted) {
        summary.interrupted = true;
        break;
      }
      sawLinks ||= isLinkSource(source);
      pending.push(dispatch(source, pool, committer.needsAnalysis, links.fetch));
      while (pending.length >= (sawLinks ? linkWindow : window)) await committer.commit(await readyBatch(pending));
      readStart = performance.now();
    }
    if (options.signal?.aborted) summary.interrupted = true;
    while (pending.length > 0) await committer.commit(await readyBatch(pending));
  } finally {
    await pool.close();
  }
  summary.elapsedMs = performance.now() - started;
  summary.rate = (summary.inserted + summary.updated + summary.unchanged) / Math.max(summary.elapsedMs / 1000, 1e-9);
  return summary;
}

/** Waits for the oldest pending article, then takes it with every following one already finished (input order kept). */
async function readyBatch(pending: Pending[]): Promise<{ label: string; outcome: WorkerOutcome | ClaimtraceError }[]> {
  const batch = [{ label: pending[0]!.label, outcome: await pending.shift()!.outcome }];
  while (batch.length < BATCH_MAX && pending[0]?.settled) {
    const next = pending.shift()!;
    batch.push({ label: next.label, outcome: await next.outcome });
  }
  return batch;
}

/** Fetches the links of lists with bounded concurrency, one request at a time per host and a pause between two. */
function linkFetcher(options: IngestOptions) {
  const { analyze } = options;
  const policy = { timeoutMs: analyze.timeoutMs, maxRedirects: analyze.maxRedirects, ...(options.fetch?.isAllowedAddress ? { isAllowedAddress: options.fetch.isAllowedAddress } : {}) };
  const concurrency = Math.max(1, options.fetch?.concurrency ?? LINK_CONCURRENCY);
  const scheduler = createHostScheduler({ concurrency, hostDelayMs: options.fetch?.hostDelayMs ?? HOST_DELAY_MS });
  return { policy, concurrency, fetch: (source: LinkSource) => scheduler.run(source.link, () => fetchLinkSource(source, { ...policy, maxBytes: analyze.maxBytes })) };
}

function dispatch(source: IngestSource, pool: WorkerPool, check: (key: DocumentKey) => Promise<boolean>, fetchLink: (source: LinkSource) => Promise<ArticleSource>): Pending {
  const run = (article: ArticleSource) => pool.run(article, check);
  const started = isFailedSource(source) ? Promise.resolve(source.error) : isLinkSource(source) ? fetchLink(source).then(run) : run(source);
  const outcome = started.catch(toClaimtraceError);
  const item: Pending = { label: source.label, outcome, settled: false };
  void outcome.then(() => {
    item.settled = true;
  });
  return item;
}

/** Commits finished articles to the store, in the order they are given, and keeps the summary. */
function createCommitter(store: Store, options: IngestOptions, summary: IngestSummary, onEvent: (event: IngestEvent) => void) {
  const settings = analysisSettings(options.analyze);
  /** Ends the run on a store error: recorded against one article after another, it would read as their failures. */
  const throwIfStoreBroken = (err: unknown) => {
    const broken = storeFailure(err);
    if (broken) throw broken;
  };
  const signature = pipelineSignature(toReport(createDocument(''), options.analyze).generator, settings);
  /** The stored document that makes analysis unnecessary: same key, same text, same pipeline (and no --force). */
  const storedAsIs = async (key: DocumentKey) => {
    if (options.force) return undefined;
    const existing = await store.lookup(key);
    return existing && existing.textHash === key.textHash && existing.pipeline === signature ? existing : undefined;
  };
  const fail = async (label: string, error: ClaimtraceError) => {
    summary.failed++;
    if (summary.failures.length < (options.maxListedFailures ?? 1000)) summary.failures.push({ input: label, code: error.code, message: error.message });
    await store.recordFailure({ input: label, code: error.code, message: error.message });
    onEvent({ type: 'failed', input: label, error });
  };
  const stored = (label: string, result: { status: 'inserted' | 'updated' | 'unchanged'; documentId: number }) => {
    summary[result.status]++;
    onEvent({ type: 'stored', input: label, ...result });
  };
  // Fact-checks: the matcher is loaded on first use, not with this module.
  const factChecker = lazyFactChecker(store, options.factChecks);
  const withFactChecks = (report: Report): Promise<Report> => factChecker(report, options.analyze.threshold);
  /** Stores analysed articles in one transaction; when it fails, one at a time, so that only the bad article is lost. */
  const storeAll = async (items: { label: string; outcome: Extract<WorkerOutcome, { kind: 'analysed' }> }[]) => {
    if (items.length === 0) return;
    const articles = await Promise.all(items.map(async ({ label, outcome }) => ({ report: await withFactChecks(outcome.report), settings, input: label })));
    let results: Awaited<ReturnType<Store['upsertMany']>> | undefined;
    try {
      results = await store.upsertMany(articles);
    } catch (err) {
      throwIfStoreBroken(err);
      results = undefined;
    }
    for (const [i, { label }] of items.entries()) {
      try {
        stored(label, results ? results[i]! : await store.upsert(articles[i]!));
      } catch (err) {
        throwIfStoreBroken(err);
        await fail(label, toClaimtraceError(err));
      }
    }
  };
  return {
    needsAnalysis: async (key: DocumentKey) => {
      try {
        return (await storedAsIs(key)) === undefined;
      } catch (err) {
        // As an E_STORE_* error, it crosses the pool as it is and ends the run when its article is committed.
        throw storeFailure(err) ?? err;
      }
    },
    /** Commits a batch of finished articles, in order: failures recorded, unchanged ones counted, the rest upserted together. */
    async commit(batch: readonly { label: string; outcome: WorkerOutcome | ClaimtraceError }[]): Promise<void> {
      const t = performance.now();
      const analysed: { label: string; outcome: Extract<WorkerOutcome, { kind: 'analysed' }> }[] = [];
      const keys = new Set<string>();
      for (const { label, outcome } of batch) {
        if (outcome instanceof ClaimtraceError) {
          throwIfStoreBroken(outcome);
          await storeAll(analysed.splice(0));
          await fail(label, outcome);
          continue;
        }
        summary.timings.extract += outcome.extractMs;
        // The same article twice in one batch: the first is stored before the second is looked up (then unchanged).
        const key = outcome.key.url ?? `#${outcome.key.textHash}`;
        if (keys.has(key)) {
          await storeAll(analysed.splice(0));
          keys.clear();
        }
        keys.add(key);
        try {
          const existing = await storedAsIs(outcome.key);
          if (existing || outcome.kind === 'skipped') {
            await storeAll(analysed.splice(0));
            stored(label, { status: 'unchanged', documentId: existing?.id ?? -1 });
          } else {
            summary.timings.analyze += outcome.analyzeMs;
            analysed.push({ label, outcome });
          }
        } catch (err) {
          throwIfStoreBroken(err);
          await storeAll(analysed.splice(0));
          await fail(label, toClaimtraceError(err));
        }
      }
      await storeAll(analysed);
      summary.timings.store += performance.now() - t;
    },
  };
}
