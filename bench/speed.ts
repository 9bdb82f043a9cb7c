// Speed benchmark: words/s of the full text pipeline and ms/page of HTML extraction, each next to a baseline measured
// in the same process (wink-nlp's bare tokenizer; Readability.js + linkedom), medians of repeats; and peak memory of
// one 5 MB input in a child process. Reads third-party texts from ../shared at run time; commits none of them.
// Usage: npm run bench  (builds dist/ for the memory child, writes bench/out/speed.json; `npm run bench:report` turns results into BENCHMARKS.md)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

// The compiled package (dist/, built by `npm run bench` first) is what users run, so that is what is timed; every
// module comes from dist so that the process holds one wink instance. The types come from the sources.
const dist = (path: string) => import(new URL(`../dist/${path}`, import.meta.url).href);
const { analyzePure } = (await dist('engine/analyze.js')) as typeof import('../src/engine/analyze.js');
const { loadAttributionTagger } = (await dist('annotators/attributions/tagger/tagger.js')) as typeof import('../src/annotators/attributions/tagger/tagger.js');
const { loadCheckworthyModel } = (await dist('annotators/claims/model.js')) as typeof import('../src/annotators/claims/model.js');
const { loadTechniqueClassifier } = (await dist('annotators/techniques/classifier/classifier.js')) as typeof import('../src/annotators/techniques/classifier/classifier.js');
const { loadSpanTagger } = (await dist('annotators/techniques/spans/tagger.js')) as typeof import('../src/annotators/techniques/spans/tagger.js');
const { extractHtml } = (await dist('extract/index.js')) as typeof import('../src/extract/index.js');
const { getWink } = (await dist('nlp/wink.js')) as typeof import('../src/nlp/wink.js');

const SHARED = process.env.CLAIMTRACE_SHARED ?? join(import.meta.dirname, '..', '..', 'shared');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const CAPPED_HEAP_MB = 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

function loadTexts(): string[] {
  const dir = join(SHARED, 'data/ptc-semeval2020-task11/train-articles');
  return readdirSync(dir).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

function loadPages(): string[] {
  const dir = join(SHARED, 'data/article-extraction-benchmark/html');
  return readdirSync(dir).sort().map((f) => {
    const buf = readFileSync(join(dir, f));
    return (f.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
  });
}

function benchText(texts: string[]) {
  const words = texts.reduce((n, t) => n + countWords(t), 0);
  analyzePure({ text: texts[0]! }); // warm up: model load and matcher compilation are not per-document costs
  const wink = getWink();
  analyzePure({ text: texts[0]! }, { models: false });
  const ours: number[] = [];
  const rules: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    base.push(timeIt(() => texts.forEach((text) => wink.readDoc(text).tokens().out())));
    ours.push(timeIt(() => texts.forEach((text) => analyzePure({ text }))));
    rules.push(timeIt(() => texts.forEach((text) => analyzePure({ text }, { models: false }))));
  }
  const oursMs = median(ours);
  const rulesMs = median(rules);
  const baseMs = median(base);
  return {
    documents: texts.length,
    words,
    pipelineMs: oursMs,
    wordsPerSecond: (words / oursMs) * 1000,
    rulesOnlyMs: rulesMs,
    rulesOnlyWordsPerSecond: (words / rulesMs) * 1000,
    ratioToRulesOnly: oursMs / rulesMs,
    winkTokenizeMs: baseMs,
    winkWordsPerSecond: (words / baseMs) * 1000,
    ratioToWink: oursMs / baseMs,
  };
}

function readabilityBaseline(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
}

function benchHtml(pages: string[]) {
  pages.forEach((html) => extractHtml(html, {}));
  const ours: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    for (const html of pages) {
      base.push(timeIt(() => readabilityBaseline(html)));
      ours.push(timeIt(() => extractHtml(html, {})));
    }
  }
  return { pages: pages.length, repeats: REPEATS, medianMsPerPage: median(ours), readabilityMedianMsPerPage: median(base), ratioToReadability: median(ours) / median(base) };
}

/** Time to load each committed model from disk (decompression and weight tables), median of fresh loads, and all together. */
function benchModelLoad() {
  const loaders: Record<string, () => unknown> = {
    attributionTagger: () => loadAttributionTagger(),
    checkworthy: () => loadCheckworthyModel(),
    techniqueSpans: () => loadSpanTagger(),
    techniqueClassifier: () => loadTechniqueClassifier(),
  };
  const out: Record<string, number> = {};
  for (const [name, load] of Object.entries(loaders)) {
    const times: number[] = [];
    for (let r = 0; r < REPEATS; r++) times.push(timeIt(load));
    out[`${name}Ms`] = median(times);
  }
  out.allMs = Object.values(out).reduce((a, b) => a + b, 0);
  return out;
}

function benchMemory(texts: string[]) {
  const limit = 5 * 1024 * 1024;
  let big = '';
  let bytes = 0;
  for (let i = 0; ; i++) {
    const next = `${texts[i % texts.length]}\n\n`;
    const size = Buffer.byteLength(next);
    if (bytes + size > limit) break;
    big += next;
    bytes += size;
  }
  const path = join(import.meta.dirname, 'out', 'five-mb.txt');
  writeFileSync(path, big);
  const child = join(import.meta.dirname, 'peak-memory.mjs');
  type Run = { bytes: number; words: number; ms: number; peakRssMb: number };
  const analysis = JSON.parse(execFileSync(process.execPath, [child, path], { encoding: 'utf8' })) as Run;
  const withJson = JSON.parse(execFileSync(process.execPath, [child, path, '--json'], { encoding: 'utf8' })) as Run;
  // The same analysis with V8's old generation capped: shows how much of the peak is collector headroom, not live data.
  const capped = JSON.parse(execFileSync(process.execPath, [`--max-old-space-size=${CAPPED_HEAP_MB}`, child, path], { encoding: 'utf8' })) as Run;
  return { ...analysis, withJsonPeakRssMb: withJson.peakRssMb, cappedHeapMb: CAPPED_HEAP_MB, cappedPeakRssMb: capped.peakRssMb };
}

mkdirSync(join(import.meta.dirname, 'out'), { recursive: true });
const texts = loadTexts();
const result = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version },
  command: 'npm run bench',
  text: benchText(texts),
  html: benchHtml(loadPages()),
  models: benchModelLoad(),
  memory: benchMemory(texts),
};
writeFileSync(join(import.meta.dirname, 'out', 'speed.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
