/**
 * `npm run bench:search`: search speed on a 1,000-article store, for a query that matches every article ("the").
 *
 * 1. Generates the seeded corpus (bench/corpus/generate.ts, seed 42) and ingests it with the rule-based annotators
 *    only (`models: false`, as `ingest --no-models`): the stored text, titles and claim sentences, which are all that
 *    search reads, are the same as with the models (checked once: 48,435 claims, same offsets), and ingest is ~2× faster.
 * 2. Single-query latency in this process: wall time and CPU time of a search, p50/p95 over SEARCH_QUERIES runs, the
 *    median of ROUNDS rounds that alternate with a baseline: the search as it was before issue 12 (read from git at
 *    BASELINE_COMMIT; left out when git cannot give it).
 * 3. `claimtrace serve` in a child process on 127.0.0.1, autocannon at CONNECTIONS (50) connections for DURATION s on
 *    GET /api/documents?q=the (the search route), while another child process asks GET /healthz every 100 ms; /healthz
 *    is first sampled on the idle server as its baseline.
 *
 * Writes bench/out/search-load.json and prints the BENCHMARKS.md section. Loopback only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { resolveOptions } from '../src/engine/analyze.js';
import { ingest } from '../src/ingest/index.js';
import { openSqliteStore } from '../src/store/index.js';
import type { SearchQuery, SearchResult } from '../src/store/types.js';
import { autocannon } from './autocannon.js';
import { generateCorpus } from './corpus/generate.js';


const ARTICLES = 1000;
const QUERY = 'the';
const SEARCH_QUERIES = Number(process.env.SEARCH_QUERIES ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.DURATION ?? 20);
const HEALTH_EVERY_MS = 100;
/** The last commit before the search fixes of issue 12 (snippet by rowid, totals, worker threads). */
const BASELINE_COMMIT = process.env.BASELINE_COMMIT ?? '7c5a4d5';
const OUT = join('bench', 'out', 'search-load.json');

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

async function buildStore(dir: string): Promise<{ db: string; ingestS: number }> {
  const corpus = join(dir, 'corpus.jsonl');
  const fd = openSync(corpus, 'w');
  for (const article of generateCorpus({ articles: ARTICLES, seed: 42 })) writeSync(fd, `${JSON.stringify(article.record)}\n`);
  closeSync(fd);
  const db = join(dir, 'search.db');
  const store = await openSqliteStore(db);
  const t = performance.now();
  const summary = await ingest([corpus], store, { analyze: resolveOptions({ models: false }) });
  await store.close();
  if (summary.inserted !== ARTICLES) throw new Error(`ingest stored ${summary.inserted} of ${ARTICLES} articles`);
  return { db, ingestS: round((performance.now() - t) / 1000, 1) };
}

