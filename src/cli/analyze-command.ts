import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import type { SourceBytes } from '../engine/read-source.js';
import type { FactCheckAudit } from '../factchecks/audit/provider.js';
import type { WorkerPool } from '../ingest/pool.js';
import type { Store } from '../store/types.js';
import { EXIT, errorLine, exitCodeFor } from './exit-codes.js';

/** Output formats of `analyze`. */
export const FORMATS = ['text', 'json', 'ndjson', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface RawFlags {
  format: string;
  out?: string;
  maxBytes?: string;
  threshold?: string;
  timeout?: string;
  maxRedirects?: string;
  deadline?: string;
  deadlinePerMb?: string;
  color?: boolean;
  models?: boolean;
  db?: string;
}

/** Registers `claimtrace analyze <inputs...>`. */
export function registerAnalyze(program: Command, io: CliIo): void {
  program
    .command('analyze')
    .description('audit articles: files (text or HTML), http(s) URLs, or - for stdin')
    .argument('<inputs...>', 'files, URLs, or - for stdin')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--max-bytes <n>', 'largest input accepted, in bytes (default 5242880)')
    .option('--threshold <x>', 'check-worthiness from which a claim is check-worthy, 0..1 (default 0.5)')
    .option('--timeout <ms>', 'time limit for fetching a URL, in ms (default 15000)')
    .option('--max-redirects <n>', 'most redirects followed for a URL (default 5)')
    .option('--deadline <ms>', 'hard time limit of one analysis, in ms, plus --deadline-per-mb for each MB of input; past it the input fails with E_TIMEOUT and the others go on (default 60000)')
    .option('--deadline-per-mb <ms>', 'what each MB of input adds to --deadline, in ms (default 20000)')
    .option('--no-models', 'rule-based annotators only, without the trained models in models/')
    .option('--db <path|url>', 'match the check-worthy claims against the fact-checks stored in this corpus database (a SQLite file or a postgres:// URL; import them with claimtrace factchecks import): matches under each claim and an already-fact-checked finding')
    .option('--no-color', 'no colour in the terminal report (also when NO_COLOR is set)')
    .action(async (inputs: string[], flags: RawFlags) => {
      io.setExitCode(await runAnalyze(inputs, flags, io));
    });
}

/** What the CLI reads and writes; tests pass their own. */
export interface CliIo {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown };
  readonly stdin: NodeJS.ReadableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  setExitCode(code: number): void;
}

async function runAnalyze(inputs: string[], flags: RawFlags, io: CliIo): Promise<number> {
  const format = parseFormat(flags.format);
  // The engine (and its NLP model) loads in the worker thread only; this thread loads the renderer of one format.
  const [{ resolveOptions }, { readSource }, { createWorkerPool }, render] = await Promise.all([
    import('../engine/options.js'),
    import('../engine/read-source.js'),
    import('../ingest/pool.js'),
    rendererFor(format),
  ]);
  const options = resolveOptions({
    ...numberOption('maxBytes', flags.maxBytes, 'max-bytes'),
    ...numberOption('threshold', flags.threshold, 'threshold'),
    ...numberOption('timeoutMs', flags.timeout, 'timeout'),
    ...numberOption('maxRedirects', flags.maxRedirects, 'max-redirects'),
    ...numberOption('deadlineMs', flags.deadline, 'deadline'),
    ...numberOption('deadlinePerMbMs', flags.deadlinePerMb, 'deadline-per-mb'),
    models: flags.models !== false,
  });
  if (format === 'html' && inputs.length > 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--format html', reason: 'renders one article at a time' });
  const color = flags.color !== false && !io.env.NO_COLOR && Boolean(io.stdout.isTTY) && !flags.out;
  // One worker thread analyses, so that an analysis past its deadline can be stopped: the thread is terminated.
  const factChecks = flags.db === undefined ? undefined : await openFactChecks(flags.db);
  const pool = createWorkerPool(1, options);
  const outputs: string[] = [];
  let worst: number = EXIT.ok;
  try {
    for (const input of inputs) {
      try {
        const analysed = await analyzeOne(pool, await readSource(input, options, io.stdin));
        const report = factChecks ? await factChecks.audit.annotate(analysed, options.threshold) : analysed;
        outputs.push(render(report, { color, threshold: options.threshold }));
      } catch (err) {
        const error = toClaimtraceError(err);
        io.stderr.write(`${errorLine(error, inputs.length > 1 ? input : undefined)}\n`);
        worst = Math.max(worst, exitCodeFor(error));
        if (format === 'ndjson') continue;
      }
    }
  } finally {
    await pool.close();
    await factChecks?.store.close();
  }
  const body = format === 'json' && inputs.length > 1 ? `[${outputs.map((o) => o.trimEnd()).join(',\n')}]\n` : outputs.join(format === 'text' ? '\n' : '');
  if (flags.out) await writeFile(flags.out, body);
  else io.stdout.write(body);
  return worst;
}

/**
 * The store of `--db` and the fact-check audit over it: its matcher is built once for the run, when the first report
 * needs it, and only when the store holds fact-checks (then the re-ranker loads).
 */
async function openFactChecks(target: string): Promise<{ store: Store; audit: FactCheckAudit }> {
  const [{ openStore }, { createFactCheckAudit }] = await Promise.all([import('../store/open.js'), import('../factchecks/audit/provider.js')]);
  const store = await openStore(target, { mustExist: true });
  return { store, audit: createFactCheckAudit(store) };
}

async function analyzeOne(pool: WorkerPool, source: SourceBytes): Promise<Report> {
  const outcome = await pool.run(source, async () => true);
  if (outcome.kind !== 'analysed') throw new ClaimtraceError('E_INTERNAL', { reason: 'the analysis worker skipped an article it was asked to analyse' });
  return outcome.report;
}

type Render = (report: Report, view: { color: boolean; threshold: number }) => string;

/** The renderer of a format, its module loaded only when that format is asked for. */
async function rendererFor(format: Format): Promise<Render> {
  switch (format) {
    case 'json':
      return (report) => `${JSON.stringify(report, null, 2)}\n`;
    case 'ndjson':
      return (report) => `${JSON.stringify(report)}\n`;
    case 'html': {
      const { renderHtml } = await import('../report/render-html.js');
      return (report, view) => renderHtml(report, { threshold: view.threshold });
    }
    case 'text': {
      const { renderTerminal } = await import('../report/render-terminal.js');
      return (report, view) => renderTerminal(report, view);
    }
  }
}

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new ClaimtraceError('E_OPTION_INVALID', { option: '--format', reason: `expected one of ${FORMATS.join(', ')}, got "${value}"` });
}

function numberOption(key: string, raw: string | undefined, flag: string): Record<string, number> {
  if (raw === undefined) return {};
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new ClaimtraceError('E_OPTION_INVALID', { option: `--${flag}`, reason: `"${raw}" is not a number` });
  return { [key]: value };
}
