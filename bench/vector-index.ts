/**
 * Candidate generators for trace, compared on a generated corpus (issue 14, section 4): which claims of the store are
 * worth scoring for a query claim. For each size (seeded corpus of bench/corpus/generate.ts, seed 42, ingested into a
 * SQLite store by the full pipeline, as bench:corpus does), each planted story is looked for from its first paraphrased
 * appearance and from its first retold one, and each generator's top k candidates (k = 50, 200) are counted against the
 * story's other planted appearances (paraphrased and retold apart):
 *  (a) words: the trace's own candidate step (planTrace / rankCandidates over the same SQL as src/store/sqlite-trace.ts:
 *      rare words, figures, names, and each query word's nearest words), on the real store;
 *  (b) hnsw: an HNSW index (hnswlib-node) over the claims' SIF vectors (src/meaning/sentence.ts);
 *  (c) sqlite-vec: a vec0 table of int8 claim vectors in SQLite (exact scan in C), loaded into better-sqlite3;
 *  (d) brute: an exact scan in JS over int8 and float32 unit vectors;
 *  and (a) ∪ the nearest vectors, the form the issue names ("candidates from the rare words and figures as now plus the
 *  nearest vectors"). What trace itself returns (store.trace) is measured beside them.
 * Latency is of the candidate step alone on one thread (the query's analysis and vector are timed apart). The exact
 * scans are also timed over `--scan-claims` vectors (the real ones repeated: a scan's cost does not depend on what the
 * vectors hold), 4.8 million by default, the number of claims at 100,000 articles.
 *
 * node --import tsx bench/vector-index.ts [--sizes 1000,10000] [--traces 100] [--work /tmp/claimtrace-vi]
 *   [--scan-claims 4800000] [--deps DIR]   (DIR: a folder whose node_modules holds hnswlib-node and sqlite-vec,
 *   when they are not installed in the project). Writes bench/out/vector-index.json and bench/out/vector-index.md;
 *   `--render` writes the .md again from the .json. Stores are built once per size under --work (one worker; ~7 minutes
 *   for 10,000 articles) and reused.
 * The two native packages are not project dependencies (the figures decided against keeping an index). To measure them:
 *   mkdir /tmp/vi-deps && cd /tmp/vi-deps && npm init -y && npm install hnswlib-node@3.0.0 sqlite-vec@0.1.9
 *   then allow hnswlib-node's install script (npm 11: "allowScripts": {"hnswlib-node": true} in that package.json)
 *   and `npm rebuild hnswlib-node` (node-gyp, g++; ~1 CPU minute). Without them, (b) and (c) are reported as not loaded.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { resolveOptions } from '../src/engine/analyze.js';
import { traceQueryFromText } from '../src/engine/trace-query.js';
import { ingest } from '../src/ingest/index.js';
import { sentenceVector } from '../src/meaning/sentence.js';
import { getWordVectors } from '../src/meaning/vectors.js';
import { DEFAULT_TRACE_THRESHOLD, openSqliteStore } from '../src/store/index.js';
import type { TraceQuery } from '../src/store/types.js';
import { DEFAULT_NEAR, TRACE_DF_CAP, TRACE_NEAR_POSTINGS_MAX, TRACE_POSTINGS_MAX, fingerprint, figureRange, getNearness, itemWords, planTrace, queryTerms, rankCandidates, type NearOptions, type QueryTerm } from '../src/trace/index.js';
import { generateCorpus, type PlantKind } from './corpus/generate.js';
import { percentile, writeCorpus } from './corpus/write.js';
import { countHits, emptyHits, mergeRanked, scanFloat32, scanInt8, toInt8, topK, unit, type Hits, type Target } from './vector-index-rank.js';
import { markdown, type Results } from './vector-index-report.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
};
const SIZES = arg('sizes', '1000,10000').split(',').map(Number);
const TRACES = Number(arg('traces', '100'));
const WORK = arg('work', '/tmp/claimtrace-vi');
const SCAN_CLAIMS = Number(arg('scan-claims', '4800000'));
const DEPS = arg('deps', process.env.VECTOR_INDEX_DEPS ?? '');
const KS = [50, 200] as const;
const KMAX = 200;
/** HNSW parameters: links per node, construction beam, search beam (at least k). */
const HNSW = { M: 16, efConstruction: 200, ef: 200, seed: 100 };

// ---------- the store and the corpus ----------

