// Features of a (query, candidate fact-check) pair for the re-ranker: BM25 per field, raw and relative to the best
// candidate of the query, first-stage rank, idf-weighted coverage both ways, shared rare words, shared numbers and
// names (and the candidate's that the query lacks), shared word pairs, tf-idf cosine and the length ratio; and, past
// shared stems, the query's soft coverage by the candidate's words through word vectors and the 4-gram cosine (meaning.ts),
// and its coverage through word associations of the collection itself (associations.ts).
import { stem } from '../../trace/terms.js';
import { associationCoverage } from './associations.js';
import { idf } from './bm25.js';
import type { Candidate } from './candidates.js';
import { documentText, type AnalysedQuery, type MatchIndex } from './index.js';
import { contentWords, gramCosine, gramVector, softCoverage, weighWords, type DocumentMeaning } from './meaning.js';

/** The feature names, in vector order (stored in the model file, so a model and the code must agree). */
export const FEATURES = [
  'bm25Both', 'bm25Claim', 'bm25Title', 'relBoth', 'relClaim', 'relTitle', 'logRank',
  'queryCoverage', 'claimCoverage', 'titleCoverage', 'sharedRare', 'maxSharedIdf',
  'sharedNumbers', 'missingNumbers', 'sharedNames', 'missingNames', 'sharedPairs', 'titlePairs', 'cosine', 'lengthRatio', 'authorShared', 'yearShared', 'monthShared', 'nearNumbers',
  'softCoverage', 'gramCosine', 'association',
] as const;

