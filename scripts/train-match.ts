// Trains the fact-check match re-ranker on CLEF CheckThat! 2020 task 2 (English verified-claim retrieval) and writes
// models/match-reranker.bin (+ the validation id list). Reproducible: fixed seed, inputs in file order, a fixed
// validation split carved from the 800 training tweets (a seeded shuffle of their ids, the first 160). Every choice is
// made on that split with a model trained on the other 640 (kept in the file's metadata as `heldOut`, for the
// validation figures and the calibration); the committed model is trained the same way on all 800. The dev tweets are
// scored as an anchor only, never used for a choice.
// Usage: npm run train:match [-- --check]   (reads ../shared/data at run time)
// --check trains the same way and fails unless the result is byte-identical to the committed model (run in CI).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQrels, scoreMatchRun, type MatchScores } from '../bench/quality/match-metric.js';
import { readCheckedClaims, readQueries } from '../src/engine/predict/match.js';
import { firstStage, type Candidate } from '../src/factchecks/match/candidates.js';
import { candidateFeatures, FEATURES } from '../src/factchecks/match/features.js';
import { analyseQuery, buildMatchIndex, type MatchIndex } from '../src/factchecks/match/index.js';
import { collapseCopies, copyKey } from '../src/factchecks/match/match.js';
import { decodeReranker, encodeReranker, rerankScore, trainReranker, type RankingGroup, type Reranker } from '../src/factchecks/match/reranker.js';
import { seededRandom, shuffle } from '../src/learn/hashing.js';

const SEED = 20261205;
const DEPTH = Number(process.env.DEPTH ?? 100);
const EPOCHS = Number(process.env.EPOCHS ?? 10);
const RATE = Number(process.env.RATE ?? 0.05);
const L2 = Number(process.env.L2 ?? 1e-3);
const NEGATIVES = Number(process.env.NEGATIVES ?? 20);
const VALIDATION_SIZE = 160;
const ROOT = join(import.meta.dirname, '..');
const SHARED = process.env.CLAIMTRACE_SHARED ?? join(ROOT, '..', 'shared');
const DATA = join(SHARED, 'data', 'clef2020-claim-retrieval');
const MODEL = join(ROOT, 'models', 'match-reranker.bin');
const VALIDATION_IDS = join(ROOT, 'models', 'match-reranker.validation-ids.txt');

interface Query {
  readonly id: string;
  readonly relevant: ReadonlySet<string>;
  readonly candidates: readonly Candidate[];
  /** Candidates of plain BM25 (the claim's terms only, no author), the baseline. */
  readonly plain: readonly Candidate[];
  readonly vectors: readonly Float64Array[];
}

/** A split's queries, analysed, with their first-stage candidates and feature vectors. */
function loadSplit(index: MatchIndex, split: 'train' | 'dev'): Query[] {
  const gold = readQrels(readFileSync(join(DATA, split, 'tweet-vclaim-pairs.qrels'), 'utf8'));
  return readQueries(readFileSync(join(DATA, split, 'tweets.queries.tsv'), 'utf8')).map((q) => {
    const query = analyseQuery(q.text);
    const candidates = firstStage(index, query, DEPTH);
    const plain = firstStage(index, { ...query, authorTerms: [] }, DEPTH);
    return { id: q.id, relevant: gold.get(q.id) ?? new Set(), candidates, plain, vectors: candidateFeatures(index, query, candidates) };
  });
}

/** Splits the training tweets: a seeded shuffle of their ids in file order, the first VALIDATION_SIZE held out. */
function carve(queries: readonly Query[]): { training: Query[]; validation: Query[] } {
  const held = new Set(shuffle(queries.map((q) => q.id), seededRandom(SEED)).slice(0, VALIDATION_SIZE));
  return { training: queries.filter((q) => !held.has(q.id)), validation: queries.filter((q) => held.has(q.id)) };
}

const round = (x: number) => Number(x.toFixed(4));

