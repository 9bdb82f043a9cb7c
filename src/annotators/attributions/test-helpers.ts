import type { AttributionAnnotation, EntityAnnotation, EntityType } from '../../core/annotations.js';
import { createDocument, type Document } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import { createSentenceAnnotator } from '../sentences/index.js';
import { createAttributionAnnotator, type AttributionOptions } from './index.js';

/**
 * Runs the real sentence annotator, adds hand-made entities (first occurrence of each phrase) and finds attributions
 * with the rule finder alone; pass `{ tagger: undefined }` for the shipped path (rules, then the trained tagger).
 */
export function annotate(text: string, entities: readonly (readonly [string, EntityType])[] = [], options: AttributionOptions = { tagger: null }): Document {
  const ctx = { cache: new Map<string, unknown>() };
  const withSentences = createPipeline([createSentenceAnnotator()]).run(createDocument(text), ctx);
  const hand: EntityAnnotation[] = entities.map(([phrase, type], i) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`entity ${phrase} not in the test text`);
    return { kind: 'entity', id: `e${i + 1}`, source: 'test@1', start, end: start + phrase.length, type, norm: phrase.toLowerCase() };
  });
  const doc = withSentences.with({ annotations: hand });
  return doc.with(createAttributionAnnotator(options).run(doc, ctx));
}

/** An attribution as words, for readable assertions. */
export interface AttributionView {
  source?: string;
  cue: string;
  content: string;
  grade: AttributionAnnotation['grade'];
  hedged: boolean;
  resolvesTo?: string;
  parent?: string;
}

/** The attributions of a document as words. */
export function views(doc: Document): AttributionView[] {
  return doc.all('attribution').map((a) => ({
    ...(a.sourceSpan ? { source: doc.slice(a.sourceSpan) } : {}),
    cue: doc.slice(a.cue),
    content: doc.slice(a.content),
    grade: a.grade,
    hedged: a.hedged,
    ...(a.resolvesTo ? { resolvesTo: `${doc.slice(a.resolvesTo)}${a.resolvesTo.id ? ` (${a.resolvesTo.id})` : ''}` } : {}),
    ...(a.parent ? { parent: a.parent } : {}),
  }));
}
