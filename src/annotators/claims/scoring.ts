import type { ClaimKind } from '../../core/annotations.js';
import type { FeatureId, SentenceFeatures } from './features.js';
import weights from './weights.json' with { type: 'json' };

/** One feature weight from weights.json. */
export interface FeatureWeight {
  readonly id: FeatureId;
  readonly weight: number;
  readonly perExtra: number;
  readonly maxExtra: number;
  readonly reason: string;
}

/** The default feature weights. */
export const DEFAULT_WEIGHTS: readonly FeatureWeight[] = Object.freeze(weights.features as FeatureWeight[]);
/** The default bias (the score of a sentence with no features, before the logistic). */
export const DEFAULT_BIAS: number = weights.bias.weight;
/** Quantity kinds that make a sentence a statistic (not years, ordinals or durations). */
export const STATISTIC_KINDS: readonly string[] = Object.freeze([...weights.statisticKinds.kinds]);

/** Maps the weighted feature sum through a logistic to 0..1, rounded to three decimals. */
export function checkworthiness(
  counts: SentenceFeatures['counts'],
  table: readonly FeatureWeight[] = DEFAULT_WEIGHTS,
  bias = DEFAULT_BIAS,
): number {
  let sum = bias;
  for (const w of table) {
    const n = counts[w.id] ?? 0;
    if (n > 0) sum += w.weight + w.perExtra * Math.min(n - 1, w.maxExtra);
  }
  return Math.round(1000 / (1 + Math.exp(-sum))) / 1000;
}

const OPINION_MARKERS: readonly FeatureId[] = ['person', 'modal', 'evaluative', 'discourse'];

/**
 * What the sentence asserts. A question is an opinion whatever it holds, a scheduled event a prediction; then statistic, quote, prediction,
 * causal; opinion markers make it an opinion only when no source is given for it; else an event.
 */
export function claimKindOf(features: SentenceFeatures, attributed: boolean): ClaimKind {
  const { counts } = features;
  if (counts.question) return 'opinion';
  // A scheduled event is a plan whatever it counts ("will open three clinics from Monday").
  if (features.scheduled) return 'prediction';
  if (counts.statistic) return 'statistic';
  if (features.hasQuote && attributed) return 'quote';
  if (counts.prediction) return 'prediction';
  if (counts.causal) return 'causal';
  if (!attributed && OPINION_MARKERS.some((id) => counts[id])) return 'opinion';
  return 'event';
}
