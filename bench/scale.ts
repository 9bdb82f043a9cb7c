/**
 * Scale benchmark (`npm run bench:scale [-- --articles N]`): the corpus benchmark's seeded articles ingested
 * in-process into SQLite and into PostgreSQL, and through the Redis queue into PostgreSQL with 1 and 2 worker
 * processes (`claimtrace ingest --queue` + `claimtrace worker --until-empty`); the store's own write cost per article
 * on each store (already analysed reports, client and server time apart); search and trace p50/p95 on both stores with
 * trace recall/precision on the planted stories; and what these figures say about how many worker machines one
 * PostgreSQL primary can feed. Writes bench/out/scale.json and bench/out/scale.md (the `scale` section of
 * BENCHMARKS.md, put in place by `npm run bench:report`).
 *
 * Flags: --articles N (default 400, a quick run; the issue's figure is 100000), --traces N (default 100), --write N
 * reports for the write-cost step (default 300), --no-queue, --pg URL (default $CLAIMTRACE_TEST_PG or the local
 * server), --redis URL (default redis://127.0.0.1:6379). PostgreSQL work happens in fresh schemas, dropped at the end.
 * Steps alone: --only write | queue | reads (the read growth step, --checkpoints N,N) | reads-again (see readsAgain).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Report } from '../src/core/report-schema.js';
import { analyzePure, resolveOptions } from '../src/engine/analyze.js';
import { traceQueryFromText } from '../src/engine/trace-query.js';
import { ingest } from '../src/ingest/index.js';
import { enqueueInputs, obliterateQueue, parseQueueUrl } from '../src/queue/index.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/types.js';
import { generateCorpus } from './corpus/generate.js';
import { measureSearch, percentile, writeCorpus, type Truth } from './corpus/write.js';
import { scaleMarkdown, type GrowthRow, type ReadRow, type ScaleResults } from './scale-report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const ARTICLES = Number(arg('articles', '400'));
const TRACES = Number(arg('traces', '100'));
const WRITE_REPORTS = Number(arg('write', '300'));
const QUEUE = !process.argv.includes('--no-queue');
const PG_URL = arg('pg', process.env.CLAIMTRACE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const REDIS_URL = arg('redis', 'redis://127.0.0.1:6379');
/**
 * `--only write` or `--only queue`: measure that step alone and put it into the bench/out/scale.json already there.
 * `--only reads`: the read growth step (search and trace p50/p95 on both stores as the corpus grows to --articles,
 * measured at each of --checkpoints and at the end), also put beside the results already there.
 */
const ONLY = arg('only', '');
const CHECKPOINTS = arg('checkpoints', '1000,10000').split(',').map(Number).filter((c) => c > 0 && c < ARTICLES);
const RUN = `scale_${process.pid}`;
const CORES = availableParallelism();

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const pgTarget = (schema: string) => `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${schema}`;

/** Runs SQL on the benchmark's database (outside any store). */
async function sql<T extends pg.QueryResultRow>(text: string, schema?: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: PG_URL, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Bytes of a schema's tables with their indexes and TOAST. */
async function schemaBytes(schema: string): Promise<number> {
  const rows = await sql<{ bytes: string }>(`SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind = 'r'`);
  return Number(rows[0]!.bytes);
}

/** Trace latency and quality on the planted stories, as the corpus benchmark measures them. */
async function measureTrace(store: Store, truth: Truth) {
  const byStory = new Map<string, { url: string; text: string }[]>();
  for (const [url, plants] of truth) for (const p of plants.filter((x) => !x.distractor)) byStory.set(p.claimId, [...(byStory.get(p.claimId) ?? []), { url, text: p.text }]);
  const stories = [...byStory].filter(([, a]) => a.length >= 2).slice(0, TRACES);
  const times: number[] = [];
  let found = 0;
  let relevant = 0;
  let returned = 0;
  for (const [story, planted] of stories) {
    const query = traceQueryFromText(planted[0]!.text, { limit: 1000 });
    const t = performance.now();
    const result = await store.trace(query);
    times.push(performance.now() - t);
    found += result.matches.filter((m) => m.url !== null && (truth.get(m.url) ?? []).some((p) => !p.distractor && p.claimId === story && p.start < m.end && m.start < p.end)).length;
    returned += result.matches.length;
    relevant += planted.length;
  }
  times.sort((a, b) => a - b);
  return { traces: stories.length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), recall: round(found / Math.max(relevant, 1), 4), precision: round(returned === 0 ? 0 : found / returned, 4) };
}

