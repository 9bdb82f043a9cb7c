import type { Annotation, AnnotationKind, AnnotationOf, Finding } from './annotations.js';

/** Metadata found during extraction. Every field may be unknown. */
export interface DocumentMeta {
  readonly title?: string;
  readonly byline?: string;
  /** ISO 8601 date or date-time. */
  readonly published?: string;
  readonly site?: string;
  readonly url?: string;
  /** ISO 639-1 (or 639-3 when no 639-1 exists) code of the detected language. */
  readonly language?: string;
  /** The GUID of the feed item the article came from (RSS guid, Atom id, JSON Feed id). */
  readonly guid?: string;
}

/**
 * The one object that flows through claimtrace: immutable text, annotations pointing into it, findings about it.
 * Stages never change a Document; they return a new one with more annotations or findings.
 */
export class Document {
  /** The extracted article text; never changes. */
  readonly text: string;
  /** Metadata from extraction. */
  readonly meta: DocumentMeta;
  /** All annotations, in the order stages added them. */
  readonly annotations: readonly Annotation[];
  /** All findings, in the order stages added them. */
  readonly findings: readonly Finding[];
  readonly #byKind = new Map<AnnotationKind, readonly Annotation[]>();
  readonly #byId = new Map<string, Annotation>();

  /** Creates a Document; prefer {@link createDocument}. */
  constructor(text: string, meta: DocumentMeta, annotations: readonly Annotation[] = [], findings: readonly Finding[] = []) {
    this.text = text;
    this.meta = Object.freeze({ ...meta });
    this.annotations = Object.freeze([...annotations]);
    this.findings = Object.freeze([...findings]);
    for (const ann of this.annotations) this.#byId.set(ann.id, ann);
    Object.freeze(this);
  }

  /** Annotations of one kind, sorted by start (then longer first). */
  all<K extends AnnotationKind>(kind: K): readonly AnnotationOf<K>[] {
    let list = this.#byKind.get(kind);
    if (!list) {
      list = this.annotations.filter((ann) => ann.kind === kind).sort((a, b) => a.start - b.start || b.end - a.end);
      this.#byKind.set(kind, list);
    }
    return list as readonly AnnotationOf<K>[];
  }

  /** The annotation with this id, if any. */
  get(id: string): Annotation | undefined {
    return this.#byId.get(id);
  }

  /** The text of a range. */
  slice(range: { start: number; end: number }): string {
    return this.text.slice(range.start, range.end);
  }

  /** A new Document with more annotations and findings. */
  with(added: { annotations?: readonly Annotation[]; findings?: readonly Finding[] }): Document {
    return new Document(
      this.text,
      this.meta,
      added.annotations?.length ? [...this.annotations, ...added.annotations] : this.annotations,
      added.findings?.length ? [...this.findings, ...added.findings] : this.findings,
    );
  }
}

/** Creates a Document with no annotations. */
export function createDocument(text: string, meta: DocumentMeta = {}): Document {
  return new Document(text, meta);
}
