// Cross-validation of the check-worthiness model on the news tune half by article (issues 13 and 15): the tune
// articles are split into 5 folds by a seeded shuffle of their ids (CV_SEED), or with --by-round into 5 folds of whole
// writing rounds (no writer on both sides). For each fold a model is trained without that fold's articles (the
// ClaimBuster training side, plus, with NEWS_WEIGHT > 0, the usable claim rows of the other folds: checkworthy-data.ts
// newsRows, positives repeated NEWS_WEIGHT times, negatives NEWS_NEG_WEIGHT times), calibrated on the ClaimBuster
// validation split as the committed model is, put in place of the committed model (the shared instance the pipeline
// scores with), and the default pipeline is run on the fold's articles and scored by news-metric.ts. Printed:
// - cv.recall / cv.falseFlags: unsourced claims recall and false-flag rate summed out of fold (the news criterion);
// - cv.openAuc over `open`: the gold claims the pipeline flags when every sentence scores 1 (those the model can
//   decide, floors and ceilings aside), AUC of the final check-worthiness, read without a threshold;
// - cv.rowsAuc / cv.rowsAt05: the fold model alone over the held articles' usable rows (AUC; at 0.5, positives
//   reached and negatives reached);
// - whole: the model trained on everything (all tune rows): threshold, ClaimBuster validation F1 / AUC (the other
//   criterion), CheckThat! 2024 dev-test F1 / AUC (reported only, never chosen on).
// Never reads the validation half. Usage: node --import tsx scripts/cv-checkworthy-news.ts [--baseline] [--by-round]
//   --baseline: the committed model on every fold (nothing is fitted on tune: its tune figures, split by fold).
// Settings through the environment: NEWS_WEIGHT, NEWS_NEG_WEIGHT, CV_SEED, and EPOCHS, RATE, L2, BITS as the trainer.
import { defaultCheckworthyModel } from '../src/annotators/claims/model.js';
import { analyzeDocument, extractPure, resolveOptions } from '../src/engine/analyze.js';
import { seededRandom, shuffle } from '../src/learn/hashing.js';
import { checkworthyFeatures } from '../src/annotators/claims/model-features.js';
import { probability, type LogisticModel } from '../src/learn/logistic.js';
import { rates, scoreArticle, sumCounts, type ArticleScore, type NewsGold, type NewsPrediction, UNSOURCED_RULES } from '../bench/quality/news-metric.js';
import { loadNewsSet, predictArticle } from '../bench/quality/news-task.js';
import { areaUnderRoc, fitCheckworthy, loadCheckworthyData, newsRows, type Item } from './checkworthy-data.js';

const FOLDS = 5;
const CV_SEED = Number(process.env.CV_SEED ?? 20261206);

/** The tune articles in 5 folds: ids sorted, shuffled with the seed, dealt round-robin. */
export function newsFolds(articles: readonly NewsGold[]): NewsGold[][] {
  if (process.argv.includes('--by-round')) return ROUND_FOLDS.map(([from, to]) => articles.filter((a) => number(a.id) >= from && number(a.id) <= to));
  const order = shuffle([...articles].sort((a, b) => (a.id < b.id ? -1 : 1)), seededRandom(CV_SEED));
  return Array.from({ length: FOLDS }, (_, f) => order.filter((_, i) => i % FOLDS === f));
}

/** --by-round: folds of whole writing rounds (bench/news/README.md), so that no writer's hand is on both sides: t01–t40 (rounds 1–2), t41–t86 (3–6), t87–t104 (7), t105–t140 (8), t141–t176 (9–10). */
const ROUND_FOLDS: readonly [number, number][] = [[1, 40], [41, 86], [87, 104], [105, 140], [141, 176]];
const number = (id: string) => Number(/^t(\d+)/.exec(id)![1]);