/** Scores of queries ranked by plain BM25, the first stage, or the re-ranker (copies collapsed, as matchClaim does), with recall@depth. */
function evaluate(index: MatchIndex, queries: readonly Query[], model?: Reranker | 'plain'): MatchScores & { recallAtDepth: number } {
  const run = new Map<string, string[]>();
  for (const q of queries) {
    const order = (model === 'plain' ? q.plain : q.candidates).map((c, i) => ({ c, s: model && model !== 'plain' ? rerankScore(model, q.vectors[i]!) : -c.rank }));
    order.sort((a, b) => b.s - a.s || a.c.rank - b.c.rank);
    // Re-ranked as matchClaim ranks: a copy of a fact-check after the distinct ones.
    const ranked = model && model !== 'plain' ? collapseCopies(order, (o) => copyKey(index.claims[o.c.doc]!)) : order;
    run.set(q.id, ranked.map((o) => index.claims[o.c.doc]!.id));
  }
  const gold = new Map(queries.map((q) => [q.id, q.relevant]));
  const s = scoreMatchRun(run, gold);
  const found = queries.filter((q) => [...q.relevant].some((r) => run.get(q.id)!.includes(r))).length;
  return { queries: s.queries, map1: round(s.map1), map5: round(s.map5), recall5: round(s.recall5), recallAtDepth: round(found / Math.max(1, queries.length)) };
}

/** Training groups: queries whose relevant claim the first stage found. */
function groupsOf(index: MatchIndex, queries: readonly Query[]): RankingGroup[] {
  return queries.flatMap((q) => {
    const relevant = q.candidates.findIndex((c) => q.relevant.has(index.claims[c.doc]!.id));
    return relevant < 0 ? [] : [{ vectors: q.vectors, relevant }];
  });
}

function check(file: Buffer, ids: string): void {
  const same = existsSync(MODEL) && readFileSync(MODEL).equals(file) && readFileSync(VALIDATION_IDS, 'utf8') === ids;
  console.log(same ? 'train:match --check: the committed model is reproduced byte for byte' : 'train:match --check: the committed model differs from a fresh training run; run npm run train:match and commit');
  if (!same) process.exitCode = 1;
}

/** A model's arrays as plain numbers, for the file's metadata. */
const arrays = (m: Reranker) => ({ mean: [...m.mean], scale: [...m.scale], weights: [...m.weights] });

function main(): void {
  const t0 = performance.now();
  const index = buildMatchIndex(readCheckedClaims(readFileSync(join(DATA, 'verified_claims.docs.tsv'), 'utf8')));
  const all = loadSplit(index, 'train');
  const { training, validation } = carve(all);
  const dev = loadSplit(index, 'dev');
  const options = { epochs: EPOCHS, seed: SEED, rate: RATE, l2: L2, negatives: NEGATIVES };
  // Score the models as they are stored (16-bit weights), not the float ones.
  const stored = (groups: RankingGroup[]) => decodeReranker(encodeReranker(trainReranker(groups, FEATURES, DEPTH, options), {})).model;
  // The held-out model (trained on the 640, scored on the 160 it never saw) gives the validation figures and the
  // calibration (scripts/calibrate-match.ts reads it from this file's metadata); once every choice was fixed on it,
  // the committed model is trained the same way on all 800 training tweets.
  const heldOut = stored(groupsOf(index, training));
  const model = stored(groupsOf(index, all));
  const meta = {
    name: 'match-reranker',
    data: 'CLEF CheckThat! 2020 task 2 English v3: 10,375 verified claims; 800 training tweets, of which a validation split of 160 (seeded shuffle of ids) made every choice with a model trained on the other 640; the committed model is then trained on all 800; dev 197 tweets scored only',
    depth: DEPTH,
    ...options,
    trainingQueries: all.length,
    heldOutTrainingQueries: training.length,
    validationQueries: validation.length,
    weights: Object.fromEntries(FEATURES.map((f, i) => [f, round(model.weights[i]!)])),
    plainBm25: { validation: evaluate(index, validation, 'plain'), dev: evaluate(index, dev, 'plain'), training: evaluate(index, training, 'plain') },
    firstStage: { validation: evaluate(index, validation), dev: evaluate(index, dev), training: evaluate(index, training) },
    reranked: { validation: evaluate(index, validation, heldOut), dev: evaluate(index, dev, heldOut), training: evaluate(index, training, heldOut) },
    final: { dev: evaluate(index, dev, model), training: evaluate(index, all, model) },
    heldOut: arrays(heldOut),
  };
  console.log(JSON.stringify({ ...meta, heldOut: '(arrays)' }, null, 1));
  const file = encodeReranker(model, meta);
  const ids = `${validation.map((q) => q.id).sort((a, b) => Number(a) - Number(b)).join('\n')}\n`;
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (process.argv.includes('--check')) return check(file, ids);
  if (process.argv.includes('--dry')) return void console.log(`(dry run: ${file.length} bytes, ${seconds} s)`);
  writeFileSync(MODEL, file);
  writeFileSync(VALIDATION_IDS, ids);
  console.log(`wrote ${MODEL} (${file.length} bytes) in ${seconds} s`);
}

main();
