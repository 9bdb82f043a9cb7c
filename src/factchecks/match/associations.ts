// Word associations learned from the fact-check collection itself, for a re-ranker feature: a tweet that names
// "Redskins" addresses a fact-check about "an NFL team" because the collection's other fact-checks that say
// "Redskins" also say "NFL". Each query word counts 1 when the fact-check holds its stem, else its strongest
// association with one of the fact-check's words: the normalised pointwise mutual information of the two stems
// occurring in the same fact-check (claim + title), npmi = ln(N·n_ab / (n_a·n_b)) / −ln(n_ab / N), clipped at 0,
// from at least two fact-checks holding both; idf-weighted mean over the query's words (as the soft coverage of
// meaning.ts, with the collection's co-occurrence in place of word vectors). Nothing is learned from the training
// tweets and nothing is shipped: the counts are read at match time from the index's postings, only for query words held
// by at most ASSOCIATION_MAX_DF fact-checks (rarer words carry the associations; a common word's postings would cost a
// scan of thousands of fact-checks per query). Chosen on the CLEF validation split (models/match-reranker.md).
import { idf } from './bm25.js';
import type { MatchIndex } from './index.js';

/** A query word's associations are counted when at most this many fact-checks hold it (200 chosen over 100, 500, all). */
export const ASSOCIATION_MAX_DF = 200;
/** Fact-checks that must hold both words for an association to count (2 chosen over 1 and 3). */
export const ASSOCIATION_MIN_COUNT = 2;
/** Below this many fact-checks, co-occurrence counts are noise: only shared stems count (a small store). */
export const ASSOCIATION_MIN_DOCUMENTS = 1_000;

const NUMBER = /^\p{N}/u;

/**
 * The association coverage scorer of one query (its terms, as analysed for matching): given a fact-check's term set,
 * the idf-weighted share of the query's words it holds, a word it lacks counted by its strongest association.
 * `within`, when given, holds every word of every term set the scorer will be given (the words of a query's
 * candidates): co-occurrences are then counted for those words alone, the same values at a fraction of the cost. A
 * query word's associations are counted the first time a term set lacks it (never when every candidate holds it).
 */
export function associationCoverage(index: MatchIndex, queryTerms: readonly string[], within?: ReadonlySet<string>): (docTerms: ReadonlySet<string>) => number {
  const field = index.bothField;
  const documents = field.size;
  const terms = [...new Set(queryTerms)].filter((t) => !NUMBER.test(t));
  const weights = terms.map((t) => idf(field, t));
  const total = weights.reduce((a, b) => a + b, 0);
  // Per query word: the npmi of each word co-occurring with it in at least ASSOCIATION_MIN_COUNT fact-checks (positive
  // only), counted on first need (null: none counted for this word).
  const associations: (Map<string, number> | null | undefined)[] = terms.map(() => undefined);
  const associationsOf = (i: number): Map<string, number> | null => {
    const known = associations[i];
    if (known !== undefined) return known;
    const t = terms[i]!;
    const posting = field.postings.get(t);
    if (documents < ASSOCIATION_MIN_DOCUMENTS || !posting || posting.docs.length > ASSOCIATION_MAX_DF) return (associations[i] = null);
    const counts = new Map<string, number>();
    const last = new Map<string, number>();
    const count = (d: number, words: readonly string[]) => {
      for (const u of words) {
        if (u === t || (within !== undefined && !within.has(u)) || last.get(u) === d) continue;
        last.set(u, d);
        counts.set(u, (counts.get(u) ?? 0) + 1);
      }
    };
    for (const d of posting.docs) {
      count(d, index.claimText[d]!.terms);
      count(d, index.titleText[d]!.terms);
    }
    const na = posting.docs.length;
    const npmi = new Map<string, number>();
    for (const [u, n] of counts) {
      if (n < ASSOCIATION_MIN_COUNT || n >= documents || NUMBER.test(u)) continue;
      const nb = field.postings.get(u)?.docs.length ?? 0;
      const s = Math.log((documents * n) / (na * nb)) / -Math.log(n / documents);
      if (s > 0) npmi.set(u, s);
    }
    return (associations[i] = npmi);
  };
  return (docTerms) => {
    if (total <= 0) return 0;
    let hit = 0;
    terms.forEach((t, i) => {
      if (docTerms.has(t)) {
        hit += weights[i]!;
        return;
      }
      const npmi = associationsOf(i);
      if (!npmi || npmi.size === 0) return;
      let best = 0;
      for (const u of docTerms) {
        const s = npmi.get(u);
        if (s !== undefined && s > best) best = s;
      }
      hit += weights[i]! * best;
    });
    return hit / total;
  };
}