const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const rssMb = () => process.memoryUsage().rss / 2 ** 20;

/** The seeded corpus ingested into a SQLite store by the full pipeline (one worker), kept under WORK for later runs. */
async function buildStore(size: number): Promise<{ db: string; ingest?: { seconds: number; articlesPerSecond: number } }> {
  const dir = join(WORK, String(size));
  mkdirSync(dir, { recursive: true });
  const db = join(dir, 'corpus.db');
  if (existsSync(db)) return { db };
  writeCorpus(join(dir, 'corpus.jsonl'), size);
  const store = await openSqliteStore(`${db}.part`);
  const summary = await ingest([join(dir, 'corpus.jsonl')], store, { analyze: resolveOptions({}), workers: 1 });
  await store.close();
  renameSync(`${db}.part`, db);
  return { db, ingest: { seconds: round(summary.elapsedMs / 1000, 1), articlesPerSecond: round(summary.rate, 1) } };
}

interface Query {
  readonly story: string;
  readonly family: string;
  readonly from: 'paraphrase' | 'retold';
  readonly url: string;
  readonly text: string;
  readonly targets: readonly Target[];
}

/**
 * The stories planted at least twice (the first TRACES in corpus order, as bench:corpus picks them), each queried from
 * its first paraphrased and its first retold appearance; the targets are its appearances in other articles, as the
 * store's claims that overlap them.
 */
function queriesOf(size: number, claimsByUrl: Map<string, { id: number; start: number; end: number }[]>) {
  const byStory = new Map<string, { url: string; kind: PlantKind; text: string; start: number; end: number; family: string }[]>();
  // Every planted sentence's claims, with its story and claim family ("jobs"; "distractor" for the unrelated ones).
  const plantOf = new Map<number, { story: string; family: string; distractor: boolean }>();
  for (const a of generateCorpus({ articles: size, seed: 42 })) {
    for (const p of a.plants) for (const c of claimsByUrl.get(a.record.url) ?? []) if (c.start < p.end && p.start < c.end) plantOf.set(c.id, { story: p.claimId, family: p.template.split('/')[0]!, distractor: p.distractor });
    for (const p of a.plants) if (!p.distractor) byStory.set(p.claimId, [...(byStory.get(p.claimId) ?? []), { url: a.record.url, kind: p.kind, text: a.record.text.slice(p.start, p.end), start: p.start, end: p.end, family: p.template.split('/')[0]! }]);
  }
  let unstored = 0;
  let planted = 0;
  const queries: Query[] = [];
  for (const [story, list] of [...byStory].filter(([, l]) => l.length >= 2).slice(0, TRACES)) {
    const targets = list.map((p) => {
      const claims = (claimsByUrl.get(p.url) ?? []).filter((c) => c.start < p.end && p.start < c.end).map((c) => c.id);
      planted++;
      if (claims.length === 0) unstored++;
      return { url: p.url, kind: p.kind === 'retold' ? 'retold' as const : 'paraphrase' as const, claims };
    });
    for (const from of ['paraphrase', 'retold'] as const) {
      const first = list.find((p) => p.kind === from);
      if (first) queries.push({ story, family: first.family, from, url: first.url, text: first.text, targets: targets.filter((t) => t.url !== first.url) });
    }
  }
  return { queries, planted, unstored, plantOf };
}

// ---------- the optional native packages ----------

interface HnswIndex {
  initIndex(maxElements: number, m?: number, efConstruction?: number, randomSeed?: number): void;
  addPoint(point: number[], label: number): void;
  setEf(ef: number): void;
  searchKnn(query: number[], k: number): { distances: number[]; neighbors: number[] };
  writeIndexSync(path: string): void;
  getCurrentCount(): number;
}
type HnswModule = { HierarchicalNSW: new (space: 'ip' | 'cosine' | 'l2', dims: number) => HnswIndex };
type SqliteVecModule = { getLoadablePath(): string };

/** A package from the project, else from DEPS (a scratch install); undefined with the reason when neither has it. */
function loadPackage<T>(name: string): { mod?: T; error?: string } {
  const places = [import.meta.url, ...(DEPS ? [join(DEPS, 'package.json')] : [])];
  let error = '';
  for (const from of places) {
    try {
      return { mod: createRequire(from)(name) as T };
    } catch (err) {
      error = (err as Error).message.split('\n')[0]!;
    }
  }
  return { error };
}

// ---------- one size ----------

