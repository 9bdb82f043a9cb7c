import { analyzePure } from './analyze.js';
import { attributionMasks } from '../trace/index.js';
import type { TraceQuery } from '../store/types.js';
import type { TraceOptions } from './claim-ref.js';

export { parseClaimRef, traceQueryFromClaim, type TraceOptions } from './claim-ref.js';

/**
 * A trace query from typed claim text: the text, the figures the analyser reads in it, and its attributions' sources
 * and cues as masks. Analysed with the trained models, as ingest analyses the stored articles, so that both sides
 * leave out the same attributions.
 */
export function traceQueryFromText(claim: string, options: TraceOptions = {}): TraceQuery {
  const report = analyzePure({ text: claim });
  const text = report.document.text;
  const masks = attributionMasks(text, report.attributions);
  return { text, figures: report.quantities, masks, ...options };
}
