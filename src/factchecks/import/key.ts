const SPACE = /\s+/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const TRAILING = /[\s.!?;:,]+$/;
/** Query parameters that say where a reader came from, not which page: dropped from the key. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** A claim as compared for identity: NFKC, lower case, straight quotes and hyphens, one space between words, no closing punctuation. */
export function normaliseClaim(claim: string): string {
  return claim.normalize('NFKC').toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(SPACE, ' ').trim().replace(TRAILING, '');
}

/**
 * A review URL as compared for identity: without scheme (http and https are one page), fragment, default port,
 * tracking parameters or a trailing slash; host in lower case. A string that is not a URL compares as it is.
 */
export function normaliseReviewUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim();
  }
  for (const name of [...parsed.searchParams.keys()]) if (TRACKING.test(name)) parsed.searchParams.delete(name);
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  return `${parsed.host}${path}${parsed.search}`;
}

/** The identity of a fact-check: its normalised review URL and normalised claim. Importing it again updates the same one. */
export function factCheckKey(factCheck: { readonly url: string; readonly claim: string }): string {
  return `${normaliseReviewUrl(factCheck.url)}\n${normaliseClaim(factCheck.claim)}`;
}
