/**
 * Store-backed fact-check matching benchmark (`npm run bench:match-store`): FACTCHECKS generated fact-checks (seeded,
 * mulberry32; the corpus generator's claim families, fillers, places, bodies and figures, each claim given three
 * invented topic words drawn from a Zipf-distributed vocabulary of VOCABULARY made-up words, so that postings are as
 * long-tailed as real fact-check collections; never third-party texts) written into a fresh SQLite store through
 * `upsertFactChecks`, then QUERIES claims in other words (a stored claim with words dropped and two replaced) matched
 * one at a time on one core. Measured: building the matcher from the store as the commands build it (read through
 * the Store, analyse, index), per-query latency
 * of `FactCheckMatcher.match` (first stage, re-ranker, calibration, rows and reasons), the same first stage through
 * the store's FTS5 index (bm25, top 100) for comparison, memory, and a whole `claimtrace match` process. Writes
 * bench/out/match-store.json and bench/out/match-store.md (the `match-store` section of BENCHMARKS.md).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { loadReranker } from '../src/engine/predict/match.js';
import type { FactCheck } from '../src/factchecks/import/schema.js';
import { createStoreMatcher } from '../src/factchecks/match/store-load.js';
import { addFactChecks, AUDIT_DEPTH, auditClaimMatcher } from '../src/factchecks/audit/already-checked.js';
import { analyzePure, resolveOptions } from '../src/engine/analyze.js';
import { generateCorpus } from './corpus/generate.js';
import { openSqliteStore } from '../src/store/index.js';
import { seededRandom as seeded } from '../src/learn/hashing.js';
import claimData from './corpus/claims.json' with { type: 'json' };
import words from './corpus/words.json' with { type: 'json' };

const COUNT = Number(process.env.FACTCHECKS ?? 100_000);
const QUERIES = Number(process.env.QUERIES ?? 300);
const VOCABULARY = 30_000;
const TARGET_P95_MS = 50;
const VERDICTS = [['False', 1], ['Mostly false', 2], ['Half true', 3], ['Mostly true', 4], ['True', 5]] as const;
const PUBLISHERS = ['Harbour Check', 'Coast Facts', 'North Shore Verify', 'Island Ledger Fact Desk'];
const SYLLABLES = ['ka', 'lo', 'mer', 'ten', 'vis', 'dra', 'pol', 'sun', 'bri', 'gal', 'ton', 'rek', 'fa', 'nim', 'sol', 'ver', 'ash', 'cor', 'lin', 'mo'];


const random = seeded(1405);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
/** Made-up words of three or four syllables, distinct. */
const vocabulary = [...new Set(Array.from({ length: VOCABULARY * 2 }, () => Array.from({ length: 3 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('')))].slice(0, VOCABULARY);
/** Zipf (s = 1) over the vocabulary by inverse transform on the cumulative weights. */
const cumulative = (() => {
  const out = new Float64Array(vocabulary.length);
  let sum = 0;
  for (let i = 0; i < vocabulary.length; i++) out[i] = sum += 1 / (i + 1);
  return out.map((x) => x / sum);
})();
function zipfWord(): string {
  const u = random();
  let [lo, hi] = [0, cumulative.length - 1];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
}
const templates = [...claimData.claims.flatMap((c) => c.paraphrases.map((p) => ({ text: p, value: c.value }))), ...words.fillerTemplates.map((t) => ({ text: t, value: 500 }))];

function generate(i: number): FactCheck {
  const t = pick(templates);
  const place = `${pick(words.placeHeads)}${pick(words.placeTails)}`;
  const figure = Math.round(t.value * (0.3 + random() * 3)).toLocaleString('en-US');
  const base = t.text.replaceAll('{figure}', figure).replaceAll('{place}', place).replaceAll('{source}', pick(words.bodies)).replaceAll('{role}', pick(words.roles))
    .replaceAll('{topic}', pick(words.topics)).replaceAll('{weekday}', pick(words.weekdays)).replaceAll('{person}', pick(words.people)).replace(/\{\w+\}/g, figure);
  const claim = `${base.replace(/\.$/, '')}, over the ${zipfWord()} ${zipfWord()} and ${zipfWord()}.`;
  const [verdict, value] = pick(VERDICTS);
  const publisher = pick(PUBLISHERS);
  const site = `${publisher.toLowerCase().replace(/\W+/g, '')}.example`;
  const date = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 1800) * 86_400_000).toISOString().slice(0, 10);
  return {
    claim, url: `https://${site}/checks/${i}`, rating: { name: null, alternateName: verdict, value, best: 5, worst: 1 }, publisher: { name: publisher, url: `https://${site}/` },
    date, language: 'en', claimant: null, claimDate: null, title: `${verdict}: ${claim.slice(0, 70)}`,
  } as FactCheck;
}

