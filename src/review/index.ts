/** Reviews: the rating scale, the review records, their validation and the current verdict per claim. */
export { currentReviews, ratingStep } from './current.js';
export { RATING_IDS, RATING_SCALE, type RatingId, type RatingStep, type Review, type ReviewInput } from './types.js';
export { MAX_EVIDENCE_URLS, MAX_EXPLANATION, MAX_REVIEWER, MAX_URL, ReviewInputSchema, httpUrl, validateReviewInput } from './validate.js';
