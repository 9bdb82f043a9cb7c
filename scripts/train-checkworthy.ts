// Trains the check-worthiness model on ClaimBuster (crowdsourced + groundtruth; these are also CheckThat! 2024
// English train + dev under the same ids) and writes models/checkworthy.bin (+ the validation id list).
// Reproducible: fixed seed, sorted inputs, a fixed validation split carved from the training side (every 10th group of
// identical normalised text, groups sorted by their smallest id). CheckThat! 2024 dev-test is scored as an anchor
// only, never used for a choice. Besides the model's stored figures it prints the AUC of every split and the F1 and AUC
// of out-of-fold predictions of the training side (5 folds of its groups; steadier than validation's 1,881 sentences),
// which are not stored in the model. Usage: npm run train:checkworthy [-- --check]   (reads ../shared/data at run time)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkworthyFeatures } from '../src/annotators/claims/model-features.js';
import { readTable } from '../src/engine/predict/checkworthy.js';
import { bestThreshold, brierScore, decodeLogistic, encodeLogistic, fitPlatt, margin, positiveF1, reliability, sigmoid, trainLogistic, type Example, type LogisticModel, type LogisticOptions } from '../src/learn/logistic.js';

const SEED = 20261124;
const BITS = Number(process.env.BITS ?? 20);
const EPOCHS = Number(process.env.EPOCHS ?? 3);
const RATE = Number(process.env.RATE ?? 0.01);
const L2 = Number(process.env.L2 ?? 1e-2);
const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const DATA = join(SHARED, 'data');
const MODEL = join(ROOT, 'models', 'checkworthy.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'checkworthy.validation-ids.txt');
const FOLDS = 5;

interface Item {
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
function areaUnderRoc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
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

/**
 * Out-of-fold figures of the training side: fold f of its groups (every FOLDS-th group from f) is scored by a model
 * trained on the others and calibrated by Platt scaling on the fold itself; over all 16,945 predictions, the F1-best
 * threshold, its F1 and the AUC. Printed only, never used for a choice.
 */
function outOfFold(groups: readonly Item[][], options: LogisticOptions): { threshold: number; f1: number; auc: number } {
  const scores: number[] = [];
  const labels: (0 | 1)[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainLogistic(examplesOf(groups.filter((_, k) => k % FOLDS !== fold).flat()), options);
    const held = examplesOf(groups.filter((_, k) => k % FOLDS === fold).flat());
    const margins = held.map((ex) => margin(model, ex.features));
    const platt = fitPlatt(margins, held.map((ex) => ex.label));
    margins.forEach((m, k) => (scores.push(sigmoid(platt.a * m + platt.b)), labels.push(held[k]!.label)));
  }
  const best = bestThreshold(scores, labels);
  return { threshold: best.threshold, f1: Number(best.f1.toFixed(4)), auc: Number(areaUnderRoc(scores, labels).toFixed(4)) };
}

const examplesOf = (items: readonly Item[]): Example[] => items.map((item) => ({ features: checkworthyFeatures(item.text), label: item.label }));

/** Scores of a calibrated model on a set: F1 at the threshold, Brier score. */
function evaluate(model: LogisticModel, examples: readonly Example[], threshold: number) {
  const labels = examples.map((ex) => ex.label);
  const scores = examples.map((ex) => sigmoid(model.platt.a * margin(model, ex.features) + model.platt.b));
  const prf = positiveF1(scores, labels, threshold);
  const round = (x: number) => Number(x.toFixed(4));
  return { n: examples.length, positives: labels.filter((y) => y === 1).length, precision: round(prf.precision), recall: round(prf.recall), f1: round(prf.f1), brier: round(brierScore(scores, labels)), scores, labels };
}

/** Compares a fresh training run with the committed files; exits non-zero on any difference. */
function check(file: Buffer, ids: string): void {
  const same = existsSync(MODEL) && readFileSync(MODEL).equals(file) && readFileSync(VALIDATION_IDS, 'utf8') === ids;
  console.log(same ? 'train:checkworthy --check: the committed model is reproduced byte for byte' : 'train:checkworthy --check: the committed model differs from a fresh training run; run npm run train:checkworthy and commit');
  if (!same) process.exitCode = 1;
}

function main(): void {
  const t0 = performance.now();
  const all = [...claimBuster('crowdsourced.csv', 'crowdsourced'), ...claimBuster('groundtruth.csv', 'groundtruth')];
  const { training, validation, trainingGroups } = carve(all);
  const devTest = checkThat24('CT24_checkworthy_english_dev-test.tsv');
  const trainExamples = examplesOf(training);
  const validationExamples = examplesOf(validation);
  // Calibrate and score the model as it will be stored (16-bit weights), not the float one.
  const options: LogisticOptions = { bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 };
  const { model: trained } = decodeLogistic(encodeLogistic(trainLogistic(trainExamples, options), {}));
  const platt = fitPlatt(validationExamples.map((ex) => margin(trained, ex.features)), validationExamples.map((ex) => ex.label));
  const model = { ...trained, platt };
  const raw = evaluate(model, validationExamples, 0.5);
  const { threshold } = bestThreshold(raw.scores, raw.labels);
  const val = evaluate(model, validationExamples, threshold);
  const groundtruth = evaluate(model, examplesOf(validation.filter((i) => i.origin === 'groundtruth')), threshold);
  const anchor = evaluate(model, examplesOf(devTest), threshold);
  const seconds = (performance.now() - t0) / 1000;
  const strip = ({ scores: _s, labels: _l, ...rest }: ReturnType<typeof evaluate>) => rest;
  const meta = {
    name: 'checkworthy',
    data: 'ClaimBuster crowdsourced.csv + groundtruth.csv (shared 80%; = CheckThat! 2024 English train + dev), CFS = positive; validation = every 10th group of identical normalised text by smallest id',
    seed: SEED,
    bits: BITS,
    epochs: EPOCHS,
    rate: RATE,
    l2: L2,
    threshold,
    trainingSentences: training.length,
    validationSentences: validation.length,
    validation: strip(val),
    validationGroundtruth: strip(groundtruth),
    checkThat2024DevTest: strip(anchor),
    reliability: reliability(val.scores, val.labels).map((r) => ({ ...r, meanScore: Number(r.meanScore.toFixed(3)), positiveRate: Number(r.positiveRate.toFixed(3)) })),
  };
  console.log(JSON.stringify({ ...meta, reliability: undefined }, null, 1));
  console.table(meta.reliability);
  const auc = (e: ReturnType<typeof evaluate>) => Number(areaUnderRoc(e.scores, e.labels).toFixed(4));
  console.log(JSON.stringify({ auc: { validation: auc(val), validationGroundtruth: auc(groundtruth), checkThat2024DevTest: auc(anchor) }, trainingOutOfFold: { folds: FOLDS, ...outOfFold(trainingGroups, options) } }));
  const file = encodeLogistic(model, meta);
  const ids = `${validation.map((i) => i.id).sort((a, b) => Number(a) - Number(b)).join('\n')}\n`;
  if (process.argv.includes('--check')) return check(file, ids);
  if (process.argv.includes('--dry')) return void console.log(`(dry run: ${(file.length / 1e6).toFixed(2)} MB, ${seconds.toFixed(1)} s)`);
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, ids);
  console.log(`wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

main();
