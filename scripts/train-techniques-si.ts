// Trains the propaganda span tagger (SemEval-2020 Task 11 SI) on PTC train and writes models/technique-si.bin (+ the
// validation id list). Reproducible: fixed seed, sorted inputs, validation = every 7th train article by sorted id; four
// fold models on the rest, averaged; calibration and span thresholds chosen on their out-of-fold probabilities (the
// validation split only reports). The PTC dev gold is held out; it is never read here.
// Usage: npm run train:techniques-si [-- --check]   (reads ../shared/data/ptc-semeval2020-task11 at run time; commits none of it)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf16Offsets } from '../src/core/code-points.js';
import { createDocument } from '../src/core/document.js';
import { createPipeline } from '../src/core/pipeline.js';
import type { Range } from '../src/core/range.js';
import { createSentenceAnnotator } from '../src/annotators/sentences/index.js';
import { createTechniqueAnnotator } from '../src/annotators/techniques/index.js';
import { buildSiSequences } from '../src/annotators/techniques/spans/features.js';
import { ruleTechniquesOf } from '../src/annotators/techniques/spans/rules.js';
import { sentenceSpan, tokenProbabilities } from '../src/annotators/techniques/spans/tagger.js';
import { encodeLogistic, fitPlatt, margin, sigmoid, trainLogistic, type Example, type LogisticModel } from '../src/learn/logistic.js';
import { textAnalysisOf, tokenAt, type Token } from '../src/nlp/tokens.js';
import { scoreSi, type Span } from '../bench/quality/si-metric.js';

