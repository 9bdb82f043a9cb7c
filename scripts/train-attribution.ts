// Trains the attribution tagger on PolNeAR train and writes models/attribution-tagger.bin (+ the validation id list).
// Reproducible: fixed seed, sorted inputs, a fixed validation split carved from train (every 10th article by name).
// PolNeAR dev is not used here; bench:quality scores the shipped model on it.
// Usage: npm run train:attribution [-- --check]   (reads ../shared/data/polnear at run time; commits none of its text)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { utf16Offsets } from '../src/core/code-points.js';
import { createDocument, type Document } from '../src/core/document.js';
import { createPipeline } from '../src/core/pipeline.js';
import { createAttributionAnnotator } from '../src/annotators/attributions/index.js';
import { buildSequences } from '../src/annotators/attributions/tagger/features.js';
import { rolesOf } from '../src/annotators/attributions/tagger/roles.js';
import { labelOf, LABELS } from '../src/annotators/attributions/tagger/spans.js';
import type { AttributionTagger } from '../src/annotators/attributions/tagger/tagger.js';
import { createEntityAnnotator } from '../src/annotators/entities/index.js';
import { createSentenceAnnotator } from '../src/annotators/sentences/index.js';
import { toReport } from '../src/engine/analyze.js';
import { resolveOptions } from '../src/engine/analyze.js';
import { toBrat } from '../src/engine/predict/brat.js';
import { trainChain, type ChainModel, type Sequence } from '../src/learn/chain.js';
import { encodeModel } from '../src/learn/model-file.js';
import { textAnalysisOf, type Token } from '../src/nlp/tokens.js';
import { ROLES, scoreAttribution } from '../bench/quality/attribution-metric.js';

const SEED = 20261124;
const BITS = 19;
const EPOCHS = Number(process.env.EPOCHS ?? 12);
const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const TRAIN = join(SHARED, 'data', 'polnear', 'train');
const MODEL = join(ROOT, 'models', 'attribution-tagger.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'attribution-tagger.validation-ids.txt');

interface Article {
  readonly id: string;
  readonly gold: string;
  /** The document with sentences and entities, before attributions. */
  readonly doc: Document;
  readonly tokens: readonly Token[];
  readonly paragraphs: readonly { start: number; end: number }[];
  readonly ruleRoles: Uint8Array;
  readonly labels: Uint8Array;
}


/** Gold BIO labels per token (cue over source over content; B where a new span or fragment starts). */
function goldLabels(text: string, tokens: readonly Token[], ann: string): Uint8Array {
  const at = utf16Offsets(text);
  const role = new Uint8Array(tokens.length);
  const owner = new Int32Array(tokens.length).fill(-1);
  const rank = { Content: 1, Source: 2, Cue: 3 } as Record<string, number>;
  let spanId = 0;
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(Source|Cue|Content) ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    spanId++;
    for (const part of m[2]!.split(';')) {
      const [s, e] = part.trim().split(' ').map((x) => at(Number(x)));
      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]!.end <= s! || tokens[i]!.start >= e!) continue;
        if (rank[m[1]!]! >= (role[i] ? [0, 2, 3, 1][role[i]!]! : 0)) [role[i], owner[i]] = [{ Source: 1, Cue: 2, Content: 3 }[m[1]!]!, spanId];
      }
    }
  }
  const labels = new Uint8Array(tokens.length);
  let prev = -1;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos === 'SPACE' || /^\s+$/u.test(tokens[i]!.text)) continue;
    if (role[i]) labels[i] = labelOf((['', 'S', 'C', 'T'] as const)[role[i]!] as 'S' | 'C' | 'T', prev < 0 || owner[prev] !== owner[i] || role[prev] !== role[i]);
    prev = i;
  }
  return labels;
}

function load(): Article[] {
  const texts = readdirSync(join(TRAIN, 'text')).filter((n) => n.endsWith('.txt')).sort();
  const anns = readdirSync(join(TRAIN, 'attributions')).sort();
  const prepare = createPipeline([createSentenceAnnotator(), createEntityAnnotator()]);
  const rules = createAttributionAnnotator({ tagger: null });
  const out: Article[] = [];
  for (const name of texts) {
    const id = name.slice(0, -4);
    const file = anns.find((n) => n.startsWith(`${id}_`) && n.endsWith('.ann'));
    if (!file) continue;
    const text = readFileSync(join(TRAIN, 'text', name), 'utf8');
    const ctx = { cache: new Map<string, unknown>() };
    const doc = prepare.run(createDocument(text), ctx);
    const analysis = textAnalysisOf(text, ctx.cache);
    const ruled = doc.with(rules.run(doc, ctx)).all('attribution');
    const gold = readFileSync(join(TRAIN, 'attributions', file), 'utf8');
    out.push({ id, gold, doc, tokens: analysis.tokens, paragraphs: analysis.paragraphs, ruleRoles: rolesOf(analysis.tokens, ruled), labels: goldLabels(text, analysis.tokens, gold) });
  }
  return out;
}