/** idf above which a shared word counts as rare (df below about 1 in 150 claims). */
const RARE_IDF = 5;

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** The unique terms of a list with their idf, in first-seen order (a query's, weighed once for all its candidates). */
function weighTerms(index: MatchIndex, terms: readonly string[]): { readonly term: string; readonly weight: number }[] {
  return [...new Set(terms)].map((term) => ({ term, weight: idf(index.bothField, term) }));
}

/** The idf-weighted share of weighed unique terms that `other` holds. */
function weighedCoverage(terms: readonly { readonly term: string; readonly weight: number }[], other: ReadonlySet<string>): number {
  let [hit, all] = [0, 0];
  for (const { term, weight } of terms) {
    all += weight;
    if (other.has(term)) hit += weight;
  }
  return ratio(hit, all);
}

/** The idf-weighted share of `terms` (unique) that `other` holds. */
function coverage(index: MatchIndex, terms: readonly string[], other: ReadonlySet<string>): number {
  let [hit, all] = [0, 0];
  for (const t of new Set(terms)) {
    const w = idf(index.bothField, t);
    all += w;
    if (other.has(t)) hit += w;
  }
  return ratio(hit, all);
}

/** Adjacent term pairs of a term list. */
const pairs = (terms: readonly string[]) => new Set(terms.slice(1).map((t, i) => `${terms[i]} ${t}`));

/** How many of the fact-check's numbers are near, but not equal to, one of the query's (within 10 %: "$80" and "$85"). */
function nearNumbers(query: readonly string[], doc: ReadonlySet<string>): number {
  const values = query.map(Number).filter((x) => x > 0);
  return [...doc].filter((d) => {
    const x = Number(d);
    return x > 0 && !query.includes(d) && values.some((v) => Math.abs(v - x) <= 0.1 * Math.max(v, x));
  }).length;
}

/** The tf-idf vector of a term list (summed idf per term) and its squared length. */
function tfidf(index: MatchIndex, terms: readonly string[]): { readonly vector: Map<string, number>; readonly squared: number } {
  const vector = new Map<string, number>();
  for (const t of terms) vector.set(t, (vector.get(t) ?? 0) + idf(index.bothField, t));
  let squared = 0;
  for (const x of vector.values()) squared += x * x;
  return { vector, squared };
}

/** Cosine of the tf-idf vectors of two term lists, the first given as its vector (a query's, made once for all its candidates). */
function cosine(index: MatchIndex, a: ReturnType<typeof tfidf>, b: readonly string[]): number {
  const vb = tfidf(index, b);
  let dot = 0;
  for (const [t, x] of a.vector) dot += x * (vb.vector.get(t) ?? 0);
  return a.squared > 0 && vb.squared > 0 ? dot / Math.sqrt(a.squared * vb.squared) : 0;
}

/** Fact-checks whose words and 4-grams are kept per index (a server matching for days touches most of a large store). */
const MEANING_CACHE_MAX = 20_000;

/** The content words and the 4-gram vector of a fact-check (claim and title), computed once per index (while cached). */
function documentMeaning(index: MatchIndex, doc: number): DocumentMeaning {
  let meaning = index.meaning.get(doc);
  if (!meaning) {
    if (index.meaning.size >= MEANING_CACHE_MAX) index.meaning.clear();
    const claim = index.claims[doc]!;
    meaning = { words: weighWords(index.bothField, [...contentWords(claim.claim), ...contentWords(claim.title)]), grams: gramVector(index.grams, documentText(claim)) };
    index.meaning.set(doc, meaning);
  }
  return meaning;
}

/** The feature vectors of a query's candidates, in candidate order. */
export function candidateFeatures(index: MatchIndex, query: AnalysedQuery, candidates: readonly Candidate[]): Float64Array[] {
  const best = { both: 0, claim: 0, title: 0 };
  for (const c of candidates) [best.both, best.claim, best.title] = [Math.max(best.both, c.both), Math.max(best.claim, c.claim), Math.max(best.title, c.title)];
  const queryTerms = new Set(query.terms);
  const queryPairs = pairs(query.terms);
  const queryNumbers = new Set(query.numbers);
  const queryNames = new Set(query.names);
  const queryWeighed = weighTerms(index, query.terms);
  const authorWeighed = weighTerms(index, query.authorTerms);
  const queryVector = tfidf(index, query.terms);
  const soft = candidates.length > 0 ? softCoverage(weighWords(index.bothField, contentWords(query.text))) : () => 0;
  const queryGrams = gramVector(index.grams, query.text);
  const docTermSets = candidates.map((c) => new Set([...index.claimText[c.doc]!.terms, ...index.titleText[c.doc]!.terms]));
  const candidateWords = new Set<string>();
  for (const terms of docTermSets) for (const t of terms) candidateWords.add(t);
  const associated = candidates.length > 0 ? associationCoverage(index, query.terms, candidateWords) : () => 0;
  return candidates.map((c, k) => {
    const claim = index.claimText[c.doc]!;
    const title = index.titleText[c.doc]!;
    const docTerms = docTermSets[k]!;
    const shared = queryWeighed.filter((w) => docTerms.has(w.term)).map((w) => w.weight);
    const docNumbers = new Set([...claim.numbers, ...title.numbers]);
    const docNames = new Set([...claim.names, ...title.names]);
    const sharedNumbers = [...docNumbers].filter((n) => queryNumbers.has(n)).length;
    const sharedNames = [...docNames].filter((n) => queryNames.has(n) || queryTerms.has(stem(n))).length;
    const claimPairs = pairs(claim.terms);
    const meaning = documentMeaning(index, c.doc);
    const titlePairs = pairs(title.terms);
    return Float64Array.from([
      c.both, c.claim, c.title, ratio(c.both, best.both), ratio(c.claim, best.claim), ratio(c.title, best.title), Math.log1p(c.rank),
      weighedCoverage(queryWeighed, docTerms), coverage(index, claim.terms, queryTerms), coverage(index, title.terms, queryTerms),
      Math.log1p(shared.filter((w) => w >= RARE_IDF).length), Math.max(0, ...shared),
      Math.log1p(sharedNumbers), Math.log1p(docNumbers.size - sharedNumbers), Math.log1p(sharedNames), ratio(docNames.size - sharedNames, docNames.size),
      Math.log1p([...queryPairs].filter((p) => claimPairs.has(p)).length), Math.log1p([...queryPairs].filter((p) => titlePairs.has(p)).length),
      cosine(index, queryVector, [...claim.terms, ...title.terms]), Math.log((1 + query.terms.length) / (1 + claim.terms.length)),
      weighedCoverage(authorWeighed, docTerms), query.year !== undefined && docNumbers.has(query.year) ? 1 : 0,
      query.month !== undefined && docTerms.has(stem(query.month)) ? 1 : 0, Math.log1p(nearNumbers(query.numbers, docNumbers)),
      soft(meaning.words), gramCosine(queryGrams, meaning.grams), associated(docTerms),
    ]);
  });
}
