// Turns bench/out/speed.json (from `npm run bench`) into BENCHMARKS.md, with targets and the command to reproduce.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const r = JSON.parse(readFileSync(join(import.meta.dirname, 'out', 'speed.json'), 'utf8'));
const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const perCore = r.text.wordsPerSecond;
const md = `# Benchmarks

Measured by \`npm run bench\` (then \`npm run bench:report\` writes this file) on ${r.date.slice(0, 10)}.
Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB RAM, Node ${r.machine.node}. All timings are
single-threaded (one core), medians over repeats; each is printed next to a baseline measured in the same process,
because ratios travel between machines better than absolute times.

## Speed

| what | claimtrace | baseline (same run) | ratio | target |
|---|---|---|---|---|
| full text pipeline (sentences, entities, quantities, attributions, claims, techniques, checks, report), ${n(r.text.documents)} PTC train articles, ${n(r.text.words)} words | **${n(perCore)} words/s** (${n(r.text.pipelineMs)} ms) | wink-nlp tokenizer alone: ${n(r.text.winkWordsPerSecond)} words/s | ${n(r.text.ratioToWink, 2)}× the tokenizer's time | ≥ 100,000 words/s per core |
| HTML → text + metadata, ${r.html.pages} pages of the article-extraction benchmark × ${r.html.repeats} | **${n(r.html.medianMsPerPage, 2)} ms/page** (median) | Readability.js + linkedom: ${n(r.html.readabilityMedianMsPerPage, 2)} ms/page | ${n(r.html.ratioToReadability, 2)}× | ≤ 10 ms/page |
| one ${n(r.memory.bytes / 2 ** 20, 1)} MB plain-text input (${n(r.memory.words)} words), child process | **${n(r.memory.peakRssMb)} MB peak RSS**, ${n(r.memory.ms / 1000, 1)} s | — | — | ≤ 300 MB |

Reproduce: \`npm run bench && npm run bench:report\` (needs \`../shared/data\` beside the checkout; set
\`CLAIMTRACE_SHARED\` to point elsewhere, \`BENCH_REPEATS\` for more repeats).
`;
writeFileSync(join(import.meta.dirname, '..', 'BENCHMARKS.md'), md);
console.log(md);
