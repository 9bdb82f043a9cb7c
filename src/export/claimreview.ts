import type { Report } from '../core/report-schema.js';
import { currentReviews, ratingStep } from '../review/current.js';
import type { Review } from '../review/types.js';
import { httpUrl } from '../review/validate.js';
import { namedSource, oneLine, type ReportClaim } from './claim-source.js';

/** Options of {@link claimReviewJsonLd}. */
export interface ClaimReviewOptions {
  /** The organisation publishing the fact-checks (ClaimReview `publisher`). */
  readonly publisher?: { readonly name: string; readonly url?: string };
  /** Where the fact-check is published (ClaimReview `url`, an http(s) URL); left out when not given. */
  readonly documentUrl?: string;
}

type JsonLd = Record<string, unknown>;

/** Leaves out the keys whose value is undefined, null or an empty array. */
function compact(object: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)));
}

/** The Rating of a verdict: numeric on the true/false axis (1–5), by name only (`alternateName`) off it. */
function rating(review: Review): JsonLd {
  const step = ratingStep(review.rating);
  if (step.value === null) return { '@type': 'Rating', alternateName: step.label };
  return { '@type': 'Rating', ratingValue: step.value, bestRating: 5, worstRating: 1, alternateName: step.label };
}

/** The Claim reviewed: where it appeared (the article), when, and who made it when the article names them. */
function itemReviewed(report: Report, claim: ReportClaim): JsonLd {
  const doc = report.document;
  const source = namedSource(report, claim);
  const appearance = compact({ '@type': 'CreativeWork', url: doc.url === null ? undefined : httpUrl(doc.url), headline: doc.title, datePublished: doc.published });
  return compact({
    '@type': 'Claim',
    author: source && { '@type': source.person ? 'Person' : 'Organization', name: oneLine(source.name) },
    datePublished: doc.published,
    appearance,
  });
}

/**
 * One schema.org ClaimReview per reviewed claim (its latest review), in the order of the claims in the report, as
 * Google's fact-check structured data describes it: `claimReviewed` (the claim's words), `reviewRating` (with the
 * verdict's label as `alternateName`), `itemReviewed` (a Claim with its appearance in the article), `author` (the
 * reviewer), `datePublished` (the day of the review), `url` (where the fact-check is published) and the evidence
 * links as `citation`. Reviews of claims not in the report are left out.
 */
export function claimReviewJsonLd(report: Report, reviews: readonly Review[], options: ClaimReviewOptions = {}): object[] {
  const current = currentReviews(reviews);
  const url = options.documentUrl === undefined ? undefined : httpUrl(options.documentUrl);
  const publisher = options.publisher && compact({ '@type': 'Organization', name: options.publisher.name, url: options.publisher.url && httpUrl(options.publisher.url) });
  return report.claims.flatMap((claim) => {
    const review = current.get(claim.id);
    if (!review) return [];
    return [compact({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url,
      claimReviewed: oneLine(claim.text),
      reviewRating: rating(review),
      itemReviewed: itemReviewed(report, claim),
      author: { '@type': 'Person', name: review.reviewer },
      publisher,
      datePublished: review.createdAt.slice(0, 10),
      reviewBody: review.explanation === '' ? undefined : review.explanation,
      citation: review.evidenceUrls.map(httpUrl).filter((u): u is string => u !== undefined),
    })];
  });
}
