// What the trace's scoring needs to know of word meaning, apart from how it is loaded (nearness.ts reads the model
// files): kept free of Node modules, so that code shared with the web app (similarity, mutations) type-checks there.

/** How near two words are in meaning, and each word's nearest words. */
export interface WordNearness {
  /** Cosine of two words' vectors; 0 when either has none. */
  similarity(a: string, b: string): number;
  /** The word's precomputed near words, nearest first (none for a word past the neighbour table). */
  neighbours(word: string): readonly { readonly word: string; readonly cosine: number }[];
}
