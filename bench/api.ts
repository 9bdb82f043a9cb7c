/**
 * `npm run bench:api`: throughput, latency and memory of POST /api/analyze with ~1,000-word invented articles, and the
 * latency of GET /healthz while analyses saturate the server. Starts `claimtrace serve` on 127.0.0.1 (a free port, a
 * temporary database) in a child process, drives it with autocannon over loopback for RUNS consecutive runs of
 * DURATION seconds (default 3 × 20; `--quick`: 3 × 5), samples the server's RSS each second and probes /healthz every
 * 250 ms, and writes bench/out/api.json and the BENCHMARKS.md section bench/out/api.md. The baseline, measured in the
 * same invocation, is the same articles analysed one after another on one thread of this process (analyzePure).
 * Loopback only; nothing leaves the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePure } from '../src/engine/analyze.js';
import { autocannon } from './autocannon.js';
import { generateCorpus } from './corpus/generate.js';


const QUICK = process.argv.includes('--quick') || process.env.QUICK === '1';
const DURATION_S = Number(process.env.DURATION ?? (QUICK ? 5 : 20));
const RUNS = Number(process.env.RUNS ?? 3);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);
const OUT = join('bench', 'out');
/** About 1,000 words each (the generator writes about 14.7 words a sentence). */
const SENTENCES = 68;

interface Bodies {
  readonly bodies: string[];
  readonly texts: { text: string; meta: { title: string; site: string; published: string } }[];
  readonly meanWords: number;
}

/** Seeded invented articles as request bodies. */
function articleBodies(count: number): Bodies {
  const bodies: string[] = [];
  const texts: Bodies['texts'] = [];
  let words = 0;
  for (const { record } of generateCorpus({ articles: count, seed: 2024, sentences: SENTENCES })) {
    words += record.text.split(/\s+/).filter(Boolean).length;
    const meta = { title: record.title, site: record.site, published: record.published };
    bodies.push(JSON.stringify({ text: record.text, ...meta }));
    texts.push({ text: record.text, meta });
  }
  return { bodies, texts, meanWords: Math.round(words / count) };
}

/** Starts the server and resolves with its URL once it prints it. */
function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', db, '--rate-limit', '100000000'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CLAIMTRACE_TOKEN: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]!.endsWith('/') ? match[1]! : `${match[1]!}/` });
    });
    child.on('exit', (code) => reject(new Error(`claimtrace serve exited with ${code}`)));
  });
}

/** Resident set size of a process in MB (Linux /proc, else ps). */
function rssMb(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(status, 'utf8'))?.[1] ?? 0) / 1024;
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;
}

