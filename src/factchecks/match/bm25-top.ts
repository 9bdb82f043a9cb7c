// The top `k` documents of one field by BM25, with the scores and order of `scoreField` + `selectTop` (bm25.ts,
// store-match.ts), for a large collection matched many times (a store's matcher: `claimtrace match`, the audit of every
// check-worthy claim of an analysis). The scores are added into one scratch array per field that is kept between
// queries, and only the documents a query touched are heaped and then cleared, instead of allocating and scanning an
// array over the whole collection per query (at 100,000 fact-checks a query touches 15,000-25,000: the scan, the
// allocation and the sort were most of the first stage's time). Each score is the same sum, term by term in the
// query's order, of the same expression as scoreField's, so the scores are bit for bit the same (tested).
import { BM25_DEFAULTS, idf, type Bm25Settings, type FieldIndex } from './bm25.js';

/** A scratch array of scores over the collection, all zero between queries, and the list of documents a query touched. */
interface Scratch {
  readonly scores: Float64Array;
  readonly touched: Int32Array;
}

const scratchOf = new WeakMap<FieldIndex, Scratch>();

function scratch(index: FieldIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    s = { scores: new Float64Array(index.size), touched: new Int32Array(index.size) };
    scratchOf.set(index, s);
  }
  return s;
}

/**
 * Per term, what each of its postings adds to a document's score, idf · tf · (k1 + 1) / (tf + k1·(1 - b + b·length /
 * average)), in posting order (built once per term, or for every term at a matcher's build): a query then adds them
 * up in posting order without looking up each document's length or dividing. The same expression as scoreField's, on
 * the same values, so the same amounts.
 */
const contributionsOf = new WeakMap<FieldIndex, Map<string, Float64Array>>();

function contributions(index: FieldIndex, term: string, postings: { readonly docs: Int32Array; readonly counts: Int32Array }, settings: Bm25Settings): Float64Array {
  const { k1, b } = settings;
  const avg = index.averageLength || 1;
  const compute = () => {
    const w = idf(index, term);
    return Float64Array.from(postings.docs, (d, i) => {
      const tf = postings.counts[i]!;
      return (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[d]!) / avg));
    });
  };
  if (settings.k1 !== BM25_DEFAULTS.k1 || settings.b !== BM25_DEFAULTS.b) return compute();
  let byTerm = contributionsOf.get(index);
  if (!byTerm) contributionsOf.set(index, (byTerm = new Map()));
  let amounts = byTerm.get(term);
  if (!amounts) byTerm.set(term, (amounts = compute()));
  return amounts;
}

/** Builds the contributions of every term of a field at once (a matcher that will answer many queries, at its build). */
export function prepareTopBm25(index: FieldIndex): void {
  for (const [term, postings] of index.postings) contributions(index, term, postings, BM25_DEFAULTS);
}

/** A document and its BM25 score. */
export interface Scored {
  readonly doc: number;
  readonly score: number;
}

/**
 * The `k` documents with the highest positive BM25 scores for the query terms (repeats count once), best first, ties
 * to the lower document: `selectTop(scoreField(index, terms, settings), k)` with its scores.
 */
export function topBm25(index: FieldIndex, queryTerms: readonly string[], k: number, settings: Bm25Settings = BM25_DEFAULTS): Scored[] {
  const { scores, touched } = scratch(index);
  let count = 0;
  for (const term of new Set(queryTerms)) {
    const list = index.postings.get(term);
    if (!list) continue;
    const amounts = contributions(index, term, list, settings);
    const docs = list.docs;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const s = scores[d]!;
      // Every term adds a positive amount (idf > 0, tf >= 1), so a zero score is a document not touched yet.
      if (s === 0) touched[count++] = d;
      scores[d] = s + amounts[i]!;
    }
  }
  // A bounded heap of the best documents so far, the worst at its root, read and cleared in one pass over the
  // touched documents; its scores are kept beside it, as the scratch array is cleared as it is read.
  const heapDocs = new Int32Array(Math.max(0, Math.min(k, count)));
  const heapScores = new Float64Array(heapDocs.length);
  let size = 0;
  const below = (i: number, j: number) => heapScores[i]! < heapScores[j]! || (heapScores[i] === heapScores[j] && heapDocs[i]! > heapDocs[j]!);
  const swap = (i: number, j: number) => {
    const d = heapDocs[i]!;
    const sc = heapScores[i]!;
    heapDocs[i] = heapDocs[j]!;
    heapScores[i] = heapScores[j]!;
    heapDocs[j] = d;
    heapScores[j] = sc;
  };
  for (let j = 0; j < count; j++) {
    const d = touched[j]!;
    const sc = scores[d]!;
    scores[d] = 0;
    if (size < heapDocs.length) {
      heapDocs[size] = d;
      heapScores[size] = sc;
      for (let i = size++; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!below(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (size > 0 && (sc > heapScores[0]! || (sc === heapScores[0] && d < heapDocs[0]!))) {
      heapDocs[0] = d;
      heapScores[0] = sc;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < size && below(l, m)) m = l;
        if (r < size && below(r, m)) m = r;
        if (m === i) break;
        swap(i, m);
        i = m;
      }
    }
  }
  const top: Scored[] = [];
  for (let i = 0; i < size; i++) top.push({ doc: heapDocs[i]!, score: heapScores[i]! });
  return top.sort((x, y) => y.score - x.score || x.doc - y.doc);
}

