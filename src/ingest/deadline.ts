import type { AnalyzeOptions } from '../engine/options.js';

const MB = 1024 * 1024;

/**
 * The hard time limit of one analysis (extraction and pipeline, on a worker thread) of an input of `bytes` bytes:
 * `deadlineMs` plus `deadlinePerMbMs` for each MB, so that a large legal input has time in proportion (defaults: 60 s
 * plus 20 s per MB, 160 s for the 5 MB limit, about eight times what a 5 MB text takes on one idle core).
 */
export function analysisDeadlineMs(bytes: number, options: Pick<AnalyzeOptions, 'deadlineMs' | 'deadlinePerMbMs'>): number {
  return options.deadlineMs + Math.round((bytes / MB) * options.deadlinePerMbMs);
}
