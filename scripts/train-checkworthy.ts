// Trains the check-worthiness model on ClaimBuster (crowdsourced + groundtruth; these are also CheckThat! 2024
// English train + dev under the same ids; read and carved in checkworthy-data.ts) and writes models/checkworthy.bin
// (+ the validation id list).
// Reproducible: fixed seed, sorted inputs, a fixed validation split carved from the training side (every 10th group of
// identical normalised text, groups sorted by their smallest id). CheckThat! 2024 dev-test is scored as an anchor
// only, never used for a choice. Besides the model's stored figures it prints the AUC of every split and the F1 and AUC
// of out-of-fold predictions of the training side (5 folds of its groups; steadier than validation's 1,881 sentences),
// which are not stored in the model. Usage: npm run train:checkworthy [-- --check]   (reads ../shared/data at run time)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaUnderRoc, examplesOf, loadCheckworthyData, OPTIONS, ROOT, SEED, type Item } from './checkworthy-data.js';
import { bestThreshold, brierScore, decodeLogistic, encodeLogistic, fitPlatt, margin, positiveF1, reliability, sigmoid, trainLogistic, type Example, type LogisticModel, type LogisticOptions } from '../src/learn/logistic.js';

const { bits: BITS, epochs: EPOCHS, rate: RATE, l2: L2 } = OPTIONS;
const MODEL = join(ROOT, 'models', 'checkworthy.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'checkworthy.validation-ids.txt');
const FOLDS = 5;

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
  const { training, validation, trainingGroups, trainExamples, validationExamples, devTestExamples } = loadCheckworthyData();
  // Calibrate and score the model as it will be stored (16-bit weights), not the float one.
  const options: LogisticOptions = { bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 };
  const { model: trained } = decodeLogistic(encodeLogistic(trainLogistic(trainExamples, options), {}));
  const platt = fitPlatt(validationExamples.map((ex) => margin(trained, ex.features)), validationExamples.map((ex) => ex.label));
  const model = { ...trained, platt };
  const raw = evaluate(model, validationExamples, 0.5);
  const { threshold } = bestThreshold(raw.scores, raw.labels);
  const val = evaluate(model, validationExamples, threshold);
  const groundtruth = evaluate(model, examplesOf(validation.filter((i) => i.origin === 'groundtruth')), threshold);
  const anchor = evaluate(model, devTestExamples, threshold);
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
