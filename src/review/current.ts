import { RATING_SCALE, type RatingId, type RatingStep, type Review } from './types.js';

/** The step of the rating scale with this id. */
export function ratingStep(id: RatingId): RatingStep {
  const step = RATING_SCALE.find((s) => s.id === id);
  if (!step) throw new Error(`unknown rating id ${id}`);
  return step;
}

/** The current verdict per claim id: the review with the highest id (the latest) of each claim. */
export function currentReviews(reviews: readonly Review[]): Map<string, Review> {
  const current = new Map<string, Review>();
  for (const review of reviews) {
    const kept = current.get(review.claimId);
    if (!kept || review.id > kept.id) current.set(review.claimId, review);
  }
  return current;
}
