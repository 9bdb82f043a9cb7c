// Word meaning as the trace uses it: the cosine of two words' vectors and a word's precomputed near words
// (src/meaning/vectors-format.ts, src/meaning/word-neighbours.ts). Both tables are read on the first trace, never at
// start-up, and neither module loads the NLP model: a trace of a stored claim stays light.
import { readVectorsPrefix, WORD_VECTORS_URL, type VectorsData } from '../meaning/vectors-format.js';
import { cachedUnits, wordRows } from '../meaning/unit-vectors.js';
import { loadNeighbours, neighboursOfRow, type NeighboursData } from '../meaning/word-neighbours.js';
import type { WordNearness } from './word-nearness.js';

export type { WordNearness };

/** Unit vectors remembered per process (claims use a few thousand distinct words). */
const UNIT_CACHE_MAX = 50_000;

/** Word nearness over a vectors table and its neighbour table. */
export function createNearness(vectors: VectorsData, neighbours: NeighboursData): WordNearness {
  let index: Map<string, number> | undefined;
  const rowOf = (word: string): number => (index ??= wordRows(vectors)).get(word) ?? -1;
  const unit = cachedUnits(vectors, rowOf, UNIT_CACHE_MAX);
  return {
    similarity(a, b) {
      if (a === b) return 1;
      const x = unit(a);
      const y = unit(b);
      if (!x || !y) return 0;
      let dot = 0;
      for (let d = 0; d < x.length; d++) dot += x[d]! * y[d]!;
      return dot;
    },
    neighbours(word) {
      return neighboursOfRow(neighbours, rowOf(word)).map((n) => ({ word: vectors.words[n.row]!, cosine: n.cosine }));
    },
  };
}

let shared: WordNearness | undefined;

/**
 * The committed tables' nearness, read on first use and kept for the life of the process: the vectors of the words the
 * neighbour table covers (the 30,000 most frequent), read alone; rarer words count as having no vector.
 */
export function getNearness(): WordNearness {
  const neighbours = loadNeighbours();
  shared ??= createNearness(readVectorsPrefix(WORD_VECTORS_URL, neighbours.count), neighbours);
  return shared;
}
