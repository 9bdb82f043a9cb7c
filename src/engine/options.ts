import { z } from 'zod';
import { ClaimtraceError } from '../core/errors.js';

/** Options of an analysis, validated at the boundary. All have defaults. */
export const AnalyzeOptionsSchema = z
  .object({
    /** Largest input accepted, in bytes. */
    maxBytes: z.number().int().positive().default(5 * 1024 * 1024),
    /** Check-worthiness at or above which a claim counts as check-worthy. */
    threshold: z.number().min(0).max(1).default(0.5),
    /** Whole-fetch time limit for URLs, in milliseconds. */
    timeoutMs: z.number().int().positive().default(15_000),
    /** Most redirects followed for a URL. */
    maxRedirects: z.number().int().min(0).max(20).default(5),
    /** Use the trained models (models/); false runs the rule-based annotators alone. */
    models: z.boolean().default(true),
    /** Hard time limit of one analysis (extraction and pipeline) on a worker thread, in ms, plus deadlinePerMbMs per MB. */
    deadlineMs: z.number().int().positive().default(60_000),
    /** What each MB (1,048,576 bytes) of input adds to deadlineMs, in ms. */
    deadlinePerMbMs: z.number().int().min(0).default(20_000),
  })
  .strict();

/** Options as callers give them (every field optional). */
export type AnalyzeOptionsInput = z.input<typeof AnalyzeOptionsSchema>;
/** Options with every default filled in. */
export type AnalyzeOptions = Readonly<z.output<typeof AnalyzeOptionsSchema>>;

/** The defaults, frozen. */
export const DEFAULT_OPTIONS: AnalyzeOptions = Object.freeze(AnalyzeOptionsSchema.parse({}));

/** Validates caller options and fills defaults; bad options are E_OPTION_INVALID. */
export function resolveOptions(input: AnalyzeOptionsInput = {}): AnalyzeOptions {
  const parsed = AnalyzeOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ClaimtraceError('E_OPTION_INVALID', { option: issue.path.join('.') || '(options)', reason: issue.message });
  }
  return Object.freeze(parsed.data);
}
