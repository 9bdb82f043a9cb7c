import type { AnalyzeOptions } from '../engine/options.js';
import type { FactCheckAudit } from '../factchecks/audit/provider.js';
import type { Store } from '../store/types.js';
import type { Analyzer } from './analyzer.js';
import type { WorkQueue } from './limits.js';
import type { ResolvedServerOptions } from './options.js';

/** What every route module gets: the options, the store, the engine and the queue that bounds it. */
export interface ServerContext {
  readonly options: ResolvedServerOptions;
  readonly analyzeOptions: AnalyzeOptions;
  readonly store: Store;
  readonly analyzer: Analyzer;
  readonly queue: WorkQueue;
  /** The store's fact-checks as a matcher (built on first use when some are stored, refreshed when they change). */
  readonly factChecks: FactCheckAudit;
  /**
   * This server's base URL, ending in `/`: the `publicUrl` option, else http://<host>:<port>/ of the bound address
   * (before `listen`, as under `inject`, without a port). Exports build IRIs and links from it, never from the request.
   */
  publicUrl(): string;
}
