// Two re-ranker features that reach past shared stems, for tweets that say a fact-check's claim in other words:
// - soft coverage: each content word of the query counts 1 when the fact-check holds its stem, else its best cosine
//   (word vectors, src/meaning/vectors.ts) with one of the fact-check's words ("rings" ~ "wedding", "wig" ~
//   "toupee"), idf-weighted mean over the query's words: the greedy word alignment of BERTScore / the relaxed word
//   mover's distance, with word vectors in place of contextual ones;
// - character 4-gram cosine: tf-idf vectors of the words' 4-grams (each word padded with a space), which meet where
//   stems do not: joined words and hashtags ("pnbrock" / "PnB Rock"), misspellings, names written apart.
// The word vectors are read on the first soft coverage computed (a process that never re-ranks never loads them),
// through the file reader that loads no NLP model (a word is looked up as written, lower-cased; no lemma fallback), so
// `claimtrace match` stays light. 4-grams are hashed into 2^20 buckets: the document frequencies are one Uint32Array
// per index.
import { unitRow as unitOf, wordRows } from '../../meaning/unit-vectors.js';
import { loadVectorsData, type VectorsData } from '../../meaning/vectors-format.js';
import { stem, isStopword } from '../../trace/terms.js';
import { idf, type FieldIndex } from './bm25.js';
import { foldText } from './terms.js';

