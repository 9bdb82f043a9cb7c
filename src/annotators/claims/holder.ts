// Attributions that name no holder although the tagger gave their source a grade: existential hearsay ("There have
// been reports of ..."). The patterns are in holder.json, each with its reason.
import type { AttributionAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import data from './holder.json' with { type: 'json' };

const HOLDERLESS = data.holderlessCues.map((c) => new RegExp(c.pattern, 'iu'));

/** Whether the attribution names someone who says so: a graded source, and not existential hearsay. */
export function namesHolder(doc: Document, ann: AttributionAnnotation): boolean {
  if (ann.grade === 'none') return false;
  const cue = doc.text.slice(ann.cue.start, ann.cue.end).trim();
  return !HOLDERLESS.some((re) => re.test(cue));
}
