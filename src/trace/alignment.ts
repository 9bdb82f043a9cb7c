// Comparing two claims word by word, by meaning: each content word of the query is aligned with its nearest word of the
// candidate (a word both have counts 1, another word its cosine), and the query's words are weighed by salience (rare
// words weigh more, SIF's a / (a + p(w))). Used where the two claims' anchors agree (the same place and figure): then a
// retelling in other words ("should the yard stop making ships, 20,000 workers would be out of work") covers the
// query's words by meaning where it shares few of them. Node-free; the word table is read in meaning.ts.
import type { ClaimFingerprint } from './similarity.js';

/** Word meaning as the alignment needs it (see meaning.ts). */
export interface WordMeaning {
  /** A lower-case word's unit vector, or null when it has none. */
  vector(word: string): Float32Array | null;
  /** How much a word tells, in (0, 1]: rare words near 1, the commonest near 0. */
  salience(word: string): number;
  /** What a lexicon says of two words (see lexicon.ts), when one is attached; read lazily. */
  readonly relations?: WordRelations;
}

/** The cosine of two words' vectors (0 when either has none; the vectors are unit length). */
export function wordCosine(meaning: WordMeaning, a: string, b: string): number {
  const x = meaning.vector(a);
  const y = meaning.vector(b);
  if (!x || !y) return 0;
  let dot = 0;
  for (let d = 0; d < x.length; d++) dot += x[d]! * y[d]!;
  return dot;
}

/** The relation of word a to word b in a lexicon: a shared sense, a broader or narrower word, a different thing of the same kind. */
export type Relation = 'same' | 'broader' | 'narrower' | 'sibling' | 'unrelated' | 'unknown';

/** Word relations as the alignment needs them (lexicon.ts reads them from WordNet). */
export interface WordRelations {
  relation(a: string, b: string): Relation;
  /** Whether a word as written reads as a thing (a concrete noun: see lexicon.ts); absent when the lexicon cannot tell. */
  thing?(word: string, verbRatio: number): boolean;
  /** Whether a word as written can tell an event (a verb form, an action noun; see lexicon.ts); absent when the lexicon cannot tell. */
  event?(word: string, light: number): boolean;
}

const KIN: ReadonlySet<Relation> = new Set(['same', 'broader', 'narrower']);
/**
 * WordNet siblings that the word vectors put this near are words news uses for one another (town/city 0.83, boat/ship
 * 0.82, prison/jail 0.94): never a different thing of the same kind. The cost: siblings as near as cars/trucks (0.85)
 * or trains/buses (0.82) are not told apart either. A retelling missed is invisible to the reader of a trace; a
 * look-alike listed is shown with its words, so recall is kept.
 */
export const SIBLING_SYNONYM_COSINE = 0.8;

/** One word of a claim aligned with the other claim. */
export interface AlignedWord {
  readonly word: string;
  readonly weight: number;
  /** 1 for a word both have; else the best cosine with a word of the other claim. */
  readonly best: number;
  readonly with: string | null;
}

/**
 * Two stems of one word family that the light stemmer leaves apart ("clos" and "closur", "monitor" and "monitoring"):
 * one is a prefix of the other, at least five letters long, or four when the other is at most six.
 */
export function sameRoot(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short) && (short.length >= 5 || (short.length >= 4 && long.length <= 6));
}

/**
 * Aligns each term of `from` with its nearest term of `to`: 1 for a term both have (or of one word family, see
 * sameRoot); else the best cosine with a term of `to` that `from` lacks (a word both have is already accounted for).
 * Names (places, people) are left out: they are anchors, compared exactly (see nameConflict).
 */
