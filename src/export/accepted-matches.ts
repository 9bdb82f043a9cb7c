import type { Report } from '../core/report-schema.js';
import { currentMatchDecisions, matchKey } from '../review/match-current.js';
import type { MatchDecision } from '../review/match-decisions.js';
import { httpUrl } from '../review/validate.js';

/**
 * Per claim id, the addresses (http/https, normalised, each once) of the published fact-checks a reviewer accepted as
 * addressing that claim: matches the report lists under the claim whose current (newest) decision is `accepted`, in
 * the report's order. A decision on a match the report no longer lists is left out, as is a rejected one.
 */
export function acceptedFactCheckUrls(report: Report, decisions: readonly MatchDecision[]): Map<string, string[]> {
  const current = currentMatchDecisions(decisions);
  const accepted = new Map<string, string[]>();
  if (current.size === 0) return accepted;
  for (const claim of report.claims) {
    const urls = (claim.factChecks ?? [])
      .filter((m) => current.get(matchKey(claim.id, m.factCheckId))?.decision === 'accepted')
      .map((m) => httpUrl(m.url))
      .filter((u): u is string => u !== undefined);
    if (urls.length > 0) accepted.set(claim.id, [...new Set(urls)]);
  }
  return accepted;
}
