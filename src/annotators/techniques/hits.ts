import type { Technique } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';

/** A technique found by one rule, before ids are given. */
export interface TechniqueHit {
  readonly start: number;
  readonly end: number;
  readonly technique: Technique;
  readonly score: number;
  /** The rule or lexicon entry id and its reason. */
  readonly evidence: string;
}

/** A hit covering tokens `[first, end)`. */
export function hitOver(
  tokens: readonly Token[],
  first: number,
  end: number,
  rule: { readonly id: string; readonly technique: Technique; readonly score: number; readonly reason: string },
): TechniqueHit {
  return { start: tokens[first]!.start, end: tokens[end - 1]!.end, technique: rule.technique, score: rule.score, evidence: `${rule.id}: ${rule.reason}` };
}

/**
 * Sorts hits by position and drops a hit lying inside another hit of the same technique (a pattern that
 * contains a lexicon phrase wins). Hits of one technique never overlap after this, so a sweep suffices.
 */
export function dedupeHits(hits: readonly TechniqueHit[]): TechniqueHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end || b.score - a.score);
  const lastEnd = new Map<Technique, number>();
  const out: TechniqueHit[] = [];
  for (const hit of sorted) {
    if ((lastEnd.get(hit.technique) ?? -1) >= hit.end) continue;
    lastEnd.set(hit.technique, Math.max(lastEnd.get(hit.technique) ?? -1, hit.end));
    out.push(hit);
  }
  return out;
}