/** In-process ingest (worker threads, one per core) into a store; its rate, and the store's share of the time. */
async function ingestInProcess(corpus: string, target: string) {
  const store = await openStore(target);
  try {
    const summary = await ingest([corpus], store, { analyze: resolveOptions({}), workers: CORES });
    const stored = summary.inserted + summary.updated + summary.unchanged;
    return { articles: stored, failed: summary.failed, seconds: round(summary.elapsedMs / 1000, 1), articlesPerSecond: round(summary.rate), storeMsPerArticle: round(summary.timings.store / Math.max(stored, 1)) };
  } finally {
    await store.close();
  }
}

/** CPU time (user + system, ms) of a process so far, all its threads, from /proc; undefined once it is gone. */
function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in 1/100 s.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Runs the CLI in a child process; resolves with its stdout and its CPU time (sampled every 200 ms from /proc, so up
 * to the last 200 ms of a run are missed) when it exits 0.
 */
function cliProcess(args: string[]): Promise<{ stdout: string; cpuMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let cpuMs = 0;
    const sampler = setInterval(() => (cpuMs = processCpuMs(child.pid!) ?? cpuMs), 200);
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
    child.on('exit', (code) => {
      clearInterval(sampler);
      if (code === 0) resolve({ stdout: out, cpuMs });
      else reject(new Error(`claimtrace ${args[0]} exited ${code}: ${err}`));
    });
  });
}

/** Redis's own CPU seconds so far (INFO cpu). */
async function redisCpuSeconds(): Promise<number> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const info = await redis.info('cpu');
    const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return field('used_cpu_sys') + field('used_cpu_user');
  } finally {
    redis.disconnect();
  }
}

/**
 * Enqueues the corpus on a fresh queue, then starts `workers` worker processes against a fresh PostgreSQL schema and
 * times them from start to the last exit (--until-empty); the rate includes each process's start-up (model loading).
 */
