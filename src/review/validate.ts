import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';
import { RATING_IDS, type ReviewInput } from './types.js';

/** Longest explanation, in UTF-16 units (what a browser's `maxlength` counts). */
export const MAX_EXPLANATION = 5000;
/** Longest reviewer name or handle. */
export const MAX_REVIEWER = 200;
/** Most evidence links per review. */
export const MAX_EVIDENCE_URLS = 20;
/** Longest evidence link. */
export const MAX_URL = 2000;

/** C0 controls and DEL; a name or a link never needs them. */
const CONTROL = /[\u0000-\u001f\u007f]/;
/** C0 controls except tab and line breaks; an explanation may have paragraphs. */
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * The absolute http(s) URL in `value` in its normalised form (WHATWG `href`: no spaces, `<`, `>` or quotes left
 * unescaped), or undefined for anything else (relative, `javascript:`, `data:`, `file:`, control characters).
 */
export function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_URL || CONTROL.test(trimmed) || !URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return undefined;
  return url.href;
}

const evidenceUrl = z.string().transform((value, ctx) => {
  const href = httpUrl(value);
  if (href === undefined) {
    ctx.addIssue({ code: 'custom', message: `not an absolute http(s) URL: ${JSON.stringify(value.slice(0, 80))}` });
    return z.NEVER;
  }
  return href;
});

/** A review as submitted: trimmed reviewer, normalised links; explanation and links may be left out. */
export const ReviewInputSchema = z.object({
  documentId: z.number().int().positive(),
  claimId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a claim id such as "c3"'),
  rating: z.enum(RATING_IDS),
  explanation: z.string().max(MAX_EXPLANATION).refine((s) => !CONTROL_IN_TEXT.test(s), 'control characters are not allowed').default(''),
  evidenceUrls: z.array(evidenceUrl).max(MAX_EVIDENCE_URLS).default([]),
  reviewer: z.string().trim().min(1, 'a reviewer name is required').max(MAX_REVIEWER).refine((s) => !CONTROL.test(s), 'control characters are not allowed'),
});

/**
 * Checks what a reviewer submitted (from an HTTP body, a file, a store caller) and returns it cleaned: rating one of
 * RATING_IDS, explanation at most 5,000 characters, reviewer 1–200 characters and not blank, at most 20 evidence links,
 * each an absolute http or https URL. Anything else is E_REQUEST_INVALID naming the first bad field.
 */
export function validateReviewInput(input: unknown): ReviewInput {
  const parsed = ReviewInputSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.map(String).join('.') || 'body';
  throw new ClaimtraceError('E_REQUEST_INVALID', { reason: `${field}: ${issue.message}` });
}
