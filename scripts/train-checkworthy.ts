// Trains the check-worthiness model on ClaimBuster (crowdsourced + groundtruth; these are also CheckThat! 2024
// English train + dev under the same ids) and writes models/checkworthy.bin (+ the validation id list).
// Reproducible: fixed seed, sorted inputs, a fixed validation split carved from the training side (every 10th group of
// identical normalised text, groups sorted by their smallest id). CheckThat! 2024 dev-test is scored as an anchor
// only, never used for a choice. Usage: npm run train:checkworthy [-- --check]   (reads ../shared/data at run time)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkworthyFeatures } from '../src/annotators/claims/model-features.js';
import { readTable } from '../src/engine/predict/checkworthy.js';
import { bestThreshold, brierScore, decodeLogistic, encodeLogistic, fitPlatt, margin, positiveF1, reliability, sigmoid, trainLogistic, type Example, type LogisticModel } from '../src/learn/logistic.js';

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

/** Splits items into training and validation: every 10th group of identical normalised text, by smallest id. */
function carve(items: readonly Item[]): { training: Item[]; validation: Item[] } {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(normalise(item.text), [...(groups.get(normalise(item.text)) ?? []), item]);
  const ordered = [...groups.values()].sort((a, b) => Math.min(...a.map((i) => Number(i.id))) - Math.min(...b.map((i) => Number(i.id))));
  const training: Item[] = [];
  const validation: Item[] = [];
  ordered.forEach((group, k) => (k % 10 === 0 ? validation : training).push(...group));
  return { training, validation };
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
  const { training, validation } = carve(all);
  const devTest = checkThat24('CT24_checkworthy_english_dev-test.tsv');
  const trainExamples = examplesOf(training);
  const validationExamples = examplesOf(validation);
  // Calibrate and score the model as it will be stored (16-bit weights), not the float one.
  const { model: trained } = decodeLogistic(encodeLogistic(trainLogistic(trainExamples, { bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 }), {}));
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
  const file = encodeLogistic(model, meta);
  const ids = `${validation.map((i) => i.id).sort((a, b) => Number(a) - Number(b)).join('\n')}\n`;
  if (process.argv.includes('--check')) return check(file, ids);
  if (process.argv.includes('--dry')) return void console.log(`(dry run: ${(file.length / 1e6).toFixed(2)} MB, ${seconds.toFixed(1)} s)`);
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, ids);
  console.log(`wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

main();
