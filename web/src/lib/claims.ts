/** What the side panel shows per claim: attribution chains, figures, findings. Pure; no quadratic scans. */
import type { Report, ReportAttribution, ReportClaim, ReportFinding, ReportQuantity } from '../api/types.js';
import { findingId } from './segments.js';

/** A finding with the id the app gives it. */
export interface NumberedFinding extends ReportFinding {
  readonly id: string;
}

/** One claim with everything attached to it. */
export interface ClaimDetail {
  readonly claim: ReportClaim;
  /** For each supporting attribution: its chain from the outermost parent down to it. */
  readonly chains: readonly (readonly ReportAttribution[])[];
  readonly figures: readonly ReportQuantity[];
  readonly findings: readonly NumberedFinding[];
}

/** Index of the last item whose start is ≤ `pos` in a list sorted by start; -1 when none. */
function lastStartingBefore(items: readonly { start: number }[], pos: number): number {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start <= pos) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/** The chain of an attribution: outermost parent first, itself last (cycles and unknown parents cut the chain). */
export function attributionChain(attribution: ReportAttribution, byId: ReadonlyMap<string, ReportAttribution>): ReportAttribution[] {
  const chain = [attribution];
  const seen = new Set([attribution.id]);
  for (let p = attribution.parent; p && !seen.has(p); ) {
    const parent = byId.get(p);
    if (!parent) break;
    chain.unshift(parent);
    seen.add(p);
    p = parent.parent;
  }
  return chain;
}

/** Every claim sorted by position, with its chains, the figures starting inside it and the findings overlapping it. */
export function claimDetails(report: Report): ClaimDetail[] {
  const claims = [...report.claims].sort((a, b) => a.start - b.start || a.end - b.end);
  const byId = new Map(report.attributions.map((a) => [a.id, a]));
  const figures = claims.map((): ReportQuantity[] => []);
  const findings = claims.map((): NumberedFinding[] => []);
  for (const q of report.quantities) {
    const i = lastStartingBefore(claims, q.start);
    if (i >= 0 && q.start < claims[i]!.end) figures[i]!.push(q);
  }
  report.findings.forEach((f, index) => {
    const numbered = { ...f, id: findingId(index) };
    // Claims are sentences and do not nest: walk back from the last claim starting before the finding's end.
    for (let i = lastStartingBefore(claims, Math.max(f.start, f.end - 1)); i >= 0 && claims[i]!.end > f.start; i--) findings[i]!.push(numbered);
  });
  return claims.map((claim, i) => ({
    claim,
    chains: claim.attributionIds.flatMap((id) => (byId.has(id) ? [attributionChain(byId.get(id)!, byId)] : [])),
    figures: figures[i]!,
    findings: findings[i]!.sort((a, b) => a.start - b.start),
  }));
}

/** The current verdict of each claim: its latest review (highest id), as the server's exports count it. */
export { currentReviews as currentVerdicts } from '../../../src/review/current.js';

/** Claim filters of the side panel. */
export interface ClaimFilter {
  readonly grade: string;
  /** Least check-worthiness shown (0 shows all). */
  readonly minWorth: number;
}

/** The claims that pass the filter, in order. */
export function filterClaims(details: readonly ClaimDetail[], filter: ClaimFilter): ClaimDetail[] {
  return details.filter((d) => (filter.grade === 'all' || d.claim.grade === filter.grade) && d.claim.checkworthiness >= filter.minWorth);
}

/** Index of the next (dir 1) or previous (dir -1) item, wrapping; the first or last when nothing is selected. */
export function step(current: number, length: number, dir: 1 | -1): number {
  if (length === 0) return -1;
  if (current < 0) return dir === 1 ? 0 : length - 1;
  return (current + dir + length) % length;
}