/** Warms the pipeline in every worker so that model loading is not timed. */
async function warm(url: string, bodies: readonly string[]): Promise<void> {
  await Promise.all(bodies.slice(0, 8).map((body) => fetch(`${url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then((res) => res.arrayBuffer())));
}

/** The baseline: the same articles analysed one after another on this thread, in analyses per second. */
function baselinePerSecond(texts: Bodies['texts'], seconds: number): number {
  for (const t of texts.slice(0, 4)) analyzePure(t);
  const started = performance.now();
  let done = 0;
  while (performance.now() - started < seconds * 1000) analyzePure(texts[done++ % texts.length]!);
  return done / ((performance.now() - started) / 1000);
}

interface Run {
  perSecond: number;
  ok: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  rssMb: { start: number; end: number; max: number; samples: number[] };
  healthMs: { p50: number; p99: number; max: number; probes: number; failed: number };
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/** One autocannon run with RSS sampling and /healthz probes alongside. */
async function loadRun(url: string, pid: number, bodies: readonly string[]): Promise<Run> {
  const samples = [rssMb(pid)];
  const sampler = setInterval(() => samples.push(rssMb(pid)), 1000);
  const health: number[] = [];
  let failed = 0;
  let probing = true;
  const prober = (async () => {
    while (probing) {
      const started = performance.now();
      const res = await fetch(`${url}healthz`).catch(() => undefined);
      health.push(performance.now() - started);
      if (!res || res.status !== 200) failed++;
      await res?.arrayBuffer();
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  let next = 0;
  const result = await autocannon({
    url: `${url}api/analyze`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  });
  probing = false;
  await prober;
  clearInterval(sampler);
  samples.push(rssMb(pid));
  const sorted = [...health].sort((a, b) => a - b);
  return {
    perSecond: round(result.requests.average),
    ok: result['2xx'],
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    rssMb: { start: round(samples[0]!), end: round(samples.at(-1)!), max: round(Math.max(...samples)), samples: samples.map(round) },
    healthMs: { p50: round(quantile(sorted, 0.5)), p99: round(quantile(sorted, 0.99)), max: round(sorted.at(-1) ?? NaN), probes: sorted.length, failed },
  };
}

async function main(): Promise<void> {
  const { bodies, texts, meanWords } = articleBodies(64);
  const loadBefore = loadavg()[0]!;
  const baseline = round(baselinePerSecond(texts, QUICK ? 3 : 8));
  const db = join(mkdtempSync(join(tmpdir(), 'claimtrace-bench-api-')), 'bench.db');
  const { child, url } = await startServer(db);
  const runs: Run[] = [];
  try {
    await warm(url, bodies);
    for (let i = 0; i < RUNS; i++) runs.push(await loadRun(url, child.pid!, bodies));
  } finally {
    child.kill('SIGTERM');
  }
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadBefore: round(loadBefore), loadAfter: round(loadavg()[0]!) },
    durationS: DURATION_S,
    connections: CONNECTIONS,
    articleWords: meanWords,
    baselinePerSecond: baseline,
    runs,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'api.json'), `${JSON.stringify(out, null, 2)}\n`);
  const section = markdown(out);
  writeFileSync(join(OUT, 'api.md'), `${section}\n`);
  console.log(section);
}

const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

function markdown(out: { date: string; machine: { cpus: number; model: string; node: string; loadBefore: number; loadAfter: number }; durationS: number; connections: number; articleWords: number; baselinePerSecond: number; runs: Run[] }): string {
  const { runs } = out;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const perSecond = median(runs.map((r) => r.perSecond));
  const clean = runs.every((r) => r.errors === 0 && r.timeouts === 0 && r.non2xx === 0);
  const ends = runs.map((r) => r.rssMb.end);
  const flat = Math.max(...ends) - Math.min(...ends) <= 0.1 * Math.min(...ends);
  // The issue's failure was growth that stayed (417 → 795 MB): no run may end more than 10 % above the run before it.
  const noGrowth = ends.every((end, i) => i === 0 || end <= 1.1 * ends[i - 1]!);
  const healthMax = Math.max(...runs.map((r) => r.healthMs.max));
  const rows = runs.map((r, i) => `| ${i + 1} | **${n(r.perSecond, 1)}** (${n(r.perSecond / out.baselinePerSecond, 2)}×) | ${n(r.latencyMs.p50)} / ${n(r.latencyMs.p99)} ms | ${r.errors} / ${r.timeouts} / ${r.non2xx} | ${n(r.rssMb.start)} → ${n(r.rssMb.end)} MB (max ${n(r.rssMb.max)}) | ${n(r.healthMs.p50, 1)} / ${n(r.healthMs.p99, 1)} / ${n(r.healthMs.max, 1)} ms (${r.healthMs.probes} probes, ${r.healthMs.failed} not 200) |`);
  return `## HTTP API: \`POST /api/analyze\` under load (issue 12)

\`npm run bench:api\` on ${out.date.slice(0, 10)}, ${out.machine.cpus} × ${out.machine.model}, Node ${out.machine.node}: \`claimtrace serve\` (from
source, 2 analysis workers, default limits) in a child process on 127.0.0.1, autocannon with ${out.connections} connections for
${runs.length} consecutive runs of ${out.durationS} s on one server, posting ~${n(out.articleWords)}-word generated articles (full pipeline
with the models, not stored); /healthz probed every 250 ms during each run. Baseline, same invocation: the same
articles analysed one after another on one thread of the bench process, **${n(out.baselinePerSecond, 1)} analyses/s**; the ratio is
requests/s over that (2 cores allow at most ~2×). Load average of the machine (shared with other work) before the
runs: ${n(out.machine.loadBefore, 1)}, after: ${n(out.machine.loadAfter, 1)}.

| run | requests/s (× one thread) | p50 / p99 latency | errors / timeouts / non-2xx | server RSS start → end | /healthz p50 / p99 / max |
|---|---|---|---|---|---|
${rows.join('\n')}

Targets of issue 12: ≥ 100 requests/s on 2 cores with 0 errors (${perSecond >= 100 && clean ? 'yes' : '**no**'}: median ${n(perSecond, 1)}, ${clean ? 'no' : 'some'} errors);
RSS flat across the three runs (${flat ? 'yes, run ends within 10 % of each other' : noGrowth ? 'no growth from run to run, though the run ends differ by more than 10 %' : '**no**'}: run ends ${ends.map((x) => n(x)).join(', ')} MB, ${runs.map((r) => `${r.rssMb.end >= r.rssMb.start ? '+' : ''}${n(r.rssMb.end - r.rssMb.start)}`).join(' / ')} MB per run); /healthz within 50 ms
while analyses saturate the server (${healthMax <= 50 ? 'yes' : '**no**'}: slowest probe ${n(healthMax, 1)} ms).

RSS, sampled every second: ${runs.map((r, i) => `run ${i + 1}: ${r.rssMb.samples.map((x) => n(x)).join(' ')}`).join('; ')} MB.`;
}

// REPORT_ONLY=1 rewrites bench/out/api.md from bench/out/api.json without measuring again.
if (process.env.REPORT_ONLY === '1') writeFileSync(join(OUT, 'api.md'), `${markdown(JSON.parse(readFileSync(join(OUT, 'api.json'), 'utf8')))}\n`);
else await main();
