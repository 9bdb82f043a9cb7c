import type { EntityType } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import { startsUpper } from '../../nlp/letters.js';

/** Where a candidate came from; on equal length the lower rank wins. */
export const RANK = { gazetteer: 0, pattern: 1, document: 2, link: 3 } as const;

/** A possible entity over tokens `[first, end)`, before overlaps are resolved. */
export interface Candidate {
  readonly first: number;
  readonly end: number;
  /** Character offsets of the span (a trailing possessive already cut off). */
  readonly start: number;
  readonly stop: number;
  readonly type: EntityType;
  readonly norm: string;
  readonly rank: number;
  /** For a described document: the entity it names last ("the Northport Herald" in "a report by the Northport Herald"). */
  readonly named?: { readonly type: EntityType; readonly norm: string };
}

const POSSESSIVE = /['’]s$/u;

/** Builds a candidate over tokens `[first, end)`, cutting a possessive `'s` glued to the last token. */
export function candidateOver(
  tokens: readonly Token[],
  first: number,
  end: number,
  fields: { type: EntityType; norm: string; rank: number },
): Candidate {
  const last = tokens[end - 1]!;
  const cut = POSSESSIVE.test(last.text) && last.text.length > 2 ? 2 : 0;
  return { first, end, start: tokens[first]!.start, stop: last.end - cut, ...fields };
}

/** The surface text of a token without a glued possessive (`Quist's` → `Quist`). */
export function bareText(token: Token): string {
  return POSSESSIVE.test(token.text) && token.text.length > 2 ? token.text.slice(0, -2) : token.text;
}

/** True for a word token that starts with a capital letter. */
export function isCapitalised(token: Token): boolean {
  return token.type === 'word' && startsUpper(token.text);
}

/** Longest candidates win; on equal length the lower rank, then the earlier one; no two overlap. */
export function resolveOverlaps(candidates: readonly Candidate[], tokenCount: number): Candidate[] {
  const order = [...candidates].sort(
    (a, b) => b.stop - b.start - (a.stop - a.start) || a.rank - b.rank || a.start - b.start,
  );
  const taken = new Uint8Array(tokenCount);
  const kept: Candidate[] = [];
  for (const cand of order) {
    let free = true;
    for (let i = cand.first; i < cand.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, cand.first, cand.end);
    kept.push(cand);
  }
  return kept.sort((a, b) => a.start - b.start);
}
