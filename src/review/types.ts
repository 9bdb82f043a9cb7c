/**
 * Reviews: a person's verdict on one claim of a stored article. claimtrace never rates claims itself; these records
 * are what reviewers decide, kept beside the analysis and exported as ClaimReview, CSV or Markdown.
 */

/** One step of the rating scale: stable id, label shown to people, and the ClaimReview `ratingValue` (1–5, or null when the step is off the true/false axis). */
export interface RatingStep {
  readonly id: RatingId;
  readonly label: string;
  readonly value: number | null;
  /** What the step means, shown beside the choice in the app. */
  readonly description: string;
}

/** Rating ids, from best to worst on the true/false axis, then the verdicts off that axis. */
export const RATING_IDS = ['true', 'mostly-true', 'half-true', 'mostly-false', 'false', 'misleading', 'unproven', 'not-checkable'] as const;
/** A rating id. */
export type RatingId = (typeof RATING_IDS)[number];

/** The rating scale used in the app and in ClaimReview (`bestRating` 5, `worstRating` 1). */
export const RATING_SCALE: readonly RatingStep[] = Object.freeze([
  { id: 'true', label: 'True', value: 5, description: 'The claim is accurate and nothing significant is missing.' },
  { id: 'mostly-true', label: 'Mostly true', value: 4, description: 'Accurate, but needs clarification or additional information.' },
  { id: 'half-true', label: 'Half true', value: 3, description: 'Partially accurate; leaves out important details or takes things out of context.' },
  { id: 'mostly-false', label: 'Mostly false', value: 2, description: 'Contains an element of truth but ignores facts that would give a different impression.' },
  { id: 'false', label: 'False', value: 1, description: 'The claim is not accurate.' },
  { id: 'misleading', label: 'Misleading', value: null, description: 'Literally accurate figures or words arranged to give a false impression.' },
  { id: 'unproven', label: 'Unproven', value: null, description: 'The evidence available does not settle it either way.' },
  { id: 'not-checkable', label: 'Not checkable', value: null, description: 'An opinion, a prediction or a statement that no evidence could settle.' },
] satisfies RatingStep[]);

/** What a reviewer submits for one claim. */
export interface ReviewInput {
  readonly documentId: number;
  /** The claim's annotation id in the report ("c3"). */
  readonly claimId: string;
  readonly rating: RatingId;
  /** Why: the reasoning a reader of the fact-check sees (plain text, at most 5,000 characters). */
  readonly explanation: string;
  /** Evidence links (http/https only, at most 20). */
  readonly evidenceUrls: readonly string[];
  /** Who reviewed (a name or handle; plain text, at most 200 characters). */
  readonly reviewer: string;
}

/** A stored review. A claim may be reviewed several times; the latest (highest id) is the current verdict. */
export interface Review extends ReviewInput {
  readonly id: number;
  /** ISO 8601 date-time of the record. */
  readonly createdAt: string;
}
