import type { Command } from 'commander';
import { ClaimtraceError } from '../core/errors.js';
import type { FactCheckMatch } from '../factchecks/match/store-match.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf, positiveInteger } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;
/** The most matches one call reports. */
const MAX_LIMIT = 50;

interface MatchFlags {
  db: string;
  limit: string;
  format: string;
}

/** Registers `claimtrace match "<claim>"`: the stored fact-checks that address a claim. */
export function registerMatch(program: Command, io: CliIo): void {
  program
    .command('match')
    .description('the fact-checks in the corpus database that address a claim, best first, each with a calibrated score, its rating, publisher, date, link and why it matched (import them with claimtrace factchecks import)')
    .argument('<claim>', 'the claim, as text (a pasted post is cleaned of links, handles and an author trailer)')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--limit <n>', `most matches shown, at most ${MAX_LIMIT}`, '5')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (claim: string, flags: MatchFlags) => {
      io.setExitCode(await runMatch(claim, flags, io));
    });
}

async function runMatch(claim: string, flags: MatchFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const limit = Math.min(positiveInteger(flags.limit, '--limit'), MAX_LIMIT);
  if (claim.trim() === '') throw new ClaimtraceError('E_OPTION_INVALID', { option: '<claim>', reason: 'the claim is empty: give the text to match, e.g. claimtrace match "the harbour lost 4,000 jobs"' });
  // Loaded here, not at start-up: the store, the matcher and its model are this command's alone.
  const [{ openStore }, { factCheckStamp, createStoreMatcher }, { loadReranker }] = await Promise.all([
    import('../store/open.js'), import('../factchecks/match/store-load.js'), import('../engine/predict/match.js'),
  ]);
  // A missing SQLite file is E_INPUT_NOT_FOUND; any store (SQLite or PostgreSQL) is read through the Store interface.
  const store = await openStore(flags.db, { mustExist: true });
  let matches: FactCheckMatch[];
  let size: number;
  let threshold: number;
  try {
    if ((await factCheckStamp(store)).total === 0) throw new ClaimtraceError('E_NOT_FOUND', { what: 'fact-checks are stored in', id: `${flags.db}; import some with claimtrace factchecks import` });
    const { matcher } = await createStoreMatcher(store, loadReranker());
    ({ size, calibration: { threshold } } = matcher);
    matches = matcher.match(claim, { limit });
  } finally {
    await store.close();
  }
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ schema: 'claimtrace/match@1', claim, db: flags.db, factChecks: size, threshold, matches: matches.map(matchJson) })}\n`);
  } else io.stdout.write(matchText(matches, size, threshold));
  return EXIT.ok;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function matchJson(m: FactCheckMatch) {
  const f = m.factCheck;
  return {
    id: f.id, score: round(m.score), rankerScore: round(m.rankerScore), verdict: verdict(m), rating: f.rating, publisher: f.publisher,
    date: f.date, url: f.url, claim: f.claim, title: f.title, claimant: f.claimant, language: f.language, reasons: m.reasons,
  };
}

/** The rating as a reader says it: its alternate name, its name, or value/best. */
function verdict(m: FactCheckMatch): string {
  const r = m.factCheck.rating;
  return r.alternateName ?? r.name ?? (r.value !== null ? `${r.value}${r.best !== null ? `/${r.best}` : ''}` : 'no rating');
}

function matchText(matches: readonly FactCheckMatch[], size: number, threshold: number): string {
  const stored = `${size.toLocaleString('en-US')} fact-check${size === 1 ? '' : 's'} stored`;
  if (matches.length === 0) return `No fact-check matches this claim (${stored}; threshold ${threshold}).\n`;
  const lines = matches.map((m, i) => {
    const f = m.factCheck;
    const why = [
      m.reasons.sharedWords.length ? `shared words: ${m.reasons.sharedWords.join(', ')}` : '',
      m.reasons.sameFigures.length ? `same figure${m.reasons.sameFigures.length === 1 ? '' : 's'}: ${m.reasons.sameFigures.join(', ')}` : '',
      m.reasons.sameEntities.length ? `same entit${m.reasons.sameEntities.length === 1 ? 'y' : 'ies'}: ${m.reasons.sameEntities.join(', ')}` : '',
    ].filter(Boolean).join('; ');
    return `${i + 1}. ${m.score.toFixed(2)}  ${verdict(m)}  ${f.publisher.name ?? 'unknown publisher'}, ${f.date ?? 'undated'}\n   ${f.claim}\n   ${f.url}\n   why: ${why || 'overall wording'}`;
  });
  return `${matches.length} fact-check${matches.length === 1 ? '' : 's'} match${matches.length === 1 ? 'es' : ''} (${stored}; threshold ${threshold})\n${lines.join('\n')}\n`;
}
