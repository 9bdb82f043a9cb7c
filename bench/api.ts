/**
 * `npm run bench:api`: throughput, latency and memory of POST /api/analyze with 1,000-word invented articles.
 * Starts `claimtrace serve` on 127.0.0.1 (a free port, a temporary database) in a child process, drives it with
 * autocannon over loopback for DURATION seconds (default 60; `--quick`: 10), samples the server's RSS each second,
 * and writes bench/out/api.json. Loopback only; nothing leaves the machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { generateCorpus } from './corpus/generate.js';

/** The parts of autocannon's options and result used here (the package ships no types). */
interface LoadRequest { method: string; headers: Record<string, string>; body?: string }
interface LoadOptions { url: string; connections: number; duration: number; requests: (LoadRequest & { setupRequest: (req: LoadRequest) => LoadRequest })[] }
interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: LoadOptions) => Promise<LoadResult>;

const QUICK = process.argv.includes('--quick') || process.env.QUICK === '1';
const DURATION_S = Number(process.env.DURATION ?? (QUICK ? 10 : 60));
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 8);
const OUT = join('bench', 'out', 'api.json');
/** About 1,000 words each (the generator writes about 14.7 words a sentence). */
const SENTENCES = 68;

/** Seeded invented articles as request bodies. */
function articleBodies(count: number): { bodies: string[]; meanWords: number } {
  const bodies: string[] = [];
  let words = 0;
  for (const { record } of generateCorpus({ articles: count, seed: 2024, sentences: SENTENCES })) {
    words += record.text.split(/\s+/).filter(Boolean).length;
    bodies.push(JSON.stringify({ text: record.text, title: record.title, site: record.site, published: record.published }));
  }
  return { bodies, meanWords: Math.round(words / count) };
}

/** Starts the server and resolves with its URL once it prints it. */
function startServer(db: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--db', db, '--rate-limit', '100000000'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, CLAIMTRACE_TOKEN: '' } });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const match = /serving (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1]! });
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
  await Promise.all(bodies.slice(0, 8).map((body) => fetch(`${url}api/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })));
}

async function main(): Promise<void> {
  const { bodies, meanWords } = articleBodies(64);
  const db = join(mkdtempSync(join(tmpdir(), 'claimtrace-bench-api-')), 'bench.db');
  const { child, url } = await startServer(db);
  try {
    await warm(url, bodies);
    const samples = [rssMb(child.pid!)];
    const sampler = setInterval(() => samples.push(rssMb(child.pid!)), 1000);
    let next = 0;
    const result = await autocannon({
      url: `${url}api/analyze`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
    });
    clearInterval(sampler);
    samples.push(rssMb(child.pid!));
    report(result, samples, meanWords);
  } finally {
    child.kill('SIGTERM');
  }
}

function report(result: LoadResult, samples: number[], meanWords: number): void {
  const round = (x: number) => Math.round(x * 10) / 10;
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    durationS: DURATION_S,
    connections: CONNECTIONS,
    articleWords: meanWords,
    requests: { total: result.requests.total, perSecond: round(result.requests.average), ok: result['2xx'] },
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, mean: round(result.latency.average), max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    rssMb: { start: round(samples[0]!), end: round(samples.at(-1)!), max: round(Math.max(...samples)), samples: samples.map(round) },
  };
  mkdirSync(join('bench', 'out'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(out, null, 2)}\n`);
  console.log(
    `bench:api ${out.requests.perSecond} req/s (${meanWords}-word articles, ${CONNECTIONS} connections, ${DURATION_S} s) · p50 ${out.latencyMs.p50} ms · p99 ${out.latencyMs.p99} ms · errors ${out.errors} · non-2xx ${out.non2xx} · RSS ${out.rssMb.start} → ${out.rssMb.end} MB (max ${out.rssMb.max}) · ${OUT}`,
  );
}

await main();
