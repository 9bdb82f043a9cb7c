// Trace quality on the seeded corpus (bench/corpus, 1,000 articles, seed 42), for the quality gate: the corpus is
// generated and ingested into a fresh SQLite store by the full pipeline (one worker), and each planted story (up to 100,
// those planted twice or more) is traced from its first paraphrased appearance and from its first retold one; recall
// and precision are scored against the planted truth as `npm run bench:corpus` scores them (bench/corpus/score-trace.ts).
// The project's own generated text, no third-party data; the hash is of the generated corpus, so a generator change
// asks for new floors.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveOptions } from '../../src/engine/analyze.js';
import { ingest } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { summarise } from '../corpus/score-trace.js';
import { storyQueries, traceAll } from '../corpus/trace-stories.js';
import { writeCorpus } from '../corpus/write.js';

export interface TraceQuality {
  readonly dataSha256: string;
  readonly articles: number;
  readonly stories: number;
  readonly fromParaphrase: ReturnType<typeof summarise>;
  readonly fromRetold: ReturnType<typeof summarise>;
  readonly ms: number;
}

const ARTICLES = 1000;
const STORIES = 100;

/** Generates, ingests and traces the 1,000-article corpus; the store is removed afterwards. */
export async function runTraceQuality(): Promise<TraceQuality> {
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-trace-quality-'));
  try {
    const corpus = join(dir, 'corpus.jsonl');
    const truth = writeCorpus(corpus, ARTICLES);
    const dataSha256 = createHash('sha256').update(readFileSync(corpus)).digest('hex');
    const store = await openSqliteStore(join(dir, 'corpus.db'));
    try {
      await ingest([corpus], store, { analyze: resolveOptions({}), workers: 1 });
      const { fromParaphrase: paraphrased, fromRetold: retold } = storyQueries(truth, STORIES);
      const fromParaphrase = await traceAll(store, truth, paraphrased);
      const fromRetold = await traceAll(store, truth, retold);
      return { dataSha256, articles: ARTICLES, stories: paraphrased.length, fromParaphrase, fromRetold, ms: performance.now() - t0 };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The gated figures. */
export function traceGateScores(q: TraceQuality): Record<string, number> {
  return {
    recall: q.fromParaphrase.recall,
    precision: q.fromParaphrase.precision,
    'retold-query recall': q.fromRetold.recall,
    'retold-query precision': q.fromRetold.precision,
  };
}

/** A Markdown table of the figures. */
export function traceTable(q: TraceQuality): string {
  const row = (label: string, s: TraceQuality['fromParaphrase']) => `| ${label} | ${s.recall.toFixed(4)} | ${s.precision.toFixed(4)} | ${s.byKind.paraphrase!.recall.toFixed(4)} / ${s.byKind.retold!.recall.toFixed(4)} | ${s.wordSharing.matched} of ${s.wordSharing.planted} |`;
  return ['| query | recall | precision | recall: paraphrased / retold | word-sharing look-alikes matched |', '|---|---|---|---|---|', row('first paraphrased appearance', q.fromParaphrase), row('first retold appearance', q.fromRetold)].join('\n');
}
