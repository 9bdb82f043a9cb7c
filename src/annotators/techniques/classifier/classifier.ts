// The trained technique classifier (PTC TC): loads the committed model once per process and ranks the 14 techniques
// for a given span, with the features that weighed most as a short explanation.
import { readFileSync } from 'node:fs';
import type { Technique } from '../../../core/annotations.js';
import type { Range } from '../../../core/range.js';
import { contributions, decodeSoftmax, predictProbabilities, type SoftmaxModel } from '../../../learn/softmax.js';
import { describeFeature } from './explain.js';
import { FEATURE_GROUPS, hashFeatures, spanFeatures, type ArticleContext, type FeatureGroup } from './features.js';

/** A loaded classifier: the model and the feature groups it was trained with. */
export interface TechniqueClassifier {
  readonly model: SoftmaxModel;
  readonly groups: ReadonlySet<FeatureGroup>;
  readonly meta: Record<string, unknown>;
}

/** A technique with its probability. */
export interface RankedTechnique {
  readonly technique: Technique;
  readonly probability: number;
}

/** The classification of one span: every technique, most probable first, and why the first one won. */
export interface SpanClassification {
  readonly ranked: readonly RankedTechnique[];
  /** The features that raised the top technique's score most, as (description, weight) pairs. */
  readonly evidence: readonly { readonly feature: string; readonly weight: number }[];
  /** The evidence as one short line, e.g. `the word "traitor"; wording occurs <=1 times in the article`. */
  readonly explanation: string;
}

/** Where the committed model lies (the same relative path from src/ and from dist/). */
export const DEFAULT_TC_MODEL_URL = new URL('../../../../models/technique-tc.bin', import.meta.url);

/** Reads a classifier from a model file. */
export function loadTechniqueClassifier(file: URL | string = DEFAULT_TC_MODEL_URL): TechniqueClassifier {
  const { model, meta } = decodeSoftmax(readFileSync(file));
  const groups = (meta.groups as FeatureGroup[] | undefined) ?? [...FEATURE_GROUPS];
  return { model, meta, groups: new Set(groups) };
}

let shared: TechniqueClassifier | undefined;

/** The committed classifier, loaded on first use and shared by every caller in the process. */
export function defaultTechniqueClassifier(): TechniqueClassifier {
  shared ??= loadTechniqueClassifier();
  return shared;
}

/** Ranks the techniques for the span `range` of the article `ctx`; `explain` evidence items (default 3). */
export function classifySpan(classifier: TechniqueClassifier, ctx: ArticleContext, range: Range, explain = 3): SpanClassification {
  const list = spanFeatures(ctx, range, classifier.groups);
  const { indices, values } = hashFeatures(list);
  const p = predictProbabilities(classifier.model, indices, values);
  const ranked = classifier.model.labels
    .map((technique, l) => ({ technique: technique as Technique, probability: p[l]! }))
    .sort((a, b) => b.probability - a.probability || a.technique.localeCompare(b.technique));
  if (explain <= 0) return { ranked, evidence: [], explanation: '' };
  const top = classifier.model.labels.indexOf(ranked[0]!.technique);
  const weights = contributions(classifier.model, indices, values, top);
  const best = new Map<string, number>();
  list.names.forEach((name, k) => {
    if (!(weights[k]! > 0)) return; // described only when it can count: most of a span's features weigh against the winner
    const feature = describe(name);
    if (weights[k]! > (best.get(feature) ?? 0)) best.set(feature, weights[k]!);
  });
  const evidence = [...best]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, explain)
    .map(([feature, weight]) => ({ feature, weight: Math.round(weight * 1000) / 1000 }));
  return { ranked, evidence, explanation: evidence.map((e) => e.feature).join('; ') };
}

/**
 * describeFeature, remembered for the word-vector dimensions ('vec=…', 'cvec=…'): the same 200 name strings in every
 * span, so the look-up is cheap; other names are mostly new strings, described directly.
 */
const DESCRIBED = new Map<string, string>();
function describe(name: string): string {
  if (!name.startsWith('vec=') && !name.startsWith('cvec=')) return describeFeature(name);
  let feature = DESCRIBED.get(name);
  if (feature === undefined) DESCRIBED.set(name, (feature = describeFeature(name)));
  return feature;
}