function main(): void {
  const t0 = performance.now();
  const baseline = process.argv.includes('--baseline');
  const { articles } = loadNewsSet('tune');
  const folds = newsFolds(articles);
  const data = loadCheckworthyData();
  const slot = defaultCheckworthyModel() as { model: LogisticModel };
  const committed = slot.model;
  const options = resolveOptions({});
  // The gold claims the pipeline could flag (flagged when every sentence scores 1): the model decides these, the
  // floors and the ceilings aside; the AUC of the final check-worthiness over them is read without a threshold.
  slot.model = { ...committed, bias: 50, weights: new Float32Array(committed.weights.length), platt: { a: 1, b: 0 } };
  const open = new Map(articles.map((gold) => [gold.id, flaggable(gold, predictArticle(gold.text, options))]));
  const finalScores: number[] = [];
  const finalLabels: (0 | 1)[] = [];
  const scores: ArticleScore[] = [];
  const rowScores: number[] = [];
  const rowLabels: (0 | 1)[] = [];
  for (let f = 0; f < FOLDS; f++) {
    const held = folds[f]!;
    const rest = folds.filter((_, k) => k !== f).flat();
    if (baseline) slot.model = committed;
    else slot.model = fitCheckworthy(data, newsRows(rest)).model;
    for (const gold of held) {
      scores.push(scoreArticle(gold, predictArticle(gold.text, options)));
      const claims = analyzeDocument(extractPure({ text: gold.text }, options), options).all('claim');
      gold.claims.forEach((claim, k) => {
        if (!open.get(gold.id)![k]) return;
        const best = claims.filter((c) => c.start < claim.end && c.end > claim.start).map((c) => c.checkworthiness);
        finalScores.push(best.length ? Math.max(...best) : 0);
        finalLabels.push(claim.flag ? 1 : 0);
      });
    }
    // Threshold-free: the fold model's own score over the held articles' usable rows (positives vs clean negatives).
    for (const row of newsRows(held)) {
      rowScores.push(scoreText(slot.model, row));
      rowLabels.push(row.label);
    }
  }
  slot.model = committed;
  const r = rates(sumCounts(scores.map((s) => s.counts)));
  const fmt = ([v, n, d]: readonly [number, number, number]) => `${v.toFixed(3)} (${n}/${d})`;
  const whole = baseline ? undefined : fitCheckworthy(data, newsRows(articles));
  console.log(
    JSON.stringify({
      variant: baseline ? 'committed model' : { newsWeight: Number(process.env.NEWS_WEIGHT ?? 0), negativeWeight: process.env.NEWS_NEG_WEIGHT, epochs: process.env.EPOCHS, rate: process.env.RATE, l2: process.env.L2 },
      cv: { recall: fmt(r['unsourced claims recall']!), falseFlags: fmt(r['false-flag rate']!), rowsAuc: Number(areaUnderRoc(rowScores, rowLabels).toFixed(4)), rowsAt05: atHalf(rowScores, rowLabels), openAuc: Number(areaUnderRoc(finalScores, finalLabels).toFixed(4)), open: `${finalLabels.filter((y) => y === 1).length}/${finalLabels.length}` },
      ...(whole ? { whole: whole.figures, newsRows: whole.newsRows } : {}),
      seconds: Number(((performance.now() - t0) / 1000).toFixed(1)),
    }),
  );
}

/** Which gold claims of an article a prediction flags. */
function flaggable(gold: NewsGold, pred: NewsPrediction): boolean[] {
  const found = pred.findings.filter((f) => UNSOURCED_RULES.has(f.rule));
  return gold.claims.map((claim) => found.some((f) => f.start < claim.end && f.end > claim.start));
}

/** The model alone at 0.5 over the usable rows: positives reached, negatives reached. */
function atHalf(scores: readonly number[], labels: readonly (0 | 1)[]): string {
  const pos = labels.filter((y) => y === 1).length;
  const tp = scores.filter((s, i) => s >= 0.5 && labels[i] === 1).length;
  const fp = scores.filter((s, i) => s >= 0.5 && labels[i] === 0).length;
  return `${tp}/${pos} ${fp}/${labels.length - pos}`;
}

const scoreText = (model: LogisticModel, row: Item) => probability(model, checkworthyFeatures(row.text));

main();
