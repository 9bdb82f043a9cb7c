// Matching a claim against indexed fact-checks: BM25 over claim + title gives the top candidates, the re-ranker
// orders them, and a copy of a fact-check ranked below it goes after the distinct ones (collapseCopies). Without a
// model the BM25 order stands.
import { firstStage, type Candidate } from './candidates.js';
import { candidateFeatures } from './features.js';
import { analyseQuery, type CheckedClaim, type MatchIndex } from './index.js';
import { rerankScore, type Reranker } from './reranker.js';

/** A fact-check matched to a query: its document number in the index, its score and its first-stage scores. */
export interface Match {
  readonly doc: number;
  readonly score: number;
  readonly candidate: Candidate;
}

/** Matching options: how many candidates the first stage keeps (the model's depth by default) and how many to return. */
export interface MatchOptions {
  readonly depth?: number;
  readonly limit?: number;
  /** Leave copies of a fact-check where their scores put them (the calibration's fit, scripts/calibrate-match.ts, reads that order). */
  readonly keepCopies?: boolean;
}

/** The default first-stage depth without a model. */
export const DEFAULT_DEPTH = 100;

/** Quote marks, straight and curly. */
const QUOTES = /["'\u2018\u2019\u201c\u201d]/gu;

/**
 * What two copies of one fact-check share: the claim up to its quote marks, and the title. The CLEF collection holds
 * 173 of its claims twice, the second copy with the claim's double quotes made single. Spaces and case are kept: the
 * claims it holds twice with only those changed are as often relevant in their second copy (models/match-reranker.md).
 */
export const copyKey = (claim: Pick<CheckedClaim, 'claim' | 'title'>): string => `${claim.claim.replace(QUOTES, '')}\n${claim.title}`;

/** Copy keys kept per collection (a store's rows or an index's claims), bounded as the features' cache is. */
const copyKeys = new WeakMap<object, Map<number, string>>();
const COPY_KEYS_MAX = 20_000;

/** {@link copyKey} of a collection's fact-check, made once per collection and fact-check while kept. */
export function copyKeyOf(collection: readonly Pick<CheckedClaim, 'claim' | 'title'>[], doc: number): string {
  let keys = copyKeys.get(collection);
  if (!keys) copyKeys.set(collection, (keys = new Map()));
  let key = keys.get(doc);
  if (key === undefined) {
    if (keys.size >= COPY_KEYS_MAX) keys.clear();
    keys.set(doc, (key = copyKey(collection[doc]!)));
  }
  return key;
}

/**
 * A ranking in which each fact-check appears once before any copy: an item whose key an earlier item has is moved,
 * in order, after all the distinct ones (a copy says nothing new and would push another fact-check out of the top).
 */
export function collapseCopies<T>(ranked: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  const [distinct, copies]: [T[], T[]] = [[], []];
  for (const item of ranked) {
    const k = key(item);
    (seen.has(k) ? copies : distinct).push(item);
    seen.add(k);
  }
  return copies.length > 0 ? [...distinct, ...copies] : [...ranked];
}

/** The fact-checks that match a pasted claim, best first (copies of a fact-check after the distinct ones). */
export function matchClaim(index: MatchIndex, text: string, model?: Reranker, options: MatchOptions = {}): Match[] {
  const query = analyseQuery(text);
  const depth = options.depth ?? model?.depth ?? DEFAULT_DEPTH;
  const candidates = firstStage(index, query, depth);
  let matches: Match[];
  if (model) {
    const vectors = candidateFeatures(index, query, candidates);
    matches = candidates.map((candidate, i) => ({ doc: candidate.doc, score: rerankScore(model, vectors[i]!), candidate }));
    matches.sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank);
    if (!options.keepCopies) matches = collapseCopies(matches, (m) => copyKeyOf(index.claims, m.doc));
  } else matches = candidates.map((candidate) => ({ doc: candidate.doc, score: candidate.both, candidate }));
  return matches.slice(0, options.limit ?? matches.length);
}
