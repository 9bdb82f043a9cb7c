// The data and the fit of the check-worthiness model, shared by its trainer (train-checkworthy.ts) and the news
// cross-validation (cv-checkworthy-news.ts): ClaimBuster (crowdsourced + groundtruth; these are also CheckThat! 2024
// English train + dev under the same ids) carved into training and validation, CheckThat! 2024 dev-test as an anchor,
// and the usable claim rows of news tune articles (bench/news/tune; never the validation half).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkworthyFeatures } from '../src/annotators/claims/model-features.js';
import { readTable } from '../src/engine/predict/checkworthy.js';
import { bestThreshold, decodeLogistic, encodeLogistic, fitPlatt, margin, positiveF1, sigmoid, trainLogistic, type Example, type LogisticModel, type LogisticOptions } from '../src/learn/logistic.js';
import type { NewsGold } from '../bench/quality/news-metric.js';

export const SEED = 20261124;
export const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const DATA = join(SHARED, 'data');
const TUNE = join(ROOT, 'bench', 'news', 'tune');

/** Training settings (environment overrides for experiments). */
export const OPTIONS: LogisticOptions = {
  bits: Number(process.env.BITS ?? 20),
  epochs: Number(process.env.EPOCHS ?? 3),
  seed: SEED,
  rate: Number(process.env.RATE ?? 0.01),
  l2: Number(process.env.L2 ?? 1e-2),
};

export interface Item {
  readonly id: string;
  readonly text: string;
  readonly label: 0 | 1;
  readonly origin: string;
}

/** Rows of a ClaimBuster CSV: Verdict 1 (CFS) is check-worthy; UFS (0) and NFS (-1) are not. */
function claimBuster(file: string, origin: string): Item[] {
  const { columns, rows } = readTable(readFileSync(join(DATA, 'claimbuster', file), 'utf8'), ',');
  const [id, text, verdict] = ['Sentence_id', 'Text', 'Verdict'].map((c) => columns.indexOf(c));
  return rows.map(({ fields }) => ({ id: fields[id!]!, text: fields[text!]!, label: fields[verdict!]!.trim() === '1' ? 1 : 0, origin }));
}

/** Rows of a CheckThat! 2024 TSV (class_label Yes / No). */
function checkThat24(file: string): Item[] {
  const { columns, rows } = readTable(readFileSync(join(DATA, 'clef-checkthat-en', 'ct24-task1-english', file), 'utf8'));
  const [id, text, label] = ['Sentence_id', 'Text', 'class_label'].map((c) => columns.indexOf(c));
  return rows.map(({ fields }) => ({ id: fields[id!]!, text: fields[text!]!, label: fields[label!]!.trim() === 'Yes' ? 1 : 0, origin: 'ct24-dev-test' }));
}

/** The normalised text that groups duplicates (lower-cased, non-word runs collapsed), as the holdout was made. */
const normalise = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim();

/** Splits items into training and validation: every 10th group of identical normalised text, by smallest id; the training groups in the same order. */
function carve(items: readonly Item[]): { training: Item[]; validation: Item[]; trainingGroups: Item[][] } {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(normalise(item.text), [...(groups.get(normalise(item.text)) ?? []), item]);
  const ordered = [...groups.values()].sort((a, b) => Math.min(...a.map((i) => Number(i.id))) - Math.min(...b.map((i) => Number(i.id))));
  const trainingGroups: Item[][] = [];
  const validation: Item[] = [];
  ordered.forEach((group, k) => (k % 10 === 0 ? validation.push(...group) : trainingGroups.push(group)));
  return { training: trainingGroups.flat(), validation, trainingGroups };
}

/** The area under the ROC curve of scores against labels (tied scores count half). */
export function areaUnderRoc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let [rankSum, positives, i] = [0, 0, 0];
  while (i < order.length) {
    let j = i;
    while (j < order.length && scores[order[j]!] === scores[order[i]!]) j++;
    for (let k = i; k < j; k++) if (labels[order[k]!] === 1) [rankSum, positives] = [rankSum + (i + 1 + j) / 2, positives + 1];
    i = j;
  }
  return (rankSum - (positives * (positives + 1)) / 2) / Math.max(1, positives * (labels.length - positives));
}

export const examplesOf = (items: readonly Item[]): Example[] => items.map((item) => ({ features: checkworthyFeatures(item.text), label: item.label }));

/** ClaimBuster carved, CheckThat! 2024 dev-test, and the examples of each (features computed once). */
export interface CheckworthyData {
  readonly training: Item[];
  readonly validation: Item[];
  readonly trainingGroups: Item[][];
  readonly devTest: Item[];
  readonly trainExamples: Example[];
  readonly validationExamples: Example[];
  readonly devTestExamples: Example[];
}

