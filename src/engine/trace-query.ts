import { analyzePure } from './analyze.js';
import { sourceMask } from '../trace/index.js';
import type { TraceQuery } from '../store/types.js';

/**
 * A trace query from typed claim text: the text, the figures the analyser reads in it, and its attributions' sources
 * and cues as masks. Analysed with the trained models, as ingest analyses the stored articles, so that both sides
 * leave out the same attributions.
 */
export function traceQueryFromText(claim: string, options: { threshold?: number; limit?: number } = {}): TraceQuery {
  const report = analyzePure({ text: claim });
  const text = report.document.text;
  const masks = report.attributions.flatMap((a) => (a.source ? [sourceMask(text, a.source.start, a.source.end), a.cue] : [a.cue])).map(({ start, end }) => ({ start, end }));
  return { text, figures: report.quantities, masks, ...options };
}