interface Generator {
  name: string;
  times: number[];
  /** CPU time of the process per query (user + system): what the query costs a core, apart from waiting for one. */
  cpu: number[];
  hits: Record<number, Record<'paraphrase' | 'retold', Hits>>;
  /** Candidates returned (before the k cut), summed. */
  returned: number;
}

const newGenerator = (name: string): Generator => ({ name, times: [], cpu: [], hits: Object.fromEntries(KS.map((k) => [k, { paraphrase: emptyHits(), retold: emptyHits() }])), returned: 0 });

/** Wall and CPU milliseconds since a clock(). */
const clock = () => ({ wall: performance.now(), cpu: process.cpuUsage() });
const since = (c: ReturnType<typeof clock>) => {
  const u = process.cpuUsage(c.cpu);
  return { wall: performance.now() - c.wall, cpu: (u.user + u.system) / 1000 };
};

function record(g: Generator, q: Query, ids: readonly number[], ms?: { wall: number; cpu: number }): void {
  if (ms !== undefined) {
    g.times.push(ms.wall);
    g.cpu.push(ms.cpu);
  }
  g.returned += ids.length;
  for (const k of KS) countHits(g.hits[k]![q.from], q.targets, ids, k);
}

function summary(g: Generator) {
  const times = [...g.times].sort((a, b) => a - b);
  const cpu = [...g.cpu].sort((a, b) => a - b);
  const recall = (h: Hits, kind: 'paraphrase' | 'retold') => round(h[kind].found / Math.max(1, h[kind].relevant), 4);
  return {
    name: g.name,
    p50Ms: times.length ? round(percentile(times, 50)) : null,
    p95Ms: times.length ? round(percentile(times, 95)) : null,
    cpuP50Ms: cpu.length ? round(percentile(cpu, 50)) : null,
    cpuP95Ms: cpu.length ? round(percentile(cpu, 95)) : null,
    ...Object.fromEntries(KS.map((k) => [`k${k}`, Object.fromEntries((['paraphrase', 'retold'] as const).map((from) => [`from${from === 'paraphrase' ? 'Paraphrase' : 'Retold'}`, { paraphrase: recall(g.hits[k]![from], 'paraphrase'), retold: recall(g.hits[k]![from], 'retold'), relevant: g.hits[k]![from].paraphrase.relevant + g.hits[k]![from].retold.relevant }]))])),
    meanReturned: round(g.returned / Math.max(1, g.times.length || 1), 1),
  };
}

