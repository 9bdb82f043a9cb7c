// Trains the learned sums model (src/checks/numeric/sums-model/): whether a run of figures is meant as the parts of a
// figure before or after it. Self-supervised from sums that add up exactly (a writer who lists parts that sum to the
// total meant them as its parts), in PolNeAR's and PTC's training articles and the tune half of the everyday-news set,
// plus the tune half's gold "total-unsupported" findings (sums that do not add up, with their parts from the gold's
// arithmetic). Every other run of a figure is a negative. Article-level 5-fold cross-validation on the tune half
// reports what the model alone finds and how often it is wrong; the validation half of the news set is never read.
// Usage: npm run train:numeric-sums [-- --check] [--show] [--holdout t165,t166] [--last-article N] [--coverage] [--misses] [--rule-scores]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDocument } from '../src/core/document.js';
import { createPipeline } from '../src/core/pipeline.js';
import { createEntityAnnotator } from '../src/annotators/entities/index.js';
import { createQuantityAnnotator } from '../src/annotators/quantities/index.js';
import { createSentenceAnnotator } from '../src/annotators/sentences/index.js';
import { locateQuantities, sentenceIndexOf } from '../src/checks/numeric/context.js';
import settings from '../src/checks/numeric/numeric.json' with { type: 'json' };
import { unitKeys } from '../src/checks/numeric/units.js';
import { standing, sumCandidates, type SumCandidate } from '../src/checks/numeric/sums-model/candidates.js';
import { candidateFeatures } from '../src/checks/numeric/sums-model/features.js';
import { chooseShares, shareFeatures, shareRuns, type ShareRun } from '../src/checks/numeric/sums-model/shares.js';
import { encodeLogistic, margin, sigmoid, trainLogistic, type Example } from '../src/learn/logistic.js';
import { createNumericCheck } from '../src/checks/numeric/index.js';
import { carryScale } from '../src/checks/numeric/scales.js';
import { chooseSums, reported, type SumsModels } from '../src/checks/numeric/sums-model/choose.js';
import { describesTraits, partitionVeto, withAnswersClosed } from '../src/checks/numeric/sums-model/index.js';
import { sentenceFigures, withCountClosed } from '../src/checks/numeric/sums-model/counted.js';
import { compileListRules, compileShareRules } from '../src/checks/numeric/numeric.js';
import { isComparison } from '../src/checks/numeric/share-reading.js';
import { seededRandom, shuffle } from '../src/learn/hashing.js';
import { textAnalysisOf } from '../src/nlp/tokens.js';
import { resolveGold, type NewsGoldFile } from '../bench/quality/news-metric.js';

const SEED = 20261206;
const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const DATA = join(SHARED, 'data');
const OPTS = { bits: Number(process.env.BITS ?? 18), epochs: Number(process.env.EPOCHS ?? 8), seed: SEED, rate: Number(process.env.RATE ?? 0.05), l2: Number(process.env.L2 ?? 1e-4) };
const LOW = Number(process.env.LOW ?? 0.5);
const WHOLE_FILE = join(ROOT, 'models', 'numeric-sums-whole.bin');
const RUN_FILE = join(ROOT, 'models', 'numeric-sums-run.bin');
const SHARES_FILE = join(ROOT, 'models', 'numeric-sums-shares.bin');
const HIGH = Number(process.env.HIGH ?? 2);

interface Doc {
  readonly id: string;
  readonly origin: 'tune' | 'polnear' | 'ptc';
  readonly text: string;
  /** Gold totals that do not add up: the total's span and the parts' values from the gold's arithmetic. */
  readonly gold: readonly { start: number; end: number; parts: number[] | undefined }[];
  /** Gold shares of one whole that add up to more than 100: the run's span and the shares from the gold's arithmetic. */
  readonly goldShares: readonly { start: number; end: number; parts: number[] | undefined }[];
}

