/**
 * Corpus benchmark (`npm run bench:corpus`): generates a seeded corpus, ingests it into a fresh SQLite store with 1 and
 * with N workers, and measures ingest articles/s, database size per article, and search p50/p95. Writes
 * bench/out/corpus.json. CORPUS_SIZE=10000 for 10k articles (default 1000); CORPUS_WORKERS="1,2" for the worker counts.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolveOptions } from '../../src/engine/analyze.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { generateCorpus, type GeneratedArticle } from './generate.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZE = Number(process.env.CORPUS_SIZE ?? 1000);
const WORKERS = (process.env.CORPUS_WORKERS ?? `1,${availableParallelism()}`).split(',').map(Number);
const SEARCHES = 200;

/** Writes the corpus as one JSON Lines file; returns the ground truth (planted claims) by URL. */
function writeCorpus(dir: string): Map<string, GeneratedArticle['plants']> {
  const truth = new Map<string, GeneratedArticle['plants']>();
  const lines: string[] = [];
  for (const article of generateCorpus({ articles: SIZE, seed: 42 })) {
    lines.push(JSON.stringify(article.record));
    if (article.plants.length > 0) truth.set(article.record.url, article.plants);
  }
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  return truth;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Size of the database file and its WAL, in bytes. */
function dbBytes(path: string): number {
  return readdirSync(dirname(path)).filter((name) => name.startsWith('corpus.db')).reduce((n, name) => n + statSync(join(dirname(path), name)).size, 0);
}

/** Search latency over a fixed mix of queries: planted-claim words, figures, place names, and rare terms. */
async function measureSearch(store: Store): Promise<{ queries: number; p50Ms: number; p95Ms: number; meanHits: number }> {
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
  return { queries: SEARCHES, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), meanHits: round(hits / SEARCHES) };
}

/**
 * Hook for the trace benchmark (issue 5, section 3): once `src/trace` has an entry point, time it here on the planted
 * claims in `truth` (p50/p95) and score recall/precision (a match counts when it overlaps a non-distractor plant of the
 * same claim). Returns null until then.
 */
async function measureTrace(_store: Store, _truth: Map<string, GeneratedArticle['plants']>): Promise<null> {
  return null;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

async function runOnce(dir: string, workers: number, truth: Map<string, GeneratedArticle['plants']>) {
  const dbDir = mkdtempSync(join(dir, `w${workers}-`));
  const db = join(dbDir, 'corpus.db');
  let store = await openSqliteStore(db);
  const summary = await ingest([join(dir, 'corpus.jsonl')], store, { analyze: resolveOptions({}), workers });
  await store.close();
  const bytes = dbBytes(db);
  store = await openSqliteStore(db);
  const search = await measureSearch(store);
  const trace = await measureTrace(store, truth);
  await store.close();
  const stored = summary.inserted + summary.updated + summary.unchanged;
  console.log(`${workers} worker(s): ${summary.rate.toFixed(1)} articles/s, ${(bytes / stored / 1024).toFixed(1)} KiB/article, search p50 ${search.p50Ms} ms p95 ${search.p95Ms} ms`);
  return { workers, articles: stored, failed: summary.failed, seconds: round(summary.elapsedMs / 1000), articlesPerSecond: round(summary.rate), dbBytes: bytes, bytesPerArticle: Math.round(bytes / stored), timingsMs: summary.timings, search, trace };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-corpus-'));
  try {
    const truth = writeCorpus(dir);
    const runs = [];
    for (const workers of WORKERS) runs.push(await runOnce(dir, workers, truth));
    const out = { schema: 'claimtrace/bench-corpus@1', date: new Date().toISOString(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, corpus: { articles: SIZE, seed: 42, planted: truth.size }, runs };
    mkdirSync(join(HERE, '..', 'out'), { recursive: true });
    writeFileSync(join(HERE, '..', 'out', 'corpus.json'), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