export function align(from: ClaimFingerprint, to: ClaimFingerprint, meaning: WordMeaning): AlignedWord[] {
  const own = new Set(to.terms);
  const fromTerms = new Set(from.terms);
  const fromNames = new Set(from.names);
  const toNames = new Set(to.names);
  const others: { form: string; v: Float32Array }[] = [];
  to.terms.forEach((t, i) => {
    if (toNames.has(t) || fromTerms.has(t) || from.terms.some((f) => sameRoot(f, t))) return;
    const form = to.forms?.[i] ?? t;
    const v = meaning.vector(form);
    if (v) others.push({ form, v });
  });
  const out: AlignedWord[] = [];
  from.terms.forEach((t, i) => {
    if (fromNames.has(t) || toNames.has(t)) return;
    const form = from.forms?.[i] ?? t;
    const weight = meaning.salience(form);
    if (own.has(t) || to.terms.some((o) => sameRoot(t, o))) {
      out.push({ word: form, weight, best: 1, with: form });
      return;
    }
    let best = 0;
    let other: string | null = null;
    const x = meaning.vector(form);
    if (x) {
      for (const o of others) {
        let c = 0;
        for (let d = 0; d < x.length; d++) c += x[d]! * o.v[d]!;
        if (c > best) {
          best = c;
          other = o.form;
        }
      }
    }
    out.push({ word: form, weight, best, with: other });
  });
  return out;
}

/** How much of the query's meaning the candidate covers, in [0, 1]: the salience-weighted mean of the query words' best cosines. */
export function alignedCoverage(query: ClaimFingerprint, candidate: ClaimFingerprint, meaning: WordMeaning): number {
  let total = 0;
  let covered = 0;
  for (const w of align(query, candidate, meaning)) {
    total += w.weight;
    covered += w.weight * w.best;
  }
  return total === 0 ? 0 : covered / total;
}

/** The word of `words` nearest to `word` by cosine (null when none has a vector). */
function nearestOf(word: string, words: readonly string[], meaning: WordMeaning): string | null {
  const x = meaning.vector(word);
  if (!x) return null;
  let best = -Infinity;
  let at: string | null = null;
  for (const w of words) {
    const y = meaning.vector(w);
    if (!y) continue;
    let c = 0;
    for (let d = 0; d < x.length; d++) c += x[d]! * y[d]!;
    if (c > best) {
      best = c;
      at = w;
    }
  }
  return at;
}

/**
 * A different thing of the same kind: a word of the query whose nearest word in the candidate (by meaning, see align)
 * is a sibling in the lexicon (a close common hypernym, no shared sense, neither a kind of the other: "ferry" against
 * "bus", "wall" against "bridge"), while no word of the candidate is the query word in other words, a broader or a
 * narrower word, no word of the query is the candidate word's, and the candidate word is nearer to the query word
 * than to any other word of the query (it stands in for it). Word vectors rate such a pair as near as a synonym; the lexicon tells them apart. Names are anchors
 * and left out (see align). The first such pair, or null.
 */
export function kindConflict(query: ClaimFingerprint, candidate: ClaimFingerprint, meaning: WordMeaning, relations: WordRelations): { word: string; with: string } | null {
  const formsOf = (x: ClaimFingerprint) => {
    const names = new Set(x.names);
    return x.terms.map((t, i) => (names.has(t) ? null : x.forms?.[i] ?? t)).filter((f): f is string => f !== null);
  };
  const forms = formsOf(candidate);
  let queryForms: string[] | undefined;
  for (const w of align(query, candidate, meaning)) {
    if (w.best === 1 || w.best >= SIBLING_SYNONYM_COSINE || w.with === null || relations.relation(w.word, w.with) !== 'sibling') continue;
    if (forms.some((f) => KIN.has(relations.relation(w.word, f)))) continue;
    // Nor is the candidate's word the same thing as another word of the query ("houses and flats" against "apartments").
    queryForms ??= formsOf(query);
    if (queryForms.some((f) => KIN.has(relations.relation(w.with!, f)))) continue;
    // And the candidate's word stands in for this query word: it is nearer to it than to any other word of the query
    // ("hospital" against "theatre" in "At the clinic, ... in the queue for theatre time": "hospital" is the clinic).
    if (nearestOf(w.with, queryForms, meaning) !== w.word) continue;
    return { word: w.word, with: w.with };
  }
  return null;
}
