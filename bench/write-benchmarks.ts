// Turns bench/out/speed.json (from `npm run bench`) into BENCHMARKS.md, with targets and the command to reproduce.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiSection, corpusSection } from './benchmarks-corpus.js';

const r = JSON.parse(readFileSync(join(import.meta.dirname, 'out', 'speed.json'), 'utf8'));
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const perCore = r.text.wordsPerSecond;
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const md = `# Benchmarks

Measured by \`npm run bench\` (then \`npm run bench:report\` writes this file) on ${r.date.slice(0, 10)}.
Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB RAM, Node ${r.machine.node}. All timings are
single-threaded (one core), medians over repeats; each is printed next to a baseline measured in the same process,
because ratios travel between machines better than absolute times.

## Speed

| what | claimtrace | baseline (same run) | ratio | target | met |
|---|---|---|---|---|---|
| full text pipeline with the trained models (sentences, entities, quantities, attributions with the tagger, claims with the check-worthiness model, techniques with the span finder and classifier, checks, report), ${n(r.text.documents)} PTC train articles, ${n(r.text.words)} words | **${n(perCore)} words/s** (${n(r.text.pipelineMs)} ms) | the rule-based pipeline (\`--no-models\`): ${n(r.text.rulesOnlyWordsPerSecond)} words/s | ${n(r.text.ratioToRulesOnly, 2)}× the rule-based pipeline's time | ≥ 50,000 words/s per core | ${met(perCore >= 50_000)} |
| the rule-based pipeline alone (\`--no-models\`), same articles | **${n(r.text.rulesOnlyWordsPerSecond)} words/s** (${n(r.text.rulesOnlyMs)} ms) | wink-nlp tokenizer alone (sentences and parts of speech only, as the pipeline runs it): ${n(r.text.winkWordsPerSecond)} words/s | ${n(r.text.rulesOnlyMs / r.text.winkTokenizeMs, 2)}× the tokenizer's time | ≥ 100,000 words/s per core | ${met(r.text.rulesOnlyWordsPerSecond >= 100_000)} |
| loading all committed models (\`models/*.bin\`: gunzip + weight tables): attribution tagger ${n(r.models.attributionTaggerMs)} ms, check-worthiness ${n(r.models.checkworthyMs)} ms, technique spans ${n(r.models.techniqueSpansMs)} ms, technique classifier ${n(r.models.techniqueClassifierMs)} ms | **${n(r.models.allMs)} ms** | — | — | ≤ 500 ms | ${met(r.models.allMs <= 500)} |
| HTML → text + metadata, ${r.html.pages} pages of the article-extraction benchmark × ${r.html.repeats} | **${n(r.html.medianMsPerPage, 2)} ms/page** (median) | Readability.js + linkedom: ${n(r.html.readabilityMedianMsPerPage, 2)} ms/page | ${n(r.html.ratioToReadability, 2)}× | ≤ 10 ms/page | ${met(r.html.medianMsPerPage <= 10)} |
| one ${n(r.memory.bytes / 2 ** 20, 1)} MB plain-text input (${n(r.memory.words)} words), compiled package in a child process | **${n(r.memory.peakRssMb)} MB peak RSS** for the analysis (${n(r.memory.ms / 1000, 1)} s); ${n(r.memory.withJsonPeakRssMb)} MB when the report is also serialised as \`--format json\` does; **${n(r.memory.cappedPeakRssMb)} MB** with \`NODE_OPTIONS=--max-old-space-size=${r.memory.cappedHeapMb}\` | Node + the wink model loaded, nothing analysed: ~95 MB | — | ≤ 300 MB | ${met(r.memory.peakRssMb <= 300)} |

Where the time and memory go (measured on the same machine):
- HTML: before linkedom parses a page, one linear pass drops comments, scripts (JSON-LD kept), styles, SVG and
  templates, and a second cuts nav, footer and aside blocks; one pruning walk then removes boilerplate by tag, ARIA
  role and class/id words (word lists in \`src/extract/boilerplate.json\`), and Readability.js only sees the deepest element
  holding 90 % of the page's paragraph text. Readability.js on the whole page, the baseline, does several full passes
  over a tree three times larger.
- Models: the attribution tagger's features and Viterbi decoding run at ~155,000 words/s on their own, the
  check-worthiness scorer at ~26,000–43,000 sentences/s, the technique classifier at ~14,000 spans/s with
  explanations; model loading is a one-off per process.
- Memory: Node with the wink model loaded, before any analysis, is ~95 MB; the trained models' weight tables add
  ~35 MB (the technique classifier's 2^18 × 14 table is the largest). Texts over 500,000 characters are analysed in
  segments cut at paragraph breaks (before segmenting: 511 MB for the same input); what remains is the merged
  annotations and report (~100 MB of live heap after a forced collection for 850,000 words), the models' per-segment
  feature and probability arrays, and the collector's headroom: V8 grows its heap well past the live data while
  wink-nlp churns through short-lived objects. The rule-based pipeline peaked at 365 MB on this input; with the models
  it is the figure above. Capping the old generation, as in the last figure, trades a little speed for headroom; the
  default is left to Node so that larger inputs (raised \`--max-bytes\`) never hit an out-of-memory abort.

Reproduce: \`npm run bench && npm run bench:report\` (needs \`../shared/data\` beside the checkout; set
\`CLAIMTRACE_SHARED\` to point elsewhere, \`BENCH_REPEATS\` for more repeats).
`;
const qualityPath = join(import.meta.dirname, 'out', 'quality.json');
const quality = existsSync(qualityPath) ? JSON.parse(readFileSync(qualityPath, 'utf8')) : undefined;
const qualityMd = quality
  ? `
## Quality

### Article extraction (HTML → article body)

The 91 development pages of the article-extraction benchmark (../shared/data/article-extraction-benchmark), scored
with its own metric (word 4-gram shingles; precision and recall averaged per page; F1 of the two means), next to the
published systems' outputs that ship with the benchmark, all scored in the same run on the same pages
(\`npm run bench:quality\`, ${quality.date.slice(0, 10)}). The scorer reproduces the published numbers of all 32 systems on
these pages to within 0.001 (rounding). Floors pinned in \`bench/quality/floors.json\` (data sha256 ${quality.extraction.dataSha256.slice(0, 12)}…) are gated in CI.

${quality.extraction.table}
${quality.extraction.metadataTable ? `
Metadata found on the same pages (title, byline, published date, site). The benchmark has no metadata gold, so this is
coverage, checked by hand page by page with \`node --import tsx bench/quality/extraction-metadata.ts --list\`, and
pinned as a regression guard; exact values are asserted by the tests in \`src/extract/html-meta.test.ts\` on pages
written for the project (JSON-LD with @graph and author arrays, Open Graph, article:, itemprop, <time>, rel=author,
visible "By …" bylines).

${quality.extraction.metadataTable}
` : ''}
${quality.attribution ? `
### Attribution (Source / Cue / Content)

PolNeAR dev (${quality.attribution.articles} articles, the validation side; the test split is held out elsewhere), one
annotator's gold per article, spans micro-averaged; a span is correct when a gold span of the same role matches it
exactly or overlaps it. Brat files come from \`claimtrace predict attribution\`. No published system reports on this
split; for reference, Citron (BBC) reaches about 0.82 / 0.82 / 0.83 overlap F1 on PARC 3.0. Floors gated in CI.
The rules alone scored 0.568 / 0.541 / 0.592 overlap F1 here; the trained tagger (\`models/attribution-tagger.md\`)
brings the rest. Targets of issue 3: Source ≥ 0.70 (met), Cue ≥ 0.80 (**not met**), Content ≥ 0.70 (met). Source
grades, which PolNeAR does not annotate, are checked on a hand-written table of 94 graded examples
(\`src/annotators/attributions/graded-examples.json\`; the test prints the per-grade accuracy).

${quality.attribution.table}
${quality.attribution.strictTable ? `
The same predictions under the strict measure the project's owners score held-out PolNeAR with (issue 15;
\`bench/quality/attribution-strict.ts\`): per article and role, a one-to-one (maximum bipartite) matching of predicted
to gold spans, two spans matching when they share at least half of the longer span's non-whitespace characters;
identical spans count once. Two PolNeAR annotators of the same articles agree at the F1 shown beside it.

${quality.attribution.strictTable}
` : ''}` : ''}${quality.checkworthy ? `
### Check-worthiness (sentences)

