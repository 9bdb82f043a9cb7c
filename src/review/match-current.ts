/** The current decision per matched fact-check. Pure and free of validation code, so the web app can bundle it. */
import type { MatchDecision } from './match-decisions.js';

/** The key of a (claim, fact-check) pair in {@link currentMatchDecisions}. */
export const matchKey = (claimId: string, factCheckId: number): string => `${claimId}#${factCheckId}`;

/** The current decision per (claim, fact-check): the one with the highest id (the newest), keyed by {@link matchKey}. */
export function currentMatchDecisions(decisions: readonly MatchDecision[]): Map<string, MatchDecision> {
  const current = new Map<string, MatchDecision>();
  for (const decision of decisions) {
    const key = matchKey(decision.claimId, decision.factCheckId);
    const kept = current.get(key);
    if (!kept || decision.id > kept.id) current.set(key, decision);
  }
  return current;
}
