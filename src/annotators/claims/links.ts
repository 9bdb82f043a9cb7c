import type { Annotation, AttributionAnnotation, ClaimAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { firstStartingFrom, overlaps, type Range } from '../../core/range.js';

/** Index of the last range in `ranges` (sorted by start) that starts at or before `offset`; -1 if none. */
export function lastStartingAtOrBefore(ranges: readonly Range[], offset: number): number {
  return firstStartingFrom(ranges, offset + 1) - 1;
}

/**
 * Buckets items by the sentences (sorted, non-overlapping) that `rangeOf(item)` overlaps.
 * Each item costs a binary search plus the sentences it spans, so the whole is near-linear.
 */
export function bucketBySentence<T>(sentences: readonly Range[], items: readonly T[], rangeOf: (item: T) => Range): T[][] {
  const buckets: T[][] = sentences.map(() => []);
  for (const item of items) {
    const { start, end } = rangeOf(item);
    // An empty range still belongs to the sentence it sits in.
    const probe = { start, end: Math.max(end, start + 1) };
    for (let i = Math.max(0, lastStartingAtOrBefore(sentences, start)); i < sentences.length && sentences[i]!.start < probe.end; i++) {
      if (overlaps(sentences[i]!, probe)) buckets[i]!.push(item);
    }
  }
  return buckets;
}

function isAttribution(ann: Annotation | undefined): ann is AttributionAnnotation {
  return ann?.kind === 'attribution';
}

/** The ids in `claim.attributionIds` whose content overlaps the claim: attributed in the sentence itself. */
export function directAttributionIds(doc: Document, claim: ClaimAnnotation): string[] {
  return claim.attributionIds.filter((id) => {
    const ann = doc.get(id);
    return isAttribution(ann) && overlaps(ann.content, claim);
  });
}

/** The ids in `claim.attributionIds` carried over from an earlier sentence of the same paragraph. */
export function carriedAttributionIds(doc: Document, claim: ClaimAnnotation): string[] {
  const direct = new Set(directAttributionIds(doc, claim));
  return claim.attributionIds.filter((id) => !direct.has(id));
}