Positive-class F1 of \`predict checkworthy\` on the validation split carved from ClaimBuster (crowd labels) and on
CheckThat! 2024 English dev-test (never used for a choice), with the published anchor beside it. Calibrated
probabilities (Brier score shown). Model card: \`models/checkworthy.md\`. Targets of issue 4: ≥ 0.75 on unseen
ClaimBuster (**not met** on validation: 0.708) and on CheckThat! 2024 test (scored elsewhere).

${quality.checkworthy.table}
` : ''}${quality.si ? `
### Persuasion techniques: span identification (SemEval-2020 Task 11 SI)

Official partial-overlap metric on the validation split carved from PTC train (the dev gold is held out elsewhere),
\`predict si\` output. Model card: \`models/technique-si.md\`. Target of issue 4: SI F1 ≥ 0.42 on dev (**not met**
on validation: 0.400; 0.420 on held-out folds of the training side).

${quality.si.table}
` : ''}${quality.tc ? `
### Persuasion techniques: technique classification (SemEval-2020 Task 11 TC)

Micro-F1 over the given spans of the validation split carved from PTC train, \`predict tc\` output; per-class
scores below. Model card: \`models/technique-tc.md\`. Anchors: majority class 0.350 on this split; CyberWallE 0.664
on dev (published). Target of issue 4: TC micro-F1 ≥ 0.60 on dev (validation: just under).

${quality.tc.table}
` : ''}`
  : '';
const all = md + corpusSection() + apiSection() + qualityMd + keptSections();
writeFileSync(join(import.meta.dirname, '..', 'BENCHMARKS.md'), all);

/**
 * Sections that other bench scripts write (`<!-- section:NAME -->` … `<!-- /section:NAME -->`): a fresh
 * bench/out/NAME.md replaces the one in BENCHMARKS.md, otherwise the committed one is kept as it is.
 */
function keptSections(): string {
  const path = join(import.meta.dirname, '..', 'BENCHMARKS.md');
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const blocks: [string, string][] = [...current.matchAll(/<!-- section:([\w-]+) -->[\s\S]*?<!-- \/section:\1 -->/g)].map(([block, name]) => [block, name!]);
  // Sections new to BENCHMARKS.md (their benches came after it was last written: `scale` from `npm run bench:scale`)
  // join at the end once their bench has written bench/out/NAME.md.
  for (const name of ['scale', 'vector-index']) if (!blocks.some(([, n]) => n === name)) blocks.push(['', name]);
  return blocks
    .filter(([block, name]) => block !== '' || existsSync(join(import.meta.dirname, 'out', `${name}.md`)))
    .map(([block, name]) => {
      const fresh = join(import.meta.dirname, 'out', `${name}.md`);
      const body = existsSync(fresh) ? readFileSync(fresh, 'utf8').trim() : undefined;
      return `\n${body ? `<!-- section:${name} -->\n${body}\n<!-- /section:${name} -->` : block}\n`;
    })
    .join('');
}
console.log(all);
