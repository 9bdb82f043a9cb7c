// Trains the technique classifier (PTC TC: label given spans) and writes models/technique-tc.bin and the validation
// id list. Reproducible: fixed seed, sorted inputs, a fixed validation split carved from train (every 7th article id
// by sorted id). The dev gold is held out and never read here.
// Usage: npm run train:techniques-tc [-- --check]   (reads ../shared/data/ptc-semeval2020-task11 at run time)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
// FEATURES=words,bigrams,... trains with only those feature groups (for the model card's table; writes nothing).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TECHNIQUES } from '../src/core/annotations.js';
import { createArticleContext, FEATURE_GROUPS, hashFeatures, spanFeatures, type FeatureGroup } from '../src/annotators/techniques/classifier/features.js';
import { utf16Offsets } from '../src/engine/predict/tc.js';
import { predictProbabilities, trainSoftmax, encodeSoftmax, type Example, type SoftmaxModel } from '../src/learn/softmax.js';
import { analyzeText } from '../src/nlp/tokens.js';
import { readTcLines, scoreTc, type TcLine } from '../bench/quality/tc-metric.js';

const SEED = 20261125;
const BITS = 18;
const EPOCHS = Number(process.env.EPOCHS ?? 8);
const RATE = Number(process.env.RATE ?? 0.05);
const L2 = Number(process.env.L2 ?? 1e-4);
const PRUNE = 1e-3;
const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const PTC = join(SHARED, 'data', 'ptc-semeval2020-task11');
const MODEL = join(ROOT, 'models', 'technique-tc.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'technique-tc.validation-ids.txt');
const GROUPS: FeatureGroup[] = process.env.FEATURES ? (process.env.FEATURES.split(',') as FeatureGroup[]) : FEATURE_GROUPS.filter((g) => g !== 'chars'); // character n-grams: no gain in cross-validation (see the model card)

/** One labelled span row with its hashed features. */
interface Row {
  readonly line: TcLine;
  readonly indices: Int32Array;
  readonly values: Float32Array;
}

function loadRows(ids: readonly string[], labels: readonly TcLine[]): Row[] {
  const byId = new Map<string, TcLine[]>();
  for (const l of labels) {
    const list = byId.get(l.id);
    if (list) list.push(l);
    else byId.set(l.id, [l]);
  }
  const groups = new Set(GROUPS);
  const rows: Row[] = [];
  for (const id of ids) {
    const lines = byId.get(id) ?? [];
    if (lines.length === 0) continue;
    const text = readFileSync(join(PTC, 'train-articles', `article${id}.txt`), 'utf8');
    const at = utf16Offsets(text);
    const ranges = lines.map((l) => ({ start: at(l.start), end: at(l.end) }));
    const ctx = createArticleContext(text, analyzeText(text), ranges);
    lines.forEach((line, k) => rows.push({ line, ...hashFeatures(spanFeatures(ctx, ranges[k]!, groups)) }));
  }
  return rows;
}

/** Predictions for rows the way predict tc makes them: the k-th repeat of a span gets the k-th ranked technique. */
function predictRows(model: SoftmaxModel, rows: readonly Row[]): TcLine[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const key = `${row.line.id}:${row.line.start}:${row.line.end}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const p = predictProbabilities(model, row.indices, row.values);
    const order = model.labels.map((_, l) => l).sort((a, b) => p[b]! - p[a]! || a - b);
    return { ...row.line, technique: model.labels[order[Math.min(k, order.length - 1)]!]! };
  });
}

/** Cross-validation over all train articles (7 folds by the same rule as the split), for measuring feature choices. */
function crossValidate(ids: readonly string[], labels: readonly TcLine[]): void {
  const rows = loadRows(ids, labels);
  const fold = new Map(ids.map((id, i) => [id, i % 7]));
  const classOf = new Map<string, number>(TECHNIQUES.map((t, i) => [t, i]));
  const predicted: TcLine[] = [];
  for (let f = 0; f < 7; f++) {
    const train = rows.filter((r) => fold.get(r.line.id) !== f).map((r) => ({ indices: r.indices, values: r.values, label: classOf.get(r.line.technique)! }));
    const { model } = trainSoftmax(train, { labels: TECHNIQUES, bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 });
    predicted.push(...predictRows(model, rows.filter((r) => fold.get(r.line.id) === f)));
  }
  const gold = rows.map((r) => r.line);
  if (process.env.CONFUSION) {
    const pairs = new Map<string, number>();
    gold.forEach((g, i) => g.technique !== predicted[i]!.technique && pairs.set(`${g.technique} -> ${predicted[i]!.technique}`, (pairs.get(`${g.technique} -> ${predicted[i]!.technique}`) ?? 0) + 1));
    console.log([...pairs].sort((a, b) => b[1] - a[1]).slice(0, 15));
    console.log(scoreTc(gold, predicted, TECHNIQUES).perClass);
  }
  console.log(`7-fold cross-validation, ${EPOCHS} epochs: micro-F1 ${scoreTc(gold, predicted).micro.f1.toFixed(4)}`);
}

function check(file: Buffer, ids: string): void {
  const same = existsSync(MODEL) && readFileSync(MODEL).equals(file) && readFileSync(VALIDATION_IDS, 'utf8') === ids;
  console.log(same ? 'train:techniques-tc --check: the committed model is reproduced byte for byte' : 'train:techniques-tc --check: the committed model differs from a fresh training run; run npm run train:techniques-tc and commit');
  if (!same) process.exitCode = 1;
}

function main(): void {
  const t0 = performance.now();
  const ids = readdirSync(join(PTC, 'train-articles')).map((n) => /^article(\d+)\.txt$/.exec(n)?.[1]).filter((id): id is string => !!id).sort();
  const validationIds = ids.filter((_, i) => i % 7 === 0);
  const trainingIds = ids.filter((_, i) => i % 7 !== 0);
  const labels = readTcLines(readFileSync(join(PTC, 'train-task-flc-tc.labels'), 'utf8'));
  if (process.env.CV) return crossValidate(ids, labels);
  const training = loadRows(trainingIds, labels);
  const validation = loadRows(validationIds, labels);
  const classOf = new Map<string, number>(TECHNIQUES.map((t, i) => [t, i]));
  const examples: Example[] = training.map((r) => ({ indices: r.indices, values: r.values, label: classOf.get(r.line.technique)! }));
  console.log(`${trainingIds.length} training articles (${training.length} spans), ${validationIds.length} validation (${validation.length} spans); groups ${GROUPS.join(',')}; ${((performance.now() - t0) / 1000).toFixed(1)} s to prepare`);
  const history: { epoch: number; microF1: number }[] = [];
  const result = trainSoftmax(examples, {
    labels: TECHNIQUES,
    bits: BITS,
    epochs: EPOCHS,
    seed: SEED,
    rate: RATE,
    l2: L2,
    validate: (model, epoch) => {
      const microF1 = Number(scoreTc(validation.map((r) => r.line), predictRows(model, validation)).micro.f1.toFixed(4));
      history.push({ epoch, microF1 });
      console.log(`epoch ${epoch}: validation micro-F1 ${microF1}`);
      return microF1;
    },
  });
  const scores = scoreTc(validation.map((r) => r.line), predictRows(result.model, validation), TECHNIQUES);
  const perClassF1 = Object.fromEntries(Object.entries(scores.perClass).map(([c, s]) => [c, Number(s.f1.toFixed(3))]));
  const seconds = (performance.now() - t0) / 1000;
  console.log(`best epoch ${result.epoch}: micro-F1 ${scores.micro.f1.toFixed(4)}; per class ${JSON.stringify(perClassF1)}; ${seconds.toFixed(1)} s`);
  if (process.env.FEATURES) return;
  const meta = {
    name: 'technique-tc',
    data: 'PTC (SemEval-2020 Task 11) train, train-task-flc-tc.labels; validation = every 7th train article by sorted id',
    seed: SEED,
    bits: BITS,
    epochs: EPOCHS,
    rate: RATE,
    l2: L2,
    bestEpoch: result.epoch,
    groups: GROUPS,
    trainingSpans: training.length,
    validationSpans: validation.length,
    validation: { microF1: Number(scores.micro.f1.toFixed(4)), perClassF1 },
    history,
  };
  const file = encodeSoftmax(result.model, meta, PRUNE);
  const idList = `${validationIds.join('\n')}\n`;
  if (process.argv.includes('--check')) return check(file, idList);
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, idList);
  console.log(`wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB)`);
}

main();
