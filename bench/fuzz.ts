/**
 * Fuzz run (`npm run bench:fuzz`): FUZZ_RUNS (default 10,000) seeded inputs of the kinds in bench/fuzz-inputs.ts,
 * spread evenly over the kinds, each analysed by `analyzePure` on a worker thread. Every input must be analysed (or
 * refused with an E_INPUT_* error) without a throw, with a report that passes the schema, holds finite numbers only and
 * keeps every range inside the text, and in at most 50 ms per KB of input (inputs under 1 KB count as 1 KB, since a
 * run has a fixed cost). An input over the limit is timed again twice and its best time counts (GC pauses, other
 * processes). A worker that does not answer within 30 s + 2 s per KB is terminated and the input recorded as a hang.
 * Writes bench/out/fuzz.json (with the failing inputs, cut to 300 characters) and prints the markdown section `fuzz`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { FUZZ_KINDS, fuzzInputs, reportProblems, type FuzzInput } from './fuzz-inputs.js';

/** What the worker answers for one input. */
interface Outcome {
  readonly ms: number;
  /** E_INPUT_* code when the input was refused. */
  readonly refused?: string;
  /** A throw that is not a refusal, or what is wrong with the report. */
  readonly problems: string[];
}

const LIMIT_MS_PER_KB = 50;

/** A worker thread that analyses one input at a time and can be replaced when it hangs. */
class Analyser {
  private worker = this.start();

  private start(): Worker {
    // Node 20 does not apply `--import tsx` to a worker's entry: the worker registers tsx itself (as src/ingest/pool.ts does).
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    return new Worker(`import(${api}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`, { eval: true });
  }

