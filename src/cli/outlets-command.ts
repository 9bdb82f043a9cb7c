import type { Command } from 'commander';
import { SOURCE_GRADES } from '../core/annotations.js';
import { DB_HELP, DEFAULT_DB_PATH } from '../store/defaults.js';
import type { OutletFigures, OutletProfile } from '../store/index.js';
import type { CliIo } from './analyze-command.js';
import { EXIT } from './exit-codes.js';
import { oneOf } from './ingest-command.js';

const FORMATS = ['text', 'json'] as const;

interface OutletsFlags {
  db: string;
  format: string;
  months?: boolean;
}

/** Registers `claimtrace outlets --db PATH`: per outlet and month, sourcing grades, unsourced statistics and technique rates. */
export function registerOutlets(program: Command, io: CliIo): void {
  program
    .command('outlets')
    .description('profile each outlet (site): claims by source grade, unsourced-statistic rate, persuasion techniques per 1,000 words, overall and by month')
    .option('--db <path|url>', DB_HELP, DEFAULT_DB_PATH)
    .option('--no-months', 'leave out the per-month rows of the text listing')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .action(async (flags: OutletsFlags) => {
      io.setExitCode(await runOutlets(flags, io));
    });
}

async function runOutlets(flags: OutletsFlags, io: CliIo): Promise<number> {
  const format = oneOf(flags.format, FORMATS, '--format');
  const { openStore } = await import('../store/open.js');
  const store = await openStore(flags.db, { mustExist: true });
  let outlets: OutletProfile[];
  try {
    outlets = await store.outlets();
  } finally {
    await store.close();
  }
  if (format === 'json') io.stdout.write(`${JSON.stringify({ schema: 'claimtrace/outlets@1', outlets }, null, 2)}\n`);
  else io.stdout.write(renderOutlets(outlets, flags.months !== false));
  return EXIT.ok;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** One line of figures: articles, words, grade shares, unsourced-statistic rate, technique rate. */
function figuresLine(f: OutletFigures): string {
  const grades = SOURCE_GRADES.map((g) => `${g} ${f.grades[g].count} (${pct(f.grades[g].share)})`).join(', ');
  return `${f.articles} articles · ${f.words} words · ${f.claims} claims: ${grades} · unsourced statistics ${f.unsourcedStatistics}/${f.claimsWithFigures} claims with figures (${pct(f.unsourcedStatisticRate)}) · techniques ${f.techniquesPer1000Words} per 1,000 words`;
}

/** The terminal listing: one block per outlet, its top techniques, then its months. */
function renderOutlets(outlets: readonly OutletProfile[], months: boolean): string {
  const lines = [`${outlets.length} ${outlets.length === 1 ? 'outlet' : 'outlets'}`];
  for (const o of outlets) {
    lines.push('', `${o.site ?? '(no site)'}`, `  ${figuresLine(o)}`);
    const top = Object.entries(o.techniques).sort(([, a], [, b]) => b.count - a.count).slice(0, 5);
    if (top.length > 0) lines.push(`  techniques: ${top.map(([t, v]) => `${t} ${v.per1000Words}`).join(', ')} (per 1,000 words)`);
    if (months) for (const m of o.months) lines.push(`  ${m.month ?? 'undated'}  ${figuresLine(m)}`);
  }
  return `${lines.join('\n')}\n`;
}
