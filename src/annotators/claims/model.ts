// The trained check-worthiness model: loads the committed model once per process and scores sentences with a
// calibrated probability. The rule-based score in scoring.ts is the fallback when models are off.
import { readFileSync } from 'node:fs';
import { decodeLogistic, probability, type LogisticModel } from '../../learn/logistic.js';
import { checkworthyFeatures } from './model-features.js';

/** A loaded check-worthiness model with the decision threshold chosen on its validation split. */
export interface CheckworthyModel {
  readonly model: LogisticModel;
  /** The probability from which a sentence is labelled check-worthy (maximises validation F1). */
  readonly threshold: number;
  readonly meta: Record<string, unknown>;
}

/** Where the committed model lies (the same relative path from src/ and from dist/). */
export const DEFAULT_CHECKWORTHY_MODEL_URL = new URL('../../../models/checkworthy.bin', import.meta.url);

/** Reads a check-worthiness model from a model file. */
export function loadCheckworthyModel(file: URL | string = DEFAULT_CHECKWORTHY_MODEL_URL): CheckworthyModel {
  const { model, meta } = decodeLogistic(readFileSync(file));
  const threshold = typeof meta.threshold === 'number' ? meta.threshold : 0.5;
  return { model, threshold, meta };
}

let shared: CheckworthyModel | undefined;

/** The committed model, loaded on first use and shared by every pipeline of the process. */
export function defaultCheckworthyModel(): CheckworthyModel {
  shared ??= loadCheckworthyModel();
  return shared;
}

/** The calibrated probability (0..1, three decimals) that a sentence is check-worthy. */
export function scoreSentence(model: CheckworthyModel, text: string): number {
  return Math.round(probability(model.model, checkworthyFeatures(text)) * 1000) / 1000;
}
