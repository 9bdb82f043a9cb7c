// Collection statistics for a small store. BM25's idf and the 4-gram weights of a match (features.ts, meaning.ts) come
// from the indexed collection's document frequencies; over a handful of fact-checks these say nothing ("jet" in 1 of
// 2 fact-checks is as common as "the" in 2 of 2) and with 1 or 2 every 4-gram weight ln(N / (1 + df)) is zero or
// negative, so the 4-gram cosine, the re-ranker's strongest feature, is 0 and a verbatim repeat of a stored claim
// scored 0.02 where, with 8 stored, it scored 0.98. A store of fewer than BACKGROUND_FLOOR fact-checks is therefore
// topped up with that many less its size of background documents: documents of DOCUMENT_TOKENS words of ordinary
// English whose word frequencies are estimated by Zipf's law from the frequency ranks of the committed word-vector
// table (models/word-vectors.md: its rows are in corpus-frequency order; p(rank r) = 1 / (r · H(source size)), the
// estimate the sentence vectors' SIF weights use), a word of probability p being in such a document with probability
// 1 - exp(-DOCUMENT_TOKENS · p). A term's document frequency is then its count in the store plus its expected count in
// the background documents (likewise each 4-gram, over the words holding it), and the collection size is the store's
// plus theirs. As the store grows its own counts take over, and from BACKGROUND_FLOOR fact-checks on nothing is added:
// the CLEF index (10,375 claims), on which the re-ranker was trained and is scored, and large stores are unchanged.
import { loadVectorsData } from '../../meaning/vectors-format.js';
import { gramCounts, type GramFrequencies } from './meaning.js';
import { matchTerms } from './terms.js';

/**
 * Fact-checks below which a store is topped up with background documents: at 1,000 a word in one fact-check has idf
 * 6.5, in the range of the rare words of a large store, so the store's own counts then tell rare from common.
 */
export const BACKGROUND_FLOOR = 1_000;
/** Words of a background document (a fact-check's claim and title run to 20-30 words). */
export const DOCUMENT_TOKENS = 25;
/**
 * The table's most frequent words counted: a word past rank 20,000 is expected in fewer than 0.1 of 1,000 background
 * documents, which moves no idf, and counting them all would cost the first small-store match a second.
 */
const WORDS = 20_000;

/** The expected share of background documents holding each term (a stem or a number) and each 4-gram bucket. */
export interface Background {
  /** Share of background documents holding a term (0 for a term no counted word has: a name, a figure, a rare word). */
  readonly termShare: ReadonlyMap<string, number>;
  /** Share of background documents holding a 4-gram, by bucket (meaning.ts's hashing). */
  readonly gramShare: Float64Array;
}

let cached: Background | undefined;

/** The background shares, computed from the word-vector table on first use (one per process). */
export function background(): Background {
  if (cached) return cached;
  const table = loadVectorsData();
  // Zipf's law over the source vocabulary: H(n) ≈ ln n + γ + 1 / (2n).
  const harmonic = Math.log(table.sourceSize) + 0.5772156649 + 1 / (2 * table.sourceSize);
  const termRate = new Map<string, number>();
  const grams = new Map<number, number>();
  const count = Math.min(WORDS, table.words.length);
  for (let row = 0; row < count; row++) {
    const word = table.words[row]!;
    const p = 1 / ((row + 1) * harmonic);
    // Forms of one stem add up ("vaccine", "vaccines", "vaccinated"): the stem's rate is the sum of its words'.
    const [term] = matchTerms(word);
    if (term !== undefined) termRate.set(term, (termRate.get(term) ?? 0) + p);
    for (const bucket of gramCounts(word).keys()) grams.set(bucket, (grams.get(bucket) ?? 0) + p);
  }
  const share = (rate: number) => 1 - Math.exp(-DOCUMENT_TOKENS * rate);
  const gramShare = new Float64Array(1 << 20);
  for (const [bucket, rate] of grams) gramShare[bucket] = share(rate);
  cached = { termShare: new Map([...termRate].map(([t, rate]) => [t, share(rate)])), gramShare };
  return cached;
}

/** Background documents added to a collection of `size`: BACKGROUND_FLOOR less its size, none from the floor on. */
export const backgroundDocuments = (size: number) => Math.max(0, BACKGROUND_FLOOR - size);

/** A field's background: how many documents, and the share of them holding a term. */
export interface FieldBackground {
  readonly documents: number;
  readonly termShare: ReadonlyMap<string, number>;
}

/** Adds `documents` background documents to 4-gram document frequencies (each bucket's expected count, rounded). */
export function addBackgroundGrams(freq: GramFrequencies, documents: number, shares: Float64Array = background().gramShare): void {
  if (documents <= 0) return;
  for (let b = 0; b < shares.length && b < freq.df.length; b++) {
    const extra = Math.round(documents * shares[b]!);
    if (extra > 0) freq.df[b] = freq.df[b]! + extra;
  }
  freq.documents += documents;
}
