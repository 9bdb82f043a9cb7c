/**
 * Store write benchmark (`npm run bench:store`): analyses STORE_ARTICLES generated ~800-word articles once (seeded), then
 * writes them into fresh SQLite files three ways and reports ms per article: one transaction per article (the
 * baseline), and batches of 16 and 64 articles per transaction (what ingest does with the articles that are ready).
 * Ratios are against the baseline of the same run. Writes bench/out/store.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzeDocument, resolveOptions, toReport } from '../src/engine/analyze.js';
import { openSqliteStore } from '../src/store/index.js';
import type { ArticleInput } from '../src/store/types.js';
import { generateCorpus } from './corpus/generate.js';

const ARTICLES = Number(process.env.STORE_ARTICLES ?? 400);
const ROUNDS = 3;
const options = resolveOptions({});
const articles: ArticleInput[] = [...generateCorpus({ articles: ARTICLES, seed: 9 })].map(({ record }) => ({
  report: toReport(analyzeDocument({ text: record.text, meta: { url: record.url, title: record.title, site: record.site, published: record.published } }, options), options),
  settings: 'bench',
  input: record.url,
}));

/** Median ms per article over ROUNDS fresh files, writing `batch` articles per transaction (1: `upsert`). */
async function measure(batch: number): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-store-'));
    const store = await openSqliteStore(join(dir, 'bench.db'));
    const t = performance.now();
    if (batch === 1) for (const article of articles) await store.upsert(article);
    else for (let i = 0; i < articles.length; i += batch) await store.upsertMany(articles.slice(i, i + batch));
    times.push((performance.now() - t) / articles.length);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return times.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]!;
}

const baseline = await measure(1);
const rows = [{ batch: 1, msPerArticle: baseline, ratio: 1 }];
for (const batch of [16, 64]) {
  const ms = await measure(batch);
  rows.push({ batch, msPerArticle: ms, ratio: ms / baseline });
}
for (const r of rows) console.log(`${String(r.batch).padStart(2)} per transaction: ${r.msPerArticle.toFixed(2)} ms/article (${r.ratio.toFixed(2)}× the baseline)`);
const out = { schema: 'claimtrace/bench-store@1', date: new Date().toISOString(), command: 'npm run bench:store', machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, articles: ARTICLES, rows };
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'store.json'), `${JSON.stringify(out, null, 2)}\n`);
