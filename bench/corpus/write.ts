import { closeSync, openSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Store } from '../../src/store/types.js';
import { generateCorpus, type Plant } from './generate.js';

/** Planted claims and distractors by article URL, with their sentence text. */
export type Truth = Map<string, (Plant & { readonly text: string })[]>;

/**
 * Writes the generated corpus (seed 42) as one JSON Lines file, in chunks of 1,000 records so that memory stays flat at
 * 100k articles; returns the ground truth by URL. Shared by the corpus and scale benchmarks.
 */
export function writeCorpus(path: string, size: number): Truth {
  const truth: Truth = new Map();
  const fd = openSync(path, 'w');
  let chunk: string[] = [];
  for (const article of generateCorpus({ articles: size, seed: 42 })) {
    chunk.push(JSON.stringify(article.record));
    if (article.plants.length > 0) truth.set(article.record.url, article.plants.map((p) => ({ ...p, text: article.record.text.slice(p.start, p.end) })));
    if (chunk.length === 1000) {
      writeSync(fd, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) writeSync(fd, `${chunk.join('\n')}\n`);
  closeSync(fd);
  return truth;
}

/** The p-th percentile of sorted values (nearest rank; 0 for none). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Searches per measurement. */
export const SEARCHES = 200;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Search latency over a fixed mix of queries (planted-claim words, figures, place names, rare terms), a third with a site filter. */
export async function measureSearch(store: Store): Promise<{ queries: number; p50Ms: number; p95Ms: number; meanHits: number }> {
  const queries = ['shipyard jobs', 'surgery waiting', 'ferry fares percent', 'new homes 2030', 'flood wall euros', '20,000', 'twenty thousand', 'Vellmar', 'lighthouse', 'harbour board', 'regatta', 'mayor'];
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < SEARCHES; i++) {
    const t = performance.now();
    const result = await store.search({ text: queries[i % queries.length]!, ...(i % 3 === 0 ? { site: 'Harbour Herald' } : {}) });
    times.push(performance.now() - t);
    hits += result.hits.length;
  }
  times.sort((a, b) => a - b);
  return { queries: SEARCHES, p50Ms: round2(percentile(times, 50)), p95Ms: round2(percentile(times, 95)), meanHits: round2(hits / SEARCHES) };
}