/** A stored claim in other words: about a fifth of its words dropped and two replaced by common words. */
function paraphrase(claim: string): string {
  const parts = claim.replace(/\.$/, '').split(' ').filter(() => random() > 0.2);
  for (let k = 0; k < 2 && parts.length > 0; k++) parts[Math.floor(random() * parts.length)] = pick(['reportedly', 'apparently', 'now', 'really', 'officially']);
  return parts.join(' ');
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-bench-match-'));
const dbPath = join(dir, 'factchecks.db');
const records = Array.from({ length: COUNT }, (_, i) => generate(i));
const store = await openSqliteStore(dbPath);
for (let i = 0; i < records.length; i += 1000) await store.upsertFactChecks(records.slice(i, i + 1000));
await store.close();
const queries = Array.from({ length: QUERIES }, () => {
  const target = Math.floor(random() * COUNT);
  return { target: target + 1, text: paraphrase(records[target]!.claim) };
});
console.log(`${n(COUNT)} fact-checks stored; ${QUERIES} queries`);

const db = new Database(dbPath, { readonly: true });
const model = loadReranker();
global.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let t = performance.now();
// As `claimtrace match`, analyze, ingest and the server build it: the fact-checks read through the Store, indexed in memory.
const reader = await openSqliteStore(dbPath);
const { matcher } = await createStoreMatcher(reader, model);
const buildMs = performance.now() - t;
global.gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
for (const q of queries.slice(0, 20)) matcher.match(q.text);
const times: number[] = [];
let found = 0;
let first = 0;
for (const q of queries) {
  t = performance.now();
  const matches = matcher.match(q.text);
  times.push(performance.now() - t);
  if (matches.length > 0) found++;
  if (matches[0]?.factCheck.id === q.target) first++;
}
// The same queries as the audit of an analysis matches a claim (the first stage's AUDIT_DEPTH best re-ranked).
const audited = auditClaimMatcher(matcher);
let auditFound = 0;
let auditFirst = 0;
for (const q of queries) {
  const matches = audited(q.text, 5);
  if (matches.length > 0) auditFound++;
  if (matches[0]?.factCheck.id === q.target) auditFirst++;
}
// What the already-fact-checked audit adds to an analysis once the matcher is built (as in ingest, the server and a
// warm analyze): ARTICLES generated ~800-word articles analysed with the models, then their check-worthy claims matched.
// The warm-up reads 5 other articles: the audit keeps the matches of the claims it has seen (auditClaimMatcher), so
// the measured articles must not have been audited before; a claim repeated among them (the generator's sentences
// recur) is matched once.
const ARTICLES = 30;
const WARM_UP = 5;
const generated = [...generateCorpus({ articles: ARTICLES + WARM_UP, seed: 77, plantRate: 1 })].map((a) => a.record.text);
const articles = generated.slice(0, ARTICLES);
const threshold = resolveOptions({}).threshold;
for (const text of generated.slice(ARTICLES)) addFactChecks(analyzePure({ text }), audited, threshold);
let analysisMs = 0;
let auditMs = 0;
let auditedClaims = 0;
const distinct = new Set<string>();
for (const text of articles) {
  t = performance.now();
  const report = analyzePure({ text });
  analysisMs += performance.now() - t;
  t = performance.now();
  addFactChecks(report, audited, threshold);
  auditMs += performance.now() - t;
  const checkworthy = report.claims.filter((c) => c.checkworthiness >= threshold);
  auditedClaims += checkworthy.length;
  for (const c of checkworthy) distinct.add(c.text);
}
// The FTS5 alternative for the first stage alone: the query's words ORed, ordered by bm25, top 100.
const fts = db.prepare('SELECT rowid FROM factchecks_fts WHERE factchecks_fts MATCH ? ORDER BY rank LIMIT 100');
const ftsTimes: number[] = [];
for (const q of queries) {
  const expr = [...new Set(q.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].map((w) => `"${w}"`).join(' OR ');
  t = performance.now();
  fts.all(expr);
  ftsTimes.push(performance.now() - t);
}
db.close();
await reader.close();
// A whole CLI process: start Node, open the store, build the matcher, match one claim.
const cliTimes: number[] = [];
for (const q of queries.slice(0, 3)) {
  t = performance.now();
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'src', 'cli', 'main.ts'), 'match', q.text, '--db', dbPath, '--format', 'json']);
  cliTimes.push(performance.now() - t);
}
rmSync(dir, { recursive: true, force: true });

