import { isObject, own, readDay, readName, readSite, readText, readUrl } from './clean.js';
import { buildFactCheck, NO_FIELDS, type RecordOutcome } from './record.js';

/** True for a Google Fact Check Tools `claims:search` response: an object with a `claims` list (and no JSON-LD type). */
export function isGoogleClaimsResponse(root: unknown): boolean {
  return isObject(root) && Array.isArray(own(root, 'claims')) && own(root, '@type') === undefined;
}

/**
 * The fact-checks of a `claims:search` response: one per `claims[i].claimReview[j]`, with the claim's text, claimant
 * and date, and the review's publisher, link, title, date, textual rating (a ClaimReview `alternateName`) and language.
 */
export function readGoogleClaims(root: Record<string, unknown>, rootPath = '$'): RecordOutcome[] {
  return (own(root, 'claims') as unknown[]).flatMap((claim, i) => readGoogleClaim(claim, `${rootPath}.claims[${i}]`));
}

/** The fact-checks of one `claims[i]` entry at `path`: one per review; skipped when it has none. */
export function readGoogleClaim(claim: unknown, path: string): RecordOutcome[] {
  const claimObj = isObject(claim) ? claim : {};
  const reviews = own(claimObj, 'claimReview');
  if (!Array.isArray(reviews) || reviews.length === 0) return [{ ok: false, skipped: { record: path, code: 'E_FACTCHECK_INVALID', reason: 'it has no claimReview' } }];
  return reviews.map((review, j) => {
    const r = isObject(review) ? review : {};
    const publisher = own(r, 'publisher');
    const fields = {
      ...NO_FIELDS,
      claim: readText(own(claimObj, 'text')),
      claimant: readText(own(claimObj, 'claimant')),
      claimDate: readDay(own(claimObj, 'claimDate')),
      url: readUrl(own(r, 'url')),
      title: readText(own(r, 'title')),
      date: readDay(own(r, 'reviewDate')),
      ratingAlternateName: readText(own(r, 'textualRating')),
      language: readText(own(r, 'languageCode')),
      publisherName: readName(publisher),
      publisherUrl: isObject(publisher) ? readSite(own(publisher, 'site')) : null,
    };
    return buildFactCheck(fields, `${path}.claimReview[${j}]`);
  });
}
