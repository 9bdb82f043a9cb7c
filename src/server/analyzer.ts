import { ClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import type { AnalyzeOptions } from '../engine/options.js';
import { fetchUrl } from '../fetch/index.js';
import { createInlinePool } from '../ingest/inline.js';
import { createWorkerPool, type PoolHealth, type PoolOptions } from '../ingest/pool.js';
import type { ArticleSource } from '../ingest/source.js';

/** Turns one article into its report; the server bounds how many run at once. */
export interface Analyzer {
  /**
   * Extracts and analyses the article; rejects with a ClaimtraceError (E_INPUT_EMPTY for an article without text,
   * E_TIMEOUT past the analysis deadline). When `signal` aborts, the work is stopped (its worker terminated).
   */
  analyze(source: ArticleSource, signal?: AbortSignal): Promise<Report>;
  /** The workers' state: how many are ready, and why the analyses cannot be trusted to finish, if they cannot. Optional for test doubles. */
  health?(): PoolHealth;
  /** Stops worker threads, if any. */
  close(): Promise<void>;
}

/**
 * The engine of the server and the CLI: `workers` threads (0: this thread, without a hard deadline), each loading the
 * pipeline once; every analysis has the hard deadline of deadline.ts.
 */
export function createPoolAnalyzer(workers: number, options: AnalyzeOptions, poolOptions: PoolOptions = {}): Analyzer {
  const pool = workers > 0 ? createWorkerPool(workers, options, poolOptions) : createInlinePool(options);
  const always = async () => true;
  return {
    async analyze(source, signal) {
      const outcome = await pool.run(source, always, { signal });
      if (outcome.kind !== 'analysed') throw new ClaimtraceError('E_INTERNAL', { reason: 'the analysis pool skipped an article it was asked to analyse' });
      return outcome.report;
    },
    health: () => pool.health(),
    close: () => pool.close(),
  };
}

/** The body of POST /api/analyze: text, or HTML (with its URL), or a URL to fetch, and metadata that wins over extraction. */
export interface AnalyzeBody {
  readonly text?: string;
  readonly html?: string;
  readonly url?: string;
  readonly title?: string;
  readonly site?: string;
  readonly published?: string;
}

/** The article to analyse: the given text or HTML, or the page fetched (with the SSRF guard) from the URL. */
export async function sourceOf(body: AnalyzeBody, options: AnalyzeOptions): Promise<ArticleSource> {
  const meta = { title: body.title, site: body.site, published: body.published };
  const encode = (s: string) => new TextEncoder().encode(s);
  if (body.text !== undefined) return { label: 'text', bytes: encode(body.text), contentType: 'text/plain', meta };
  if (body.html !== undefined) return { label: body.url ?? 'html', bytes: encode(body.html), contentType: 'text/html', url: body.url, meta };
  if (body.url === undefined) throw new ClaimtraceError('E_REQUEST_INVALID', { reason: 'give text, html or url' });
  const page = await fetchUrl(body.url, { timeoutMs: options.timeoutMs, maxBytes: options.maxBytes, maxRedirects: options.maxRedirects });
  return { label: body.url, bytes: page.bytes, contentType: page.contentType, url: page.finalUrl, meta };
}
