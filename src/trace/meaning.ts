// Word meaning for comparing two claims word by word (alignment.ts): the cosine of two words over the whole distilled
// table (130,000 words, not only the 30,000 the neighbour table covers: "dockyard", "redundancies" and "levee" are
// rarer) and each word's salience from its frequency rank. Read on first use; no NLP model is loaded.
import { readVectorsPrefix, WORD_VECTORS_URL, type VectorsData } from '../meaning/vectors-format.js';
import { cachedUnits, wordRows } from '../meaning/unit-vectors.js';
import type { WordMeaning, WordRelations } from './alignment.js';
import { getLexicon, type Lexicon } from './lexicon.js';
import { stem } from './terms.js';

/** Unit vectors (and saliences) remembered per process. */
const UNIT_CACHE_MAX = 50_000;

/** Harmonic number H(n), for Zipf's law over the source vocabulary. */
function harmonic(n: number): number {
  let h = 0;
  for (let i = 1; i <= n; i++) h += 1 / i;
  return h;
}

/** Word meaning over a vectors table: unit rows and salience a / (a + p(w)) with p(w) by Zipf's law from the rank. */
export function createWordMeaning(vectors: VectorsData, sifA: number): WordMeaning {
  let index: Map<string, number> | undefined;
  const h = harmonic(vectors.sourceSize);
  const rowOf = (word: string): number => {
    index ??= wordRows(vectors);
    const direct = index.get(word);
    if (direct !== undefined) return direct;
    // Inflected forms past the table: the word without its ending ("redundancies" is in it; a rare plural may not be).
    for (const alt of [word.replace(/s$/u, ''), stem(word), `${stem(word)}e`]) {
      const row = index.get(alt);
      if (row !== undefined) return row;
    }
    return -1;
  };
  const unit = cachedUnits(vectors, rowOf, UNIT_CACHE_MAX);
  const saliences = new Map<string, number>();
  return {
    vector: unit,
    salience(word) {
      let weight = saliences.get(word);
      if (weight !== undefined) return weight;
      const row = rowOf(word);
      // A word past the table is rarer than its last row.
      const rank = row < 0 ? vectors.count + 1 : row + 1;
      weight = sifA / (sifA + 1 / (rank * h));
      if (saliences.size >= UNIT_CACHE_MAX) saliences.clear();
      saliences.set(word, weight);
      return weight;
    },
  };
}

/**
 * SIF's a for the alignment's salience: 10⁻³, as the sentence vectors (src/meaning/sentence.ts), the pick of
 * bench/corpus/calibrate-alignment.ts among 10⁻³ and 10⁻⁴ on the project's tuning claims (its --check asserts it).
 */
export const ALIGNMENT_SIF_A = 1e-3;

let shared: WordMeaning | undefined;
let sharedA: number | undefined;

/** The committed table's word meaning, read on first use and kept for the life of the process. */
export function getWordMeaning(sifA = ALIGNMENT_SIF_A): WordMeaning {
  if (!shared || sharedA !== sifA) {
    // WordNet's relations (lexicon.ts), read on the first relation asked for.
    let lexicon: Lexicon | undefined;
    const relations: WordRelations = { relation: (a, b) => (lexicon ??= getLexicon()).relation(a, b), thing: (word, verbRatio) => (lexicon ??= getLexicon()).thing(word, verbRatio), event: (word, light) => (lexicon ??= getLexicon()).event(word, light) };
    shared = { ...createWordMeaning(readVectorsPrefix(WORD_VECTORS_URL, Number.MAX_SAFE_INTEGER), sifA), relations };
    sharedA = sifA;
  }
  return shared;
}