const SEED = 20261124;
const BITS = 20;
const EPOCHS = 4;
const RATE = 0.1;
const L2 = 1e-6;
/** Folds of the training articles (article index mod FOLDS): one model each, averaged; their out-of-fold probabilities choose the thresholds. */
const FOLDS = 4;
/** Seed thresholds (a sentence holds a span) and extent thresholds (how far it grows) tried on the out-of-fold probabilities. */
const SEED_THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const EXTENT_THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const ROOT = join(import.meta.dirname, '..');
const PTC = join(process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared'), 'data', 'ptc-semeval2020-task11');
const MODEL = join(ROOT, 'models', 'technique-si.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'technique-si.validation-ids.txt');

interface Article {
  readonly id: string;
  readonly tokens: readonly Token[];
  readonly sentences: readonly Range[];
  readonly ruleTechniques: string[];
  readonly gold: Span[];
  readonly labels: Uint8Array;
}


/** B-P / I-P labels for the tokens inside gold spans (overlapping spans merged). */
function labelsOf(tokens: readonly Token[], gold: readonly Span[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  for (const [s, e] of gold) {
    let begin = true;
    for (let i = tokenAt(tokens, s); i < tokens.length && tokens[i]!.start < e; i++) {
      if (tokens[i]!.pos === 'SPACE' || /^\s+$/u.test(tokens[i]!.text)) continue;
      if (labels[i]) begin = false;
      labels[i] = begin ? 1 : 2;
      begin = false;
    }
  }
  return labels;
}

function merged(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

export function load(): Article[] {
  const names = readdirSync(join(PTC, 'train-articles')).filter((n) => n.endsWith('.txt')).sort();
  const prepare = createPipeline([createSentenceAnnotator(), createTechniqueAnnotator({ spanTagger: null })]);
  return names.map((name) => {
    const id = name.replace(/^article|\.txt$/g, '');
    const text = readFileSync(join(PTC, 'train-articles', name), 'utf8');
    const ctx = { cache: new Map<string, unknown>() };
    const doc = prepare.run(createDocument(text), ctx);
    const { tokens } = textAnalysisOf(text, ctx.cache);
    const ruleTechniques = ruleTechniquesOf(tokens, doc.all('technique'));
    const at = utf16Offsets(text);
    const labelFile = join(PTC, 'train-labels-task-si', `article${id}.task-si.labels`);
    const raw = existsSync(labelFile) ? readFileSync(labelFile, 'utf8') : '';
    const gold = merged(raw.split('\n').filter(Boolean).map((line) => { const [, s, e] = line.split('\t'); return [at(Number(s)), at(Number(e))] as Span; }));
    return { id, tokens, sentences: doc.all('sentence'), ruleTechniques, gold, labels: labelsOf(tokens, gold) };
  });
}

/** Lemmas inside gold spans in at least 25 % of their (at least 5) uses, bucketed 1 (25 %), 2 (40 %), 3 (60 %). */
export function induceSpanLemmas(articles: readonly Article[]): Record<string, string> {
  const all = new Map<string, number>();
  const inside = new Map<string, number>();
  for (const a of articles) a.tokens.forEach((t, i) => {
    all.set(t.lemma, (all.get(t.lemma) ?? 0) + 1);
    if (a.labels[i]) inside.set(t.lemma, (inside.get(t.lemma) ?? 0) + 1);
  });
  const out: Record<string, string> = {};
  for (const [lemma, n] of [...all].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const ratio = (inside.get(lemma) ?? 0) / n;
    if (n >= 5 && ratio >= 0.25 && /\p{L}/u.test(lemma)) out[lemma] = ratio >= 0.6 ? '3' : ratio >= 0.4 ? '2' : '1';
  }
  return out;
}

/** One sentence of an article: its token indices and one example per token. */
interface SentenceExamples {
  readonly article: Article;
  readonly tokens: Int32Array;
  readonly examples: Example[];
}

/** Every sentence of the articles with its token examples (label: the token lies in a gold span). */
function sentencesOf(articles: readonly Article[], lexicon: Map<string, string>): SentenceExamples[] {
  const out: SentenceExamples[] = [];
  for (const a of articles) {
    for (const seq of buildSiSequences({ ...a, spanLemmas: lexicon })) {
      const examples = [...seq.tokens].map((token, k): Example => ({ features: seq.features.slice(seq.offsets[k]!, seq.offsets[k + 1]!), label: a.labels[token] ? 1 : 0 }));
      out.push({ article: a, tokens: seq.tokens, examples });
    }
  }
  return out;
}

/** The SI score of one span per sentence (seed and extent thresholds) over sentences with token probabilities. */
function scoreSentences(articles: readonly Article[], sentences: readonly SentenceExamples[], probabilities: readonly Float64Array[], seed: number, extent: number) {
  const gold = new Map<string, Span[]>(articles.map((a) => [a.id, a.gold]));
  const predicted = new Map<string, Span[]>(articles.map((a) => [a.id, []]));
  sentences.forEach((s, i) => {
    const span = sentenceSpan(probabilities[i]!, seed, extent);
    if (span) predicted.get(s.article.id)!.push([s.article.tokens[s.tokens[span[0]]!]!.start, s.article.tokens[s.tokens[span[1] - 1]!]!.end]);
  });
  return scoreSi(gold, predicted);
}

/** The weight-wise mean of linear models (their margins averaged: bagging of the fold models). */
function averageModels(models: readonly LogisticModel[]): LogisticModel {
  const weights = new Float32Array(models[0]!.weights.length);
  for (const m of models) for (let b = 0; b < weights.length; b++) weights[b] = weights[b]! + m.weights[b]! / models.length;
  return { bits: models[0]!.bits, weights, bias: models.reduce((sum, m) => sum + m.bias, 0) / models.length, platt: { a: 1, b: 0 } };
}

/** Trains one model per fold of the training articles; returns them with every training sentence's out-of-fold token margins. */
function trainFolds(sentences: readonly SentenceExamples[], articles: readonly Article[]) {
  const fold = new Map(articles.map((a, i) => [a.id, i % FOLDS]));
  const margins: Float64Array[] = sentences.map((s) => new Float64Array(s.examples.length));
  const models: LogisticModel[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const examples = sentences.filter((s) => fold.get(s.article.id) !== f).flatMap((s) => s.examples);
    const model = trainLogistic(examples, { bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 });
    sentences.forEach((s, i) => {
      if (fold.get(s.article.id) === f) s.examples.forEach((ex, k) => (margins[i]![k] = margin(model, ex.features)));
    });
    models.push(model);
  }
  return { models, margins };
}

/** The (seed, extent) pair with the best SI F1 on the out-of-fold probabilities; ties go to the first tried. */
function chooseThresholds(articles: readonly Article[], sentences: readonly SentenceExamples[], probabilities: readonly Float64Array[]) {
  let best = { seed: 0.5, extent: 0.5, precision: 0, recall: 0, f1: -1 };
  for (const seed of SEED_THRESHOLDS) {
    for (const extent of EXTENT_THRESHOLDS.filter((e) => e <= seed)) {
      const s = scoreSentences(articles, sentences, probabilities, seed, extent);
      if (s.f1 > best.f1 + 1e-12) best = { seed, extent, precision: round(s.precision), recall: round(s.recall), f1: round(s.f1) };
    }
  }
  return best;
}

const round = (x: number) => Number(x.toFixed(4));

function main(): void {
  const t0 = performance.now();
  const articles = load();
  const validation = articles.filter((_, i) => i % 7 === 0);
  const training = articles.filter((_, i) => i % 7 !== 0);
  const spanLemmas = induceSpanLemmas(training);
  const lexicon = new Map(Object.entries(spanLemmas));
  const sentences = sentencesOf(training, lexicon);
  console.log(`${training.length} training articles (${sentences.reduce((n, s) => n + s.examples.length, 0)} tokens), ${validation.length} validation; ${lexicon.size} span lemmas; ${((performance.now() - t0) / 1000).toFixed(1)} s to prepare`);
  const { models, margins } = trainFolds(sentences, training);
  // Calibrate on the out-of-fold margins of the training tokens, then choose the span thresholds there too.
  const platt = fitPlatt(margins.flatMap((m) => [...m]), sentences.flatMap((s) => s.examples.map((ex) => ex.label)));
  const probabilities = margins.map((m) => m.map((x) => sigmoid(platt.a * x + platt.b)));
  const chosen = chooseThresholds(training, sentences, probabilities);
  console.log(`out-of-fold (${FOLDS} folds): seed ${chosen.seed} extent ${chosen.extent}: SI P ${chosen.precision} R ${chosen.recall} F1 ${chosen.f1}`);
  const model = { ...averageModels(models), platt };
  const held = sentencesOf(validation, lexicon);
  const v = scoreSentences(validation, held, held.map((s) => tokenProbabilities({ model }, { tokens: s.tokens, ...packed(s.examples) })), chosen.seed, chosen.extent);
  const scores = { precision: round(v.precision), recall: round(v.recall), f1: round(v.f1) };
  console.log(`validation: SI P ${scores.precision} R ${scores.recall} F1 ${scores.f1}`);
  const meta = {
    name: 'technique-si',
    data: 'PTC (SemEval-2020 Task 11) train, validation = every 7th train article by sorted id',
    method: `token logistic regression (AdaGrad, L2): the mean of ${FOLDS} fold models, Platt-calibrated on their out-of-fold margins; one span per sentence from the first to the last region grown from a seed token (p >= threshold) over tokens with p >= extent; thresholds chosen on out-of-fold training articles`,
    seed: SEED,
    bits: BITS,
    epochs: EPOCHS,
    rate: RATE,
    l2: L2,
    folds: FOLDS,
    trainingArticles: training.length,
    validationArticles: validation.length,
    threshold: chosen.seed,
    extent: chosen.extent,
    outOfFold: chosen,
    validation: scores,
    spanLemmas,
  };
  const file = encodeLogistic(model, meta);
  const ids = `${validation.map((a) => a.id).join('\n')}\n`;
  const seconds = (performance.now() - t0) / 1000;
  if (process.argv.includes('--check')) {
    const same = existsSync(MODEL) && readFileSync(MODEL).equals(file) && readFileSync(VALIDATION_IDS, 'utf8') === ids;
    console.log(same ? 'train:techniques-si --check: the committed model is reproduced byte for byte' : 'train:techniques-si --check: the committed model differs from a fresh training run; run npm run train:techniques-si and commit');
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, ids);
  console.log(`seed ${chosen.seed}, extent ${chosen.extent}; wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

/** A sentence's examples packed back into one feature array with offsets. */
function packed(examples: readonly Example[]): { features: Int32Array; offsets: Int32Array } {
  const offsets = new Int32Array(examples.length + 1);
  examples.forEach((ex, k) => (offsets[k + 1] = offsets[k]! + ex.features.length));
  const features = new Int32Array(offsets[examples.length]!);
  examples.forEach((ex, k) => features.set(ex.features, offsets[k]!));
  return { features, offsets };
}

if (process.argv[1]?.endsWith("train-techniques-si.ts")) main();
