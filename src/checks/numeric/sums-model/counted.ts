// A total said to be spread over a counted number of things ("seized 4,180 abalone in three raids"), whose run has
// exactly that many parts: the run names every part, so it may not stop short of the total.
import { tokenAt, type Token } from '../../../nlp/tokens.js';
import type { Located } from '../context.js';
import type { SumCandidate } from './candidates.js';

/** How many words from the total the count of its parts may stand, within its sentence. */
const REACH = 8;
/** The counts of parts read so: a list of two to twelve parts. */
const FEWEST = 2;
const MOST = 12;

/** A document's figures by sentence, built once (see sentenceFigures). */
export interface SentenceFigures {
  of(sentence: number): readonly Located[];
}

/** The figures of each sentence, in one pass over a document's figures. */
export function sentenceFigures(located: readonly Located[]): SentenceFigures {
  const by = new Map<number, Located[]>();
  for (const l of located) {
    const list = by.get(l.sentence);
    if (list) list.push(l);
    else by.set(l.sentence, [l]);
  }
  return { of: (sentence) => by.get(sentence) ?? [] };
}

/**
 * The candidate, closed also when the total's sentence counts its parts and the run has that many: a small whole
 * number right after a preposition ("in three raids", "from four villages", "across five sites") within a few words
 * of the total. "4,180 abalone in three raids …: 1,960 …, 1,420 … and 600 …" names all three raids' figures, so 3,980
 * falls short of the total; a run of another length is left as it was.
 */
export function withCountClosed(c: SumCandidate, tokens: readonly Token[], figures: SentenceFigures): SumCandidate {
  if (c.closed || c.parts.length < FEWEST || c.parts.length > MOST) return c;
  const at = tokenAt(tokens, c.total.q.start);
  // Only the figures of the total's sentence can count its parts: read from the by-sentence index, so that a document's
  // candidates do not each scan all its figures.
  const counted = figures.of(c.total.sentence).some(({ q }) => {
    if (q.id === c.total.q.id || q.quantityKind !== 'count' || q.bound !== 'exact' || q.value !== c.parts.length) return false;
    if (c.parts.some((p) => p.q.id === q.id)) return false;
    const k = tokenAt(tokens, q.start);
    return Math.abs(k - at) <= REACH && tokens[k - 1]?.pos === 'ADP' && tokens[k - 1]!.lower !== 'of' && q.unit !== undefined && q.unit !== c.total.q.unit;
  });
  return counted ? { ...c, closed: true } : c;
}
