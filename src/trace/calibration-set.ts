// Calibration of the comparison of one trace's matches with each other (contrast-set.ts) on labelled pairs: the pairs
// of one query are read as one trace's matches (those scoring at the trace threshold), and the set comparison drops
// some. Used by bench/corpus/calibrate-alignment.ts.
import type { WordMeaning, WordRelations } from './alignment.js';
import { withoutContrasts, type ContrastSetOptions } from './contrast-set.js';
import type { ClaimFingerprint } from './similarity.js';

/** A labelled pair as the set calibration needs it. */
export interface SetCase {
  readonly query: ClaimFingerprint;
  readonly candidate: ClaimFingerprint;
  readonly positive: boolean;
}

/**
 * The pairs a trace would keep: those scoring at least `threshold`, less those the set comparison drops among the
 * pairs of the same query (the same query object).
 */
export function keptBySet<C extends SetCase>(cases: readonly C[], score: (c: C) => number, threshold: number, meaning: WordMeaning, relations: WordRelations, options: ContrastSetOptions | null): Set<C> {
  const byQuery = new Map<ClaimFingerprint, { c: C; fingerprint: ClaimFingerprint; score: number }[]>();
  for (const c of cases) {
    const s = score(c);
    if (s < threshold) continue;
    let of = byQuery.get(c.query);
    if (!of) byQuery.set(c.query, (of = []));
    of.push({ c, fingerprint: c.candidate, score: s });
  }
  const kept = new Set<C>();
  for (const [query, matches] of byQuery) for (const m of withoutContrasts(matches, meaning, relations, options, query)) kept.add(m.c);
  return kept;
}

/** Retellings kept and look-alikes kept of the cases. */
export function setTally<C extends SetCase>(cases: readonly C[], kept: ReadonlySet<C>): { found: number; retellings: number; passed: number; lookalikes: number } {
  let found = 0;
  let passed = 0;
  let retellings = 0;
  for (const c of cases) {
    if (c.positive) retellings++;
    if (kept.has(c)) c.positive ? found++ : passed++;
  }
  return { found, retellings, passed, lookalikes: cases.length - retellings };
}
