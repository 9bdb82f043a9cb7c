import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import { parseClaimRef, traceQueryFromClaim } from '../engine/claim-ref.js';
import { DB_HELP, DEFAULT_DB_PATH, DEFAULT_TRACE_LIMIT, DEFAULT_TRACE_THRESHOLD } from '../store/defaults.js';
import type { Store, TraceMatch, TraceQuery, TraceResult } from '../store/index.js';
import type { FigureAppearance } from '../trace/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;

interface TraceFlags {
  db: string;
  threshold: string;
  limit: string;
  format: string;
}

/** Registers `claimtrace trace "<claim text or DOC:CLAIM id>" --db PATH`: the same claim or figure across the corpus. */
export function registerTrace(program: Command, io: CliIo): void {
  program
    .command('trace')
    .description('find the same claim or figure across stored articles (reworded, reformatted), in publication order, with its sources and how the figure changed')
    .argument('<claim>', 'the claim text, or a stored claim as DOCUMENT:CLAIM (e.g. 42:c3, as search lists them)')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--threshold <x>', `least similarity of a match, 0-1 (default ${DEFAULT_TRACE_THRESHOLD})`, String(DEFAULT_TRACE_THRESHOLD))
    .option('--limit <n>', `most matches shown (default ${DEFAULT_TRACE_LIMIT})`, String(DEFAULT_TRACE_LIMIT))
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (claim: string, flags: TraceFlags) => {
      io.setExitCode(await runTrace(claim, flags, io));
    });
}

function threshold(value: string): number {
  const x = Number(value);
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new ClaimtraceError('E_OPTION_INVALID', { option: '--threshold', reason: `"${value}" is not a number from 0 to 1` });
  return x;
}

/**
 * The query: a stored claim's text and figures, or the typed text with the figures the analyser finds in it.
 * Only typed text loads the analyser (and its NLP model).
 */
async function toQuery(claim: string, store: Store, flags: TraceFlags): Promise<TraceQuery> {
  const options = { threshold: threshold(flags.threshold), limit: positiveInteger(flags.limit, '--limit') };
  const ref = parseClaimRef(claim);
  if (ref) {
    const query = await traceQueryFromClaim(store, ref, options);
    if (!query) throw new ClaimtraceError('E_NOT_FOUND', { what: 'claim', id: `${ref.claimId} in document ${ref.documentId} of ${store.location}` });
    return query;
  }
  if (claim.trim() === '') throw new ClaimtraceError('E_OPTION_INVALID', { option: '<claim>', reason: 'the claim text is empty' });
  const { traceQueryFromText } = await import('../engine/trace-query.js');
  return traceQueryFromText(claim, options);
}

async function runTrace(claim: string, flags: TraceFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db, { mustExist: true });
  let result: TraceResult;
  try {
    result = await store.trace(await toQuery(claim, store, flags));
  } finally {
    await store.close();
  }
  if (format === 'json') io.stdout.write(`${JSON.stringify({ schema: 'claimtrace/trace@1', ...result }, null, 2)}\n`);
  else io.stdout.write(renderTrace(result));
  return EXIT.ok;
}

const where = (m: TraceMatch) => [m.published ?? 'undated', m.site, m.title].filter(Boolean).join(' · ');
const sources = (m: TraceMatch) => (m.attribution.length === 0 ? 'no source' : m.attribution.map((a) => `${a.source ?? '(no source named)'} [${a.grade}${a.hedged ? ', hedged' : ''}]`).join('; '));
const figure = (a: FigureAppearance) => `"${a.figure.text}" (${a.figure.bound} ${a.figure.value}${a.figure.low !== null && a.figure.high !== null && a.figure.low !== a.figure.high ? `, ${a.figure.low}–${a.figure.high}` : ''})`;

/** The terminal listing: matches by date, the earliest appearance, and the figure's mutations. */
function renderTrace(result: TraceResult): string {
  const n = result.matches.length;
  const lines = [`${n} ${n === 1 ? 'article carries' : 'articles carry'} ${JSON.stringify(result.query)}`];
  if (result.earliest) lines.push(`earliest: document ${result.earliest.documentId} · ${where(result.earliest)}${result.earliest.url ? ` · ${result.earliest.url}` : ''}`);
  result.matches.forEach((m, i) => {
    lines.push(`${i + 1}. ${where(m)} · document ${m.documentId} claim ${m.claimId} [${m.start}, ${m.end}) · similarity ${m.similarity.toFixed(2)}`);
    lines.push(`   ${m.text.replace(/\s+/g, ' ').trim()}`);
    lines.push(`   source: ${sources(m)}`);
    if (m.url) lines.push(`   ${m.url}`);
  });
  if (result.mutations.length > 0) {
    lines.push('how the figure changed:');
    for (const mu of result.mutations) lines.push(`  ${figure(mu.from)} → ${figure(mu.to)}: ${mu.changes.join(', ')} (document ${mu.from.documentId} → ${mu.to.documentId}, ${mu.to.published ?? 'undated'})`);
  }
  return `${lines.join('\n')}\n`;
}
