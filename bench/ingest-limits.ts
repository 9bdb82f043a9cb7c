/**
 * Ingest of huge inputs (`node --import tsx bench/ingest-limits.ts`): peak RSS and wall time of `claimtrace ingest`
 * (from source, default options: one worker per core, models on) on a JSON Lines feed of 32 short articles, as is
 * (the baseline) and with one huge record: a 100 MB line (plain and gzipped) and a line that inflates to 1 GiB from
 * a ~1 MB .jsonl.gz (a gzip bomb). Each huge record must be refused with E_RECORD_TOO_LARGE and the other articles
 * stored. Peak RSS is the process's VmHWM (Linux /proc), main thread and workers together. Medians over ROUNDS runs;
 * ratios are against the baseline of the same invocation. With BEFORE_ROOT=<another checkout>, the same inputs are run
 * there too (its rows marked "before"). Writes bench/out/ingest-limits.json and .md, and prints the section.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createGzip } from 'node:zlib';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const MB = 1024 * 1024;
const root = join(import.meta.dirname, '..');
/** Another checkout (with node_modules) measured on the same inputs in the same invocation, e.g. before a change. */
const before = process.env.BEFORE_ROOT;
const dir = mkdtempSync(join(tmpdir(), 'claimtrace-limits-'));

const record = (i: number) => `${JSON.stringify({ url: `https://coast.example/${i}`, text: `The ferry board said ${100 + i} sailings were cancelled in May, the harbour master told reporters on ${i % 28 + 1} June.` })}\n`;
const good = (from: number, n: number) => Array.from({ length: n }, (_, i) => record(from + i)).join('');

/** A JSON Lines file: one good record, a record whose text is `hugeBytes` long, then 31 good records. */
async function writeFeed(name: string, hugeBytes: number, gz: boolean): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  const sink = gz ? createGzip({ level: 6 }) : undefined;
  sink?.pipe(out);
  const target = sink ?? out;
  const write = (chunk: string | Buffer) => new Promise<void>((resolve) => (target.write(chunk) ? resolve() : target.once('drain', resolve)));
  await write(good(0, 1));
  if (hugeBytes > 0) {
    await write('{"text":"');
    const chunk = Buffer.alloc(MB, 0x61);
    for (let left = hugeBytes; left > 0; left -= MB) await write(left >= MB ? chunk : chunk.subarray(0, left));
    await write('"}\n');
  }
  await write(good(1, 31));
  await new Promise<void>((resolve) => {
    out.on('finish', resolve);
    target.end();
  });
  return path;
}

/** Prints the process's peak RSS (VmHWM, kB) on stderr as it exits. */
const PEAK_HOOK = `data:text/javascript,${encodeURIComponent('import { readFileSync } from "node:fs"; process.on("exit", () => process.stderr.write(`\\nVmHWM ${/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))[1]}\\n`));')}`;

interface Run {
  readonly ms: number;
  readonly peakMb: number;
  readonly inserted: number;
  readonly codes: string[];
}

/** What a run that crashed (no summary) printed last, e.g. `RangeError: Invalid string length`. */
function crashOf(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => /^\w*Error\b|E_[A-Z_]+/.test(line));
  return lines[0]?.trim().slice(0, 80) ?? 'no summary';
}

function ingestOnce(input: string, cwd = root): Run {
  const db = join(dir, `run-${Math.random().toString(36).slice(2)}.db`);
  const t = performance.now();
  const res = spawnSync(process.execPath, ['--import', 'tsx', '--import', PEAK_HOOK, 'src/cli/main.ts', 'ingest', input, '--db', db, '--format', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * MB });
  const ms = performance.now() - t;
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  const peak = /VmHWM (\d+)/.exec(res.stderr);
  if (!peak) throw new Error(`ingest failed (${res.status}): ${res.stderr.slice(0, 500)}`);
  if (!res.stdout) return { ms, peakMb: Number(peak[1]) / 1024, inserted: NaN, codes: [`crashed: ${crashOf(res.stderr)}`] };
  const summary = JSON.parse(res.stdout) as { inserted: number; failures: { code: string }[] };
  return { ms, peakMb: Number(peak[1]) / 1024, inserted: summary.inserted, codes: summary.failures.map((f) => f.code) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const cases: { name: string; label: string; path: Promise<string> }[] = [
  { name: 'baseline', label: '32 short records (baseline)', path: writeFeed('baseline.jsonl', 0, false) },
  { name: 'line-100mb', label: '+ one 100 MB line, .jsonl', path: writeFeed('line.jsonl', 100 * MB, false) },
  { name: 'line-100mb-gz', label: '+ one 100 MB line, .jsonl.gz', path: writeFeed('line.jsonl.gz', 100 * MB, true) },
  { name: 'bomb-1gib-gz', label: '+ one 1 GiB line, .jsonl.gz (gzip bomb)', path: writeFeed('bomb.jsonl.gz', 1024 * MB, true) },
];

type Result = { label: string; compressedBytes: number; ms: number; peakMb: number; inserted: number; codes: string[] };
const results: Record<string, Result> = {};
for (const c of cases) {
  const path = await c.path;
  for (const [suffix, cwd] of before ? ([['', root], ['-before', before]] as const) : ([['', root]] as const)) {
    const runs: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) runs.push(ingestOnce(path, cwd));
    const label = suffix ? `${c.label}, before` : c.label;
    results[c.name + suffix] = { label, compressedBytes: statSync(path).size, ms: median(runs.map((r) => r.ms)), peakMb: median(runs.map((r) => r.peakMb)), inserted: runs[0]!.inserted, codes: runs[0]!.codes };
    console.error(`${c.name}${suffix}: ${JSON.stringify(results[c.name + suffix])}`);
  }
}
rmSync(dir, { recursive: true, force: true });

const base = results.baseline!;
const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${Math.round(totalmem() / 1024 ** 3)} GiB, Node ${process.version}`;
const rows = Object.entries(results).map(([name, r]) => {
  const baseline = name.endsWith('-before') ? results['baseline-before']! : base;
  const stored = Number.isNaN(r.inserted) ? '—' : String(r.inserted);
  return `| ${r.label} | ${(r.compressedBytes / MB).toFixed(1)} MB | ${stored} | ${r.codes.join(', ') || '—'} | ${Math.round(r.peakMb)} MB | ${(r.peakMb / baseline.peakMb).toFixed(2)} | ${(r.ms / 1000).toFixed(1)} s | ${(r.ms / baseline.ms).toFixed(2)} |`;
});
const section = [
  '### Ingest of huge JSON lines',
  '',
  `\`node --import tsx bench/ingest-limits.ts\` (${date}; ${machine}; medians of ${ROUNDS} runs; the machine was shared with other jobs, so times are noisy). Each run is a fresh \`claimtrace ingest FEED --format json\` from source with default options (a worker per core, models on, --max-bytes 5 MiB); peak RSS is VmHWM of the whole process. A line over the limit is refused while it streams (E_RECORD_TOO_LARGE) and the records after it are stored.${before ? ` Rows marked "before" ran another checkout (${process.env.BEFORE_LABEL ?? before}) on the same files in the same invocation, against its own baseline.` : ''}`,
  '',
  '| input | file size | stored | failures | peak RSS | × baseline | wall time | × baseline |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
].join('\n');
const out = join(import.meta.dirname, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'ingest-limits.json'), `${JSON.stringify({ date, machine, rounds: ROUNDS, results }, null, 2)}\n`);
writeFileSync(join(out, 'ingest-limits.md'), section);
console.log(section);
