// Word associations learned from the fact-check collection itself, for a re-ranker feature: a tweet that names
// "Redskins" addresses a fact-check about "an NFL team" because the collection's other fact-checks that say
// "Redskins" also say "NFL". Each query word counts 1 when the fact-check holds its stem, else its strongest
// association with one of the fact-check's words: the normalised pointwise mutual information of the two stems
// occurring in the same fact-check (claim + title), npmi = ln(N·n_ab / (n_a·n_b)) / −ln(n_ab / N), clipped at 0,
// from at least two fact-checks holding both; idf-weighted mean over the query's words (as the soft coverage of
// meaning.ts, with the collection's co-occurrence in place of word vectors). Nothing is learned from the training
// tweets and nothing is shipped: the counts are read at match time from the index's postings (once per word and index,
// then kept), only for query words held
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

/** Association tables kept per index: each rare word's table is counted once and serves every later query (bounded). */
const tables = new WeakMap<MatchIndex, { readonly byTerm: Map<string, ReadonlyMap<string, number> | null>; entries: number }>();
/** Most association entries kept per index (about 50 MB); past it the tables are counted again as needed. */
const TABLE_ENTRIES_MAX = 1_000_000;

/**
 * The words associated with a query word in the collection, with their npmi (positive only, from at least
 * ASSOCIATION_MIN_COUNT fact-checks holding both); null when the word's associations are not counted (a small
 * collection, a word no fact-check or too many hold). Counted once per index and word, kept while the tables are small.
 */
function associationsOf(index: MatchIndex, t: string): ReadonlyMap<string, number> | null {
  let cache = tables.get(index);
  if (!cache) tables.set(index, (cache = { byTerm: new Map(), entries: 0 }));
  const known = cache.byTerm.get(t);
  if (known !== undefined) return known;
  const field = index.bothField;
  const documents = field.size;
  const posting = field.postings.get(t);
  let npmi: Map<string, number> | null = null;
  if (documents >= ASSOCIATION_MIN_DOCUMENTS && posting && posting.docs.length <= ASSOCIATION_MAX_DF) {
    const counts = new Map<string, number>();
    const last = new Map<string, number>();
    const count = (d: number, words: readonly string[]) => {
      for (const u of words) {
        if (u === t || last.get(u) === d) continue;
        last.set(u, d);
        counts.set(u, (counts.get(u) ?? 0) + 1);
      }
    };
    for (const d of posting.docs) {
      count(d, index.claimText[d]!.terms);
      count(d, index.titleText[d]!.terms);
    }
    const na = posting.docs.length;
    npmi = new Map<string, number>();
    for (const [u, n] of counts) {
      if (n < ASSOCIATION_MIN_COUNT || n >= documents || NUMBER.test(u)) continue;
      const nb = field.postings.get(u)?.docs.length ?? 0;
      const s = Math.log((documents * n) / (na * nb)) / -Math.log(n / documents);
      if (s > 0) npmi.set(u, s);
    }
  }
  if (cache.entries + (npmi?.size ?? 0) > TABLE_ENTRIES_MAX) {
    cache.byTerm.clear();
    cache.entries = 0;
  }
  cache.byTerm.set(t, npmi);
  cache.entries += 1 + (npmi?.size ?? 0);
  return npmi;
}

/**
 * The association coverage scorer of one query (its terms, as analysed for matching): given a fact-check's term set,
 * the idf-weighted share of the query's words it holds, a word it lacks counted by its strongest association. A query
 * word's associations are looked up the first time a term set lacks it (never when every candidate holds it).
 */
export function associationCoverage(index: MatchIndex, queryTerms: readonly string[]): (docTerms: ReadonlySet<string>) => number {
  const field = index.bothField;
  const terms = [...new Set(queryTerms)].filter((t) => !NUMBER.test(t));
  const weights = terms.map((t) => idf(field, t));
  const total = weights.reduce((a, b) => a + b, 0);
  const associations: (ReadonlyMap<string, number> | null | undefined)[] = terms.map(() => undefined);
  return (docTerms) => {
    if (total <= 0) return 0;
    let hit = 0;
    terms.forEach((t, i) => {
      if (docTerms.has(t)) {
        hit += weights[i]!;
        return;
      }
      const npmi = associations[i] === undefined ? (associations[i] = associationsOf(index, t)) : associations[i];
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