interface Row {
  readonly doc: number;
  readonly c: SumCandidate;
  readonly features: Int32Array;
  readonly label: 0 | 1 | undefined;
  readonly standing: 'exact' | 'within' | 'off';
  /** The gold total this candidate's total is, if any. */
  readonly goldTotal: number | undefined;
  readonly ratio: number;
}

/**
 * The last tune article the models learn from. Rounds fifteen and sixteen (t241–t272, 2026-12-06) are left out: trained
 * with them, the model loses two of its pinned readings at every threshold (a hospital's attendances after its
 * patients; an appeal's gifts in the next sentence) or fires on a pinned contrast (a pronoun split after a paragraph
 * break), whichever way the rounds are split in (each half alone keeps every test); their articles stay in the tune
 * half for the rules and the news bench, and `--all-rounds --holdout t241,…` scores the model on them.
 */
const LAST_TRAINING_ARTICLE = 240;
const lastArg = process.argv.indexOf('--last-article');
/** `--last-article N`: learn from t01–tN only (an experiment: the later rounds then score the model as fresh articles do). */
const lastArticle = lastArg >= 0 ? Number(process.argv[lastArg + 1]) : process.argv.includes('--all-rounds') ? Infinity : LAST_TRAINING_ARTICLE;
const inTraining = (f: string) => Number(/^t(\d+)-/.exec(f)?.[1] ?? 0) <= lastArticle;

function loadDocs(): Doc[] {
  const docs: Doc[] = [];
  const tune = join(ROOT, 'bench', 'news', 'tune');
  for (const f of readdirSync(tune).filter((f) => f.endsWith('.json') && inTraining(f)).sort()) {
    const file = JSON.parse(readFileSync(join(tune, f), 'utf8')) as NewsGoldFile;
    const text = file.text ?? '';
    const gold = resolveGold(file, text);
    const whys = (file.numericFindings ?? []).map((g) => g.why);
    docs.push({
      id: file.id ?? f,
      origin: 'tune',
      text,
      gold: gold.numericFindings.flatMap((g, i) => (g.rule === 'total-unsupported' ? [{ start: g.start, end: g.end, parts: partsOf(whys[i]) }] : [])),
      goldShares: gold.numericFindings.flatMap((g, i) => (g.rule === 'percentage-over-100' ? [{ start: g.start, end: g.end, parts: partsOf(whys[i]) }] : [])),
    });
  }
  const pol = join(DATA, 'polnear', 'train', 'text');
  if (existsSync(pol)) for (const f of readdirSync(pol).sort()) docs.push({ id: `polnear/${f}`, origin: 'polnear', text: readFileSync(join(pol, f), 'utf8'), gold: [], goldShares: [] });
  const ptc = join(DATA, 'ptc-semeval2020-task11', 'train-articles');
  if (existsSync(ptc)) for (const f of readdirSync(ptc).sort()) docs.push({ id: `ptc/${f}`, origin: 'ptc', text: readFileSync(join(ptc, f), 'utf8'), gold: [], goldShares: [] });
  return docs;
}

/** "61 + 48 + 29 + 11 = 149, more than 143" → [61, 48, 29, 11]; "£1.1m recovered + £860,000" → [1.1e6, 860000]. */
function partsOf(why: string | undefined): number[] | undefined {
  const eq = (why ?? '').indexOf('=');
  if (eq < 0) return undefined;
  const pieces = why!.slice(0, eq).split('+');
  if (pieces.length < 2) return undefined;
  const values = pieces.map((piece) => {
    const m = /(\d[\d,]*(?:\.\d+)?)\s*(bn|billion|m|million|k|thousand)?\b/i.exec(piece);
    if (!m) return NaN;
    const scale = { bn: 1e9, billion: 1e9, m: 1e6, million: 1e6, k: 1e3, thousand: 1e3 }[(m[2] ?? '').toLowerCase()] ?? 1;
    return Number(m[1]!.replace(/,/g, '')) * scale;
  });
  return values.some((v) => !Number.isFinite(v)) ? undefined : values;
}

