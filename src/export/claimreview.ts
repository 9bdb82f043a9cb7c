import type { Report } from '../core/report-schema.js';
import { currentReviews, ratingStep } from '../review/current.js';
import type { MatchDecision } from '../review/match-decisions.js';
import type { Review } from '../review/types.js';
import { httpUrl } from '../review/validate.js';
import { acceptedFactCheckUrls } from './accepted-matches.js';
import { claimSource, namedSource, oneLine, type ReportClaim } from './claim-source.js';

/** Options of {@link claimReviewJsonLd}. */
export interface ClaimReviewOptions {
  /** The organisation publishing the fact-checks: ClaimReview `author` and `publisher` (the reviewer is then `creator`). */
  readonly publisher?: { readonly name: string; readonly url?: string };
  /**
   * The fact-check's own page, an http(s) URL (ClaimReview `url`, which Google requires): where the reviewer publishes
   * it, or this server's page of the reviewed article. Left out when not given or not http(s).
   */
  readonly factCheckUrl?: string;
  /**
   * Decisions on the report's fact-check matches: a published fact-check a reviewer accepted as addressing a reviewed
   * claim is cited by that claim's ClaimReview (`citation`, after the evidence links), as earlier work on the same claim.
   */
  readonly matchDecisions?: readonly MatchDecision[];
}

type JsonLd = Record<string, unknown>;

/** Leaves out the keys whose value is undefined, null or an empty array. */
function compact(object: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}

/** The Rating of a verdict: numeric on the true/false axis (1–5), by name only (`name`, `alternateName`) off it. */
function rating(review: Review): JsonLd {
  const step = ratingStep(review.rating);
  if (step.value === null) return { '@type': 'Rating', name: step.label, alternateName: step.label };
  return { '@type': 'Rating', ratingValue: step.value, bestRating: 5, worstRating: 1, name: step.label, alternateName: step.label };
}

/** A schema.org Person or Organization with a name on one line (and a URL when it is http(s)). */
function agent(type: 'Person' | 'Organization', name: string, url?: string): JsonLd {
  return compact({ '@type': type, name: oneLine(name), url: url === undefined ? undefined : httpUrl(url) });
}

/**
 * Who made the claim, when the report knows: a named source (a Person when the text marks it as one), the referent of
 * an anaphoric source ("She" = "The mayor"), or for a claim the article makes itself (no attribution) the article's
 * byline, else its outlet. A vague source ("officials") names no one and gives no author.
 */
function claimAuthor(report: Report, claim: ReportClaim): JsonLd | undefined {
  const named = namedSource(report, claim);
  if (named) return agent(named.person ? 'Person' : 'Organization', named.name);
  const source = claimSource(report, claim);
  if (claim.grade === 'anaphoric' && source.refersTo !== null) {
    const id = source.attribution?.resolvesTo?.id;
    const person = report.entities.some((e) => e.id === id && e.type === 'person');
    return agent(person ? 'Person' : 'Organization', source.refersTo);
  }
  if (claim.grade !== 'none') return undefined;
  const doc = report.document;
  if (doc.byline) return agent('Person', doc.byline);
  return doc.site ? agent('Organization', doc.site) : undefined;
}

/** The article the claim appeared in: its URL, headline, date, byline and outlet, as far as they are known. */
function appearance(report: Report): JsonLd {
  const doc = report.document;
  return compact({
    '@type': 'CreativeWork',
    url: doc.url === null ? undefined : httpUrl(doc.url),
    headline: doc.title === null ? undefined : oneLine(doc.title),
    datePublished: doc.published,
    author: doc.byline ? agent('Person', doc.byline) : undefined,
    publisher: doc.site ? agent('Organization', doc.site) : undefined,
  });
}

/** The Claim reviewed: who made it, when, and where it appeared (the article). */
function itemReviewed(report: Report, claim: ReportClaim): JsonLd {
  return compact({ '@type': 'Claim', author: claimAuthor(report, claim), datePublished: report.document.published, appearance: appearance(report) });
}

/**
 * One schema.org ClaimReview per reviewed claim (its latest review), in the order of the claims in the report, with
 * what Google's fact-check structured data requires and recommends: `url` (the fact-check's page), `claimReviewed`
 * (the claim's words), `reviewRating` (numeric on the true/false axis, always with the verdict's label as
 * `alternateName`), `itemReviewed` (a Claim with its author and its appearance in the article), `author` (the
 * publishing organisation when configured, else the reviewer) and `datePublished` (the day of the review); the
 * explanation is `reviewBody` and the evidence links `citation`, followed by the fact-checks accepted as matches of the
 * claim (`options.matchDecisions`). Reviews of claims not in the report are left out.
 * Serialise it with {@link scriptSafeJson} to put it in a page.
 */
export function claimReviewJsonLd(report: Report, reviews: readonly Review[], options: ClaimReviewOptions = {}): object[] {
  const current = currentReviews(reviews);
  const url = options.factCheckUrl === undefined ? undefined : httpUrl(options.factCheckUrl);
  const publisher = options.publisher && agent('Organization', options.publisher.name, options.publisher.url);
  const accepted = acceptedFactCheckUrls(report, options.matchDecisions ?? []);
  return report.claims.flatMap((claim) => {
    const review = current.get(claim.id);
    if (!review) return [];
    const reviewer = agent('Person', review.reviewer);
    return [compact({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed: oneLine(claim.text),
      reviewRating: rating(review),
      itemReviewed: itemReviewed(report, claim),
      author: publisher ?? reviewer,
      creator: publisher ? reviewer : undefined,
      publisher,
      datePublished: review.createdAt.slice(0, 10),
      reviewBody: review.explanation.trim() === '' ? undefined : review.explanation,
      citation: [...new Set([...review.evidenceUrls.map(httpUrl).filter((u): u is string => u !== undefined), ...(accepted.get(claim.id) ?? [])])],
    })];
  });
}
