// Attributions that name no holder although the tagger gave their source a grade: existential hearsay ("There have
// been reports of ..."), and a participle that names a thing ("an enzyme called luciferase"). The patterns are in
// holder.json, each with its reason.
import type { AttributionAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import data from './holder.json' with { type: 'json' };

const HOLDERLESS = data.holderlessCues.map((c) => new RegExp(c.pattern, 'iu'));
const IMPERSONAL = data.impersonalFrames.map((c) => new RegExp(c.pattern, 'iu'));
const STANDARDS = data.comparisonStandards.map((c) => new RegExp(c.pattern, 'iu'));
/** How far before a source the words of a comparison are looked for. */
const STANDARD_REACH = 60;
const NAMING = new Set(data.namingCues.map((c) => c.cue));
const NOT_A_NAME = new Set(data.namingNotBefore.map((w) => w.word));

/** Whether the attribution names someone who says so: a graded source, and not existential hearsay nor a naming participle. */
export function namesHolder(doc: Document, ann: AttributionAnnotation): boolean {
  if (ann.grade === 'none') return false;
  const cue = doc.text.slice(ann.cue.start, ann.cue.end).trim();
  if (HOLDERLESS.some((re) => re.test(cue))) return false;
  return !namesThing(doc, ann);
}

/**
 * A participle that names a thing ("tiny plankton called dinoflagellates", "a man called Peter Hale"): no one is
 * reported at all, so it neither sources the sentence nor counts as hearsay.
 */
export function namesThing(doc: Document, ann: AttributionAnnotation): boolean {
  if (ann.grade === 'named' || ann.grade === 'none') return false;
  const cue = doc.text.slice(ann.cue.start, ann.cue.end).trim().toLowerCase();
  return NAMING.has(cue) && namesAfter(doc.text, ann.cue.end);
}

/** The word after a naming cue is a name ("called dinoflagellates"), not the opening of an object or a quotation. */
function namesAfter(text: string, at: number): boolean {
  const next = /^\s*([“"‘']|[\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text.slice(at, at + 60));
  return next !== null && !NOT_A_NAME.has(next[1]!.toLowerCase());
}

/**
 * The source stands after "than" or "as ... as" inside `within` (its sentence): it holds the standard a comparison
 * is made with ("lower than the organisers had predicted", "never as large as the council claimed"), so the
 * comparison is the writer's own claim, which the attribution does not source.
 */
export function isComparisonStandard(doc: Document, ann: AttributionAnnotation, within: { readonly start: number }): boolean {
  if (!ann.sourceSpan || ann.cue.start < ann.sourceSpan.start) return false;
  const before = doc.text.slice(Math.max(within.start, ann.sourceSpan.start - STANDARD_REACH), ann.sourceSpan.start);
  return STANDARDS.some((re) => re.test(before));
}

/** A sourceless impersonal frame ("It has been revealed that", "It is understood that"): hearsay with no holder. */
export function isImpersonalFrame(doc: Document, ann: AttributionAnnotation): boolean {
  if (ann.grade !== 'none' || ann.sourceSpan) return false;
  const cue = doc.text.slice(ann.cue.start, ann.cue.end).trim();
  return IMPERSONAL.some((re) => re.test(cue));
}
