// The trained propaganda-span finder: a token classifier (logistic regression over the features of features.ts)
// whose probabilities are turned into spans: runs of tokens at or above the threshold chosen on validation, with
// one-token gaps bridged. Each span carries the mean probability of its tokens as its score.
import { readFileSync } from 'node:fs';
import type { Range } from '../../../core/range.js';
import { decodeLogistic, probability, type LogisticModel } from '../../../learn/logistic.js';
import { buildSiSequences, type SiFeatureInput } from './features.js';

/** A loaded span finder. */
export interface SpanTagger {
  readonly model: LogisticModel;
  /** Token probability from which a token is inside a span. */
  readonly threshold: number;
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
  return { model, meta, threshold: Number(meta.threshold ?? 0.5), spanLemmas: new Map(Object.entries((meta.spanLemmas as Record<string, string> | undefined) ?? {})) };
}

let shared: SpanTagger | undefined;

/** The committed span finder, loaded on first use. */
export function defaultSpanTagger(): SpanTagger {
  shared ??= loadSpanTagger();
  return shared;
}

/** Propaganda spans of a document as scored character ranges, in text order. */
export function tagSpans(tagger: SpanTagger, input: Omit<SiFeatureInput, 'spanLemmas'>, threshold = tagger.threshold): ScoredSpan[] {
  const out: ScoredSpan[] = [];
  for (const seq of buildSiSequences({ ...input, spanLemmas: tagger.spanLemmas })) {
    const n = seq.tokens.length;
    const p = new Float64Array(n);
    for (let k = 0; k < n; k++) p[k] = probability(tagger.model, seq.features.subarray(seq.offsets[k]!, seq.offsets[k + 1]!));
    const inside = (k: number) => p[k]! >= threshold || (k > 0 && k < n - 1 && p[k - 1]! >= threshold && p[k + 1]! >= threshold);
    let k = 0;
    while (k < n) {
      if (!inside(k)) {
        k++;
        continue;
      }
      let to = k + 1;
      let sum = p[k]!;
      while (to < n && inside(to)) sum += p[to++]!;
      out.push({ start: input.tokens[seq.tokens[k]!]!.start, end: input.tokens[seq.tokens[to - 1]!]!.end, score: sum / (to - k) });
      k = to;
    }
  }
  return out;
}
