/**
 * Fact-check import benchmark (`npm run bench:factchecks`): FACTCHECKS generated fact-checks (seeded: the corpus
 * generator's claim families, places and figures, never third-party texts) written as a Data Commons DataFeed, a
 * Google Fact Check Tools response, a CSV file and a JSON Lines file of ClaimReview pages' JSON-LD, each imported into
 * a fresh SQLite file by `importFactChecks` (read, detect, parse, validate, key, write, index), then imported again
 * (every record unchanged). Baseline of the same run: JSON.parse of the feed and a plain INSERT of its fields in one
 * transaction, with no validation, key or full-text index. Medians over ROUNDS. Writes bench/out/factchecks.json and
 * bench/out/factchecks.md (the `factchecks` section of BENCHMARKS.md).
 *
 * Memory mode (`npm run bench:factchecks -- --memory`): writes a generated DataFeed of FACTCHECKS_MB megabytes (62 by
 * default) and a JSON Lines file of the same records to a temporary folder (deleted after; never committed), imports
 * each in a child process into a fresh SQLite file and prints its peak RSS and fact-checks/s. FACTCHECKS_SRC names
 * another source tree's src folder to measure (an older commit, `git archive COMMIT src | tar -x -C DIR`).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { importFactChecks } from '../src/factchecks/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { seededRandom as seeded } from '../src/learn/hashing.js';
import claimData from './corpus/claims.json' with { type: 'json' };
import words from './corpus/words.json' with { type: 'json' };

const COUNT = Number(process.env.FACTCHECKS ?? 20_000);
const ROUNDS = Number(process.env.BENCH_REPEATS ?? 3);
const TARGET = 2_000;
const VERDICTS = [['False', 1], ['Mostly false', 2], ['Half true', 3], ['Mostly true', 4], ['True', 5]] as const;
const PUBLISHERS = ['Harbour Check', 'Coast Facts', 'North Shore Verify', 'Island Ledger Fact Desk'];


interface Generated {
  claim: string; url: string; verdict: string; value: number; publisher: string; site: string; date: string; claimant: string; title: string;
}

/** COUNT invented fact-checks: a claim family's paraphrase filled with a place, a figure and a source. */
function generate(count: number, seed: number): Generated[] {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const family = claimData.claims[i % claimData.claims.length]!;
    const place = `${pick(words.placeHeads)}${pick(words.placeTails)}`;
    const figure = Math.round(family.value * (0.3 + random() * 3)).toLocaleString('en-US');
    const source = pick(words.bodies);
    const claim = pick(family.paraphrases).replace('{figure}', figure).replace('{place}', place).replace('{source}', source);
    const [verdict, value] = pick(VERDICTS);
    const publisher = pick(PUBLISHERS);
    const site = `${publisher.toLowerCase().replace(/\W+/g, '')}.example`;
    const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1800) * 86_400_000).toISOString().slice(0, 10);
    return { claim, url: `https://${site}/checks/${i}-${family.id}`, verdict, value, publisher, site, date: day, claimant: source, title: `${verdict}: ${claim.slice(0, 60)}` };
  });
}

const claimReview = (g: Generated) => ({
  '@context': 'https://schema.org', '@type': 'ClaimReview', url: g.url, claimReviewed: g.claim, name: g.title, datePublished: g.date, inLanguage: 'en',
  author: { '@type': 'Organization', name: g.publisher, url: `https://${g.site}/` },
  reviewRating: { '@type': 'Rating', ratingValue: g.value, bestRating: 5, worstRating: 1, alternateName: g.verdict },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Organization', name: g.claimant } },
});
const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

