// Shared by the numeric check's phrasing tests: the check run on a sentence with the annotators it needs, and its
// warnings as [rule, flagged text] pairs.
import type { Finding } from '../../core/annotations.js';
import { createDocument } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createQuantityAnnotator } from '../../annotators/quantities/index.js';
import { createSentenceAnnotator } from '../../annotators/sentences/index.js';
import { createNumericCheck } from './index.js';

/** The rules that warn (the check's other findings are notes). */
export const WARNINGS: ReadonlySet<string> = new Set(['total-unsupported', 'percentage-over-100', 'range-inverted']);

/** The numeric check's warnings on a text. */
export const check = (text: string): Finding[] =>
  [...createPipeline([createSentenceAnnotator(), createQuantityAnnotator(), createNumericCheck()]).run(createDocument(text)).findings].filter((f) => WARNINGS.has(f.rule));

/** The warnings as [rule, the text they span]. */
export const brief = (text: string): string[][] => check(text).map((f) => [f.rule, text.slice(f.start, f.end)]);
