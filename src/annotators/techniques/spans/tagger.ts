// The trained propaganda-span finder: a token classifier (logistic regression over the features of features.ts)
// whose probabilities are turned into at most one span per sentence. A sentence holds a span when one of its tokens
// reaches the seed threshold; each seed grows over its neighbours while they stay at or above the extent threshold,
// and the sentence's span runs from the first grown region to the last. (The SI metric credits a predicted span for
// every gold span it covers, and PTC annotators often mark several phrases of one sentence: one span from the first
// to the last confident region scored best on out-of-fold training articles, ahead of separate runs.) Each span
// carries the mean probability of its tokens as its score.
import { readFileSync } from 'node:fs';
import type { Range } from '../../../core/range.js';
import { decodeLogistic, marginOf, sigmoid, type LogisticModel } from '../../../learn/logistic.js';
import { buildSiSequences, type SiFeatureInput } from './features.js';

/** A loaded span finder. */
export interface SpanTagger {
  readonly model: LogisticModel;
  /** Seed threshold: a sentence holds a span when one of its tokens reaches this probability. */
  readonly threshold: number;
  /** Extent threshold: a seed grows over neighbouring tokens at or above this probability. */
  readonly extent?: number;
  readonly spanLemmas: ReadonlyMap<string, string>;
  readonly meta: Record<string, unknown>;
}

/** A propaganda span with its score (mean token probability). */
export interface ScoredSpan extends Range {
  readonly score: number;
}

/** Where the committed model lies (the same relative path from src/ and from dist/). */
export const DEFAULT_SI_MODEL_URL = new URL('../../../../models/technique-si.bin', import.meta.url);

/** Reads a span finder from a model file. */
export function loadSpanTagger(file: URL | string = DEFAULT_SI_MODEL_URL): SpanTagger {
  const { model, meta } = decodeLogistic(readFileSync(file));
  const threshold = Number(meta.threshold ?? 0.5);
  return { model, meta, threshold, extent: Number(meta.extent ?? threshold), spanLemmas: new Map(Object.entries((meta.spanLemmas as Record<string, string> | undefined) ?? {})) };
}

let shared: SpanTagger | undefined;

/** The committed span finder, loaded on first use. */
export function defaultSpanTagger(): SpanTagger {
  shared ??= loadSpanTagger();
  return shared;
}

/** The token range [first, end) of a sentence's span under seed and extent thresholds, or undefined when no token is a seed. */
export function sentenceSpan(p: ArrayLike<number>, seed: number, extent: number): [number, number] | undefined {
  const n = p.length;
  let first = -1;
  let last = -1;
  for (let k = 0; k < n; k++) {
    if (p[k]! < seed) continue;
    if (first < 0) first = k;
    last = k;
  }
  if (first < 0) return undefined;
  while (first > 0 && p[first - 1]! >= extent) first--;
  while (last < n - 1 && p[last + 1]! >= extent) last++;
  return [first, last + 1];
}

/** Propaganda spans of a document as scored character ranges, in text order (at most one per sentence). */
export function tagSpans(tagger: SpanTagger, input: Omit<SiFeatureInput, 'spanLemmas'>, threshold = tagger.threshold, extent = Math.min(threshold, tagger.extent ?? threshold)): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  for (const seq of buildSiSequences({ ...input, spanLemmas: tagger.spanLemmas })) {
    const p = tokenProbabilities(tagger, seq);
    const span = sentenceSpan(p, threshold, extent);
    if (!span) continue;
    let sum = 0;
    for (let k = span[0]; k < span[1]; k++) sum += p[k]!;
    out.push({ start: input.tokens[seq.tokens[span[0]]!]!.start, end: input.tokens[seq.tokens[span[1] - 1]!]!.end, score: sum / (span[1] - span[0]) });
  }
  return out;
}

/** The calibrated in-span probability of each token of one sentence sequence. */
export function tokenProbabilities(tagger: Pick<SpanTagger, 'model'>, seq: { readonly tokens: Int32Array; readonly features: Int32Array; readonly offsets: Int32Array }): Float64Array {
  const p = new Float64Array(seq.tokens.length);
  const { model } = tagger;
  for (let k = 0; k < p.length; k++) p[k] = sigmoid(model.platt.a * marginOf(model, seq.features, seq.offsets[k]!, seq.offsets[k + 1]!) + model.platt.b);
  return p;
}
