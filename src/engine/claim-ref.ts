import type { Store, TraceQuery } from '../store/types.js';

// Apart from trace-query.ts so that tracing a stored claim does not load the analyser.

/** Options of a trace query. */
export interface TraceOptions {
  readonly threshold?: number;
  readonly limit?: number;
}

const CLAIM_REF = /^(\d+):(c\d+)$/;

/** A stored claim named as `DOCUMENT:CLAIM` ("42:c3", as search lists them), or undefined when the text is not such a name. */
export function parseClaimRef(text: string): { documentId: number; claimId: string } | undefined {
  const ref = CLAIM_REF.exec(text.trim());
  return ref ? { documentId: Number(ref[1]), claimId: ref[2]! } : undefined;
}

/** A trace query from a stored claim: its text, figures and attribution masks as stored; undefined when it is not stored. */
export async function traceQueryFromClaim(store: Store, ref: { documentId: number; claimId: string }, options: TraceOptions = {}): Promise<TraceQuery | undefined> {
  const stored = await store.getClaim(ref.documentId, ref.claimId);
  return stored && { text: stored.text, figures: stored.figures, masks: stored.masks, ...options };
}
