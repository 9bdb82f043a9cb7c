/**
 * PostgreSQL store write benchmark: analyses STORE_ARTICLES generated ~800-word articles once (seeded, as
 * bench/store-writes.ts does), then writes them into a fresh SQLite file and a fresh PostgreSQL schema (at
 * $CLAIMTRACE_BENCH_PG, default postgres://postgres@127.0.0.1:5432/test) one article per transaction and in batches of
 * 16 and 64 (upsertMany), and with two PostgreSQL pools writing halves at once (two workers). Reports articles/s,
 * medians over ROUNDS, PostgreSQL as a ratio of SQLite in the same run. Writes bench/out/store-pg.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { analyzeDocument, resolveOptions, toReport } from '../src/engine/analyze.js';
import { openSqliteStore } from '../src/store/index.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import type { ArticleInput, Store } from '../src/store/types.js';
import { generateCorpus } from './corpus/generate.js';

const ARTICLES = Number(process.env.STORE_ARTICLES ?? 300);
const ROUNDS = Number(process.env.STORE_ROUNDS ?? 3);
const PG_URL = process.env.CLAIMTRACE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const options = resolveOptions({});
const started = performance.now();
const articles: ArticleInput[] = [...generateCorpus({ articles: ARTICLES, seed: 9 })].map(({ record }) => ({
  report: toReport(analyzeDocument({ text: record.text, meta: { url: record.url, title: record.title, site: record.site, published: record.published } }, options), options),
  settings: 'bench',
  input: record.url,
}));
const rowsPerArticle = articles.reduce((n, { report: r }) => n + r.claims.length + r.entities.length + r.quantities.length + r.attributions.length + r.techniques.length + r.findings.length, 0) / ARTICLES;
console.log(`analysed ${ARTICLES} articles in ${((performance.now() - started) / 1000).toFixed(1)} s; ${rowsPerArticle.toFixed(0)} annotation rows per article`);

let schemaCount = 0;
const schemaPrefix = `ct_bench_${process.pid}`;

/** Writes every article with `batch` per transaction (1: upsert) from `workers` stores at once, each taking its share. */
async function write(stores: Store[], batch: number): Promise<void> {
  await Promise.all(stores.map(async (store, w) => {
    const mine = articles.filter((_, i) => i % stores.length === w);
    if (batch === 1) for (const article of mine) await store.upsert(article);
    else for (let i = 0; i < mine.length; i += batch) await store.upsertMany(mine.slice(i, i + batch));
  }));
}

/** Median articles/s over ROUNDS fresh stores. */
async function measure(kind: 'sqlite' | 'postgres', batch: number, workers = 1): Promise<number> {
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-'));
    const schema = `${schemaPrefix}_${++schemaCount}`;
    const open = () => (kind === 'sqlite' ? openSqliteStore(join(dir, 'bench.db')) : openPostgresStore(PG_URL, { schema }));
    const stores: Store[] = [];
    for (let w = 0; w < workers; w++) stores.push(await open());
    const t = performance.now();
    await write(stores, batch);
    rates.push(articles.length / ((performance.now() - t) / 1000));
    if ((await stores[0]!.countDocuments()) !== articles.length) throw new Error(`${kind}: ${await stores[0]!.countDocuments()} documents stored, not ${articles.length}`);
    await Promise.all(stores.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
  return rates.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const rows: { store: string; batch: number; workers: number; articlesPerSecond: number; ratioToSqlite: number | null }[] = [];
try {
  for (const batch of [1, 16, 64]) {
    const sqlite = await measure('sqlite', batch);
    const postgres = await measure('postgres', batch);
    rows.push({ store: 'sqlite', batch, workers: 1, articlesPerSecond: sqlite, ratioToSqlite: 1 });
    rows.push({ store: 'postgres', batch, workers: 1, articlesPerSecond: postgres, ratioToSqlite: postgres / sqlite });
  }
  const sqlite16 = rows.find((r) => r.store === 'sqlite' && r.batch === 16)!.articlesPerSecond;
  const two = await measure('postgres', 16, 2);
  rows.push({ store: 'postgres', batch: 16, workers: 2, articlesPerSecond: two, ratioToSqlite: two / sqlite16 });
} finally {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  const { rows: left } = await client.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 || '\\_%'", [schemaPrefix]);
  for (const { nspname } of left) await client.query(`DROP SCHEMA ${nspname} CASCADE`);
  await client.end();
}
for (const r of rows) console.log(`${r.store.padEnd(8)} ${String(r.batch).padStart(2)} per transaction, ${r.workers} writer(s): ${r.articlesPerSecond.toFixed(0)} articles/s (${r.ratioToSqlite!.toFixed(2)}× SQLite)`);
const out = { schema: 'claimtrace/bench-store-pg@1', date: new Date().toISOString(), command: 'node --import tsx bench/store-writes-pg.ts', machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, articles: ARTICLES, rowsPerArticle, rows };
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'store-pg.json'), `${JSON.stringify(out, null, 2)}\n`);
