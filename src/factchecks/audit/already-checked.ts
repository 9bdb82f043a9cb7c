// "Already fact-checked": each check-worthy claim of a report is matched against the stored fact-checks; the matches
// go under the claim (`factChecks`, best first) and the best one becomes an info finding naming its publisher, rating
// and link. Pure: the matcher is built elsewhere (provider.ts) and the report is copied, never changed in place.
import { lineColMapper } from '../../core/range.js';
import type { Report, ReportFactCheckMatch } from '../../core/report-schema.js';
import type { FactCheckMatch, FactCheckMatcher } from '../match/store-match.js';

/** The rule id of the finding. */
export const ALREADY_FACT_CHECKED = 'already-fact-checked';
/** Most matches listed under one claim. */
export const MAX_CLAIM_MATCHES = 5;

/** Finds the stored fact-checks that address a claim, best first, at or above the calibrated threshold. */
export type ClaimMatcher = (text: string, limit: number) => readonly FactCheckMatch[];

/**
 * First-stage candidates the audit re-ranks per claim: 5 of the 100 that `claimtrace match` re-ranks, as an analysis
 * matches every check-worthy claim of an article (7 in an 800-word one) and re-ranking is most of a match's time; the
 * audit lists at most 5 matches. Measured with the 27-feature re-ranker: on its 160 CLEF validation tweets (held-out
 * model, 10,375 verified claims) 118 get a match, the relevant claim is the best for 115 and listed for 117, at depth
 * 5, 10, 20 and 100 alike; on bench:match-store's 300 queries in other words (100,000 generated fact-checks) 98.7 %
 * get a match and the best is the source for 96.7 %, at depth 5 as at 100. The calibration was fitted on the top 10
 * candidates of each query.
 */
export const AUDIT_DEPTH = 5;

/** Claims whose matches are kept per matcher (the same sentence in many articles of a feed is matched once). */
export const AUDIT_MEMO_MAX = 10_000;

const memos = new WeakMap<object, Map<string, readonly FactCheckMatch[]>>();

/**
 * The audit's claim matcher over a fact-check matcher: its matches among the first stage's {@link AUDIT_DEPTH} best.
 * A matcher answers for the fact-checks stored when it was made, so a claim's matches are kept with it (up to
 * AUDIT_MEMO_MAX claims) and a claim written again, in this report or a later one, is not matched again.
 */
export function auditClaimMatcher(matcher: Pick<FactCheckMatcher, 'match'>): ClaimMatcher {
  let memo = memos.get(matcher);
  if (!memo) memos.set(matcher, (memo = new Map()));
  const kept = memo;
  return (text, limit) => {
    const key = `${limit}\u0000${text}`;
    let matches = kept.get(key);
    if (!matches) {
      matches = matcher.match(text, { limit, depth: AUDIT_DEPTH });
      if (kept.size >= AUDIT_MEMO_MAX) kept.clear();
      kept.set(key, matches);
    }
    return matches;
  };
}

type ReportClaim = Report['claims'][number];
type ReportFinding = Report['findings'][number];

const round = (x: number) => Math.round(x * 1000) / 1000;
const HTTP_URL = /^https?:\/\/\S+$/i;

/** The rating as a reader says it: its alternate name, its name, or value/best; null when the fact-check gives none. */
export function ratingName(rating: FactCheckMatch['factCheck']['rating']): string | null {
  if (rating.alternateName ?? rating.name) return rating.alternateName ?? rating.name;
  return rating.value !== null ? `${rating.value}${rating.best !== null ? `/${rating.best}` : ''}` : null;
}

/** A match as a report lists it under a claim; undefined for a fact-check whose link is not http(s). */
export function reportMatch(m: FactCheckMatch): ReportFactCheckMatch | undefined {
  const f = m.factCheck;
  if (!HTTP_URL.test(f.url)) return undefined;
  return {
    factCheckId: f.id,
    score: round(m.score),
    claimReviewed: f.claim,
    rating: { name: ratingName(f.rating), value: f.rating.value },
    publisher: f.publisher.name,
    date: f.date,
    url: f.url,
    why: { sharedTerms: [...m.reasons.sharedWords], sameFigures: [...m.reasons.sameFigures], sameEntities: [...m.reasons.sameEntities] },
  };
}

/** The finding's message: who checked it, their rating, when, and where to read it. */
export function alreadyCheckedMessage(best: ReportFactCheckMatch): string {
  const who = best.publisher ?? 'a fact-checker';
  const when = best.date ? ` on ${best.date}` : '';
  const rated = best.rating.name ? `rated it "${best.rating.name}"` : 'checked it';
  return `Already fact-checked: ${who} ${rated}${when} (match ${best.score.toFixed(2)}): ${best.url}`;
}

/**
 * The report with every claim at or above `threshold` (the report's check-worthiness threshold) matched: such a claim
 * gets `factChecks` (empty when nothing matches) and, when something does, an `already-fact-checked` finding for the
 * best match, placed in the findings' order (start, end, rule). Other claims are left as they are.
 */
export function addFactChecks(report: Report, match: ClaimMatcher, threshold: number): Report {
  const toLineCol = lineColMapper(report.document.text);
  const added: ReportFinding[] = [];
  const claims = report.claims.map((claim): ReportClaim => {
    if (claim.checkworthiness < threshold) return claim;
    const factChecks = match(claim.text, MAX_CLAIM_MATCHES).flatMap((m) => reportMatch(m) ?? []).slice(0, MAX_CLAIM_MATCHES);
    const best = factChecks[0];
    if (best) {
      added.push({ ...toLineCol(claim.start), rule: ALREADY_FACT_CHECKED, severity: 'info', message: alreadyCheckedMessage(best), start: claim.start, end: claim.end, annotationIds: [claim.id] });
    }
    return { ...claim, factChecks };
  });
  const findings = [...report.findings, ...added].sort((a, b) => a.start - b.start || a.end - b.end || a.rule.localeCompare(b.rule));
  return { ...report, claims, findings };
}
