// Quality benchmark, running separate from scoring: (1) the runner writes claimtrace's predictions in the benchmark's
// own format, (2) the scorer reads them, the gold and the published systems' outputs and prints one table, (3) with
// --gate, scores are compared with the pinned floors (bench/quality/floors.json) and a drop beyond epsilon fails.
// Usage: npm run bench:quality [-- --gate]   (reads ../shared/data at run time; commits none of it)
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { resolveOptions } from '../../src/engine/analyze.js';
import { predictExtraction } from '../../src/engine/predict/extract.js';
import { attributionDataHash, attributionStrictTable, attributionTable, runAttribution, type AttributionScores } from './attribution-task.js';
import { ROLES } from './attribution-metric.js';
import { scoreExtraction, type ExtractionScore } from './extraction-metric.js';
import { coverage, extractMetadata } from './extraction-metadata.js';
import { checkworthyDataHash, checkworthyTable, runCheckworthy } from './checkworthy-task.js';
import { runSiValidation, siDataHash, siTable } from './si-task.js';
import { runTcValidation, tcDataHash, tcTable } from './tc-task.js';
import { matchDataHash, matchSection, matchTable, runMatch } from './match-task.js';
import { numericMatrixGateScores, numericMatrixTable, runNumericMatrix } from './numeric-matrix.js';
import { NEWS_SETS, newsGateScores, newsNotes, newsTable, runNews, type NewsResult } from './news-task.js';
import { runTraceQuality, traceGateScores, traceTable } from './trace-task.js';
import floors from './floors.json' with { type: 'json' };

const SHARED = process.env.CLAIMTRACE_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');
const DATA = join(SHARED, 'data', 'article-extraction-benchmark');
const POLNEAR_DEV = join(SHARED, 'data', 'polnear', 'dev');
const PTC = join(SHARED, 'data', 'ptc-semeval2020-task11');
const OUT = join(import.meta.dirname, '..', 'out');

/** A hash of the gold and the pages, so a floor is only compared on the data it was measured on. */
function dataHash(): string {
  const hash = createHash('sha256').update(readFileSync(join(DATA, 'ground-truth.json')));
  for (const name of readdirSync(join(DATA, 'html')).sort()) hash.update(name).update(readFileSync(join(DATA, 'html', name)));
  return hash.digest('hex');
}

function publishedOutputs(): Record<string, Record<string, string>> {
  const systems: Record<string, Record<string, string>> = {};
  for (const name of readdirSync(join(DATA, 'output')).sort()) {
    const raw = JSON.parse(gunzipSync(readFileSync(join(DATA, 'output', name))).toString('utf8'));
    const rows = (raw.output ?? raw) as Record<string, { articleBody?: string } | null>;
    systems[name.replace(/\.json\.gz$/, '')] = Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, row?.articleBody ?? '']));
  }
  return systems;
}

async function runExtraction(): Promise<string> {
  const t0 = performance.now();
  const { predictions, failures } = await predictExtraction(join(DATA, 'html'), resolveOptions({}));
  const path = join(OUT, 'predictions', 'extract.json');
  writeFileSync(path, `${JSON.stringify(predictions)}\n`);
  console.log(`runner: ${Object.keys(predictions).length} pages, ${failures.length} failed, ${Math.round(performance.now() - t0)} ms -> ${path}`);
  return path;
}

