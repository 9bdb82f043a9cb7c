import type { Command } from 'commander';
import pc from 'picocolors';
import { SOURCE_GRADES, type SourceGrade } from '../core/annotations.js';
import { ClaimtraceError } from '../core/errors.js';
import { DB_HELP, DEFAULT_DB_PATH, DEFAULT_SEARCH_LIMIT } from '../store/defaults.js';
import type { SearchQuery, SearchResult } from '../store/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;
/** `2024`, `2024-03`, `2024-03-14`, or an ISO date-time. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

interface SearchFlags {
  db: string;
  site?: string;
  from?: string;
  to?: string;
  grade?: string;
  limit: string;
  format: string;
  color?: boolean;
}

/** Registers `claimtrace search "<query>" --db PATH`: full-text search over stored articles and claims. */
export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('full-text search over stored articles and claims, best first (words must all match; "quoted phrases"; word* for prefixes)')
    .argument('<query>', 'words to find')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--site <site>', 'only articles of this site (case-insensitive)')
    .option('--from <date>', 'only articles published on or after this date (2024, 2024-03, 2024-03-14)')
    .option('--to <date>', 'only articles published on or before this date (inclusive)')
    .option('--grade <grade>', `only claims whose source is ${SOURCE_GRADES.join(', ')}`)
    .option('--limit <n>', `most hits shown (default ${DEFAULT_SEARCH_LIMIT})`, String(DEFAULT_SEARCH_LIMIT))
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .option('--no-color', 'no colour (also when NO_COLOR is set)')
    .action(async (text: string, flags: SearchFlags) => {
      io.setExitCode(await runSearch(text, flags, io));
    });
}

function toQuery(text: string, flags: SearchFlags): SearchQuery {
  const date = (value: string | undefined, option: string) => {
    if (value !== undefined && !ISO_DATE.test(value)) throw new ClaimtraceError('E_OPTION_INVALID', { option, reason: `"${value}" is not an ISO date such as 2024-03-14` });
    return value;
  };
  return {
    text,
    site: flags.site,
    from: date(flags.from, '--from'),
    to: date(flags.to, '--to'),
    grade: flags.grade === undefined ? undefined : oneOf<SourceGrade>(flags.grade, SOURCE_GRADES, '--grade'),
    limit: positiveInteger(flags.limit, '--limit'),
  };
}

async function runSearch(text: string, flags: SearchFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const query = toQuery(text, flags);
  // Loaded here: other commands (and --help) start without the database driver; search never loads the analyser.
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db, { mustExist: true });
  let result: SearchResult;
  try {
    result = await store.search(query);
  } finally {
    await store.close();
  }
  if (format === 'json') {
    const { text: _text, ...filters } = query;
    io.stdout.write(`${JSON.stringify({ schema: 'claimtrace/search@1', query: text, filters, total: result.total, hits: result.hits }, null, 2)}\n`);
  } else {
    const color = flags.color !== false && !io.env.NO_COLOR && Boolean(io.stdout.isTTY);
    io.stdout.write(renderHits(text, result, color));
  }
  return EXIT.ok;
}

/** "42 hits", or "showing 20 of 42 hits" when the limit kept fewer than match. */
export function hitsHeader(query: string, shown: number, total: number): string {
  const hits = `${total} ${total === 1 ? 'hit' : 'hits'} for ${JSON.stringify(query)}`;
  return shown < total ? `showing ${shown} of ${hits}` : hits;
}

/** The terminal listing: one block per hit, matches in bold (or in [brackets] without colour). */
function renderHits(query: string, result: SearchResult, color: boolean): string {
  const lines = [hitsHeader(query, result.hits.length, result.total)];
  result.hits.forEach((hit, i) => {
    const where = [hit.title ?? '(untitled)', hit.site, hit.published].filter(Boolean).join(' · ');
    const what = hit.claim ? `claim ${hit.claim.id} [${hit.claim.start}, ${hit.claim.end}) · source ${hit.claim.grade}` : 'article';
    lines.push(`${i + 1}. ${what} · document ${hit.documentId} · ${where}`);
    lines.push(`   ${highlight(hit, color).replace(/\s+/g, ' ').trim()}`);
    if (hit.url) lines.push(`   ${hit.url}`);
  });
  return `${lines.join('\n')}\n`;
}

function highlight(hit: SearchResult['hits'][number], color: boolean): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    const term = hit.snippet.slice(start, end);
    out += hit.snippet.slice(at, start) + (color ? pc.bold(pc.yellow(term)) : `[${term}]`);
    at = end;
  }
  return out + hit.snippet.slice(at);
}
