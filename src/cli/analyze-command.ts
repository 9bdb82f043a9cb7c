import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ClaimtraceError, toClaimtraceError } from '../core/errors.js';
import type { Report } from '../core/report-schema.js';
import type { AnalyzeOptions } from '../engine/options.js';
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
  color?: boolean;
  models?: boolean;
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
    .option('--no-models', 'rule-based annotators only, without the trained models in models/')
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

/** The analyser (and its NLP model) and the renderers, loaded when `analyze` runs so that --version and --help stay fast. */
async function loadAnalyzer(io: CliIo) {
  const [{ analyzePure, resolveOptions }, { readSource }, { renderHtml }, { renderTerminal }] = await Promise.all([
    import('../engine/analyze.js'),
    import('../engine/read-source.js'),
    import('../report/render-html.js'),
    import('../report/render-terminal.js'),
  ]);
  const analyzeOne = async (input: string, options: AnalyzeOptions): Promise<Report> => analyzePure(await readSource(input, options, io.stdin), options);
  const render = (report: Report, format: Format, view: { color: boolean; threshold: number }): string => {
    switch (format) {
      case 'json':
        return `${JSON.stringify(report, null, 2)}\n`;
      case 'ndjson':
        return `${JSON.stringify(report)}\n`;
      case 'html':
        return renderHtml(report, { threshold: view.threshold });
      case 'text':
        return renderTerminal(report, view);
    }
  };
  return { resolveOptions, analyzeOne, render };
}

async function runAnalyze(inputs: string[], flags: RawFlags, io: CliIo): Promise<number> {
  const format = parseFormat(flags.format);
  const { resolveOptions, analyzeOne, render } = await loadAnalyzer(io);
  const options = resolveOptions({
    ...numberOption('maxBytes', flags.maxBytes, 'max-bytes'),
    ...numberOption('threshold', flags.threshold, 'threshold'),
    ...numberOption('timeoutMs', flags.timeout, 'timeout'),
    ...numberOption('maxRedirects', flags.maxRedirects, 'max-redirects'),
    models: flags.models !== false,
  });
  if (format === 'html' && inputs.length > 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--format html', reason: 'renders one article at a time' });
  const color = flags.color !== false && !io.env.NO_COLOR && Boolean(io.stdout.isTTY) && !flags.out;
  const outputs: string[] = [];
  let worst: number = EXIT.ok;
  for (const input of inputs) {
    try {
      const report = await analyzeOne(input, options);
      outputs.push(render(report, format, { color, threshold: options.threshold }));
    } catch (err) {
      const error = toClaimtraceError(err);
      io.stderr.write(`${errorLine(error, inputs.length > 1 ? input : undefined)}\n`);
      worst = Math.max(worst, exitCodeFor(error));
      if (format === 'ndjson') continue;
    }
  }
  const body = format === 'json' && inputs.length > 1 ? `[${outputs.map((o) => o.trimEnd()).join(',\n')}]\n` : outputs.join(format === 'text' ? '\n' : '');
  if (flags.out) await writeFile(flags.out, body);
  else io.stdout.write(body);
  return worst;
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