export function loadCheckworthyData(): CheckworthyData {
  const all = [...claimBuster('crowdsourced.csv', 'crowdsourced'), ...claimBuster('groundtruth.csv', 'groundtruth')];
  const { training, validation, trainingGroups } = carve(all);
  const devTest = checkThat24('CT24_checkworthy_english_dev-test.tsv');
  return { training, validation, trainingGroups, devTest, trainExamples: examplesOf(training), validationExamples: examplesOf(validation), devTestExamples: examplesOf(devTest) };
}

/**
 * Why-notes of unflagged gold claims whose source the gold carries over from an earlier sentence (a continued
 * quotation, the results, breakdown or method of a poll, survey, study or count named before): such a sentence may be
 * check-worthy and is only covered by a source, so it is no negative.
 */
const CARRIED_WHY = /quot|poll|survey|study|census|count|consult|named|respond|figures|breakdown|result|method|disclosure|summary|carr|continu|sourc|attribut|list|added|pronoun|report|trial|accounts/i;
const OPENING_QUOTE = /^["“‘'«]/;

/**
 * The claim rows of news tune articles usable for check-worthiness: a flagged sentence (check-worthy and unsourced)
 * is a positive; an unflagged one is a negative only when no gold attribution (cue or source) lies in it, it does not
 * open with a quotation mark, and its why-note does not say it is covered by an earlier source (CARRIED_WHY). Every
 * other unflagged sentence is sourced, and its check-worthiness unknown: it is left out.
 */
export function newsRows(articles: readonly NewsGold[]): Item[] {
  const rows: Item[] = [];
  for (const gold of [...articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    const file = JSON.parse(readFileSync(join(TUNE, `${gold.id}.json`), 'utf8')) as { id: string; claims: { why?: string }[] };
    if (file.id !== gold.id) throw new Error(`${gold.id}: gold file id ${file.id}`);
    const marks = gold.attributions.flatMap((a) => (a.source ? [a.cue, a.source] : [a.cue]));
    gold.claims.forEach((claim, k) => {
      const text = gold.text.slice(claim.start, claim.end);
      const id = `${gold.id}#${k}`;
      if (claim.flag) return void rows.push({ id, text, label: 1, origin: 'news' });
      if (marks.some((m) => m.start < claim.end && m.end > claim.start)) return;
      if (OPENING_QUOTE.test(text.trim()) || CARRIED_WHY.test(file.claims[k]?.why ?? '')) return;
      rows.push({ id, text, label: 0, origin: 'news' });
    });
  }
  return rows;
}

/** Scores of a calibrated model on a set: F1 at the threshold, AUC. */
export function scoresOn(model: LogisticModel, examples: readonly Example[]) {
  return { scores: examples.map((ex) => sigmoid(model.platt.a * margin(model, ex.features) + model.platt.b)), labels: examples.map((ex) => ex.label) };
}

/**
 * Trains on the ClaimBuster training side plus extra rows (each repeated NEWS_WEIGHT times; none when 0), stores the
 * weights as 16-bit (as the file does), calibrates by Platt scaling on validation, and returns the model, its
 * threshold (best validation F1) and figures.
 */
export function fitCheckworthy(data: CheckworthyData, extra: readonly Item[], newsWeight = Number(process.env.NEWS_WEIGHT ?? 0), negativeWeight = Number(process.env.NEWS_NEG_WEIGHT ?? newsWeight), options: LogisticOptions = OPTIONS) {
  const extraExamples = examplesOf(extra);
  const examples = [...data.trainExamples];
  for (let copy = 0; copy < Math.max(newsWeight, negativeWeight); copy++) examples.push(...extraExamples.filter((ex) => (ex.label === 1 ? copy < newsWeight : copy < negativeWeight)));
  const { model: trained } = decodeLogistic(encodeLogistic(trainLogistic(examples, options), {}));
  const platt = fitPlatt(data.validationExamples.map((ex) => margin(trained, ex.features)), data.validationExamples.map((ex) => ex.label));
  const model = { ...trained, platt };
  const val = scoresOn(model, data.validationExamples);
  const { threshold } = bestThreshold(val.scores, val.labels);
  const dev = scoresOn(model, data.devTestExamples);
  const round = (x: number) => Number(x.toFixed(4));
  const figures = {
    threshold,
    validationF1: round(positiveF1(val.scores, val.labels, threshold).f1),
    validationAuc: round(areaUnderRoc(val.scores, val.labels)),
    devTestF1: round(positiveF1(dev.scores, dev.labels, threshold).f1),
    devTestAuc: round(areaUnderRoc(dev.scores, dev.labels)),
  };
  return { model, threshold, figures, newsRows: [extraExamples.filter((ex) => ex.label === 1).length, extraExamples.filter((ex) => ex.label === 0).length] };
}
