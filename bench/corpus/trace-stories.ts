// The corpus benchmark's trace step, shared by `npm run bench:corpus` (run.ts, with latency and larger sizes) and the
// quality gate (bench/quality/trace-task.ts): which stories are traced from which appearance, and each trace scored
// against the planted truth (score-trace.ts).
import { performance } from 'node:perf_hooks';
import { traceQueryFromText } from '../../src/engine/trace-query.js';
import type { Store } from '../../src/store/types.js';
import { appearances, distractorsByStory, emptyCounts, scoreTrace, summarise, type Appearance } from './score-trace.js';
import { percentile, type Truth } from './write.js';

/** One trace to run: a story, its planted appearances, and the text a user would paste. */
export interface StoryQuery {
  readonly story: string;
  readonly text: string;
  readonly planted: readonly Appearance[];
}

/**
 * Up to `count` stories (those planted at least twice), each queried from its first paraphrased appearance (its first
 * appearance when none is paraphrased) and, where it has one, from its first retold appearance.
 */
export function storyQueries(truth: Truth, count: number): { fromParaphrase: StoryQuery[]; fromRetold: StoryQuery[] } {
  const stories = [...appearances(truth)].filter(([, a]) => a.length >= 2).slice(0, count);
  const first = (planted: readonly Appearance[], kind: string) => planted.find((a) => a.kind === kind);
  return {
    fromParaphrase: stories.map(([story, planted]) => ({ story, planted, text: (first(planted, 'paraphrase') ?? planted[0]!).text })),
    fromRetold: stories.flatMap(([story, planted]) => {
      const retold = first(planted, 'retold');
      return retold ? [{ story, planted, text: retold.text }] : [];
    }),
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Traces each query on the store: latency of the store query (and with the analysis of the typed text), and the counts against the planted truth. */
export async function traceAll(store: Store, truth: Truth, queries: readonly StoryQuery[]) {
  const distractors = distractorsByStory(truth);
  const counts = emptyCounts();
  const times: number[] = [];
  const endToEnd: number[] = [];
  for (const { story, text, planted } of queries) {
    const t = performance.now();
    const query = traceQueryFromText(text, { limit: 1000 });
    const t1 = performance.now();
    const result = await store.trace(query);
    times.push(performance.now() - t1);
    endToEnd.push(performance.now() - t);
    scoreTrace(counts, story, result.matches, truth, planted, distractors.get(story) ?? []);
  }
  times.sort((a, b) => a - b);
  endToEnd.sort((a, b) => a - b);
  return { traces: queries.length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), withAnalysisP50Ms: round(percentile(endToEnd, 50)), withAnalysisP95Ms: round(percentile(endToEnd, 95)), ...summarise(counts) };
}