/** The trace's candidate step on the store, as src/store/sqlite-trace.ts runs it (same SQL, same planning and ranking). */
function wordsGenerator(db: Database.Database) {
  const ftsWords = (words: readonly string[]) => words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' OR ');
  const dfQuery = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM claims_fts WHERE claims_fts MATCH ? LIMIT ${TRACE_DF_CAP})`).pluck();
  const byTerm = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${TRACE_POSTINGS_MAX}`).pluck();
  const byNearWord = db.prepare(`SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rowid DESC LIMIT ${TRACE_NEAR_POSTINGS_MAX + 1}`).pluck();
  const figureDf = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high LIMIT ${TRACE_DF_CAP})`).pluck();
  const byFigure = db.prepare(`SELECT claim_id FROM quantities WHERE kind = @kind AND value BETWEEN @low AND @high AND claim_id IS NOT NULL ORDER BY claim_id DESC LIMIT ${TRACE_POSTINGS_MAX}`).pluck();
  const claimCount = db.prepare('SELECT coalesce(max(id), 0) AS n FROM claims');
  // The store caches word counts per process; so does this (a long-lived server's state).
  const dfCache = new Map<string, number>();
  const dfOf = (fts: string) => {
    let df = dfCache.get(fts);
    if (df === undefined) dfCache.set(fts, (df = dfQuery.get(fts) as number));
    return df;
  };
  return (query: TraceQuery): number[] => {
    const threshold = DEFAULT_TRACE_THRESHOLD;
    const target = fingerprint(query.text, query.figures, query.masks ?? []);
    const near: NearOptions = { near: getNearness(), ...DEFAULT_NEAR };
    const total = (claimCount.get() as { n: number }).n + 1;
    const terms: QueryTerm[] = queryTerms(query.text, [...query.figures, ...(query.masks ?? [])]);
    const ranges = target.figures.map(figureRange);
    const plan = planTrace(terms, terms.map((t) => dfOf(ftsWords(t.forms))), ranges.map((r) => figureDf.get(r) as number), total, target, threshold, near);
    const read = plan.toRead.map((item) => ({ item, ids: (item.term !== undefined ? (item.near !== undefined ? byNearWord : byTerm).all(ftsWords(itemWords(item, terms))) : byFigure.all(ranges[item.figure!]!)) as number[] }));
    return rankCandidates(read, ranges.length).ids;
  };
}

async function measureSize(size: number, hnswMod: HnswModule | undefined, vecMod: SqliteVecModule | undefined) {
  const built = await buildStore(size);
  const dir = dirname(built.db);
  const db = new Database(built.db, { readonly: true });
  const claims = db.prepare('SELECT c.id, c.start_offset AS start, c.end_offset AS end, c.text, d.url FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id').all() as { id: number; start: number; end: number; text: string; url: string }[];
  const claimsByUrl = new Map<string, { id: number; start: number; end: number }[]>();
  for (const c of claims) claimsByUrl.set(c.url, [...(claimsByUrl.get(c.url) ?? []), c]);
  const { queries, planted, unstored, plantOf } = queriesOf(size, claimsByUrl);
  console.log(`${size} articles: ${claims.length} claims, ${queries.length} queries (${planted} planted appearances, ${unstored} not stored as a claim)`);

  // Claim vectors: SIF with the common component removed, as unit vectors; what ingest would compute per claim.
  const table = getWordVectors();
  const dims = table.dims;
  const n = claims.length;
  const ids = new Int32Array(n);
  const f32 = new Float32Array(n * dims);
  const i8 = new Int8Array(n * dims);
  let zero = 0;
  const tv = clock();
  for (let i = 0; i < n; i++) {
    const u = unit(sentenceVector(claims[i]!.text, table));
    ids[i] = claims[i]!.id;
    f32.set(u, i * dims);
    toInt8(u, i8, i * dims);
    if (u.every((x) => x === 0)) zero++;
  }
  const vectorTime = since(tv);
  const vectorMsPerClaim = vectorTime.wall / n;
  const vectorCpuMsPerClaim = vectorTime.cpu / n;
  console.log(`  claim vectors: ${vectorMsPerClaim.toFixed(3)} ms per claim, ${zero} all zero`);

  // Query analysis and query vectors (timed apart from the candidate step).
  const analysed = queries.map((q) => {
    const t0 = performance.now();
    const trace = traceQueryFromText(q.text, { limit: 1000 });
    const t1 = performance.now();
    const v = unit(sentenceVector(q.text, table));
    const t2 = performance.now();
    const q8 = new Int8Array(dims);
    toInt8(v, q8);
    return { q, trace, v, q8, analyseMs: t1 - t0, vectorMs: t2 - t1 };
  });

  const gens: Record<string, Generator> = {};
  const gen = (name: string) => (gens[name] ??= newGenerator(name));
  const scores = new Float32Array(n);
  const exact = new Map<Query, number[]>();

  // (d) brute force: exact, int8 and float32.
  for (const { q, v, q8 } of analysed.slice(0, 3)) { scanInt8(q8, i8, dims, n, scores); topK(scores, KMAX); scanFloat32(v, f32, dims, n, scores); topK(scores, KMAX); void q; }
  for (const { q, v, q8 } of analysed) {
    let t = clock();
    scanInt8(q8, i8, dims, n, scores);
    const top8 = topK(scores, KMAX).map((i) => ids[i]!);
    record(gen('brute-int8'), q, top8, since(t));
    t = clock();
    scanFloat32(v, f32, dims, n, scores);
    const top32 = topK(scores, KMAX).map((i) => ids[i]!);
    record(gen('brute-float32'), q, top32, since(t));
    exact.set(q, top32);
  }

  // What fills the exact top 200: the story's own appearances, the same claim family's other stories and look-alikes
  // (the same wording about another town or figure), other planted sentences, or filler.
  const crowd = { own: 0, sameFamily: 0, otherPlanted: 0, filler: 0 };
  for (const { q } of analysed) for (const id of exact.get(q)!) {
    const p = plantOf.get(id);
    if (!p) crowd.filler++;
    else if (p.story === q.story && !p.distractor) crowd.own++;
    else if (p.family === q.family) crowd.sameFamily++;
    else crowd.otherPlanted++;
  }
  const exactTop200 = Object.fromEntries(Object.entries(crowd).map(([k, x]) => [k, round(x / analysed.length, 1)]));

  // (a) words: the trace's candidate step on the store; and what trace returns in the end.
  const words = wordsGenerator(db);
  for (const { trace } of analysed.slice(0, 3)) words(trace);
  const wordIds = new Map<Query, number[]>();
  for (const { q, trace } of analysed) {
    const t = clock();
    const got = words(trace);
    record(gen('words'), q, got, since(t));
    wordIds.set(q, got);
  }
  for (const { q } of analysed) {
    // Union at one budget: half from each list, interleaved (k = 50: 25 + 25 …), and all of the words' 300 plus k vectors.
    for (const k of KS) countHits(gen('words ∪ vectors (k split)').hits[k]![q.from], q.targets, mergeRanked(wordIds.get(q)!, exact.get(q)!, k), k);
    const plus = (k: number) => [...new Set([...wordIds.get(q)!, ...exact.get(q)!.slice(0, k)])];
    for (const k of KS) countHits(gen('words (all) + k vectors').hits[k]![q.from], q.targets, plus(k), Infinity);
  }
  const store = await openSqliteStore(built.db);
  const traceGen = gen('trace (store.trace, final matches)');
  for (const { trace } of analysed.slice(0, 3)) await store.trace(trace);
  for (const { q, trace } of analysed) {
    const t = clock();
    const result = await store.trace(trace);
    const ms = since(t);
    const matched = result.matches.map((m) => (claimsByUrl.get(m.url ?? '') ?? []).find((c) => c.start < m.end && m.start < c.end)?.id ?? -1);
    for (const k of KS) countHits(traceGen.hits[k]![q.from], q.targets, matched, Infinity);
    traceGen.times.push(ms.wall);
    traceGen.cpu.push(ms.cpu);
    traceGen.returned += matched.length;
  }
  await store.close();

  // (b) HNSW over the non-zero float32 vectors; (c) sqlite-vec: a vec0 table of int8 vectors, scanned exactly.
  const vectors = { ids, f32, i8, n, dims };
  const hnsw = hnswMod ? measureHnsw(hnswMod, vectors, dir, analysed, exact, gen) : { error: 'hnswlib-node not loaded' };
  const sqliteVec = vecMod ? measureSqliteVec(vecMod, vectors, dir, analysed, gen) : { error: 'sqlite-vec not loaded' };
  db.close();

  const analyse = analysed.map((a) => a.analyseMs).sort((a, b) => a - b);
  const qv = analysed.map((a) => a.vectorMs).sort((a, b) => a - b);
  const result = {
    articles: size, claims: n, claimsPerArticle: round(n / size, 1), zeroVectors: zero, queries: queries.length, plantedAppearances: planted, notStoredAsClaim: unstored,
    ...(built.ingest ? { ingest: built.ingest } : {}),
    claimVectorMsPerClaim: round(vectorMsPerClaim, 4), claimVectorCpuMsPerClaim: round(vectorCpuMsPerClaim, 4), queryAnalysisP50Ms: round(percentile(analyse, 50)), queryVectorP50Ms: round(percentile(qv, 50), 3),
    generators: Object.values(gens).map(summary), exactTop200, hnsw, sqliteVec,
  };
  return { result, vectors: { i8, f32, n, dims }, vecMod };
}

/** A query as the generators see it: its trace query, its unit vector and that vector in int8. */
interface Analysed {
  readonly q: Query;
  readonly v: Float32Array;
  readonly q8: Int8Array;
}

/** The claims' vectors: ids, unit float32 and int8 rows of `dims`. */
interface ClaimVectors {
  readonly ids: Int32Array;
  readonly f32: Float32Array;
  readonly i8: Int8Array;
  readonly n: number;
  readonly dims: number;
}

/** (b) An HNSW index over the non-zero float32 vectors: build cost, size, its recall of the exact top 200, and its candidates. */
function measureHnsw(hnswMod: HnswModule, { ids, f32, n, dims }: ClaimVectors, dir: string, analysed: readonly Analysed[], exact: ReadonlyMap<Query, number[]>, gen: (name: string) => Generator): Record<string, unknown> {
  const rss0 = rssMb();
  const index = new hnswMod.HierarchicalNSW('ip', dims);
  index.initIndex(n, HNSW.M, HNSW.efConstruction, HNSW.seed);
  const t = clock();
  for (let i = 0; i < n; i++) {
    const row = f32.subarray(i * dims, (i + 1) * dims);
    if (row.some((x) => x !== 0)) index.addPoint(Array.from(row), ids[i]!);
  }
  const build = since(t);
  const buildSeconds = build.wall / 1000;
  const rss1 = rssMb();
  const file = join(dir, 'hnsw.bin');
  index.writeIndexSync(file);
  const bytes = fileSize(file);
  rmSync(file, { force: true });
  let annRecall = 0;
  for (const ef of [HNSW.ef]) {
    index.setEf(ef);
    for (const { v } of analysed.slice(0, 3)) index.searchKnn(Array.from(v), KMAX);
    for (const { q, v } of analysed) {
      const point = Array.from(v);
      const t0 = clock();
      const got = index.searchKnn(point, KMAX).neighbors;
      record(gen(`hnsw (M ${HNSW.M}, ef ${ef})`), q, got, since(t0));
      const truth = new Set(exact.get(q)!);
      annRecall += got.filter((id) => truth.has(id)).length / KMAX;
    }
  }
  const hnsw = { ...HNSW, count: index.getCurrentCount(), buildSeconds: round(buildSeconds, 1), buildCpuSeconds: round(build.cpu / 1000, 1), insertsPerCpuSecond: Math.round(index.getCurrentCount() / (build.cpu / 1000)), rssMbAdded: round(rss1 - rss0, 1), fileBytes: bytes, bytesPerClaim: round(bytes / index.getCurrentCount(), 1), recallOfExactTop200: round(annRecall / analysed.length, 4) };
  console.log(`  hnsw: ${JSON.stringify(hnsw)}`);
  return hnsw;
}

/** (c) sqlite-vec: a vec0 table of int8 vectors in its own file, scanned exactly: build cost, size and its candidates. */
function measureSqliteVec(vecMod: SqliteVecModule, { ids, i8, n, dims }: ClaimVectors, dir: string, analysed: readonly Analysed[], gen: (name: string) => Generator): Record<string, unknown> {
  const file = join(dir, 'vec.db');
  rmSync(file, { force: true });
  const vdb = new Database(file);
  try {
    vdb.loadExtension(vecMod.getLoadablePath());
    const version = (vdb.prepare('SELECT vec_version() AS v').get() as { v: string }).v;
    vdb.exec(`CREATE VIRTUAL TABLE claim_vectors USING vec0(embedding int8[${dims}])`);
    const insert = vdb.prepare('INSERT INTO claim_vectors(rowid, embedding) VALUES (?, vec_int8(?))');
    const t = clock();
    vdb.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(BigInt(ids[i]!), i8.subarray(i * dims, (i + 1) * dims));
    })();
    const build = since(t);
    const buildSeconds = build.wall / 1000;
    vdb.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fileSize(file);
    const knn = vdb.prepare(`SELECT rowid FROM claim_vectors WHERE embedding MATCH vec_int8(?) AND k = ${KMAX} ORDER BY distance`).pluck();
    for (const { q8 } of analysed.slice(0, 3)) knn.all(q8);
    for (const { q, q8 } of analysed) {
      const t0 = clock();
      const got = knn.all(q8) as number[];
      record(gen('sqlite-vec (int8, exact)'), q, got, since(t0));
    }
    const sqliteVec = { version, buildSeconds: round(buildSeconds, 1), buildCpuSeconds: round(build.cpu / 1000, 1), insertsPerCpuSecond: Math.round(n / (build.cpu / 1000)), fileBytes: bytes, bytesPerClaim: round(bytes / n, 1) };
    console.log(`  sqlite-vec: ${JSON.stringify(sqliteVec)}`);
    return sqliteVec;
  } catch (err) {
    return { error: (err as Error).message };
  } finally {
    vdb.close();
    rmSync(file, { force: true });
  }
}

/** Exact scans over `total` vectors (the real ones repeated), in JS and in sqlite-vec: latency at 100,000 articles. */
async function scanAtScale(total: number, base: { i8: Int8Array; f32: Float32Array; n: number; dims: number }, vecMod: SqliteVecModule | undefined, queries: number) {
  const { dims } = base;
  const out: Record<string, unknown> = { claims: total };
  const i8 = new Int8Array(total * dims);
  for (let at = 0; at < total; at += base.n) i8.set(base.i8.subarray(0, Math.min(base.n, total - at) * dims), at * dims);
  const scores = new Float32Array(total);
  const time = (fn: (qi: number) => void) => {
    const times: number[] = [];
    const cpu: number[] = [];
    fn(0);
    for (let qi = 1; qi <= queries; qi++) {
      const t = clock();
      fn(qi);
      const ms = since(t);
      times.push(ms.wall);
      cpu.push(ms.cpu);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    return { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), cpuP50Ms: round(percentile(cpu, 50)), cpuP95Ms: round(percentile(cpu, 95)) };
  };
  const query8 = (qi: number) => base.i8.subarray((qi * 7919 % base.n) * dims, (qi * 7919 % base.n + 1) * dims);
  out.bruteInt8 = time((qi) => { scanInt8(query8(qi), i8, dims, total, scores); topK(scores, KMAX); });
  console.log(`  scan ${total} int8: ${JSON.stringify(out.bruteInt8)}`);
  {
    const f32 = new Float32Array(total * dims);
    for (let at = 0; at < total; at += base.n) f32.set(base.f32.subarray(0, Math.min(base.n, total - at) * dims), at * dims);
    out.bruteFloat32 = time((qi) => { scanFloat32(base.f32.subarray((qi * 7919 % base.n) * dims, (qi * 7919 % base.n + 1) * dims), f32, dims, total, scores); topK(scores, KMAX); });
    console.log(`  scan ${total} float32: ${JSON.stringify(out.bruteFloat32)}`);
  }
  if (vecMod) {
    const file = join(WORK, 'vec-scale.db');
    rmSync(file, { force: true });
    const vdb = new Database(file);
    try {
      vdb.loadExtension(vecMod.getLoadablePath());
      vdb.exec(`CREATE VIRTUAL TABLE claim_vectors USING vec0(embedding int8[${dims}])`);
      const insert = vdb.prepare('INSERT INTO claim_vectors(rowid, embedding) VALUES (?, vec_int8(?))');
      const t = performance.now();
      for (let at = 0; at < total; at += 100_000) vdb.transaction(() => {
        for (let i = at; i < Math.min(total, at + 100_000); i++) insert.run(BigInt(i + 1), i8.subarray(i * dims, (i + 1) * dims));
      })();
      const buildSeconds = (performance.now() - t) / 1000;
      const knn = vdb.prepare(`SELECT rowid FROM claim_vectors WHERE embedding MATCH vec_int8(?) AND k = ${KMAX} ORDER BY distance`).pluck();
      out.sqliteVecInt8 = { ...time((qi) => knn.all(query8(qi))), buildSeconds: round(buildSeconds, 1), fileBytes: fileSize(file) };
      console.log(`  scan ${total} sqlite-vec: ${JSON.stringify(out.sqliteVecInt8)}`);
    } finally {
      vdb.close();
      rmSync(file, { force: true });
    }
  }
  return out;
}

async function main(): Promise<void> {
  if (process.argv.includes('--render')) {
    writeFileSync(join(HERE, 'out', 'vector-index.md'), markdown(JSON.parse(readFileSync(join(HERE, 'out', 'vector-index.json'), 'utf8')) as Results));
    return;
  }
  const hnsw = loadPackage<HnswModule>('hnswlib-node');
  const vec = loadPackage<SqliteVecModule>('sqlite-vec');
  if (hnsw.error) console.log(`hnswlib-node: ${hnsw.error}`);
  if (vec.error) console.log(`sqlite-vec: ${vec.error}`);
  const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })();
  const sizes = [];
  let last: Awaited<ReturnType<typeof measureSize>> | undefined;
  const load = [loadavg()[0]!];
  for (const size of SIZES) {
    last = await measureSize(size, hnsw.mod, vec.mod);
    sizes.push(last.result);
    load.push(loadavg()[0]!);
    write({ commit, sizes, load });
  }
  if (last && SCAN_CLAIMS > 0) {
    const scale = await scanAtScale(SCAN_CLAIMS, last.vectors, last.vecMod, 30);
    load.push(loadavg()[0]!);
    write({ commit, sizes, load, scale });
  }
}

function write(data: Record<string, unknown>): void {
  const out: Results = { schema: 'claimtrace/bench-vector-index@1', date: new Date().toISOString(), command: `node --import tsx bench/vector-index.ts ${process.argv.slice(2).join(' ')}`.trim(), machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version }, ...data };
  mkdirSync(join(HERE, 'out'), { recursive: true });
  writeFileSync(join(HERE, 'out', 'vector-index.json'), `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(join(HERE, 'out', 'vector-index.md'), markdown(out));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
