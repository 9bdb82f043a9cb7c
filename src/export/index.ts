/** Exports of an article's review: schema.org ClaimReview, W3C Web Annotations, CSV and Markdown (pure functions). */
export { claimReviewJsonLd, type ClaimReviewOptions } from './claimreview.js';
export { claimSource, namedSource, type ClaimSource } from './claim-source.js';
export { CSV_COLUMNS, csvCell, reviewsCsv } from './csv.js';
export { scriptSafeJson } from './json-ld.js';
export { BIDI_CONTROLS, escapeMarkdown, reviewsMarkdown } from './markdown.js';
export { webAnnotations, type WebAnnotationOptions } from './web-annotation.js';