/** The generated records in each format, as files. */
function writeInputs(dir: string, records: readonly Generated[]): Record<string, string> {
  const files: Record<string, string> = {
    'Data Commons DataFeed (JSON)': JSON.stringify({ '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: records.map((g) => ({ '@type': 'DataFeedItem', item: [claimReview(g)] })) }),
    'Google claims:search response (JSON)': JSON.stringify({ claims: records.map((g) => ({ text: g.claim, claimant: g.claimant, claimReview: [{ publisher: { name: g.publisher, site: g.site }, url: g.url, title: g.title, reviewDate: `${g.date}T00:00:00Z`, textualRating: g.verdict, languageCode: 'en' }] })) }),
    'CSV': ['claim,url,rating,publisher,date', ...records.map((g) => [g.claim, g.url, g.verdict, g.publisher, g.date].map(csvCell).join(','))].join('\n'),
    'ClaimReview JSON Lines': records.map((g) => JSON.stringify(claimReview(g))).join('\n'),
  };
  return Object.fromEntries(Object.entries(files).map(([name, text], i) => {
    const path = join(dir, `input-${i}`);
    writeFileSync(path, text);
    return [name, path];
  }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median seconds of a first import and of a re-import of `path` into fresh databases. */
async function measureImport(dir: string, path: string): Promise<{ first: number; again: number; stored: number }> {
  const first: number[] = [];
  const again: number[] = [];
  let stored = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const db = join(dir, `bench-${round}.db`);
    const store = await openSqliteStore(db);
    let t = performance.now();
    const summary = await importFactChecks([path], store);
    first.push((performance.now() - t) / 1000);
    t = performance.now();
    const repeat = await importFactChecks([path], store);
    again.push((performance.now() - t) / 1000);
    if (repeat.unchanged !== summary.inserted) throw new Error(`re-import changed ${summary.inserted - repeat.unchanged} records`);
    stored = summary.inserted;
    await store.close();
    rmSync(db, { force: true });
  }
  return { first: median(first), again: median(again), stored };
}

/** Baseline: JSON.parse of the feed and a bare INSERT of its fields, one transaction, no checks or index. */
function measureBaseline(dir: string, path: string): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const dbPath = join(dir, `baseline-${round}.db`);
    const t = performance.now();
    const feed = JSON.parse(readFileSync(path, 'utf8')) as { dataFeedElement: { item: ReturnType<typeof claimReview>[] }[] };
    const db = new Database(dbPath);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE f (claim TEXT, url TEXT, rating TEXT, value REAL, publisher TEXT, date TEXT)');
    const insert = db.prepare('INSERT INTO f VALUES (?, ?, ?, ?, ?, ?)');
    db.transaction(() => {
      for (const { item: [r] } of feed.dataFeedElement) insert.run(r!.claimReviewed, r!.url, r!.reviewRating.alternateName, r!.reviewRating.ratingValue, r!.author.name, r!.datePublished);
    })();
    db.close();
    times.push((performance.now() - t) / 1000);
    rmSync(dbPath, { force: true });
  }
  return median(times);
}

/** Child of the memory mode: imports one file with the src tree FACTCHECKS_SRC (default this one) and prints its figures. */
async function memoryChild(path: string): Promise<void> {
  const src = process.env.FACTCHECKS_SRC ?? join(import.meta.dirname, '..', 'src');
  const { importFactChecks: run } = (await import(pathToFileURL(join(src, 'factchecks', 'index.ts')).href)) as typeof import('../src/factchecks/index.js');
  const { openSqliteStore: open } = (await import(pathToFileURL(join(src, 'store', 'index.ts')).href)) as typeof import('../src/store/index.js');
  const db = `${path}.db`;
  const store = await open(db);
  const t = performance.now();
  const summary = await run([path], store, { maxBytes: 1024 * 2 ** 20 });
  const seconds = (performance.now() - t) / 1000;
  await store.close();
  rmSync(db, { force: true });
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });
  console.log(JSON.stringify({ stored: summary.inserted, failed: summary.failed, seconds, perSecond: summary.inserted / seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

/** Memory mode: a large DataFeed and JSON Lines, each imported in a child process; peak RSS and rate. */
function memoryMode(): void {
  const megabytes = Number(process.env.FACTCHECKS_MB ?? 62);
  const tmp = mkdtempSync(join(tmpdir(), 'claimtrace-bench-factchecks-memory-'));
  try {
    const sample = generate(200, 14);
    const perRecord = JSON.stringify({ '@type': 'DataFeedItem', item: sample.map(claimReview) }).length / sample.length;
    const count = Math.round((megabytes * 2 ** 20) / perRecord);
    const inputs = writeInputs(tmp, generate(count, 14));
    const files = { 'DataFeed (JSON)': inputs['Data Commons DataFeed (JSON)']!, 'ClaimReview JSON Lines': inputs['ClaimReview JSON Lines']! };
    for (const [name, path] of Object.entries(files)) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'factchecks-import.ts'), '--memory-child', path], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
      const m = JSON.parse(out.trim().split('\n').at(-1)!) as { stored: number; failed: number; seconds: number; perSecond: number; peakRssMb: number };
      console.log(`${name}: ${(statSync(path).size / 2 ** 20).toFixed(1)} MB, ${m.stored} fact-checks (${m.failed} failed inputs), peak RSS ${Math.round(m.peakRssMb)} MB, ${Math.round(m.perSecond)} fact-checks/s (${m.seconds.toFixed(1)} s)`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv.includes('--memory-child')) {
  await memoryChild(process.argv[process.argv.indexOf('--memory-child') + 1]!);
  process.exit(0);
}
if (process.argv.includes('--memory')) {
  memoryMode();
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-factchecks-'));
const records = generate(COUNT, 14);
const inputs = writeInputs(dir, records);
const rows: { format: string; bytes: number; stored: number; firstPerSecond: number; againPerSecond: number; ratioToBaseline: number }[] = [];
const baseline = measureBaseline(dir, inputs['Data Commons DataFeed (JSON)']!);
for (const [format, path] of Object.entries(inputs)) {
  const m = await measureImport(dir, path);
  rows.push({ format, bytes: readFileSync(path).length, stored: m.stored, firstPerSecond: m.stored / m.first, againPerSecond: m.stored / m.again, ratioToBaseline: m.first / baseline });
  console.log(`${format}: ${Math.round(m.stored / m.first)} fact-checks/s first import, ${Math.round(m.stored / m.again)}/s re-import`);
}
rmSync(dir, { recursive: true, force: true });

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: Math.round(loadavg()[0]! * 10) / 10 };
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const slowest = Math.min(...rows.map((r) => r.firstPerSecond));
const md = `## Fact-check import

Measured by \`npm run bench:factchecks\` on ${new Date().toISOString().slice(0, 10)} (${machine.model}, Node ${machine.node}, one core; load average ${machine.loadAverage} on ${machine.cpus} cores from other work):
${n(COUNT)} generated fact-checks (seeded claims of the corpus generator, never third-party texts) in each format,
imported by \`importFactChecks\` into a fresh SQLite file (read, detect the format, parse, validate, key, write, index
for full-text search), then imported again (all unchanged). Medians of ${ROUNDS} rounds. Baseline of the same run:
\`JSON.parse\` of the DataFeed and a bare \`INSERT\` of its fields in one transaction (no validation, key or index):
**${n(COUNT / baseline)} fact-checks/s**.

| format | file | first import | re-import (unchanged) | time vs baseline | target ≥ ${n(TARGET)}/s | met |
|---|---|---|---|---|---|---|
${rows.map((r) => `| ${r.format} | ${n(r.bytes / 2 ** 20, 1)} MB | **${n(r.firstPerSecond)} fact-checks/s** | ${n(r.againPerSecond)}/s | ${n(r.ratioToBaseline, 2)}× | ${n(TARGET)} | ${r.firstPerSecond >= TARGET ? 'yes' : '**no**'} |`).join('\n')}

Slowest format: ${n(slowest)} fact-checks/s. Reproduce: \`npm run bench:factchecks\` (\`FACTCHECKS\` sets the count,
\`BENCH_REPEATS\` the rounds).`;
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'factchecks.json'), `${JSON.stringify({ schema: 'claimtrace/bench-factchecks@1', date: new Date().toISOString(), command: 'npm run bench:factchecks', machine, count: COUNT, rounds: ROUNDS, baselinePerSecond: COUNT / baseline, rows }, null, 2)}\n`);
writeFileSync(join(import.meta.dirname, 'out', 'factchecks.md'), `${md}\n`);
console.log(md);
