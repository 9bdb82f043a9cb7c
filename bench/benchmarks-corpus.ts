// BENCHMARKS.md section for the corpus (bench/out/corpus.json, `npm run bench:corpus`), left out when its results file
// is missing. The HTTP API section is written by `npm run bench:api` itself (bench/out/api.md, section `api`).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const n = (x: number, d = 0) => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const met = (ok: boolean) => (ok ? 'yes' : '**no**');
const read = (name: string) => {
  const path = join(import.meta.dirname, 'out', name);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
};

interface CorpusRun {
  size: number;
  workers: number;
  articles: number;
  failed: number;
  articlesPerSecond: number;
  bytesPerArticle: number;
  timingsMs: { read: number; extract: number; analyze: number; store: number };
  search: { p50Ms: number; p95Ms: number; meanHits: number };
  trace: {
    traces: number; p50Ms: number; p95Ms: number; withAnalysisP50Ms: number; withAnalysisP95Ms: number; recall: number; precision: number; relevant: number; returned: number;
    /** Recall by kind of appearance (generators with retold stories). */
    byKind?: Record<string, { recall: number }>;
    /** Distractors that share the story's words but claim something else: how many were matched. */
    wordSharing?: { matched: number; planted: number };
  };
}

function corpusRow(r: CorpusRun): string {
  const t = r.timingsMs;
  const per = (ms: number) => n(ms / r.articles, 1);
  return `| ${n(r.size)} | ${r.workers} | **${n(r.articlesPerSecond, 1)}** | ${per(t.analyze)} / ${per(t.store)} | ${n(r.bytesPerArticle / 1024, 1)} KiB | ${n(r.search.p50Ms, 1)} / **${n(r.search.p95Ms, 1)}** ms | ${n(r.trace.p50Ms, 1)} / **${n(r.trace.p95Ms, 1)}** ms (${n(r.trace.withAnalysisP95Ms, 1)} ms p95 with the analysis of the typed claim) | **${n(r.trace.recall, 3)}** / **${n(r.trace.precision, 3)}** (${r.trace.traces} stories, ${n(r.trace.relevant)} appearances${kinds(r)}) |`;
}

/** Recall of paraphrased and retold appearances, and look-alike distractors matched, when the corpus has them. */
function kinds(r: CorpusRun): string {
  const k = r.trace.byKind;
  if (!k?.retold) return '';
  const ws = r.trace.wordSharing;
  return `; recall paraphrased ${n(k.paraphrase?.recall ?? 0, 3)}, retold ${n(k.retold.recall, 3)}${ws ? `; look-alikes matched ${ws.matched} of ${ws.planted}` : ''}`;
}

/** The store's write cost measured alone (bench/out/store.json, \`npm run bench:store\`), or a pointer to that command. */
function storeNote(): string {
  const st = read('store.json');
  if (!st) return 'a few ms per article on the main thread (`npm run bench:store` measures it)';
  const rows = st.rows as { batch: number; msPerArticle: number; ratio: number }[];
  const base = rows.find((r) => r.batch === 1)!;
  const best = rows.reduce((a, b) => (b.msPerArticle < a.msPerArticle ? b : a));
  return `${n(best.msPerArticle, 2)} ms per article measured alone with ${best.batch} articles per transaction, against ${n(base.msPerArticle, 2)} ms with one (${n(best.ratio, 2)}×; \`npm run bench:store\`, ${st.articles} analysed articles, ${st.date.slice(0, 10)}): rows and two FTS5 indexes, with the articles that are ready committed together, up to 64 per transaction`;
}

/** The corpus section: ingest rate, size, search and trace latency and trace quality per corpus size. */
export function corpusSection(): string {
  const c = read('corpus.json');
  if (!c) return '';
  const large = read('corpus-100k.json');
  const runs = [...(c.runs as CorpusRun[]), ...((large?.runs ?? []) as CorpusRun[])];
  const largest = runs.reduce((a, b) => (b.size > a.size ? b : a));
  const fastest = Math.max(...runs.map((r) => r.articlesPerSecond));
  return `
## Corpus: ingest, search, trace (issue 5)

\`${c.command}\`${large ? ` and \`${large.command}\`` : ''} on ${c.date.slice(0, 10)}, ${c.machine.cpus} × ${c.machine.model}, Node ${c.machine.node}. The corpus
is written by the project's seeded generator (\`bench/corpus/generate.ts\`, seed 42): ~800-word articles from six
invented outlets over two years; 30 % carry a planted claim from one of ~${n(Math.round(largest.size * 0.3 / 12))} stories
(one claim family, one place, one figure, told in four paraphrases, five number formats and with varying sources,
the earliest reports with a mutated figure), and 15 % a distractor (the story's figure about something else, or its
wording and figure about another place).${largest.trace.byKind?.retold ? ` A third of a story's appearances are retold in other words (synonyms, passive
and noun forms, other attributions, more number formats: "23 thousand", "4.5k"), sharing at most two content words
with its paraphrases, and 12 % of articles carry a look-alike that shares the story's words and town but claims
something else (another event or actor with the same figure, or a figure 2.5–4 times off).` : ''} Ingest runs the full pipeline with the trained models into SQLite. Trace
queries are the text of a story's first planted appearance, as a user would paste it; a match is right when its
article carries that story and the matched claim overlaps it. Search mixes 12 queries with and without a site filter.

| articles | workers | ingest articles/s | ms per article: analysis / store | DB size per article | search p50 / p95 | trace p50 / p95 (store query) | trace recall / precision |
|---|---|---|---|---|---|---|---|
${runs.map(corpusRow).join('\n')}

Targets of issue 5: ≥ 200 articles/s on 2 cores (${met(fastest >= 200)}: ${n(fastest, 1)}); at ${n(largest.size)} articles,
trace p95 ≤ 100 ms (${met(largest.trace.p95Ms <= 100)}), search p95 ≤ 50 ms (${met(largest.search.p95Ms <= 50)}), trace recall ≥ 0.95
(${met(largest.trace.recall >= 0.95)}) and precision ≥ 0.95 (${met(largest.trace.precision >= 0.95)}).
Analysis dominates ingest: the full pipeline with the models runs at ~61,000 words/s per core (Speed above), about
10–13 ms of one core for an 800-word article, and the store adds ${storeNote()}.
The table's per-article times are wall times on threads that share the two cores, hence higher. Two cores cannot
reach 200 articles/s with the models on; worker threads overlap the analyses with the store writer. Trace reads the postings of the query's
rarest words and figures only (prefix filtering), claims naming the query's place first, and screens candidates on
their words before reading their figures and attributions. Its latencies are of queries run one after another on one
open store, as the server runs them: claim counts per word are remembered between queries. The
100,000-article size is run separately (\`CORPUS_SIZES=100000 CORPUS_WORKERS=2 CORPUS_OUT=corpus-100k.json\`, ~20 min)
and joins this table when its results are there.
`;
}

/**
 * The HTTP API section is now a kept section of its own (`<!-- section:api -->`): `npm run bench:api` writes
 * bench/out/api.md, which bench:report puts between its markers. Nothing is written here any more.
 */
export function apiSection(): string {
  return '';
}
