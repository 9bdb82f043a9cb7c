// Matching a claim against indexed fact-checks: BM25 over claim + title gives the top candidates, the re-ranker
// orders them. Without a model the BM25 order stands.
import { firstStage, type Candidate } from './candidates.js';
import { candidateFeatures } from './features.js';
import { analyseQuery, type MatchIndex } from './index.js';
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
}

/** The default first-stage depth without a model. */
export const DEFAULT_DEPTH = 100;

/** The fact-checks that match a pasted claim, best first. */
export function matchClaim(index: MatchIndex, text: string, model?: Reranker, options: MatchOptions = {}): Match[] {
  const query = analyseQuery(text);
  const depth = options.depth ?? model?.depth ?? DEFAULT_DEPTH;
  const candidates = firstStage(index, query, depth);
  let matches: Match[];
  if (model) {
    const vectors = candidateFeatures(index, query, candidates);
    matches = candidates.map((candidate, i) => ({ doc: candidate.doc, score: rerankScore(model, vectors[i]!), candidate }));
    matches.sort((a, b) => b.score - a.score || a.candidate.rank - b.candidate.rank);
  } else matches = candidates.map((candidate) => ({ doc: candidate.doc, score: candidate.both, candidate }));
  return matches.slice(0, options.limit ?? matches.length);
}
