/** The rating scale from GET /api/ratings, loaded once and shared. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { RatingStep } from '../api/types.js';

/** The scale, empty until loaded. */
export const RatingsContext = createContext<readonly RatingStep[]>([]);

/** The rating scale of the server. */
export function useRatings(): readonly RatingStep[] {
  return useContext(RatingsContext);
}

/** The label of a rating id ("Mostly true"), or the id itself when the scale does not know it. */
export function ratingLabel(scale: readonly RatingStep[], id: string): string {
  return scale.find((r) => r.id === id)?.label ?? id;
}
