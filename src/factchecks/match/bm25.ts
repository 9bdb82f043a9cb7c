// Okapi BM25 over one field of a collection, with postings built once. Scores for a query are accumulated into a
// dense array over the collection (10k-100k claims: one Float64Array per query), so the first stage reads each
// query term's postings once. Written here rather than taken from wink-bm25-text-search because a match needs each
// field's score separately (the re-ranker's features), idf for rare-word features, and an index that can be built
// from terms already analysed; wink's engine returns one blended score and re-tokenises.

/** BM25 settings: term-frequency saturation k1 and length normalisation b. */
export interface Bm25Settings {
  readonly k1: number;
  readonly b: number;
}

/** The classic settings (Robertson; Lucene's defaults). */
export const BM25_DEFAULTS: Bm25Settings = Object.freeze({ k1: 1.2, b: 0.75 });

/** An index of one field: per term, the documents holding it and how often. */
export interface FieldIndex {
  readonly size: number;
  readonly lengths: Float64Array;
  readonly averageLength: number;
  /** Per term: the documents holding it, how often, and its idf (computed once, as {@link idf} computes it). */
  readonly postings: ReadonlyMap<string, { readonly docs: Int32Array; readonly counts: Int32Array; readonly idf: number }>;
  /**
   * Background documents counted in idf beside the indexed ones (a small store, background.ts): how many, and the
   * share of them holding a term. Absent: idf from the indexed documents alone.
   */
  readonly background?: { readonly documents: number; readonly termShare: ReadonlyMap<string, number> };
}

/** Builds the index of one field from each document's terms (repeats count), with background documents in its idf when given. */
export function indexField(docs: readonly (readonly string[])[], background?: FieldIndex['background']): FieldIndex {
  const lists = new Map<string, { docs: number[]; counts: number[] }>();
  const lengths = new Float64Array(docs.length);
  let total = 0;
  docs.forEach((terms, d) => {
    lengths[d] = terms.length;
    total += terms.length;
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, c] of counts) {
      const list = lists.get(t) ?? { docs: [], counts: [] };
      list.docs.push(d);
      list.counts.push(c);
      lists.set(t, list);
    }
  });
  const field = {
    size: docs.length,
    lengths,
    averageLength: docs.length > 0 ? total / docs.length : 0,
    postings: new Map<string, { docs: Int32Array; counts: Int32Array; idf: number }>(),
    ...(background && background.documents > 0 ? { background } : {}),
  };
  for (const [t, l] of lists) field.postings.set(t, { docs: Int32Array.from(l.docs), counts: Int32Array.from(l.counts), idf: idfOf(field, t, l.docs.length) });
  return field;
}

/** Lucene's idf of a term held by `df` of the field's documents, with the background's expected count added. */
function idfOf(index: Pick<FieldIndex, 'size' | 'background'>, term: string, df: number): number {
  const extra = index.background;
  if (!extra) return Math.log(1 + (index.size - df + 0.5) / (df + 0.5));
  const all = df + extra.documents * (extra.termShare.get(term) ?? 0);
  return Math.log(1 + (index.size + extra.documents - all + 0.5) / (all + 0.5));
}

/**
 * The inverse document frequency of a term in a field (Lucene's form, always positive); with background documents,
 * over the indexed and the background documents together (a term's expected count in the background added to its
 * document frequency).
 */
export function idf(index: FieldIndex, term: string): number {
  return index.postings.get(term)?.idf ?? idfOf(index, term, 0);
}

/** BM25 scores of every document for the query terms (repeats in the query count once), added into `into`. */
export function scoreField(index: FieldIndex, queryTerms: readonly string[], settings: Bm25Settings = BM25_DEFAULTS, into = new Float64Array(index.size)): Float64Array {
  const { k1, b } = settings;
  const avg = index.averageLength || 1;
  for (const term of new Set(queryTerms)) {
    const list = index.postings.get(term);
    if (!list) continue;
    const w = idf(index, term);
    for (let i = 0; i < list.docs.length; i++) {
      const d = list.docs[i]!;
      const tf = list.counts[i]!;
      into[d] = into[d]! + (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[d]!) / avg));
    }
  }
  return into;
}

/** The BM25 score of one document's terms for the query terms (for features of a document outside the index's top). */
export function scoreOne(index: FieldIndex, queryTerms: readonly string[], docTerms: readonly string[], settings: Bm25Settings = BM25_DEFAULTS): number {
  const { k1, b } = settings;
  const norm = 1 - b + (b * docTerms.length) / (index.averageLength || 1);
  let score = 0;
  // A document's terms are few (a claim, a title): counted by a scan per query term rather than through a map.
  for (const term of new Set(queryTerms)) {
    let tf = 0;
    for (const t of docTerms) if (t === term) tf++;
    if (tf) score += (idf(index, term) * tf * (k1 + 1)) / (tf + k1 * norm);
  }
  return score;
}

/**
 * {@link scoreOne} of an indexed document, read from the postings (each query term's count in the document found by a
 * binary search of its postings) rather than by scanning the document's terms for each query term: the same sum, in
 * the same order, of the same amounts (the indexed length is the document's term count). `uniqueTerms` without repeats.
 */
export function scoreIndexed(index: FieldIndex, uniqueTerms: readonly string[], doc: number, settings: Bm25Settings = BM25_DEFAULTS): number {
  const { k1, b } = settings;
  const norm = 1 - b + (b * index.lengths[doc]!) / (index.averageLength || 1);
  let score = 0;
  for (const term of uniqueTerms) {
    const list = index.postings.get(term);
    if (!list) continue;
    const docs = list.docs;
    let [lo, hi] = [0, docs.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = docs[mid]!;
      if (d < doc) lo = mid + 1;
      else if (d > doc) hi = mid - 1;
      else {
        const tf = list.counts[mid]!;
        score += (list.idf * tf * (k1 + 1)) / (tf + k1 * norm);
        break;
      }
    }
  }
  return score;
}

/** The indices of the k highest scores (positive only), best first; ties go to the lower index. */
export function topK(scores: Float64Array, k: number): number[] {
  const picked: number[] = [];
  for (let d = 0; d < scores.length; d++) if (scores[d]! > 0) picked.push(d);
  picked.sort((x, y) => scores[y]! - scores[x]! || x - y);
  return picked.slice(0, k);
}