const machine = { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage: Math.round(loadavg()[0]! * 10) / 10 };
const p50 = percentile(times, 50);
const p95 = percentile(times, 95);
const result = {
  schema: 'claimtrace/bench-match-store@1', date: new Date().toISOString(), command: 'npm run bench:match-store', machine, factChecks: COUNT, queries: QUERIES,
  buildMs, heapMb, p50, p95, max: Math.max(...times), ftsP50: percentile(ftsTimes, 50), ftsP95: percentile(ftsTimes, 95),
  reported: found / QUERIES, firstIsSource: first / QUERIES, auditReported: auditFound / QUERIES, auditFirstIsSource: auditFirst / QUERIES, cliMedianMs: percentile(cliTimes, 50),
  audit: {
    depth: AUDIT_DEPTH, articles: ARTICLES, analysisMsPerArticle: analysisMs / ARTICLES, auditMsPerArticle: auditMs / ARTICLES, claimsPerArticle: auditedClaims / ARTICLES,
    distinctClaims: distinct.size, claims: auditedClaims, ratio: (analysisMs + auditMs) / analysisMs,
  },
};
const md = `## Fact-check matching against the store

Measured by \`npm run bench:match-store\` on ${result.date.slice(0, 10)} (${machine.model}, Node ${machine.node}, one core; load average ${machine.loadAverage} on ${machine.cpus} cores from other work):
${n(COUNT)} generated fact-checks (seeded: the corpus generator's claim families and fillers with places, bodies and
figures, plus three invented topic words each from a Zipf-distributed vocabulary of ${n(VOCABULARY)}; never
third-party texts) in a SQLite store; ${QUERIES} queries, each a stored claim in other words (a fifth of its words
dropped, two replaced). \`FactCheckMatcher.match\` (built as the commands build it: the fact-checks read through the
Store and indexed in memory): BM25 first stage over claim + title (top 100), the committed re-ranker, the calibrated
score and threshold, the rows and the reasons of what is reported. The already-fact-checked audit re-ranks the first
stage's ${AUDIT_DEPTH} best per claim.

| measure | value | target |
|---|---|---|
| match latency p50 | ${n(p50, 1)} ms | |
| **match latency p95** | **${n(p95, 1)} ms** | ≤ ${TARGET_P95_MS} ms: ${p95 <= TARGET_P95_MS ? 'met' : '**not met**'} |
| match latency max | ${n(result.max, 1)} ms | |
| first stage through FTS5 instead (bm25, top 100, words ORed), p50 / p95 | ${n(result.ftsP50, 1)} / ${n(result.ftsP95, 1)} ms | (first stage only; not used) |
| building the matcher from the store (read, analyse, index) | ${n(buildMs / 1000, 2)} s | once per process |
| heap held by the matcher | ${n(heapMb)} MB | |
| one \`claimtrace match\` process (start, build, match), median of 3 | ${n(result.cliMedianMs / 1000, 2)} s | |
| queries with a match above the threshold / whose best match is their source | ${n(result.reported * 100, 1)}% / ${n(result.firstIsSource * 100, 1)}% | |
| the same, matched as the audit of an analysis matches a claim (the first stage's ${AUDIT_DEPTH} best re-ranked) | ${n(result.auditReported * 100, 1)}% / ${n(result.auditFirstIsSource * 100, 1)}% | |
| analysis of an ~800-word article with the models (${ARTICLES} generated articles), without / with the already-fact-checked audit (matcher built; ${n(result.audit.claimsPerArticle, 1)} check-worthy claims matched per article, ${result.audit.distinctClaims} distinct of ${result.audit.claims}, each matched once) | ${n(result.audit.analysisMsPerArticle, 1)} / ${n(result.audit.analysisMsPerArticle + result.audit.auditMsPerArticle, 1)} ms: **${n(result.audit.ratio, 2)}×** | ≤ 1.3×: ${result.audit.ratio <= 1.3 ? 'met' : '**not met**'} (a process that builds the matcher first pays the build once) |

Reproduce: \`npm run bench:match-store\` (\`FACTCHECKS\` sets the count, \`QUERIES\` the queries).`;
mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
writeFileSync(join(import.meta.dirname, 'out', 'match-store.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(join(import.meta.dirname, 'out', 'match-store.md'), `${md}\n`);
console.log(md);
