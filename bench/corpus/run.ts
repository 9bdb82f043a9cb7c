/**
 * Corpus benchmark (`npm run bench:corpus`): for each corpus size, generates a seeded corpus, ingests it into a fresh
 * SQLite store, and measures ingest articles/s, database size per article, search p50/p95, and trace p50/p95 with
 * recall and precision on the planted stories: overall, by how the appearances are told (paraphrased, or retold in
 * other words), against the distractors that share a story's words, and from a retold query. The smallest size is ingested once per worker count (CORPUS_WORKERS,
 * default "1,<cores>"), the larger ones with the first count listed. Writes bench/out/corpus.json.
 * CORPUS_SIZES="1000,10000,100000" (default "1000,10000"); CORPUS_TRACES stories traced per size (default 100);
 * CORPUS_OUT another file name under bench/out (BENCHMARKS.md also reads corpus-100k.json when it is there).
 * CORPUS_KEEP=<dir> keeps each size's store in that directory (corpus-<size>.db, with the first worker count) and, when
 * it is already there, measures search and trace on it without ingesting again (the run then reports no ingest rate):
 * a change to the trace can be re-measured at 100,000 articles in minutes instead of an hour.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveOptions } from '../../src/engine/analyze.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { storyQueries, traceAll } from './trace-stories.js';
import { measureSearch, writeCorpus, type Truth } from './write.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.CORPUS_SIZES ?? '1000,10000').split(',').map(Number);
const WORKERS = (process.env.CORPUS_WORKERS ?? `1,${availableParallelism()}`).split(',').map(Number);
const TRACES = Number(process.env.CORPUS_TRACES ?? 100);

/** Size of the database file and its WAL, in bytes. */
function dbBytes(path: string): number {
  const base = path.split('/').at(-1)!;
  return readdirSync(dirname(path)).filter((name) => name.startsWith(base)).reduce((n, name) => n + statSync(join(dirname(path), name)).size, 0);
}

/**
 * Traces up to TRACES stories (those planted at least twice), each from the text of its first paraphrased appearance as
 * a user would paste it, and scores the matches against the planted truth: a match is right when its article carries the
 * story's claim and the matched claim overlaps it. Recall is also given by how the appearances are told (paraphrased,
 * or retold in other words), and the wrong matches by what they hit (the word-sharing distractors among them). The same
 * stories are traced again from their first retold appearance (`retoldQueries`). Latency of the store query, and with
 * the analysis of the typed text.
 */
async function measureTrace(store: Store, truth: Truth) {
  const { fromParaphrase, fromRetold } = storyQueries(truth, TRACES);
  const trace = await traceAll(store, truth, fromParaphrase);
  const retold = await traceAll(store, truth, fromRetold);
  return { ...trace, query: 'first paraphrased appearance', retoldQueries: { query: 'first retold appearance', traces: retold.traces, p50Ms: retold.p50Ms, p95Ms: retold.p95Ms, recall: retold.recall, precision: retold.precision, byKind: retold.byKind, retoldByTemplate: retold.retoldByTemplate, wordSharing: retold.wordSharing } };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

const KEEP = process.env.CORPUS_KEEP;

async function runOnce(dir: string, size: number, workers: number, truth: Truth) {
  const kept = KEEP === undefined ? null : join(KEEP, `corpus-${size}.db`);
  const reused = kept !== null && existsSync(kept);
  const dbDir = kept === null ? mkdtempSync(join(dir, `w${workers}-`)) : KEEP!;
  const db = kept ?? join(dbDir, 'corpus.db');
  if (kept !== null) mkdirSync(KEEP!, { recursive: true });
  let store = await openSqliteStore(db);
  const summary = reused ? null : await ingest([join(dir, 'corpus.jsonl')], store, { analyze: resolveOptions({}), workers });
  await store.close();
  const bytes = dbBytes(db);
  store = await openSqliteStore(db);
  const search = await measureSearch(store);
  const trace = await measureTrace(store, truth);
  await store.close();
  if (kept === null) rmSync(dbDir, { recursive: true, force: true });
  if (summary === null) {
    console.log(`${size} articles (kept store ${db}, not ingested again): search p50 ${search.p50Ms} ms p95 ${search.p95Ms} ms, trace p50 ${trace.p50Ms} ms p95 ${trace.p95Ms} ms recall ${trace.recall} precision ${trace.precision} (recall paraphrased ${trace.byKind.paraphrase!.recall}, retold ${trace.byKind.retold!.recall}; word-sharing distractors matched ${trace.wordSharing.matched} of ${trace.wordSharing.planted}; from a retold query: recall ${trace.retoldQueries.recall} precision ${trace.retoldQueries.precision})`);
    return { size, workers: null, reusedStore: true, dbBytes: bytes, search, trace };
  }
  const stored = summary.inserted + summary.updated + summary.unchanged;
  console.log(`${size} articles, ${workers} worker(s): ${summary.rate.toFixed(1)} articles/s, ${(bytes / stored / 1024).toFixed(1)} KiB/article, search p50 ${search.p50Ms} ms p95 ${search.p95Ms} ms, trace p50 ${trace.p50Ms} ms p95 ${trace.p95Ms} ms recall ${trace.recall} precision ${trace.precision} (recall paraphrased ${trace.byKind.paraphrase!.recall}, retold ${trace.byKind.retold!.recall}; word-sharing distractors matched ${trace.wordSharing.matched} of ${trace.wordSharing.planted}, precision against them ${trace.wordSharing.precision}; from a retold query: recall ${trace.retoldQueries.recall} precision ${trace.retoldQueries.precision})`);
  return { size, workers, articles: stored, failed: summary.failed, seconds: round(summary.elapsedMs / 1000), articlesPerSecond: round(summary.rate), dbBytes: bytes, bytesPerArticle: Math.round(bytes / stored), timingsMs: summary.timings, search, trace };
}

/** Plants of the corpus by kind ("paraphrase", "retold", and "distractor:other-event" …). */
function plantCounts(truth: Truth): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const plants of truth.values()) for (const p of plants) {
    const key = p.distractorKind ? `distractor:${p.distractorKind}` : p.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** Writes what has been measured so far: a long run (100k articles) that is stopped still leaves its finished sizes. */
function writeOut(corpora: unknown[], runs: unknown[]): void {
  const out = { schema: 'claimtrace/bench-corpus@2', date: new Date().toISOString(), command: `CORPUS_SIZES=${SIZES.join(',')} CORPUS_WORKERS=${WORKERS.join(',')} npm run bench:corpus`, machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, corpora, runs };
  mkdirSync(join(HERE, '..', 'out'), { recursive: true });
  writeFileSync(join(HERE, '..', 'out', process.env.CORPUS_OUT ?? 'corpus.json'), `${JSON.stringify(out, null, 2)}\n`);
}

async function main(): Promise<void> {
  const runs = [];
  const corpora = [];
  for (const [i, size] of SIZES.entries()) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-corpus-'));
    try {
      const truth = writeCorpus(join(dir, 'corpus.jsonl'), size);
      corpora.push({ articles: size, seed: 42, plantedArticles: [...truth.values()].filter((p) => p.some((x) => !x.distractor)).length, plants: plantCounts(truth) });
      for (const workers of i === 0 && KEEP === undefined ? WORKERS : [WORKERS[0]!]) {
        runs.push(await runOnce(dir, size, workers, truth));
        writeOut(corpora, runs);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