/** The search module as it was at BASELINE_COMMIT, written beside the current one's imports; undefined without git. */
async function baselineSearch(dir: string): Promise<((db: Database.Database) => (query: SearchQuery) => SearchResult) | undefined> {
  try {
    const source = execFileSync('git', ['show', `${BASELINE_COMMIT}:src/store/sqlite-search.ts`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const store = pathToFileURL(resolve('src', 'store')).href;
    const path = join(dir, 'baseline-search.ts');
    writeFileSync(path, source.replaceAll("from './", `from '${store}/`));
    return ((await import(pathToFileURL(path).href)) as { createSqliteSearch: (db: Database.Database) => (query: SearchQuery) => SearchResult }).createSqliteSearch;
  } catch {
    return undefined;
  }
}

/** Wall and CPU milliseconds of each of SEARCH_QUERIES runs of `run` (after 20 unmeasured). */
function timeQueries(run: () => unknown): { wallMs: number[]; cpuMs: number[] } {
  for (let i = 0; i < 20; i++) run();
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < SEARCH_QUERIES; i++) {
    const cpu = process.cpuUsage();
    const t = performance.now();
    run();
    wallMs.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}

/** Each figure's median over rounds. */
function medianOf<T extends Record<string, number>>(rounds: readonly T[]): T {
  return Object.fromEntries(Object.keys(rounds[0]!).map((key) => [key, percentile(rounds.map((r) => r[key]!), 50)])) as T;
}

const summary = (t: { wallMs: number[]; cpuMs: number[] }) => ({
  wallP50Ms: round(percentile(t.wallMs, 50)), wallP95Ms: round(percentile(t.wallMs, 95)),
  cpuP50Ms: round(percentile(t.cpuMs, 50)), cpuP95Ms: round(percentile(t.cpuMs, 95)),
});

async function singleQuery(dbPath: string, dir: string) {
  const db = new Database(dbPath, { readonly: true });
  const matching = (db.prepare('SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?').pluck().get(`"${QUERY}"`)) as number;
  if (matching !== ARTICLES) throw new Error(`"${QUERY}" matches ${matching} of ${ARTICLES} articles`);
  // The store runs this same function inside its promise (one per event-loop turn): timed here without the queue.
  const { createSqliteSearch } = await import('../src/store/sqlite-search.js');
  const current = createSqliteSearch(db);
  const result = current({ text: QUERY });
  const createBaseline = await baselineSearch(dir);
  const old = createBaseline?.(db);
  // Rounds alternate ours and the baseline, so that both meet the same load from other processes; medians of rounds.
  const rounds: { ours: ReturnType<typeof summary>; baseline?: ReturnType<typeof summary> }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    rounds.push({ ours: summary(timeQueries(() => current({ text: QUERY }))), baseline: old ? summary(timeQueries(() => old({ text: QUERY }))) : undefined });
  }
  const ours = medianOf(rounds.map((r) => r.ours));
  const baseline = old ? medianOf(rounds.map((r) => r.baseline!)) : undefined;
  db.close();
  return { query: QUERY, matchingArticles: matching, total: result.total, hits: result.hits.length, rounds: ROUNDS, queriesPerRound: SEARCH_QUERIES, ours, baseline };
}

/** Starts the server and resolves with its URL once it prints it. */
function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', db, '--rate-limit', '100000000'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CLAIMTRACE_TOKEN: '' } });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolvePromise({ child, url: match[1]! });
    });
    child.on('exit', (code) => reject(new Error(`claimtrace serve exited with ${code}`)));
  });
}

/** GET /healthz every HEALTH_EVERY_MS for `seconds`, from a process of its own (autocannon keeps this one busy). */
function sampleHealth(url: string, seconds: number): Promise<{ latenciesMs: number[]; failures: number }> {
  const script = `
    const latencies = []; let failures = 0; const end = Date.now() + ${seconds * 1000};
    const tick = async () => {
      const t = performance.now();
      try { const res = await fetch(${JSON.stringify(`${url}healthz`)}, { signal: AbortSignal.timeout(5000) }); await res.text(); if (!res.ok) failures++; }
      catch { failures++; }
      latencies.push(performance.now() - t);
      if (Date.now() < end) setTimeout(tick, ${HEALTH_EVERY_MS}); else process.stdout.write(JSON.stringify({ latenciesMs: latencies, failures }));
    };
    tick();`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`health sampler exited with ${code}`))));
  });
}

const healthSummary = (h: { latenciesMs: number[]; failures: number }) => ({
  samples: h.latenciesMs.length, failures: h.failures, p50Ms: round(percentile(h.latenciesMs, 50)), p99Ms: round(percentile(h.latenciesMs, 99)), maxMs: round(Math.max(...h.latenciesMs)),
});

/** CPU time a process has used, in ms (Linux /proc; clock ticks of 10 ms), or NaN elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/**
 * Waits until the server is idle (under 10 % of a core for a second; at most 60 s): its analysis workers load the
 * NLP model after it starts listening, which would otherwise be counted as search time.
 */
async function settled(pid: number): Promise<void> {
  const end = Date.now() + 60_000;
  let last = cpuMsOf(pid);
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuMsOf(pid);
    if (!(now - last >= 100)) return;
    last = now;
  }
}

