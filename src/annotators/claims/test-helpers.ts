// Shared by the claim stage's tests: a text run through the real sentence annotator and the claim stage, with
// hand-made quantities and attributions where a test needs them.
import type { Annotation, AttributionAnnotation, QuantityAnnotation } from '../../core/annotations.js';
import { createDocument, type Document } from '../../core/document.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createClaimAnnotator } from './index.js';

/** The claims the default claim stage (with the committed model) finds in a text split into sentences. */
export function claimsOf(text: string) {
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  return { doc, claims: doc.with(createClaimAnnotator().run(doc, ctx)).all('claim') };
}


/** Splits sentences with the real annotator, adds hand-made annotations, then runs the claim annotator. */
export const annotate = (text: string, make: (at: (s: string) => number) => Annotation[] = () => []): Document => {
  const ctx = { cache: new Map<string, unknown>() };
  let doc = createDocument(text);
  doc = doc.with(createSentenceAnnotator().run(doc, ctx));
  doc = doc.with({ annotations: make((s) => text.indexOf(s)) });
  return doc.with(createClaimAnnotator({ model: null }).run(doc, ctx));
};

export const quantity = (id: string, start: number, end: number, quantityKind: QuantityAnnotation['quantityKind'], value: number): QuantityAnnotation => ({
  kind: 'quantity', id, source: 'test@1', start, end, value, bound: 'exact', quantityKind,
});

export const attribution = (id: string, start: number, end: number, content: { start: number; end: number }): AttributionAnnotation => ({
  kind: 'attribution', id, source: 'test@1', start, end, sourceSpan: { start, end }, cue: { start, end }, content, grade: 'named', hedged: false,
});