  /** The outcome, or undefined when the worker did not answer within `timeoutMs` (it is then replaced). */
  analyse(input: FuzzInput, timeoutMs: number): Promise<Outcome | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker.removeAllListeners('message');
        void this.worker.terminate();
        this.worker = this.start();
        resolve(undefined);
      }, timeoutMs);
      this.worker.once('message', (outcome: Outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      this.worker.postMessage(input);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

const sizeOf = (input: FuzzInput) => Buffer.byteLength('text' in input ? input.text : input.html);
const preview = (input: FuzzInput) => JSON.stringify('text' in input ? input.text : input.html).slice(0, 300);

interface KindStats {
  inputs: number;
  refused: number;
  bytes: number;
  failures: number;
  medianMsPerKb: number;
  worst: { msPerKb: number; ms: number; bytes: number; index: number };
  /** The worst of the inputs of 1 KB or more, whose time is not mostly the fixed cost of a run. */
  worstLarge: { msPerKb: number; ms: number; bytes: number; index: number };
}

async function main(): Promise<void> {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  const seed = Number(process.env.FUZZ_SEED ?? 20261205);
  const kinds = Object.keys(FUZZ_KINDS);
  const analyser = new Analyser();
  const failures: { kind: string; index: number; bytes: number; problems: string[]; input: string }[] = [];
  const stats: Record<string, KindStats> = {};
  const started = performance.now();
  for (const [k, kind] of kinds.entries()) {
    const inputs = fuzzInputs(kind, Math.ceil(runs / kinds.length), seed + k);
    const rates: number[] = [];
    const s: KindStats = { inputs: 0, refused: 0, bytes: 0, failures: 0, medianMsPerKb: 0, worst: { msPerKb: 0, ms: 0, bytes: 0, index: -1 }, worstLarge: { msPerKb: 0, ms: 0, bytes: 0, index: -1 } };
    for (const [index, input] of inputs.entries()) {
      const bytes = sizeOf(input);
      const kb = Math.max(1, bytes / 1024);
      let outcome = await analyser.analyse(input, 30_000 + 2_000 * kb);
      for (let retry = 0; retry < 2 && outcome && outcome.ms / kb > LIMIT_MS_PER_KB; retry++) {
        const again = await analyser.analyse(input, 30_000 + 2_000 * kb);
        if (again && again.ms < outcome.ms) outcome = again;
      }
      const problems = outcome ? [...outcome.problems] : [`no answer within ${Math.round((30_000 + 2_000 * kb) / 1000)} s (hang)`];
      if (outcome && outcome.ms / kb > LIMIT_MS_PER_KB) problems.push(`slow: ${(outcome.ms / kb).toFixed(1)} ms/KB (${Math.round(outcome.ms)} ms for ${bytes} bytes)`);
      s.inputs++;
      s.bytes += bytes;
      if (outcome?.refused) s.refused++;
      if (outcome) {
        rates.push(outcome.ms / kb);
        if (outcome.ms / kb > s.worst.msPerKb) s.worst = { msPerKb: outcome.ms / kb, ms: outcome.ms, bytes, index };
        if (bytes >= 1024 && outcome.ms / kb > s.worstLarge.msPerKb) s.worstLarge = { msPerKb: outcome.ms / kb, ms: outcome.ms, bytes, index };
      }
      if (problems.length > 0) {
        s.failures++;
        failures.push({ kind, index, bytes, problems, input: preview(input) });
      }
    }
    s.medianMsPerKb = rates.sort((a, b) => a - b)[Math.floor(rates.length / 2)] ?? 0;
    stats[kind] = s;
    console.error(`${kind}: ${s.inputs} inputs, ${s.failures} failing, worst ${s.worst.msPerKb.toFixed(1)} ms/KB`);
  }
  await analyser.close();
  const elapsedS = (performance.now() - started) / 1000;
  report({ runs, seed, kinds, stats, failures, elapsedS });
}

function report(r: { runs: number; seed: number; kinds: string[]; stats: Record<string, KindStats>; failures: { kind: string; index: number; bytes: number; problems: string[]; input: string }[]; elapsedS: number }): void {
  const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version };
  const total = Object.values(r.stats).reduce((n, s) => n + s.inputs, 0);
  const worstKind = r.kinds.reduce((a, b) => (r.stats[b]!.worst.msPerKb > r.stats[a]!.worst.msPerKb ? b : a));
  const out = { schema: 'claimtrace/bench-fuzz@1', date: new Date().toISOString(), command: 'npm run bench:fuzz', machine, seed: r.seed, inputs: total, limitMsPerKb: LIMIT_MS_PER_KB, elapsedS: Math.round(r.elapsedS), stats: r.stats, failures: r.failures };
  mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'out', 'fuzz.json'), `${JSON.stringify(out, null, 2)}\n`);
  const byProblem = (re: RegExp) => r.failures.filter((f) => f.problems.some((p) => re.test(p))).length;
  const lines = [
    '## Fuzz run (issue 12)',
    '',
    `\`npm run bench:fuzz\` (${out.date.slice(0, 10)}; ${machine.cpus} × ${machine.model}, Node ${machine.node}; seed ${r.seed}; ${Math.round(r.elapsedS)} s).`,
    `${total.toLocaleString('en-US')} seeded inputs through \`analyzePure\` on a worker thread. Required of each: no throw (an \`E_INPUT_*\` refusal is allowed), a report that`,
    `passes the schema with finite numbers only and every range inside the text, and at most ${LIMIT_MS_PER_KB} ms per KB (inputs under 1 KB count as 1 KB;`,
    'an input over the limit is timed three times, best counts). Time is on a machine shared with other jobs.',
    '',
    `Failing inputs: ${r.failures.length} — throws ${byProblem(/^threw/)}, hangs ${byProblem(/hang/)}, non-finite numbers ${byProblem(/non-finite/)}, ranges outside the text ${byProblem(/outside/)}, schema ${byProblem(/^schema/)}, slower than ${LIMIT_MS_PER_KB} ms/KB ${byProblem(/^slow/)}.`,
    `Worst: ${r.stats[worstKind]!.worst.msPerKb.toFixed(1)} ms/KB (${worstKind}, ${r.stats[worstKind]!.worst.bytes.toLocaleString('en-US')} bytes).`,
    '',
    '| kind | inputs | refused | failing | median ms/KB | worst ms/KB | its size | worst ms/KB of inputs ≥ 1 KB | its size |',
    '|---|---|---|---|---|---|---|---|---|',
    ...r.kinds.map((k) => {
      const s = r.stats[k]!;
      const large = s.worstLarge.index < 0 ? '— | —' : `${s.worstLarge.msPerKb.toFixed(1)} | ${s.worstLarge.bytes.toLocaleString('en-US')} B`;
      return `| ${k} | ${s.inputs} | ${s.refused} | ${s.failures} | ${s.medianMsPerKb.toFixed(1)} | ${s.worst.msPerKb.toFixed(1)} | ${s.worst.bytes.toLocaleString('en-US')} B | ${large} |`;
    }),
  ];
  console.log(lines.join('\n'));
}

/** The worker's side: analyse each input posted, answer its outcome. */
async function serve(): Promise<void> {
  const { analyzePure } = await import('../src/engine/analyze.js');
  const { ClaimtraceError } = await import('../src/core/errors.js');
  analyzePure({ text: 'Warm-up: the council said 4 boats sank.' });
  parentPort!.on('message', (input: FuzzInput) => {
    const t = performance.now();
    let outcome: Outcome;
    try {
      const report = analyzePure(input);
      const ms = performance.now() - t;
      outcome = { ms, problems: reportProblems(report) };
    } catch (err) {
      const ms = performance.now() - t;
      const refused = err instanceof ClaimtraceError && err.code.startsWith('E_INPUT') ? err.code : undefined;
      outcome = refused ? { ms, refused, problems: [] } : { ms, problems: [`threw ${err instanceof ClaimtraceError ? err.code : ''} ${String(err instanceof Error ? (err.cause ?? err).toString() : err)}`] };
    }
    parentPort!.postMessage(outcome);
  });
}

if (isMainThread) await main();
else await serve();