async function ingestThroughQueue(corpus: string, workers: number, schema: string) {
  const queue = parseQueueUrl(REDIS_URL, `${RUN}-${workers}`);
  try {
    const t0 = performance.now();
    const enqueued = await enqueueInputs([corpus], queue, { maxBytes: resolveOptions({}).maxBytes });
    const enqueueSeconds = (performance.now() - t0) / 1000;
    await sql(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // The schema is migrated once before the clock starts, so the workers' first jobs do not wait on each other's migration lock.
    await (await openStore(pgTarget(schema))).close();
    const redisBefore = await redisCpuSeconds();
    const t1 = performance.now();
    const outputs = await Promise.all(Array.from({ length: workers }, () => cliProcess(['worker', '--queue', REDIS_URL, '--queue-name', queue.name, '--db', pgTarget(schema), '--until-empty', '--format', 'json'])));
    const seconds = (performance.now() - t1) / 1000;
    const redisCpu = (await redisCpuSeconds()) - redisBefore;
    const summaries = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').at(-1)!) as { completed: number; failed: number });
    const cpuMs = outputs.reduce((n, o) => n + o.cpuMs, 0);
    const completed = summaries.reduce((n, s) => n + s.completed, 0);
    return {
      workers, enqueued: enqueued.enqueued, enqueuePerSecond: round(enqueued.enqueued / enqueueSeconds), articles: completed, failed: summaries.reduce((n, s) => n + s.failed, 0),
      seconds: round(seconds, 1), articlesPerSecond: round(completed / seconds), workerCpuMsPerArticle: round(cpuMs / Math.max(completed, 1), 1), redisCpuMsPerArticle: round((redisCpu * 1000) / Math.max(completed, 1), 3),
    };
  } finally {
    await obliterateQueue(queue).catch(() => undefined);
  }
}

/**
 * The store's own cost of writing analysed articles, without the analysis: `reports` upserted in transactions of 16
 * (as ingest commits them) and one by one, into a fresh store; client CPU and wall time apart (on PostgreSQL the rest
 * of the wall time is the server's work and the round trips).
 */
async function writeCost(reports: readonly Report[], target: string) {
  const rows = [];
  for (const batch of [1, 16]) {
    // On PostgreSQL the store's connections carry their own application_name, so their server processes can be found.
    const app = `${RUN}_w${batch}`;
    const store = await openStore(target === 'postgres' ? `${pgTarget(`${RUN}_write_${batch}`)}&application_name=${app}` : `${target}-${batch}.db`);
    try {
      const cpu = process.cpuUsage();
      const t = performance.now();
      for (let i = 0; i < reports.length; i += batch) await store.upsertMany(reports.slice(i, i + batch).map((report) => ({ report })));
      const wallMs = performance.now() - t;
      const used = process.cpuUsage(cpu);
      const clientMs = (used.user + used.system) / 1000;
      const serverMs = target === 'postgres' ? await backendCpuMs(app) : undefined;
      rows.push({
        batch, msPerArticle: round(wallMs / reports.length, 3), clientCpuMsPerArticle: round(clientMs / reports.length, 3), elsewhereMsPerArticle: round(Math.max(0, wallMs - clientMs) / reports.length, 3),
        ...(serverMs === undefined ? {} : { serverCpuMsPerArticle: round(serverMs / reports.length, 3) }),
      });
    } finally {
      await store.close();
    }
  }
  return rows;
}

/**
 * CPU time (user + system, ms) of the PostgreSQL server processes serving connections named `app`, from /proc (the
 * server on this machine; its background writers are left out). Undefined where /proc cannot be read.
 */
async function backendCpuMs(app: string): Promise<number | undefined> {
  const pids = (await sql<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = '${app}'`)).map((r) => r.pid);
  const times = pids.map(processCpuMs);
  return pids.length === 0 || times.some((t) => t === undefined) ? undefined : times.reduce((n: number, t) => n + t!, 0);
}

/** Size of a SQLite file with its WAL. */
function fileBytes(path: string): number {
  return readdirSync(dirname(path)).filter((n) => n.startsWith(path.split('/').at(-1)!)).reduce((n, name) => n + statSync(join(dirname(path), name)).size, 0);
}

/** The write-cost step: WRITE_REPORTS analysed articles (seed 43, not the corpus) written into both stores. */
async function measureWriteCost(dir: string, schemas: string[]) {
  const records = [...generateCorpus({ articles: WRITE_REPORTS, seed: 43 })].map((a) => a.record);
  const reports = records.map((r) => analyzePure({ text: r.text, meta: { url: r.url, title: r.title, site: r.site, published: r.published } }));
  schemas.push(`${RUN}_write_1`, `${RUN}_write_16`);
  return { reports: reports.length, sqlite: await writeCost(reports, join(dir, 'write')), postgres: await writeCost(reports, 'postgres') };
}

/**
 * A store that writes into two stores and reads from the first: one analysis fills SQLite and PostgreSQL with the same
 * reports (the read benchmark measures the stores, not the analysis, which the ingest rows above measure).
 */
function teeStore(primary: Store, secondary: Store): Store {
  const writes = new Set<PropertyKey>(['upsert', 'upsertMany', 'recordFailure']);
  return new Proxy(primary, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (!writes.has(prop)) return (value as (...a: unknown[]) => unknown).bind(target);
      return async (...args: unknown[]) => {
        const other = Reflect.get(secondary, prop, secondary) as (...a: unknown[]) => Promise<unknown>;
        const [result] = await Promise.all([(value as (...a: unknown[]) => Promise<unknown>).apply(target, args), other.apply(secondary, args)]);
        return result;
      };
    },
  });
}

/**
 * The read growth step: the corpus ingested in slices (full pipeline, analysis threads on every core) into SQLite and
 * PostgreSQL at once; at each checkpoint and at the end, PostgreSQL's statistics are refreshed (ANALYZE, as autovacuum
 * would) and search and trace are measured on both stores over the articles stored so far.
 */
async function measureGrowth(dir: string, schemas: string[]): Promise<GrowthRow[]> {
  const corpus = join(dir, 'corpus.jsonl');
  const truth = writeCorpus(corpus, ARTICLES);
  const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
  const sqlitePath = join(dir, 'growth.db');
  const schemaName = `${RUN}_growth`;
  schemas.push(schemaName);
  const sqlite = await openStore(sqlitePath);
  const postgres = await openStore(pgTarget(schemaName));
  const rows: GrowthRow[] = [];
  try {
    const tee = teeStore(sqlite, postgres);
    let done = 0;
    let ingestSeconds = 0;
    for (const end of [...CHECKPOINTS, ARTICLES]) {
      const slice = join(dir, `slice-${end}.jsonl`);
      writeFileSync(slice, `${lines.slice(done, end).join('\n')}\n`);
      const summary = await ingest([slice], tee, { analyze: resolveOptions({}), workers: CORES });
      rmSync(slice);
      ingestSeconds += summary.elapsedMs / 1000;
      done = end;
      await sql(end === ARTICLES ? 'VACUUM ANALYZE' : 'ANALYZE', schemaName);
      const urls = new Set(lines.slice(0, end).map((l) => (JSON.parse(l) as { url: string }).url));
      const seen: Truth = new Map([...truth].filter(([url]) => urls.has(url)));
      const row: GrowthRow = {
        articles: await sqlite.countDocuments(), ingestSeconds: round(ingestSeconds, 1),
        sqliteBytesPerArticle: Math.round(fileBytes(sqlitePath) / end), postgresBytesPerArticle: Math.round((await schemaBytes(schemaName)) / end),
        sqlite: { search: await measureSearch(sqlite), trace: await measureTrace(sqlite, seen) },
        postgres: { search: await measureSearch(postgres), trace: await measureTrace(postgres, seen) },
      };
      rows.push(row);
      console.log('scale: growth', JSON.stringify(row));
    }
    return rows;
  } finally {
    await sqlite.close();
    await postgres.close();
  }
}

/**
 * `--only reads-again --sqlite PATH --schema NAME`: search and trace measured again on the stores a growth step filled
 * and left in place (for a quiet machine), replacing the reads of its last row; the corpus is generated again (seeded)
 * for its planted stories.
 */
async function readsAgain(): Promise<void> {
  const path = join(HERE, 'out', 'scale.json');
  const out = JSON.parse(readFileSync(path, 'utf8')) as ScaleResults & { growth: GrowthRow[] };
  const last = out.growth.at(-1)!;
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-scale-'));
  try {
    const truth = writeCorpus(join(dir, 'corpus.jsonl'), last.articles);
    const reads: Record<string, ReadRow> = {};
    for (const [name, target] of [['sqlite', arg('sqlite', '')], ['postgres', `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=${arg('schema', '')}`]] as const) {
      const store = await openStore(target);
      try {
        if ((await store.countDocuments()) !== last.articles) throw new Error(`${name} holds ${await store.countDocuments()} articles, not ${last.articles}`);
        reads[name] = { search: await measureSearch(store), trace: await measureTrace(store, truth) };
      } finally {
        await store.close();
      }
    }
    out.growth[out.growth.length - 1] = { ...last, sqlite: reads.sqlite!, postgres: reads.postgres! };
    out.command = `${out.command}, reads at ${last.articles.toLocaleString('en-US')} measured again on a quiet machine with \`npm run bench:scale -- --only reads-again\` (${new Date().toISOString().slice(11, 16)} UTC)`;
    writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
    writeFileSync(join(HERE, 'out', 'scale.md'), `${scaleMarkdown(out)}\n`);
    console.log(JSON.stringify(reads, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One step measured again into the results already there (the command is noted beside the first). */
async function onlyStep(step: 'write' | 'queue' | 'reads'): Promise<void> {
  const path = join(HERE, 'out', 'scale.json');
  if (!existsSync(path) && step !== 'reads') throw new Error('bench/out/scale.json is not there: run npm run bench:scale first');
  const out = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : await skeleton(`\`npm run bench:scale\` (not run here)`);
  const step0 = new Date().toISOString().slice(11, 16);
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-scale-'));
  const schemas: string[] = [];
  try {
    if (step === 'write') out.writeCost = await measureWriteCost(dir, schemas);
    else if (step === 'reads') {
      out.growth = await measureGrowth(dir, schemas);
      out.growthDate = new Date().toISOString();
    } else {
      const corpus = join(dir, 'corpus.jsonl');
      writeCorpus(corpus, ARTICLES);
      out.queue = [];
      for (const workers of [1, 2]) {
        schemas.push(`${RUN}_queue${workers}`);
        out.queue.push(await ingestThroughQueue(corpus, workers, `${RUN}_queue${workers}`));
      }
    }
    const again = step === 'write' ? `--only write --write ${WRITE_REPORTS}` : step === 'queue' ? `--only queue --articles ${ARTICLES}` : `--only reads --articles ${ARTICLES} --checkpoints ${CHECKPOINTS.join(',')}`;
    out.command = `${out.command}, then \`npm run bench:scale -- ${again}\` (${step0} UTC${step === 'reads' ? ` to ${new Date().toISOString().slice(11, 16)} UTC` : ''})`;
    mkdirSync(join(HERE, 'out'), { recursive: true });
    writeFileSync(path, `${JSON.stringify(out, null, 2)}\n`);
    writeFileSync(join(HERE, 'out', 'scale.md'), `${scaleMarkdown(out)}\n`);
    console.log(JSON.stringify(step === 'write' ? out.writeCost : step === 'queue' ? out.queue : out.growth, null, 2));
  } finally {
    for (const s of schemas) await sql(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The results' heading fields: when, what command, which machine. */
async function skeleton(command: string): Promise<Record<string, unknown>> {
  return {
    schema: 'claimtrace/bench-scale@1', date: new Date().toISOString(), command,
    machine: { cpus: CORES, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, postgres: (await sql<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]!.v },
    articles: ARTICLES,
  };
}

async function main(): Promise<void> {
  if (ONLY === 'write' || ONLY === 'queue' || ONLY === 'reads') return onlyStep(ONLY);
  if (ONLY === 'reads-again') return readsAgain();
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-scale-'));
  const schemas: string[] = [];
  const schema = (name: string) => {
    schemas.push(`${RUN}_${name}`);
    return `${RUN}_${name}`;
  };
  const out: Record<string, unknown> = await skeleton(`\`npm run bench:scale -- --articles ${ARTICLES}${QUEUE ? '' : ' --no-queue'}\``);
  const save = () => {
    mkdirSync(join(HERE, 'out'), { recursive: true });
    writeFileSync(join(HERE, 'out', 'scale.json'), `${JSON.stringify(out, null, 2)}\n`);
    writeFileSync(join(HERE, 'out', 'scale.md'), `${scaleMarkdown(out as unknown as ScaleResults)}\n`);
  };
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const truth = writeCorpus(corpus, ARTICLES);
    const sqlitePath = join(dir, 'corpus.db');
    const pgSchema = schema('inprocess');
    console.log(`scale: ${ARTICLES} articles; in-process ingest into SQLite (${CORES} worker threads)`);
    const sqliteIngest = { ...(await ingestInProcess(corpus, sqlitePath)), bytesPerArticle: 0 };
    sqliteIngest.bytesPerArticle = Math.round(fileBytes(sqlitePath) / Math.max(sqliteIngest.articles, 1));
    console.log('scale: in-process ingest into PostgreSQL', JSON.stringify(sqliteIngest));
    const pgIngest = { ...(await ingestInProcess(corpus, pgTarget(pgSchema))), bytesPerArticle: 0 };
    // Autovacuum analyses a table after 10 % of it changed; a benchmark does not wait for it.
    await sql('VACUUM ANALYZE', pgSchema);
    pgIngest.bytesPerArticle = Math.round((await schemaBytes(pgSchema)) / Math.max(pgIngest.articles, 1));
    out.ingest = { sqlite: sqliteIngest, postgres: pgIngest };
    save();
    console.log('scale: search and trace', JSON.stringify(pgIngest));
    const reads: Record<string, unknown> = {};
    for (const [name, target] of [['sqlite', sqlitePath], ['postgres', pgTarget(pgSchema)]] as const) {
      const store = await openStore(target);
      try {
        reads[name] = { search: await measureSearch(store), trace: await measureTrace(store, truth) };
      } finally {
        await store.close();
      }
    }
    out.reads = reads;
    save();
    console.log('scale: store write cost', JSON.stringify(reads));
    out.writeCost = await measureWriteCost(dir, schemas);
    save();
    if (QUEUE) {
      const runs = [];
      for (const workers of [1, 2]) {
        console.log(`scale: queue with ${workers} worker process(es)`);
        const name = schema(`queue${workers}`);
        runs.push(await ingestThroughQueue(corpus, workers, name));
        // At 100,000 articles each schema holds gigabytes: dropped once measured.
        await sql(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
        out.queue = runs;
        save();
      }
    }
    console.log(JSON.stringify(out, null, 2));
  } finally {
    for (const s of schemas) await sql(`DROP SCHEMA IF EXISTS ${s} CASCADE`).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
