/**
 * Match decisions: a reviewer's word on one published fact-check that the analysis matched to a claim ("this is the
 * same claim" or "it is not"). claimtrace only suggests matches; these records are what people decide. They are kept
 * as history: the newest decision per (claim, fact-check) is the current one.
 */
import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';
import { MAX_REVIEWER } from './validate.js';

/** The two answers a reviewer can give on a match. */
export const MATCH_DECISIONS = ['accepted', 'rejected'] as const;
/** One of {@link MATCH_DECISIONS}. */
export type MatchDecisionKind = (typeof MATCH_DECISIONS)[number];

/** Longest note on a decision, in UTF-16 units. */
export const MAX_NOTE = 2000;

/** What a reviewer submits on one fact-check matched to one claim. */
export interface MatchDecisionInput {
  readonly documentId: number;
  /** The claim's annotation id in the report ("c3"). */
  readonly claimId: string;
  /** The store id of the matched fact-check. */
  readonly factCheckId: number;
  readonly decision: MatchDecisionKind;
  /** Who decided (same limits as a review's reviewer). */
  readonly reviewer: string;
  /** Why (plain text, at most 2,000 characters); left out when empty. */
  readonly note?: string;
}

/** A stored decision; the one with the highest id per (claimId, factCheckId) is current. */
export interface MatchDecision extends MatchDecisionInput {
  readonly id: number;
  /** ISO 8601 date-time of the record. */
  readonly createdAt: string;
}

/** C0 controls and DEL; a name never needs them. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** C0 controls except tab and line breaks; a note may have paragraphs. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A decision as submitted: reviewer trimmed, note trimmed and dropped when empty. */
export const MatchDecisionInputSchema = z.object({
  documentId: z.number().int().positive(),
  claimId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a claim id such as "c3"'),
  factCheckId: z.number().int().positive(),
  decision: z.enum(MATCH_DECISIONS),
  reviewer: z.string().trim().min(1, 'a reviewer name is required').max(MAX_REVIEWER).refine((s) => !CONTROL.test(s), 'control characters are not allowed'),
  note: z.string().max(MAX_NOTE).refine((s) => !CONTROL_IN_TEXT.test(s), 'control characters are not allowed').optional(),
});

/**
 * Checks a submitted decision (from an HTTP body or a store caller) and returns it cleaned: decision `accepted` or
 * `rejected`, reviewer 1–200 characters and not blank, note at most 2,000 characters (left out when blank). Anything
 * else is E_REQUEST_INVALID naming the first bad field.
 */
export function validateMatchDecisionInput(input: unknown): MatchDecisionInput {
  const parsed = MatchDecisionInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.') || 'body';
    throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `${field}: ${issue.message}` });
  }
  const { note, ...rest } = parsed.data;
  const trimmed = note?.trim();
  return trimmed ? { ...rest, note: trimmed } : rest;
}

export { currentMatchDecisions, matchKey } from './match-current.js';
