// autocannon, typed for the bench scripts (the package ships no types): the parts of its options and result they use.
import { createRequire } from 'node:module';

/** One request autocannon sends; `setupRequest` may rewrite it per request. */
export interface LoadRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** What a bench script asks autocannon for. */
export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  requests?: (LoadRequest & { setupRequest: (req: LoadRequest) => LoadRequest })[];
}

/** autocannon's summary of one run. */
export interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}

/** Runs autocannon once and resolves with its summary. */
export const autocannon = createRequire(import.meta.url)('autocannon') as (options: LoadOptions) => Promise<LoadResult>;
