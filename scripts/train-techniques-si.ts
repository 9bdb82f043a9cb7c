// Trains the propaganda span tagger (SemEval-2020 Task 11 SI) on PTC train and writes models/technique-si.bin (+ the
// validation id list). Reproducible: fixed seed, sorted inputs, validation = every 7th train article by sorted id.
// The PTC dev gold is held out; it is never read here.
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
import { tagSpans } from '../src/annotators/techniques/spans/tagger.js';
import { encodeLogistic, fitPlatt, margin, trainLogistic, type Example, type LogisticModel } from '../src/learn/logistic.js';
import { textAnalysisOf, tokenAt, type Token } from '../src/nlp/tokens.js';
import { scoreSi, type Span } from '../bench/quality/si-metric.js';

const SEED = 20261124;
const BITS = 20;
const EPOCHS = 4;
const RATE = 0.1;
const L2 = 1e-6;
/** Token-probability thresholds tried on validation. */
const THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
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

function validate(articles: readonly Article[], model: LogisticModel, spanLemmas: Map<string, string>, threshold: number) {
  const gold = new Map<string, Span[]>();
  const predicted = new Map<string, Span[]>();
  for (const a of articles) {
    gold.set(a.id, a.gold);
    predicted.set(a.id, tagSpans({ model, spanLemmas, threshold, meta: {} }, a).map((r) => [r.start, r.end] as Span));
  }
  return scoreSi(gold, predicted);
}

/** One example per token: its features and whether it lies in a gold span. */
function examplesOf(articles: readonly Article[], lexicon: Map<string, string>): Example[] {
  const out: Example[] = [];
  for (const a of articles) {
    for (const seq of buildSiSequences({ ...a, spanLemmas: lexicon })) {
      seq.tokens.forEach((token, k) => out.push({ features: seq.features.slice(seq.offsets[k]!, seq.offsets[k + 1]!), label: a.labels[token] ? 1 : 0 }));
    }
  }
  return out;
}

function main(): void {
  const t0 = performance.now();
  const articles = load();
  const validation = articles.filter((_, i) => i % 7 === 0);
  const training = articles.filter((_, i) => i % 7 !== 0);
  const spanLemmas = induceSpanLemmas(training);
  const lexicon = new Map(Object.entries(spanLemmas));
  const examples = examplesOf(training, lexicon);
  console.log(`${training.length} training articles (${examples.length} tokens), ${validation.length} validation; ${lexicon.size} span lemmas; ${((performance.now() - t0) / 1000).toFixed(1)} s to prepare`);
  const raw = trainLogistic(examples, { bits: BITS, epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2 });
  // Calibrate on the validation tokens so that a token's score is a probability, then pick the span threshold there.
  const held = examplesOf(validation, lexicon);
  const model = { ...raw, platt: fitPlatt(held.map((ex) => margin(raw, ex.features)), held.map((ex) => ex.label)) };
  const history = THRESHOLDS.map((threshold) => {
    const s = validate(validation, model, lexicon, threshold);
    console.log(`threshold ${threshold}: SI P ${s.precision.toFixed(4)} R ${s.recall.toFixed(4)} F1 ${s.f1.toFixed(4)}`);
    return { threshold, precision: Number(s.precision.toFixed(4)), recall: Number(s.recall.toFixed(4)), f1: Number(s.f1.toFixed(4)) };
  });
  const best = history.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const meta = {
    name: 'technique-si',
    data: 'PTC (SemEval-2020 Task 11) train, validation = every 7th train article by sorted id',
    method: 'token logistic regression (AdaGrad, L2), Platt-calibrated on validation tokens; spans = runs at or above the threshold, one-token gaps bridged',
    seed: SEED,
    bits: BITS,
    epochs: EPOCHS,
    rate: RATE,
    l2: L2,
    trainingArticles: training.length,
    validationArticles: validation.length,
    threshold: best.threshold,
    validation: best,
    history,
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
  console.log(`threshold ${best.threshold}; wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

if (process.argv[1]?.endsWith("train-techniques-si.ts")) main();
