/**
 * Start-up benchmark (`npm run bench:startup`, after `npm run build`): how long the compiled CLI (dist/cli/main.js)
 * takes for commands that should not load the NLP model (`--version`, `--help`, `search`, `outlets`, `trace` of a
 * stored claim), as ratios to `node -e ""` timed in the same rounds (interleaved, so that a busy machine slows both
 * alike); `analyze` of a short text is the reference that does load the analyser. Median of STARTUP_RUNS (default 15)
 * runs each. Also counts the modules each command loads (one untimed run with a resolve hook), which does not depend
 * on the machine's load. Writes bench/out/startup.json and prints the markdown section `startup` of BENCHMARKS.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { analyzePure } from '../src/engine/analyze.js';
import { openSqliteStore } from '../src/store/index.js';

const RUNS = Number(process.env.STARTUP_RUNS ?? 15);
const ROOT = join(import.meta.dirname, '..');
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const HOOKS = pathToFileURL(join(ROOT, 'test', 'module-log-hooks.mjs')).href;
/** The target of issue 12 for `--version` and `--help`. */
const TARGET_MS = 150;

if (!existsSync(MAIN)) throw new Error('dist/cli/main.js is missing: run npm run build first');

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-startup-'));
const db = join(dir, 'small.db');
const article = join(dir, 'article.txt');
const TEXTS = [
  'The harbour master said 40 boats left the port on Monday. Officials said the quay would reopen in May.',
  'According to the council, 12 of the 40 boats sank in the storm. The mayor said repairs would cost 3 million euros.',
  'Fishermen said the harbour had been closed for three weeks. A spokesperson for the port said 40 boats had left.',
];
writeFileSync(article, TEXTS[0]!);
const store = await openSqliteStore(db);
for (const [i, text] of TEXTS.entries()) await store.upsert({ report: analyzePure({ text, meta: { site: `site${i % 2}.example`, published: `2024-0${i + 1}-01` } }) });
await store.close();

interface Case {
  readonly name: string;
  readonly args: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'node -e ""', args: ['-e', ''] },
  { name: 'claimtrace --version', args: [MAIN, '--version'] },
  { name: 'claimtrace --help', args: [MAIN, '--help'] },
  { name: 'claimtrace search harbour', args: [MAIN, 'search', 'harbour', '--db', db] },
  { name: 'claimtrace outlets', args: [MAIN, 'outlets', '--db', db] },
  { name: 'claimtrace trace 1:c1', args: [MAIN, 'trace', '1:c1', '--db', db] },
  { name: 'claimtrace analyze (reference: loads the analyser)', args: [MAIN, 'analyze', article] },
];

/** CPU time (user + system) of this process's waited-for children so far, in ms (Linux; 10 ms ticks); NaN elsewhere. */
function childrenCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime (fields 16, 17), at 100 ticks per second
}

/** Wall time and CPU time of one run in ms; a failing command stops the benchmark. */
function timeOnce(c: Case): { wall: number; cpu: number } {
  const cpu = childrenCpuMs();
  const t = performance.now();
  const res = spawnSync(process.execPath, c.args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = performance.now() - t;
  if (res.status !== 0) throw new Error(`${c.name} exited ${res.status}: ${res.stderr}`);
  return { wall, cpu: childrenCpuMs() - cpu };
}

/** Modules of the checkout (dist/ and node_modules/) that one run of the command loads. */
function modulesLoaded(c: Case): { dist: number; packages: string[] } {
  const log = join(dir, 'modules.log');
  rmSync(log, { force: true });
  const register = `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(HOOKS)})`;
  const res = spawnSync(process.execPath, ['--import', register, ...c.args], { encoding: 'utf8', env: { ...process.env, MODULE_LOG: log, NO_COLOR: '1' } });
  if (res.status !== 0) throw new Error(`${c.name} exited ${res.status}: ${res.stderr}`);
  const root = pathToFileURL(ROOT).href;
  const urls = existsSync(log) ? [...new Set(readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith(root)))] : [];
  const packages = new Set(urls.map((u) => /\/node_modules\/((@[^/]+\/)?[^/]+)\//.exec(u)?.[1]).filter((p): p is string => p !== undefined));
  return { dist: urls.filter((u) => u.startsWith(`${root}/dist/`)).length, packages: [...packages].sort() };
}

/** Packages worth naming when a command loads them: the NLP model, HTML parsing, the database, the server, zod. */
const NOTABLE = ['wink-nlp', 'wink-eng-lite-web-model', 'linkedom', '@mozilla/readability', 'better-sqlite3', 'fastify', 'zod'];

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const c of CASES) timeOnce(c); // warm the file cache
const times = new Map<string, { wall: number; cpu: number }[]>(CASES.map((c) => [c.name, []]));
for (let round = 0; round < RUNS; round++) for (const c of CASES) times.get(c.name)!.push(timeOnce(c));

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const wallOf = (c: Case) => median(times.get(c.name)!.map((t) => t.wall));
const cpuOf = (c: Case) => mean(times.get(c.name)!.map((t) => t.cpu));
const baseline = wallOf(CASES[0]!);
const baselineCpu = cpuOf(CASES[0]!);
const rows = CASES.map((c) => {
  const ms = wallOf(c);
  const cpu = cpuOf(c);
  return {
    command: c.name,
    medianMs: Math.round(ms),
    ratio: Math.round((ms / baseline) * 100) / 100,
    overNodeMs: Math.round(ms - baseline),
    cpuMs: Math.round(cpu),
    cpuRatio: Math.round((cpu / baselineCpu) * 100) / 100,
    ...modulesLoaded(c),
  };
});
rmSync(dir, { recursive: true, force: true });

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version };
const date = new Date().toISOString().slice(0, 10);
const out = { schema: 'claimtrace/bench-startup@1', date: new Date().toISOString(), command: 'npm run build && npm run bench:startup', runs: RUNS, machine, targetMs: TARGET_MS, rows };
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'startup.json'), `${JSON.stringify(out, null, 2)}\n`);

const section = [
  '## Start-up (issue 12)',
  '',
  `\`npm run build && npm run bench:startup\` (${date}; ${machine.cpus} × ${machine.model}, Node ${machine.node}). The compiled CLI,`,
  `median of ${RUNS} runs per command, interleaved with \`node -e ""\` in the same rounds; a store of ${TEXTS.length} short articles.`,
  'CPU: mean user + system time of the runs (from /proc, 10 ms ticks), less sensitive than wall time to other jobs on the machine.',
  'Modules: files of dist/ and packages a run loads (one untimed run with a resolve hook; independent of load).',
  '',
  '| command | median wall ms | × `node -e ""` | wall ms over Node | mean CPU ms | CPU × `node -e ""` | dist modules | packages | of which heavy |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| \`${r.command}\` | ${r.medianMs} | ${r.ratio.toFixed(2)} | ${r.overNodeMs} | ${r.cpuMs} | ${r.cpuRatio.toFixed(2)} | ${r.dist} | ${r.packages.length} | ${r.packages.filter((p) => NOTABLE.includes(p)).join(', ') || '—'} |`),
].join('\n');
console.log(section);
