import type { Command } from 'commander';
import type { ImportSummary } from '../factchecks/index.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { FactCheckList } from '../store/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { number, oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;
/** Problems printed one per line in the text format; `--format json` lists them all. */
const SHOWN_PROBLEMS = 50;
/** The listing's default and largest page (as the store's document listing). */
const LIST_LIMIT = 20;
const MAX_LIST_LIMIT = 200;

interface ImportFlags {
  db: string;
  columns?: string;
  format: string;
  maxBytes?: string;
}

interface ListFlags {
  db: string;
  limit: string;
  offset: string;
  format: string;
}

/** Registers `claimtrace factchecks import|list`: published fact-checks into the store, and what it holds. */
export function registerFactChecks(program: Command, io: CliIo): void {
  const factchecks = program.command('factchecks').description('published fact-checks (ClaimReview) in the corpus database');
  factchecks
    .command('import')
    .description('import fact-checks: pages with ClaimReview JSON-LD, ClaimReview JSON or JSON Lines, Google Fact Check Tools claims:search responses, Data Commons ClaimReview feeds, CSV/TSV; the format is told from the content. Importing again updates, never duplicates')
    .argument('<inputs...>', 'files (.gz too) or http(s) URLs')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--columns <mapping>', 'CSV/TSV: which header names which field, e.g. claim=Claim,rating=Verdict,url=Link,publisher=Source,date=Date (fields: claim, url, rating, rating-value, best-rating, worst-rating, publisher, publisher-url, date, language, claimant, claim-date, title; headers named like a field need no entry)')
    .option('-f, --format <format>', `summary format: ${FORMATS.join(', ')}`, 'text')
    .option('--max-bytes <n>', 'largest input accepted, in bytes, for a file, a decompressed .gz and a fetched URL (default 134217728)')
    .action(async (inputs: string[], flags: ImportFlags) => {
      io.setExitCode(await runImport(inputs, flags, io));
    });
  factchecks
    .command('list')
    .description('list stored fact-checks, newest first')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--limit <n>', `most fact-checks shown (default ${LIST_LIMIT}, at most ${MAX_LIST_LIMIT})`, String(LIST_LIMIT))
    .option('--offset <n>', 'fact-checks skipped before the first shown', '0')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (flags: ListFlags) => {
      io.setExitCode(await runList(flags, io));
    });
}

async function runImport(inputs: string[], flags: ImportFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const maxBytes = flags.maxBytes === undefined ? undefined : positiveInteger(flags.maxBytes, '--max-bytes');
  // Loaded here, not at start-up: the parsers, the CSV reader and the store are this command's alone.
  const [{ importFactChecks, parseColumns }, { openStore }] = await Promise.all([import('../factchecks/index.js'), import('../store/open.js')]);
  const columns = flags.columns === undefined ? undefined : parseColumns(flags.columns);
  const store = await openStore(flags.db);
  let summary: ImportSummary;
  try {
    summary = await importFactChecks(inputs, store, { ...(columns ? { columns } : {}), ...(maxBytes === undefined ? {} : { maxBytes }) });
  } finally {
    await store.close();
  }
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ schema: 'claimtrace/factchecks-import@1', db: flags.db, ...summary, elapsedMs: Math.round(summary.elapsedMs), rate: Math.round(summary.rate) })}\n`);
  } else {
    for (const problem of summary.problems.slice(0, SHOWN_PROBLEMS)) io.stderr.write(`claimtrace: ${problem.code}: ${problem.message}\n`);
    const more = summary.problems.length - SHOWN_PROBLEMS;
    if (more > 0) io.stderr.write(`claimtrace: … and ${more} more (--format json lists them all)\n`);
    io.stdout.write(importLine(summary, flags.db));
  }
  return summary.failed > 0 || summary.skipped > 0 ? EXIT.inputError : EXIT.ok;
}

/** "2 × E_FACTCHECK_INVALID" for the problems of one kind (records or whole inputs). */
function byCode(summary: ImportSummary, records: boolean): string {
  const counts = new Map<string, number>();
  for (const p of summary.problems) if ((p.record !== undefined) === records) counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
  return counts.size === 0 ? '' : ` (${[...counts].map(([code, n]) => `${code} ×${n}`).join(', ')})`;
}

/** The closing line of a text-format import. */
function importLine(s: ImportSummary, db: string): string {
  const failed = s.failed > 0 ? `, ${s.failed} input${s.failed === 1 ? '' : 's'} failed${byCode(s, false)}` : '';
  return `claimtrace: ${s.inserted} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.skipped} skipped${byCode(s, true)}${failed} in ${(s.elapsedMs / 1000).toFixed(1)} s into ${db}\n`;
}

async function runList(flags: ListFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const limit = Math.min(positiveInteger(flags.limit, '--limit'), MAX_LIST_LIMIT);
  const offset = number(flags.offset, '--offset');
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db, { mustExist: true });
  let list: FactCheckList;
  try {
    list = await store.listFactChecks({ limit, offset: Math.max(0, Math.floor(offset)) });
  } finally {
    await store.close();
  }
  io.stdout.write(format === 'json' ? `${JSON.stringify({ schema: 'claimtrace/factchecks-list@1', ...list })}\n` : listText(list));
  return EXIT.ok;
}

/** One fact-check per line: id, date, publisher, verdict, claim, link. */
function listText(list: FactCheckList): string {
  const lines = list.items.map((f) => {
    const verdict = f.rating.alternateName ?? f.rating.name ?? (f.rating.value !== null ? `${f.rating.value}${f.rating.best !== null ? `/${f.rating.best}` : ''}` : 'no rating');
    return `#${f.id}  ${f.date ?? 'undated'}  ${f.publisher.name ?? 'unknown publisher'}  ${verdict}\n    ${f.claim}\n    ${f.url}`;
  });
  return `${list.total} fact-check${list.total === 1 ? '' : 's'}${list.items.length < list.total ? ` (${list.items.length} shown)` : ''}\n${lines.join('\n')}${lines.length ? '\n' : ''}`;
}