function sameValues(values: readonly number[], parts: readonly number[]): boolean {
  if (values.length !== parts.length) return false;
  const scaled = (v: number, p: number) => [1, 1e3, 1e6, 1e9, 1e12].some((s) => Math.abs(v - p * s) <= 1e-6 * v);
  const used = new Set<number>();
  return values.every((v) => {
    const i = parts.findIndex((p, j) => !used.has(j) && scaled(v, p));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

const pipeline = createPipeline([createSentenceAnnotator(), createEntityAnnotator(), createQuantityAnnotator()]);
const rulesCheck = createNumericCheck({ sums: null });

/** The rules' own warnings, as the models read them: for --rule-scores (how the models score what the rules flag). */
interface RuleRow {
  readonly doc: number;
  readonly kind: 'total' | 'shares';
  readonly features: Int32Array;
  /** True when the warning is a gold finding (tune half), false when it is not, undefined outside the tune half. */
  readonly right: boolean | undefined;
  readonly text: string;
}
const ruleRows: RuleRow[] = [];
/** Gold totals whose parts a kinds rule keeps from being a run, with the rule (for --coverage). */
const vetoed = new Map<string, string>();
const carryJoiners = new Set(settings.carryJoiners.words);
const listRules = compileListRules();
const shareRules = compileShareRules(listRules);

function rowsOf(doc: Doc, d: number): Row[] {
  const ctx = { cache: new Map<string, unknown>() };
  const analysed = pipeline.run(createDocument(doc.text), ctx);
  const { tokens, paragraphs } = textAnalysisOf(analysed.text, ctx.cache);
  const located = locateQuantities(analysed, paragraphs);
  const keys = unitKeys(located, tokens, carryJoiners);
  const sentenceOf = sentenceIndexOf(analysed, tokens);
  const rows: Row[] = [];
  const figures = sentenceFigures(located);
  for (const raw of sumCandidates(located, tokens, keys)) {
    const c = withCountClosed(withAnswersClosed(raw, { tokens, rules: listRules }), tokens, figures);
    const ratio = c.sum / c.total.q.value;
    // The same runs the check reads: in the band, and parts the kinds rules let part a whole.
    if (ratio < LOW || ratio > HIGH) continue;
    const veto = partitionVeto(c, { doc: analysed, tokens, units: keys, rules: listRules });
    if (veto !== undefined) {
      const g = doc.gold.findIndex((g) => g.start < c.total.q.end && c.total.q.start < g.end);
      if (g >= 0 && doc.gold[g]!.parts !== undefined && sameValues(c.values, doc.gold[g]!.parts!)) vetoed.set(`${d}:${g}`, veto);
      continue;
    }
    const st = standing(c, tokens, analysed.text);
    const g = doc.gold.findIndex((g) => g.start < c.total.q.end && c.total.q.start < g.end);
    let label: 0 | 1 | undefined;
    if (g >= 0) {
      const parts = doc.gold[g]!.parts;
      label = parts === undefined ? undefined : sameValues(c.values, parts) ? 1 : 0;
    } else if (st === 'exact') {
      const big = c.total.q.value >= (c.parts.length === 2 ? 20 : 10);
      label = big ? 1 : undefined;
    } else label = st === 'within' ? undefined : 0;
    rows.push({ doc: d, c, features: candidateFeatures(c, tokens, sentenceOf), label, standing: st, goldTotal: g >= 0 ? g : undefined, ratio });
  }
  // Shares: runs that make up 100 and the gold's runs over 100 are positives; runs sharing a share with one are left
  // out (a part of the same split); every other run is a negative.
  const runs = shareRuns(located, (l) => isComparison(tokens, l.q, shareRules)).filter((run) => !describesTraits(tokens, run.shares, listRules)).map((run) => {
    const start = run.shares[0]!.q.start;
    const end = run.shares[run.shares.length - 1]!.q.end;
    const g = doc.goldShares.findIndex((g) => g.start < end && start < g.end);
    const values = run.shares.map((x) => x.q.value);
    const label: 0 | 1 | undefined = g >= 0 ? (doc.goldShares[g]!.parts === undefined ? undefined : sameValues(values, doc.goldShares[g]!.parts!) ? 1 : 0) : run.standing === 'whole' ? 1 : 0;
    return { doc: d, run, features: shareFeatures(run, tokens, sentenceOf), label, goldShare: g >= 0 ? g : undefined };
  });
  if (process.argv.includes('--rule-scores')) {
    const byId = new Map(located.map((l) => [l.q.id, l]));
    for (const f of rulesCheck.run(analysed, ctx).findings ?? []) {
      const ls = (f.annotationIds ?? []).map((id) => byId.get(id)).filter((l): l is NonNullable<typeof l> => l !== undefined);
      const gold = doc.origin === 'tune' ? [...doc.gold, ...doc.goldShares].some((g) => g.start < f.end && f.start < g.end) : undefined;
      const text = analysed.text.slice(Math.max(0, f.start - 40), f.end + 80).replace(/\s+/g, ' ');
      if (f.rule === 'total-unsupported' && ls.length >= 3) {
        const [total, ...parts] = ls;
        const values = carryScale(tokens, total!.q, parts.map((x) => x.q)).map((q) => q.value);
        const c = { total: total!, parts, values, after: parts[0]!.q.start > total!.q.start, skipped: 0, closed: false, sum: values.reduce((a, b) => a + b, 0) };
        ruleRows.push({ doc: d, kind: 'total', features: candidateFeatures(c, tokens, sentenceOf), right: gold, text });
      } else if (f.rule === 'percentage-over-100' && ls.length >= 2) {
        const run = { shares: ls, sum: ls.reduce((a, x) => a + x.q.value, 0), standing: 'over' as const };
        ruleRows.push({ doc: d, kind: 'shares', features: shareFeatures(run, tokens, sentenceOf), right: gold, text });
      }
    }
  }
  const positive = new Set(runs.filter((r) => r.label === 1).flatMap((r) => r.run.shares.map((x) => x.q.id)));
  for (const r of runs) shareRows.push(r.label === 0 && r.run.shares.some((x) => positive.has(x.q.id)) ? { ...r, label: undefined } : r);
  return rows;
}

interface ShareRow {
  readonly doc: number;
  readonly run: ShareRun;
  readonly features: Int32Array;
  readonly label: 0 | 1 | undefined;
  readonly goldShare: number | undefined;
}
const shareRows: ShareRow[] = [];

const t0 = Date.now();
const docs = loadDocs();
const rows = docs.flatMap((doc, d) => rowsOf(doc, d));
console.log(`${docs.length} documents, ${rows.length} candidates in [${LOW}, ${HIGH}] in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
for (const origin of ['tune', 'polnear', 'ptc'] as const) {
  const rs = rows.filter((r) => docs[r.doc]!.origin === origin);
  console.log(`${origin}: ${rs.filter((r) => r.label === 1).length} positive (${rs.filter((r) => r.label === 1 && r.standing === 'exact').length} exact), ${rs.filter((r) => r.label === 0).length} negative, ${rs.filter((r) => r.label === undefined).length} left out`);
}
const goldTotals = docs.reduce((n, d) => n + d.gold.length, 0);
const goldFound = new Set(rows.filter((r) => r.label === 1 && r.goldTotal !== undefined).map((r) => `${r.doc}:${r.goldTotal}`)).size;
console.log(`tune gold totals ${goldTotals}, with a candidate matching the gold's parts ${goldFound}`);

/**
 * Two models: `whole` says whether a total has its parts listed in a run (trained without the other runs of a total
 * that has one, which share its cues), `run` which of a total's runs they are (trained on totals that have one).
 */
function train(examples: Row[]): SumsModels {
  const labelled = examples.filter((r) => r.label !== undefined);
  const key = (r: Row) => `${r.doc}:${r.c.total.q.id}`;
  const withPositive = new Set(labelled.filter((r) => r.label === 1).map(key));
  const asExample = (r: Row) => ({ features: r.features, label: r.label! }) as Example;
  const whole = trainLogistic(labelled.filter((r) => r.label === 1 || !withPositive.has(key(r))).map(asExample), OPTS);
  const run = trainLogistic(labelled.filter((r) => withPositive.has(key(r))).map(asExample), OPTS);
  return { whole, run };
}

const CHOICE = { floor: 0.2, maxDeviation: 0.25 };

/** The flags of some rows (any documents), keyed by document and total. */
function flags(models: SumsModels, rs: Row[]): Map<string, { row: Row; p: number }> {
  const byDoc = new Map<number, Row[]>();
  for (const r of rs) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  const out = new Map<string, { row: Row; p: number }>();
  for (const [d, list] of byDoc) for (const { candidate, p } of chooseSums(list, models, CHOICE)) out.set(`${d}:${candidate.c.total.q.id}`, { row: candidate, p });
  return out;
}

/** The flags reported at a threshold. */
function reportedAt(list: readonly { row: Row; p: number }[], t: number): { row: Row; p: number }[] {
  return list.filter((s) => reported(s.row.c, s.p, t));
}

// Article-level 5-fold cross-validation on the tune half (external documents held out a fifth at a time too, for their
// false-warning rate): the threshold is the lowest at which the held-out folds get at most one false warning per
// MAX_FALSE_PER articles; nothing else is chosen on them.
const MAX_FALSE_PER = Number(process.env.MAX_FALSE_PER ?? 60);
const THRESHOLDS = Array.from({ length: 14 }, (_, i) => Math.round((0.3 + i * 0.05) * 100) / 100);
const tuneDocs = docs.map((d, i) => ({ d, i })).filter(({ d }) => d.origin === 'tune').map(({ i }) => i);
const order = shuffle([...tuneDocs], seededRandom(SEED));
const fold = new Map(order.map((d, i) => [d, i % 5]));
const scored: { row: Row; p: number }[] = [];
const extScored: { row: Row; p: number }[] = [];
for (let f = 0; f < 5; f++) {
  const held = (r: Row) => (fold.has(r.doc) ? fold.get(r.doc) === f : r.doc % 5 === f);
  for (const [, v] of flags(train(rows.filter((r) => !held(r))), rows.filter(held))) (fold.has(v.row.doc) ? scored : extScored).push(v);
}
const extDocs = docs.filter((d) => d.origin !== 'tune').length;
if (process.argv.includes('--misses')) {
  // Out of fold, each gold total that has a candidate with the gold's parts: its whole probability, its rank among the
  // total's runs by the run model, and whether the choice reported it (what to look at when the model misses a total).
  for (let f = 0; f < 5; f++) {
    const held = (r: Row) => fold.get(r.doc) === f;
    const models = train(rows.filter((r) => !held(r) && (fold.has(r.doc) || r.doc % 5 !== f)));
    const chosen = flags(models, rows.filter(held));
    for (const r of rows.filter((r) => held(r) && r.goldTotal !== undefined && r.label === 1)) {
      const mine = rows.filter((x) => x.doc === r.doc && x.c.total.q.id === r.c.total.q.id && x.standing === 'off');
      const rank = mine.filter((x) => margin(models.run, x.features) > margin(models.run, r.features)).length;
      const p = sigmoid(margin(models.whole, r.features));
      const hit = chosen.get(`${r.doc}:${r.c.total.q.id}`);
      const d = docs[r.doc]!;
      const c = r.c;
      const from = Math.min(c.total.q.start, c.parts[0]!.q.start);
      const to = Math.max(c.total.q.end, c.parts[c.parts.length - 1]!.q.end);
      console.log(`miss? p=${p.toFixed(2)} rank=${rank}/${mine.length} ${hit ? (hit.row === r ? 'CHOSEN' : 'other') : 'none'} ${d.id.slice(0, 32)}: ${d.text.slice(from, to + 15).replace(/\s+/g, ' ').slice(0, 260)}`);
    }
  }
}
const cv = THRESHOLDS.map((t) => {
  const hit = reportedAt(scored, t);
  return {
    threshold: t,
    found: new Set(hit.filter((s) => s.row.goldTotal !== undefined).map((s) => `${s.row.doc}:${s.row.goldTotal}`)).size,
    false: hit.filter((s) => s.row.goldTotal === undefined).length,
    external: reportedAt(extScored, t).length,
  };
});
for (const r of cv) console.log(`threshold ${r.threshold.toFixed(2)}: tune gold totals found ${r.found}/${goldTotals}, false warnings ${r.false} in ${tuneDocs.length} articles; external warnings ${r.external} in ${extDocs} articles`);
// The threshold is never set below the lowest at which every contrast test of the numeric rules stays silent, which
// the tune folds do not hold. Measured 2026-12-06 with 240 tune articles (fourteenth round): at 0.60 the model fires on
// a split for a pronoun after a paragraph break, at 0.50 also on stances on two different things, a total that is one
// more item of the list after it, a list after a sentence of no figure and a sibling of the total; at 0.65 every test
// holds (out of fold 74 gold totals of 161 with 1 false warning in 240 articles, against 67 and 0 at 0.70). Until then
// 0.70 (a list after a sentence that cuts what the list hires fired at 0.67 with 200 articles).
const LOWEST = 0.65;
const byRule = cv.find((r) => r.false * MAX_FALSE_PER <= tuneDocs.length) ?? cv[cv.length - 1]!;
const chosen = cv.find((r) => r.threshold >= Math.max(LOWEST, byRule.threshold))!;
console.log(`chosen threshold ${chosen.threshold} (the lowest with at most one false warning per ${MAX_FALSE_PER} held-out articles is ${byRule.threshold}; never below ${LOWEST})`);

if (process.argv.includes('--show')) {
  for (const s of [...scored, ...extScored].filter((s) => s.p >= chosen.threshold - 0.2).sort((a, b) => b.p - a.p)) {
    const d = docs[s.row.doc]!;
    const c = s.row.c;
    const from = Math.min(c.total.q.start, c.parts[0]!.q.start);
    const to = Math.max(c.total.q.end, c.parts[c.parts.length - 1]!.q.end);
    console.log(`${s.p.toFixed(2)} ${s.row.goldTotal !== undefined ? 'GOLD' : 'false'} ${d.id} ${c.values.join('+')}=${c.sum} vs ${c.total.q.value}: ${d.text.slice(from, to + 20).replace(/\s+/g, ' ').slice(0, 300)}`);
  }
}

const holdoutArg = process.argv.indexOf('--holdout');
if (holdoutArg >= 0) {
  // A round's articles held out of training whole (e.g. a writer's fresh articles), to see what the model finds there.
  const prefixes = process.argv[holdoutArg + 1]!.split(',');
  const heldDoc = (d: number) => prefixes.some((p) => docs[d]!.id.startsWith(p));
  const got = flags(train(rows.filter((r) => !heldDoc(r.doc))), rows.filter((r) => heldDoc(r.doc)));
  for (const [, v] of [...got].filter(([, v]) => reported(v.row.c, v.p, 0)).sort((a, b) => b[1].p - a[1].p)) {
    const d = docs[v.row.doc]!;
    const c = v.row.c;
    console.log(`${v.p.toFixed(2)} ${v.row.goldTotal !== undefined ? 'GOLD' : 'false'} ${d.id} [${d.text.slice(c.total.q.start, c.total.q.end)}] ${c.values.join('+')}=${c.sum}`);
  }
}

// Shares of one whole: the same folds, the same rule for the threshold.
const SHARE_FLOOR = 0.2;
function trainShares(rs: readonly ShareRow[]) {
  return trainLogistic(rs.filter((r) => r.label !== undefined).map((r) => ({ features: r.features, label: r.label! }) as Example), OPTS);
}
function shareFlags(model: ReturnType<typeof trainShares>, rs: readonly ShareRow[]): { row: ShareRow; p: number }[] {
  const byDoc = new Map<number, ShareRow[]>();
  for (const r of rs) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);
  return [...byDoc.values()].flatMap((list) => chooseShares(list, model, SHARE_FLOOR).map(({ candidate, p }) => ({ row: candidate, p })));
}
const goldShares = docs.reduce((n, d) => n + d.goldShares.length, 0);
const shareScored: { row: ShareRow; p: number }[] = [];
const shareExt: { row: ShareRow; p: number }[] = [];
for (let f = 0; f < 5; f++) {
  const held = (r: ShareRow) => (fold.has(r.doc) ? fold.get(r.doc) === f : r.doc % 5 === f);
  for (const v of shareFlags(trainShares(shareRows.filter((r) => !held(r))), shareRows.filter(held))) (fold.has(v.row.doc) ? shareScored : shareExt).push(v);
}
console.log(`shares: ${shareRows.filter((r) => r.label === 1).length} positive runs, ${shareRows.filter((r) => r.label === 0).length} negative, ${goldShares} gold runs over 100 in the tune half`);
const shareCv = THRESHOLDS.map((t) => {
  const hit = shareScored.filter((s) => s.p >= t);
  return {
    threshold: t,
    found: new Set(hit.filter((s) => s.row.goldShare !== undefined).map((s) => `${s.row.doc}:${s.row.goldShare}`)).size,
    false: hit.filter((s) => s.row.goldShare === undefined).length,
    external: shareExt.filter((s) => s.p >= t).length,
  };
});
for (const r of shareCv) console.log(`shares, threshold ${r.threshold.toFixed(2)}: tune gold runs found ${r.found}/${goldShares}, false warnings ${r.false} in ${tuneDocs.length} articles; external warnings ${r.external} in ${extDocs} articles`);
if (process.argv.includes('--show')) {
  for (const s of [...shareScored, ...shareExt].filter((s) => s.p >= 0.3).sort((a, b) => b.p - a.p)) {
    const d = docs[s.row.doc]!;
    const sh = s.row.run.shares;
    console.log(`${s.p.toFixed(2)} ${s.row.goldShare !== undefined ? 'GOLD' : 'false'} ${d.id} ${sh.map((x) => x.q.value).join('+')}=${s.row.run.sum}: ${d.text.slice(sh[0]!.q.start, sh[sh.length - 1]!.q.end + 20).replace(/\s+/g, ' ').slice(0, 250)}`);
  }
}

if (process.argv.includes('--coverage')) {
  // Gold totals and share runs no candidate matches (what candidate generation or the kinds rules leave out).
  docs.forEach((d, i) => {
    d.gold.forEach((g, j) => {
      if (!rows.some((r) => r.doc === i && r.goldTotal === j && r.label === 1)) console.log(`no total candidate ${d.id}: [${d.text.slice(g.start, g.end)}] ${g.parts?.join('+') ?? '(parts unread)'}${vetoed.has(`${i}:${j}`) ? ` (kinds rule: ${vetoed.get(`${i}:${j}`)})` : ''}`);
    });
    d.goldShares.forEach((g, j) => {
      if (!shareRows.some((r) => r.doc === i && r.goldShare === j && r.label === 1)) console.log(`no share run ${d.id}: [${d.text.slice(g.start, g.end).slice(0, 80)}] ${g.parts?.join('+') ?? '(parts unread)'}`);
    });
  });
}

if (process.argv.includes('--rule-scores')) {
  // Out of fold: how the models score the rules' own warnings (tune: right or wrong by the gold; external: no gold,
  // but sums that do not add up are rare in published news).
  const out: { row: RuleRow; p: number }[] = [];
  for (let f = 0; f < 5; f++) {
    const heldDoc = (d: number) => (fold.has(d) ? fold.get(d) === f : d % 5 === f);
    const sums = train(rows.filter((r) => !heldDoc(r.doc)));
    const sharesModel = trainShares(shareRows.filter((r) => !heldDoc(r.doc)));
    for (const r of ruleRows.filter((r) => heldDoc(r.doc))) out.push({ row: r, p: sigmoid(margin(r.kind === 'total' ? sums.whole : sharesModel, r.features)) });
  }
  for (const kind of ['total', 'shares'] as const) {
    for (const t of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3]) {
      const below = out.filter((x) => x.row.kind === kind && x.p < t);
      console.log(`rule ${kind} warnings scored below ${t}: tune right ${below.filter((x) => x.row.right === true).length}/${out.filter((x) => x.row.kind === kind && x.row.right === true).length}, tune wrong ${below.filter((x) => x.row.right === false).length}/${out.filter((x) => x.row.kind === kind && x.row.right === false).length}, external ${below.filter((x) => x.row.right === undefined).length}/${out.filter((x) => x.row.kind === kind && x.row.right === undefined).length}`);
    }
  }
  if (process.argv.includes('--show')) for (const x of out.sort((a, b) => a.p - b.p)) console.log(`${x.p.toFixed(3)} ${x.row.kind} ${x.row.right === undefined ? 'ext' : x.row.right ? 'RIGHT' : 'wrong'} ${docs[x.row.doc]!.id.slice(0, 40)}: ${x.row.text}`);
}

const models = train(rows);
const labelled = rows.filter((r) => r.label !== undefined);
const meta = {
  threshold: chosen.threshold,
  floor: CHOICE.floor,
  maxDeviation: CHOICE.maxDeviation,
  seed: SEED,
  options: OPTS,
  band: [LOW, HIGH],
  data: Object.fromEntries((['tune', 'polnear', 'ptc'] as const).map((o) => [o, docs.filter((d) => d.origin === o).length])),
  examples: { positive: labelled.filter((r) => r.label === 1).length, negative: labelled.filter((r) => r.label === 0).length },
  crossValidation: { articles: tuneDocs.length, goldTotals, external: extDocs, byThreshold: cv },
};
// As for totals: below 0.4 the shares model fires on the numeric rules' contrast sentences (a share of another group in
// the next sentence at 0.35; six at 0.30, measured 2026-12-06), which the folds do not hold.
const LOWEST_SHARES = Number(process.env.LOWEST_SHARES ?? 0.4);
const shareByRule = shareCv.find((r) => r.false * MAX_FALSE_PER <= tuneDocs.length) ?? shareCv[shareCv.length - 1]!;
const shareChosen = shareCv.find((r) => r.threshold >= Math.max(LOWEST_SHARES, shareByRule.threshold))!;
console.log(`shares: chosen threshold ${shareChosen.threshold} (by the rule ${shareByRule.threshold}; never below ${LOWEST_SHARES})`);
const shareMeta = {
  threshold: shareChosen.threshold,
  floor: SHARE_FLOOR,
  seed: SEED,
  options: OPTS,
  examples: { positive: shareRows.filter((r) => r.label === 1).length, negative: shareRows.filter((r) => r.label === 0).length },
  crossValidation: { articles: tuneDocs.length, goldRuns: goldShares, external: extDocs, byThreshold: shareCv },
};
const files = {
  whole: encodeLogistic(models.whole, { ...meta, role: 'whole' }),
  run: encodeLogistic(models.run, { ...meta, role: 'run' }),
  shares: encodeLogistic(trainShares(shareRows), { ...shareMeta, role: 'shares' }),
};
const paths: Record<keyof typeof files, string> = { whole: WHOLE_FILE, run: RUN_FILE, shares: SHARES_FILE };
if (process.argv.includes('--check')) {
  let same = true;
  for (const [role, bytes] of Object.entries(files)) {
    const path = paths[role as keyof typeof files];
    const ok = existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;
    console.log(`${path}: ${ok ? 'reproduced byte for byte' : 'DIFFERS from the committed model'}`);
    same &&= ok;
  }
  if (!same) process.exit(1);
} else {
  for (const [role, bytes] of Object.entries(files)) {
    writeFileSync(paths[role as keyof typeof files], bytes);
    console.log(`wrote ${paths[role as keyof typeof files]} (${bytes.length} bytes)`);
  }
}