function scoreAll(predictionsPath: string): { ours: ExtractionScore; rows: [string, ExtractionScore][] } {
  const truth = JSON.parse(readFileSync(join(DATA, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  const gold = Object.fromEntries(Object.entries(truth).map(([id, row]) => [id, row.articleBody]));
  const predicted = JSON.parse(readFileSync(predictionsPath, 'utf8')) as Record<string, { articleBody: string }>;
  const ours = scoreExtraction(gold, Object.fromEntries(Object.entries(predicted).map(([id, row]) => [id, row.articleBody])));
  const rows: [string, ExtractionScore][] = Object.entries(publishedOutputs()).map(([name, pred]) => [name, scoreExtraction(gold, pred)]);
  rows.push(['claimtrace', ours]);
  rows.sort((a, b) => b[1].f1 - a[1].f1);
  return { ours, rows };
}

function printTable(rows: [string, ExtractionScore][]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = ['| system | F1 | precision | recall | accuracy |', '|---|---|---|---|---|'];
  for (const [name, s] of rows) {
    const label = name === 'claimtrace' ? '**claimtrace**' : name;
    lines.push(`| ${label} | ${f(s.f1)} | ${f(s.precision)} | ${f(s.recall)} | ${f(s.accuracy)} |`);
  }
  return lines.join('\n');
}

/** Compares scores with their floors; a floor measured on other data fails too (re-measure and pin). */
function gate(task: string, scores: Record<string, number>, floor: { dataSha256: string; epsilon: number; floors: Record<string, number> }, hash: string): boolean {
  if (floor.dataSha256 !== hash) {
    console.error(`gate: the ${task} data changed (sha256 ${hash.slice(0, 12)}, floors measured on ${floor.dataSha256.slice(0, 12)}): re-measure and pin new floors`);
    return false;
  }
  let ok = true;
  for (const [key, min] of Object.entries(floor.floors)) {
    const value = scores[key] ?? 0;
    const failed = min - value > floor.epsilon;
    if (failed) ok = false;
    console.log(`gate: ${task} ${key} ${value.toFixed(4)} vs floor ${min.toFixed(4)} (epsilon ${floor.epsilon}): ${failed ? 'FAIL' : 'ok'}`);
  }
  return ok;
}

const overlapF1s = (scores: AttributionScores) => Object.fromEntries(ROLES.map((role) => [`${role} overlap F1`, scores[role].overlap.f1]));

mkdirSync(join(OUT, 'predictions'), { recursive: true });
const predictionsPath = await runExtraction();
const { ours, rows } = scoreAll(predictionsPath);
const hash = dataHash();
const table = printTable(rows);
console.log(`\nArticle extraction, ${ours.pages} pages (word 4-gram shingles, per-page means):\n\n${table}\n`);

const metadata = coverage(extractMetadata(join(DATA, 'html')));
const metadataTable = ['| field | pages with it |', '|---|---|', ...Object.entries(metadata).map(([field, share]) => `| ${field} | ${(share * 100).toFixed(1)}% |`)].join('\n');
console.log(`Metadata found on the same pages (coverage; the benchmark has no metadata gold):\n\n${metadataTable}\n`);

const attribution = await runAttribution(POLNEAR_DEV, join(OUT, 'predictions', 'attribution'));
const attributionHash = attributionDataHash(POLNEAR_DEV);
const attrTable = attributionTable(attribution.scores);
const attrStrictTable = attributionStrictTable(attribution.strict);
console.log(`Attribution, PolNeAR dev, ${attribution.articles} articles (${Math.round(attribution.ms)} ms), spans micro-averaged:\n\n${attrTable}\n`);
console.log(`The same, strict (one-to-one matching, half of the longer span's non-whitespace characters shared):\n\n${attrStrictTable}\n`);

const checkworthy = await runCheckworthy(join(SHARED, 'data'), join(OUT, 'predictions', 'checkworthy'));
const checkworthyHash = checkworthyDataHash(join(SHARED, 'data'));
const cwTable = checkworthyTable(checkworthy.sets);
console.log(`Check-worthiness (${Math.round(checkworthy.sentencesPerSecond)} sentences/s):\n\n${cwTable}\n`);

const si = await runSiValidation(PTC, join(OUT, 'predictions'));
const siHash = siDataHash(PTC);
const siMd = siTable(si.scores);
console.log(`Propaganda span identification (SI), ${si.articles} validation articles (${Math.round(si.ms)} ms):\n\n${siMd}\n`);

const tc = await runTcValidation(PTC, join(OUT, 'predictions'));
const tcHash = tcDataHash(PTC);
const tcMd = tcTable(tc.scores);
console.log(`Technique classification (TC), ${tc.spans} validation spans (${Math.round(tc.ms)} ms):\n\n${tcMd}\n`);

const matchData = join(SHARED, 'data', 'clef2020-claim-retrieval');
const match = await runMatch(matchData, join(OUT, 'predictions'));
const matchHash = matchDataHash(matchData);
const matchMd = matchTable(match);
writeFileSync(join(OUT, 'match.md'), `${matchSection(match)}\n`);
console.log(`Verified-claim retrieval, CLEF CheckThat! 2020 task 2 (${Math.round(match.queriesPerSecond)} queries/s):\n\n${matchMd}\n`);

const news = NEWS_SETS.map((set) => runNews(set, join(OUT, 'predictions'))).filter((r): r is NewsResult => r !== undefined);
const newsMd = newsTable(news);
for (const result of news) console.log(newsNotes(result));
console.log(`\nEveryday news (bench/news; errors per article: npm run bench:news -- --half tune --errors):\n\n${newsMd}\n`);

const matrix = runNumericMatrix();
const matrixMd = numericMatrixTable(matrix);
console.log(`Numeric check over a phrasing matrix (bench/quality/numeric-matrix.ts; misses: npm run bench:numeric-matrix -- --misses 40):\n\n${matrixMd}\n`);

const trace = await runTraceQuality();
const traceMd = traceTable(trace);
console.log(`Trace over the seeded corpus (${trace.articles} articles, ${trace.stories} stories, ${Math.round(trace.ms)} ms; npm run bench:corpus for latency and larger sizes):\n\n${traceMd}\n`);

const report = {
  date: new Date().toISOString(),
  command: 'npm run bench:quality',
  extraction: { dataSha256: hash, ours, table, metadata, metadataTable },
  attribution: { dataSha256: attributionHash, articles: attribution.articles, scores: attribution.scores, table: attrTable, strict: attribution.strict, strictTable: attrStrictTable },
  checkworthy: { dataSha256: checkworthyHash, sets: checkworthy.sets, sentencesPerSecond: checkworthy.sentencesPerSecond, table: cwTable },
  si: { dataSha256: siHash, articles: si.articles, scores: si.scores, table: siMd },
  tc: { dataSha256: tcHash, spans: tc.spans, scores: tc.scores, table: tcMd },
  match: { dataSha256: matchHash, sets: match.sets, queriesPerSecond: match.queriesPerSecond, indexMs: match.indexMs, table: matchMd },
  news: { sets: Object.fromEntries(news.map((r) => [r.set, { dataSha256: r.hash, articles: r.articles, rates: r.rates }])), table: newsMd },
  numericMatrix: { dataSha256: matrix.hash, scores: numericMatrixGateScores(matrix), fired: matrix.fired, falseWarnings: matrix.falseWarnings, table: matrixMd },
  trace: { dataSha256: trace.dataSha256, articles: trace.articles, stories: trace.stories, scores: traceGateScores(trace), table: traceMd },
};
writeFileSync(join(OUT, 'quality.json'), `${JSON.stringify(report, null, 2)}\n`);
if (process.argv.includes('--gate')) {
  const bodyOk = gate('extraction', { ...ours }, floors.extraction, hash);
  const extractionOk = gate('metadata coverage', metadata, floors.metadataCoverage, hash) && bodyOk;
  const attributionOk = gate('attribution', overlapF1s(attribution.scores), floors.attribution, attributionHash);
  const checkworthyOk = gate('check-worthiness', Object.fromEntries(Object.entries(checkworthy.sets).map(([name, set]) => [`${name} F1`, set.f1])), floors.checkworthy, checkworthyHash);
  const siOk = gate('SI', { 'validation F1': si.scores.f1 }, floors.si, siHash);
  const tcOk = gate('TC', { 'validation micro-F1': tc.scores.micro.f1 }, floors.tc, tcHash);
  const matchOk = gate('match', { 'validation MAP@5': match.sets.validation.reranked.map5, 'dev MAP@5': match.sets.dev.reranked.map5, 'dev MAP@1': match.sets.dev.reranked.map1, 'dev Recall@5': match.sets.dev.reranked.recall5 }, floors.match, matchHash);
  const newsOk = (['tune', 'validation'] as const).map((set) => {
    const result = news.find((r) => r.set === set);
    return gate(`news ${set}`, result ? newsGateScores(result.rates) : {}, floors.news[set], result?.hash ?? 'no gold');
  }).every(Boolean);
  const matrixOk = gate('numeric matrix', numericMatrixGateScores(matrix), floors.numericMatrix, matrix.hash);
  const traceOk = gate('trace', traceGateScores(trace), floors.trace, trace.dataSha256);
  if (!extractionOk || !attributionOk || !checkworthyOk || !siOk || !tcOk || !matchOk || !newsOk || !matrixOk || !traceOk) process.exitCode = 1;
}
