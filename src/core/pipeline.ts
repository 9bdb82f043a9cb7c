import type { Annotation, AnnotationKind, Finding } from './annotations.js';
import type { Document } from './document.js';
import { ClaimtraceError } from './errors.js';
import { isWithin } from './range.js';

/** What a stage adds to a Document. */
export interface StageOutput {
  readonly annotations?: readonly Annotation[];
  readonly findings?: readonly Finding[];
}

/** Shared, read-only context for one run: options and lazily computed analyses of the text. */
export interface RunContext {
  /** Cached per-document analyses (tokens etc.), keyed by name; stages may add entries. */
  readonly cache: Map<string, unknown>;
}

/** A pipeline stage: annotators assign annotation kinds, checks assign findings. */
export interface Stage {
  readonly name: string;
  readonly version: number;
  /** Annotation kinds that must already be present. */
  readonly requires: readonly AnnotationKind[];
  /** Annotation kinds this stage writes (empty for checks, which write findings only). */
  readonly assigns: readonly AnnotationKind[];
  run(doc: Document, ctx: RunContext): StageOutput;
}

/** A validated, ordered list of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage in order and returns the enriched Document. */
  run(doc: Document, ctx?: RunContext): Document;
}

/** The provenance tag annotators put in `source`: `name@version`. */
export function provenance(stage: Pick<Stage, 'name' | 'version'>): string {
  return `${stage.name}@${stage.version}`;
}

/** Checks the order of stages before any document is touched (like spaCy's pipe analysis). */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const assigned = new Set<AnnotationKind>();
  for (const stage of stages) {
    for (const kind of stage.requires) {
      if (!assigned.has(kind)) throw new ClaimtraceError('E_PIPELINE_ORDER', { annotator: stage.name, kind });
    }
    for (const kind of stage.assigns) assigned.add(kind);
  }
  const frozen = Object.freeze([...stages]);
  return {
    stages: frozen,
    run(doc, ctx = { cache: new Map() }) {
      let current = doc;
      for (const stage of frozen) {
        const out = stage.run(current, ctx);
        verifyOutput(stage, current, out);
        current = current.with(out);
      }
      return current;
    },
  };
}

function verifyOutput(stage: Stage, doc: Document, out: StageOutput): void {
  const fail = (problem: string) => {
    throw new ClaimtraceError('E_PIPELINE_CONTRACT', { annotator: stage.name, problem });
  };
  const length = doc.text.length;
  for (const ann of out.annotations ?? []) {
    if (!stage.assigns.includes(ann.kind)) fail(`an annotation of kind ${ann.kind} it does not assign`);
    if (!isWithin(ann, length)) fail(`annotation ${ann.id} with range [${ann.start}, ${ann.end}) outside the text`);
    if (doc.get(ann.id)) fail(`duplicate annotation id ${ann.id}`);
  }
  for (const finding of out.findings ?? []) {
    if (!isWithin(finding, length)) fail(`finding ${finding.rule} with range [${finding.start}, ${finding.end}) outside the text`);
  }
}
