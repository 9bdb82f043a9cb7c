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

/** Cosine of two tf-idf vectors, the query's first (its terms drive the sum, in their order). */
function cosineOf(a: ReturnType<typeof tfidf>, b: ReturnType<typeof tfidf>): number {
  let dot = 0;
  for (const [t, x] of a.vector) dot += x * (b.vector.get(t) ?? 0);
  return a.squared > 0 && b.squared > 0 ? dot / Math.sqrt(a.squared * b.squared) : 0;
}

/** Fact-checks whose query-independent feature data are kept per index (a server matching for days touches most of a large store). */
const MEANING_CACHE_MAX = 20_000;

type Weighed = { readonly term: string; readonly weight: number };

/**
 * What the features read of a fact-check that does not depend on the query: its content words and 4-gram vector
 * (meaning.ts), its terms as a set, its unique claim and title terms with their idf, its numbers, names (and their
 * stems), adjacent term pairs and tf-idf vector. Made once per fact-check while cached: the candidates of an
 * analysis's claims are often the same fact-checks, and each value is computed as it was per candidate (the same
 * operations in the same order, so the same features bit for bit; `train:match --check` reproduces the model).
 */
export interface DocumentFeatures extends DocumentMeaning {
  readonly terms: ReadonlySet<string>;
  readonly claimWeighed: readonly Weighed[];
  readonly titleWeighed: readonly Weighed[];
  readonly numbers: ReadonlySet<string>;
  readonly names: readonly string[];
  readonly nameStems: readonly string[];
  readonly claimPairs: ReadonlySet<string>;
  readonly titlePairs: ReadonlySet<string>;
  readonly vector: ReturnType<typeof tfidf>;
  readonly claimLength: number;
}

/** The query-independent feature data of a fact-check, computed once per index (while cached). */
export function documentFeatures(index: MatchIndex, doc: number): DocumentFeatures {
  let meaning = index.meaning.get(doc);
  if (!meaning) {
    if (index.meaning.size >= MEANING_CACHE_MAX) index.meaning.clear();
    const checked = index.claims[doc]!;
    const claim = index.claimText[doc]!;
    const title = index.titleText[doc]!;
    const words = weighWords(index.bothField, [...contentWords(checked.claim), ...contentWords(checked.title)]);
    const names = [...new Set([...claim.names, ...title.names])];
    const both = [...claim.terms, ...title.terms];
    meaning = {
      words,
      grams: gramVector(index.grams, documentText(checked)),
      terms: new Set(both),
      claimWeighed: weighTerms(index, claim.terms),
      titleWeighed: weighTerms(index, title.terms),
      numbers: new Set([...claim.numbers, ...title.numbers]),
      names,
      nameStems: names.map(stem),
      claimPairs: pairs(claim.terms),
      titlePairs: pairs(title.terms),
      vector: tfidf(index, both),
      claimLength: claim.terms.length,
    };
    index.meaning.set(doc, meaning);
  }
  return meaning;
}

/** How many of a set's members another set holds. */
function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
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
  const monthStem = query.month !== undefined ? stem(query.month) : undefined;
  const soft = candidates.length > 0 ? softCoverage(weighWords(index.bothField, contentWords(query.text))) : () => 0;
  const queryGrams = gramVector(index.grams, query.text);
  const documents = candidates.map((c) => documentFeatures(index, c.doc));
  const associated = candidates.length > 0 ? associationCoverage(index, query.terms) : () => 0;
  return candidates.map((c, k) => {
    const doc = documents[k]!;
    const docTerms = doc.terms;
    const shared = queryWeighed.filter((w) => docTerms.has(w.term)).map((w) => w.weight);
    const docNumbers = doc.numbers;
    const sharedNumbers = sharedCount(docNumbers, queryNumbers);
    let sharedNames = 0;
    doc.names.forEach((n, i) => {
      if (queryNames.has(n) || queryTerms.has(doc.nameStems[i]!)) sharedNames++;
    });
    const names = doc.names.length;
    return Float64Array.from([
      c.both, c.claim, c.title, ratio(c.both, best.both), ratio(c.claim, best.claim), ratio(c.title, best.title), Math.log1p(c.rank),
      weighedCoverage(queryWeighed, docTerms), weighedCoverage(doc.claimWeighed, queryTerms), weighedCoverage(doc.titleWeighed, queryTerms),
      Math.log1p(shared.filter((w) => w >= RARE_IDF).length), Math.max(0, ...shared),
      Math.log1p(sharedNumbers), Math.log1p(docNumbers.size - sharedNumbers), Math.log1p(sharedNames), ratio(names - sharedNames, names),
      Math.log1p(sharedCount(queryPairs, doc.claimPairs)), Math.log1p(sharedCount(queryPairs, doc.titlePairs)),
      cosineOf(queryVector, doc.vector), Math.log((1 + query.terms.length) / (1 + doc.claimLength)),
      weighedCoverage(authorWeighed, docTerms), query.year !== undefined && docNumbers.has(query.year) ? 1 : 0,
      monthStem !== undefined && docTerms.has(monthStem) ? 1 : 0, Math.log1p(nearNumbers(query.numbers, docNumbers)),
      soft(doc.words), gramCosine(queryGrams, doc.grams), associated(docTerms),
    ]);
  });
}