async function underLoad(db: string) {
  const { child, url } = await startServer(db);
  try {
    await settled(child.pid!);
    const search = `${url}api/documents?q=${QUERY}`;
    const check = (await (await fetch(search)).json()) as { total: number; hits: unknown[] };
    await autocannon({ url: search, connections: CONNECTIONS, duration: 2 });
    const idle = healthSummary(await sampleHealth(url, 3));
    const cpuBefore = cpuMsOf(child.pid!);
    const [load, health] = await Promise.all([autocannon({ url: search, connections: CONNECTIONS, duration: DURATION_S }), sampleHealth(url, DURATION_S - 1)]);
    const serverCpuMs = cpuMsOf(child.pid!) - cpuBefore;
    return {
      connections: CONNECTIONS, durationS: DURATION_S, total: check.total, hits: check.hits.length,
      requests: { total: load.requests.total, perSecond: round(load.requests.average, 1), ok: load['2xx'] },
      latencyMs: { p50: load.latency.p50, p99: load.latency.p99, max: load.latency.max },
      errors: load.errors, timeouts: load.timeouts, non2xx: load.non2xx,
      serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, load.requests.total)),
      healthIdle: idle, healthUnderLoad: healthSummary(health),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

function section(out: { date: string; machine: { cpus: number; model: string; node: string }; ingestS: number; single: Awaited<ReturnType<typeof singleQuery>>; load: Awaited<ReturnType<typeof underLoad>> }): string {
  const { single, load } = out;
  const ratio = (a: number, b: number | undefined) => (b === undefined ? 'n/a' : `${round(a / b)}×`);
  const lines = [
    '## search',
    '',
    `\`npm run bench:search\` (${out.date.slice(0, 10)}; ${out.machine.cpus} × ${out.machine.model}, Node ${out.machine.node}). A seeded 1,000-article store (bench/corpus/generate.ts, seed 42, ingested with \`--no-models\` in ${out.ingestS} s: search reads only the stored text and claims, which the models do not change); the query "${single.query}" matches all ${single.matchingArticles} articles (total ${single.total} articles and claims, ${single.hits} hits shown). Baseline: the search before issue 12 (commit ${BASELINE_COMMIT}), run in the same invocation.`,
    '',
    `| one query, in process (medians of ${single.rounds} rounds × ${single.queriesPerRound} queries) | p50 | p95 | CPU p50 | CPU p95 | ratio to baseline (CPU p50) |`,
    '|---|---|---|---|---|---|',
    `| now | ${single.ours.wallP50Ms} ms | ${single.ours.wallP95Ms} ms | ${single.ours.cpuP50Ms} ms | ${single.ours.cpuP95Ms} ms | ${ratio(single.ours.cpuP50Ms, single.baseline?.cpuP50Ms)} |`,
    single.baseline ? `| baseline | ${single.baseline.wallP50Ms} ms | ${single.baseline.wallP95Ms} ms | ${single.baseline.cpuP50Ms} ms | ${single.baseline.cpuP95Ms} ms | 1× |` : '| baseline | not measured (no git) | | | | |',
    '',
    `Under load: autocannon, ${load.connections} connections, ${load.durationS} s, \`GET /api/documents?q=${single.query}\` on 127.0.0.1: ${load.requests.perSecond} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, ${load.errors} errors, ${load.non2xx} non-2xx; the server used ${load.serverCpuMsPerRequest} ms of CPU per request (HTTP, search, JSON). \`GET /healthz\` every ${HEALTH_EVERY_MS} ms meanwhile: p50 ${load.healthUnderLoad.p50Ms} ms, p99 ${load.healthUnderLoad.p99Ms} ms, max ${load.healthUnderLoad.maxMs} ms (${load.healthUnderLoad.samples} samples, ${load.healthUnderLoad.failures} failed); idle: p50 ${load.healthIdle.p50Ms} ms, p99 ${load.healthIdle.p99Ms} ms (under load / idle p99: ${ratio(load.healthUnderLoad.p99Ms, load.healthIdle.p99Ms)}; /healthz p50 / search p50 under load: ${ratio(load.healthUnderLoad.p50Ms, load.latencyMs.p50)}). The server's CPU share is ${round((load.requests.perSecond * load.serverCpuMsPerRequest) / 10, 0)} % of a core: req/s and latencies under load depend on what else the machine runs; CPU per query does much less.`,
  ];
  return lines.join('\n');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-search-'));
  try {
    // SEARCH_DB: a store built by an earlier run (this corpus), to measure again without ingesting.
    const { db, ingestS } = process.env.SEARCH_DB ? { db: process.env.SEARCH_DB, ingestS: Number.NaN } : await buildStore(dir);
    const single = await singleQuery(db, dir);
    console.error(`single query: ${JSON.stringify(single)}`);
    const load = await underLoad(db);
    const out = { schema: 'claimtrace/bench-search@1', date: new Date().toISOString(), command: 'npm run bench:search', machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, ingestS, single, load };
    mkdirSync(join('bench', 'out'), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
    console.log(section(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
