// Scoring a verified-claim retrieval run (CLEF CheckThat! 2020 task 2): MAP@k (average precision over the top k of
// each query, divided by the query's number of relevant claims, as the task's scorer does), and Recall@k. A query of
// the gold that the run does not rank scores 0.

/** A run: per query id, the claim ids in rank order. */
export type Run = ReadonlyMap<string, readonly string[]>;
/** Gold: per query id, its relevant claim ids. */
export type Qrels = ReadonlyMap<string, ReadonlySet<string>>;

/** Reads a TREC run (`qid Q0 docid rank score tag`, tabs or spaces); each query's lines are ordered by rank. */
export function readRun(text: string): Map<string, string[]> {
  const lines = new Map<string, { doc: string; rank: number }[]>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    const list = lines.get(f[0]!) ?? [];
    list.push({ doc: f[2]!, rank: Number(f[3]) });
    lines.set(f[0]!, list);
  }
  return new Map([...lines].map(([q, list]) => [q, list.sort((a, b) => a.rank - b.rank).map((l) => l.doc)]));
}

/** Reads TREC qrels (`qid 0 docid relevance`); relevance above 0 is relevant. */
export function readQrels(text: string): Map<string, Set<string>> {
  const gold = new Map<string, Set<string>>();
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    const set = gold.get(f[0]!) ?? new Set<string>();
    if (Number(f[3]) > 0) set.add(f[2]!);
    gold.set(f[0]!, set);
  }
  return gold;
}

/** Average precision of one ranking over its top k. */
export function averagePrecision(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let [found, sum] = [0, 0];
  ranked.slice(0, k).forEach((doc, i) => {
    if (!relevant.has(doc)) return;
    found++;
    sum += found / (i + 1);
  });
  return sum / relevant.size;
}

/** MAP@k over the gold's queries. */
export function meanAveragePrecision(run: Run, gold: Qrels, k: number): number {
  let sum = 0;
  for (const [q, relevant] of gold) sum += averagePrecision(run.get(q) ?? [], relevant, k);
  return gold.size > 0 ? sum / gold.size : 0;
}

/** Recall@k: the share of each query's relevant claims in its top k, averaged over the gold's queries. */
export function recallAt(run: Run, gold: Qrels, k: number): number {
  let sum = 0;
  for (const [q, relevant] of gold) {
    const top = (run.get(q) ?? []).slice(0, k);
    sum += relevant.size > 0 ? top.filter((d) => relevant.has(d)).length / relevant.size : 0;
  }
  return gold.size > 0 ? sum / gold.size : 0;
}

/** The task's scores of a run. */
export interface MatchScores {
  readonly queries: number;
  readonly map1: number;
  readonly map5: number;
  readonly recall5: number;
}

/** MAP@1, MAP@5 (official) and Recall@5 of a run. */
export function scoreMatchRun(run: Run, gold: Qrels): MatchScores {
  return { queries: gold.size, map1: meanAveragePrecision(run, gold, 1), map5: meanAveragePrecision(run, gold, 5), recall5: recallAt(run, gold, 5) };
}
