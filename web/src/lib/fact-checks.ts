/** What the claim panel says about a claim's published fact-checks and the reviewer's decisions on them. Pure. */
import type { MatchDecision, ReportClaim, ReportFactCheckMatch } from '../api/types.js';
import { currentMatchDecisions, matchKey } from '../../../src/review/match-current.js';
import { formatShare } from './format.js';

export { currentMatchDecisions, matchKey };

/** The fact-check matches the analysis listed under a claim (none when the server had no fact-checks). */
export function claimMatches(claim: ReportClaim): readonly ReportFactCheckMatch[] {
  return claim.factChecks ?? [];
}

/** Whether any claim of the report has a match: only then are decisions loaded and the section shown. */
export function hasMatches(claims: readonly ReportClaim[]): boolean {
  return claims.some((c) => claimMatches(c).length > 0);
}

/** The state of a claim's matches for its badge: some accepted, some still to decide, or all rejected. */
export type MatchState = 'accepted' | 'pending' | 'rejected';

/** Counts of a claim's matches by current decision, and the badge state; null when the claim has no match. */
export function matchSummary(claim: ReportClaim, current: ReadonlyMap<string, MatchDecision>): { state: MatchState; total: number; accepted: number; rejected: number } | null {
  const matches = claimMatches(claim);
  if (matches.length === 0) return null;
  let accepted = 0;
  let rejected = 0;
  for (const m of matches) {
    const decision = current.get(matchKey(claim.id, m.factCheckId))?.decision;
    if (decision === 'accepted') accepted++;
    else if (decision === 'rejected') rejected++;
  }
  const state: MatchState = accepted > 0 ? 'accepted' : rejected === matches.length ? 'rejected' : 'pending';
  return { state, total: matches.length, accepted, rejected };
}

/** The badge's words for a state. */
export function badgeText(state: MatchState): string {
  return state === 'accepted' ? 'fact-checked ✓' : state === 'pending' ? 'fact-checked?' : 'fact-check rejected';
}

/** The badge's longer description (its title and accessible name). */
export function badgeTitle(summary: { total: number; accepted: number; rejected: number }): string {
  const open = summary.total - summary.accepted - summary.rejected;
  const parts = [`${summary.total} published fact-check${summary.total === 1 ? '' : 's'} may address this claim`];
  if (summary.accepted > 0) parts.push(`${summary.accepted} accepted`);
  if (summary.rejected > 0) parts.push(`${summary.rejected} rejected`);
  if (open > 0) parts.push(`${open} to decide`);
  return parts.join('; ');
}

/** The match score as a percentage ("87%"). */
export function scoreText(score: number): string {
  return formatShare(Math.min(1, Math.max(0, score)));
}

/** The rating as the fact-checker gave it: its name, else its value, else "no rating". */
export function ratingText(rating: ReportFactCheckMatch['rating']): string {
  if (rating.name && rating.name.trim()) return rating.name.trim();
  return rating.value === null ? 'no rating' : `rated ${rating.value}`;
}

/** Why the analysis matched: the non-empty lists of shared words, figures and names, labelled. */
export function whyLines(why: ReportFactCheckMatch['why']): { label: string; items: readonly string[] }[] {
  const lines = [
    { label: 'Shared words', items: why.sharedTerms },
    { label: 'Same figures', items: why.sameFigures },
    { label: 'Same names', items: why.sameEntities },
  ];
  return lines.filter((l) => l.items.length > 0);
}
