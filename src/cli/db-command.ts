import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import type { CopySummary } from '../store/copy.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf, positiveInteger } from './ingest-command.js';

/** Exit code of a run stopped by Ctrl-C (128 + SIGINT), as shells report it. */
const INTERRUPTED = 130;
const FORMATS = ['text', 'json'] as const;

interface CopyFlags {
  from: string;
  to: string;
  batch: string;
  format: string;
  progressEvery: string;
}

/** Registers `claimtrace db copy --from STORE --to STORE`: a corpus moved between SQLite files and PostgreSQL databases. */
export function registerDb(program: Command, io: CliIo): void {
  const db = program.command('db').description('corpus databases: copy between SQLite files and PostgreSQL');
  db
    .command('copy')
    .description('copy a corpus (articles with their analyses, reviews, match decisions, fact-checks, ingest failures, feed states) from one store to another, SQLite or PostgreSQL; resumable: running it again copies what is missing and nothing twice')
    .requiredOption('--from <path|url>', 'the store to read: a SQLite file or a postgres:// URL (must exist)')
    .requiredOption('--to <path|url>', 'the store to write: a SQLite file or a postgres:// URL (created when missing)')
    .option('--batch <n>', 'articles written per transaction', '100')
    .option('-f, --format <format>', `summary format: ${FORMATS.join(', ')}`, 'text')
    .option('--progress-every <n>', 'when stderr is not a terminal: an NDJSON progress event every n articles (on a terminal: a progress bar)', '1000')
    .action(async (flags: CopyFlags) => {
      io.setExitCode(await runCopy(flags, io));
    });
}

/** A store named on the command line, as compared for "the same store": a resolved path, or the URL as given. */
function storeIdentity(target: string, isPostgres: (t: string) => boolean): string {
  return isPostgres(target) ? target.trim().replace(/\/+$/, '') : resolve(target);
}

async function runCopy(flags: CopyFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const batch = positiveInteger(flags.batch, '--batch');
  const every = positiveInteger(flags.progressEvery, '--progress-every');
  // Loaded here, not at start-up: the stores' drivers and the progress bar are this command's alone.
  const [{ openStore, isPostgresUrl }, { copyStore }] = await Promise.all([import('../store/open.js'), import('../store/copy.js')]);
  if (storeIdentity(flags.from, isPostgresUrl) === storeIdentity(flags.to, isPostgresUrl)) {
    throw new ClaimtraceError('E_OPTION_INVALID', { option: '--to', reason: 'it names the same store as --from' });
  }
  const from = await openStore(flags.from, { mustExist: true });
  let to;
  try {
    to = await openStore(flags.to);
  } catch (err) {
    await from.close();
    throw err;
  }
  const stderr = io.stderr as { write(s: string): unknown; isTTY?: boolean };
  const { createNdjsonProgress, createTtyProgress } = await import('../ingest/progress.js');
  const progress = stderr.isTTY ? createTtyProgress(stderr, 5, 'copy') : format === 'json' ? undefined : createNdjsonProgress(stderr, every);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  let summary: CopySummary;
  try {
    progress?.total(await from.countDocuments());
    summary = await copyStore(from, to, { batch, signal: controller.signal }, (event) => progress?.event(event));
  } catch (err) {
    progress?.finish();
    throw err;
  } finally {
    process.off('SIGINT', stop);
    await Promise.all([from.close(), to.close()]);
  }
  const d = summary.documents;
  progress?.finish({ inserted: d.inserted, updated: d.updated, unchanged: d.unchanged, failed: 0, elapsedMs: summary.elapsedMs, rate: rate(summary), interrupted: summary.interrupted, timings: { read: 0, extract: 0, analyze: 0, store: 0 }, failures: [] });
  io.stdout.write(format === 'json' ? `${JSON.stringify({ schema: 'claimtrace/db-copy-summary@1', ...summary, elapsedMs: Math.round(summary.elapsedMs) })}\n` : summaryLine(summary));
  return summary.interrupted ? INTERRUPTED : EXIT.ok;
}

/** Documents handled per second. */
function rate(s: CopySummary): number {
  const d = s.documents;
  return (d.inserted + d.updated + d.unchanged) / Math.max(s.elapsedMs / 1000, 1e-3);
}

/** The closing line of a text-format run. */
function summaryLine(s: CopySummary): string {
  const d = s.documents;
  const f = s.factChecks;
  const stopped = s.interrupted ? ' (interrupted; run it again to go on)' : '';
  return `claimtrace: copied ${d.inserted} articles new, ${d.updated} updated, ${d.unchanged} already there; `
    + `reviews ${s.reviews.copied} copied, ${s.reviews.present} already there; match decisions ${s.matchDecisions.copied} copied, ${s.matchDecisions.present} already there; `
    + `fact-checks ${f.inserted} new, ${f.updated} updated, ${f.unchanged} unchanged; ${s.failures} ingest failures, ${s.feeds} feed states; `
    + `in ${(s.elapsedMs / 1000).toFixed(1)} s (${rate(s).toFixed(1)} articles/s)${stopped}\n`;
}