/** Lemmas that head a gold cue in at least a fifth of their uses, and at least 5 times (training side only). */
function induceCueLemmas(articles: readonly Article[]): string[] {
  const all = new Map<string, number>();
  const cue = new Map<string, number>();
  for (const a of articles) {
    a.tokens.forEach((t, i) => {
      all.set(t.lemma, (all.get(t.lemma) ?? 0) + 1);
      if (LABELS[a.labels[i]!] === 'B-C' || LABELS[a.labels[i]!] === 'I-C') cue.set(t.lemma, (cue.get(t.lemma) ?? 0) + 1);
    });
  }
  return [...cue].filter(([lemma, n]) => n >= 5 && n / all.get(lemma)! >= 0.2 && /\p{L}/u.test(lemma)).map(([lemma]) => lemma).sort();
}

function sequencesOf(a: Article, cueLemmas: ReadonlySet<string>): Sequence[] {
  return [...buildSequences({ tokens: a.tokens, paragraphs: a.paragraphs, sentences: a.doc.all('sentence'), ruleRoles: a.ruleRoles, cueLemmas })].map((seq) => ({ ...seq, gold: Uint8Array.from(seq.tokens, (i) => a.labels[i]!) }));
}

/** The shipped path (rules, then the tagger) on validation articles, scored with the PolNeAR metric. */
function validate(articles: readonly Article[], tagger: AttributionTagger): ReturnType<typeof scoreAttribution> {
  const stage = createAttributionAnnotator({ tagger });
  const options = resolveOptions({});
  const gold: Record<string, string> = {};
  const predicted: Record<string, string> = {};
  for (const a of articles) {
    const ctx = { cache: new Map<string, unknown>() };
    ctx.cache.set('nlp:analysis', { tokens: a.tokens, paragraphs: a.paragraphs, sentenceSpans: [] });
    const doc = a.doc.with(stage.run(a.doc, ctx));
    gold[a.id] = a.gold;
    predicted[a.id] = toBrat(toReport(doc, options));
  }
  return scoreAttribution(gold, predicted);
}

/** Compares a fresh training run with the committed files; exits non-zero on any difference. */
function check(file: Buffer, ids: string): void {
  const same = existsSync(MODEL) && readFileSync(MODEL).equals(file) && readFileSync(VALIDATION_IDS, 'utf8') === ids;
  console.log(same ? 'train:attribution --check: the committed model is reproduced byte for byte' : 'train:attribution --check: the committed model differs from a fresh training run; run npm run train:attribution and commit');
  if (!same) process.exitCode = 1;
}

function main(): void {
  const t0 = performance.now();
  const articles = load();
  const validation = articles.filter((_, i) => i % 10 === 0);
  const training = articles.filter((_, i) => i % 10 !== 0);
  const cueLemmas = induceCueLemmas(training);
  const lemmaSet = new Set(cueLemmas);
  const sequences = training.flatMap((a) => sequencesOf(a, lemmaSet));
  console.log(`${training.length} training articles (${sequences.length} paragraphs), ${validation.length} validation; ${cueLemmas.length} cue lemmas; ${((performance.now() - t0) / 1000).toFixed(1)} s to prepare`);
  const history: Record<string, number>[] = [];
  const result = trainChain(sequences, {
    labels: LABELS,
    bits: BITS,
    epochs: EPOCHS,
    seed: SEED,
    validate: (model: ChainModel, epoch: number) => {
      const scores = validate(validation, { model, cueLemmas: lemmaSet, meta: {} });
      const row = Object.fromEntries(ROLES.map((r) => [r, Number(scores[r].overlap.f1.toFixed(4))]));
      history.push({ epoch, ...row });
      console.log(`epoch ${epoch}: overlap F1 ${ROLES.map((r) => `${r} ${row[r]}`).join(', ')}`);
      return ROLES.reduce((sum, r) => sum + scores[r].overlap.f1, 0) / ROLES.length;
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const meta = {
    name: 'attribution-tagger',
    data: 'PolNeAR v1.0.0 train (first annotator per article), validation = every 10th article by name',
    seed: SEED,
    bits: BITS,
    epochs: EPOCHS,
    bestEpoch: result.epoch,
    trainingArticles: training.length,
    validationArticles: validation.length,
    validation: history.find((h) => h.epoch === result.epoch),
    history,
    cueLemmas,
  };
  const file = encodeModel(result.model, meta);
  const ids = `${validation.map((a) => a.id).join('\n')}\n`;
  if (process.argv.includes('--check')) return check(file, ids);
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, ids);
  console.log(`best epoch ${result.epoch}; wrote ${MODEL} (${(file.length / 1e6).toFixed(2)} MB) in ${seconds.toFixed(1)} s`);
}

main();