const WORD = /[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu;
const GRAM_BITS = 20;
const GRAM_MASK = (1 << GRAM_BITS) - 1;
/** Characters per gram. 4 was chosen on the validation split over 3 and 5 (models/match-reranker.md). */
const GRAM = 4;

/** A content word of a text: its stem (for literal matches), its idf weight and its row in the word-vector table (-1: none). */
export interface ContentWord {
  readonly stem: string;
  readonly weight: number;
  readonly row: number;
}

/** The unique content words of a text (folded, no numbers, no function words, possessive 's dropped), in order. */
export function contentWords(text: string): string[] {
  const out = new Set<string>();
  for (const m of foldText(text).matchAll(WORD)) {
    const word = m[0].replace(/['\u2019]s$/u, '');
    if (word.length >= 2 && !/^\p{N}/u.test(word) && !isStopword(word)) out.add(word);
  }
  return [...out];
}

let table: { data: VectorsData; rows: Map<string, number> } | undefined;
/** The committed word vectors and their words' rows, read on first use. */
function vectors(): { data: VectorsData; rows: Map<string, number> } {
  if (!table) {
    const data = loadVectorsData();
    table = { data, rows: wordRows(data) };
  }
  return table;
}

/** Content words with their stem, idf in `field` and word-vector row. */
export function weighWords(field: FieldIndex, words: readonly string[]): ContentWord[] {
  const { rows } = vectors();
  return words.map((w) => {
    const s = stem(w);
    return { stem: s, weight: idf(field, s), row: rows.get(w) ?? -1 };
  });
}

/** Unit vectors kept per process (a collection's candidates use some tens of thousands of distinct words). */
const UNIT_CACHE_MAX = 60_000;
const unitRows = new Map<number, Float32Array | null>();
/** The unit-length vector of a table row (its int8 values: the row's scale cancels; null for a zero row). */
function unitRow(row: number): Float32Array | null {
  let v = unitRows.get(row);
  if (v !== undefined) return v;
  v = unitOf(vectors().data, row);
  if (unitRows.size >= UNIT_CACHE_MAX) unitRows.clear();
  unitRows.set(row, v);
  return v;
}

/**
 * The soft coverage scorer of one query: best cosines of each query word with a fact-check word row are computed once
 * per row and kept, as the candidates of a query share most of their words.
 */
export function softCoverage(query: readonly ContentWord[]): (doc: readonly ContentWord[]) => number {
  const n = query.length;
  const dims = n > 0 ? vectors().data.dims : 0;
  // The query's unit vectors in one matrix (a zero row for a word without one).
  const matrix = new Float32Array(n * dims);
  query.forEach((w, i) => {
    const v = w.row >= 0 ? unitRow(w.row) : null;
    if (v) matrix.set(v, i * dims);
  });
  const total = query.reduce((s, w) => s + w.weight, 0);
  const cosines = new Map<number, Float32Array>();
  const cosinesOf = (row: number): Float32Array => {
    let c = cosines.get(row);
    if (c) return c;
    c = new Float32Array(n);
    const v = unitRow(row);
    if (v) {
      for (let i = 0, base = 0; i < n; i++, base += dims) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += matrix[base + d]! * v[d]!;
        c[i] = dot;
      }
    }
    cosines.set(row, c);
    return c;
  };
  const best = new Float64Array(n);
  return (doc) => {
    if (total <= 0) return 0;
    best.fill(0);
    for (const w of doc) {
      if (w.row < 0) continue;
      const c = cosinesOf(w.row);
      for (let i = 0; i < n; i++) if (c[i]! > best[i]!) best[i] = c[i]!;
    }
    let hit = 0;
    for (let i = 0; i < n; i++) {
      const w = query[i]!;
      let shared = false;
      for (const d of doc) if (d.stem === w.stem) { shared = true; break; }
      hit += w.weight * (shared ? 1 : best[i]!);
    }
    return hit / total;
  };
}

/** Calls `visit` with the hash bucket of every 4-gram of the text's words, each word padded with a space both sides. */
function forEachGram(text: string, visit: (bucket: number) => void): void {
  for (const m of foldText(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const padded = ` ${m[0]} `;
    for (let i = 0; i + GRAM <= padded.length; i++) {
      let h = 0x811c9dc5;
      for (let j = i; j < i + GRAM; j++) h = Math.imul(h ^ padded.charCodeAt(j), 0x01000193);
      visit((h >>> 0) & GRAM_MASK);
    }
  }
}

/** Counts of a text's 4-gram buckets. */
export function gramCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  forEachGram(text, (b) => counts.set(b, (counts.get(b) ?? 0) + 1));
  return counts;
}

/** Document frequencies of 4-gram buckets over a collection. */
export interface GramFrequencies {
  readonly df: Uint32Array;
  documents: number;
}

/** An empty table of 4-gram document frequencies. */
export const newGramFrequencies = (): GramFrequencies => ({ df: new Uint32Array(1 << GRAM_BITS), documents: 0 });

/** Adds one document's text to the 4-gram document frequencies. */
export function addGramDocument(freq: GramFrequencies, text: string): void {
  for (const b of gramCounts(text).keys()) freq.df[b] = freq.df[b]! + 1;
  freq.documents++;
}

/** A tf-idf vector of 4-gram buckets ((1 + ln tf) · ln(N / (1 + df)), positive weights only) and its length. */
export interface GramVector {
  readonly weights: ReadonlyMap<number, number>;
  readonly norm: number;
}

/** The tf-idf vector of a text's 4-grams. */
export function gramVector(freq: GramFrequencies, text: string): GramVector {
  const weights = new Map<number, number>();
  let sum = 0;
  for (const [b, c] of gramCounts(text)) {
    const w = (1 + Math.log(c)) * Math.log(freq.documents / (1 + freq.df[b]!));
    if (w > 0) {
      weights.set(b, w);
      sum += w * w;
    }
  }
  return { weights, norm: Math.sqrt(sum) };
}

/** What the features read of a fact-check beyond its terms: its content words and its 4-gram vector. */
export interface DocumentMeaning {
  readonly words: readonly ContentWord[];
  readonly grams: GramVector;
}

/** Cosine of two 4-gram vectors (0 when either is empty). */
export function gramCosine(a: GramVector, b: GramVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, w] of small.weights) dot += w * (large.weights.get(k) ?? 0);
  return dot / (a.norm * b.norm);
}
