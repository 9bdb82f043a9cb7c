import type { Range } from './range.js';

/** Entity types; outlets and agencies matter most for sourcing. */
export const ENTITY_TYPES = ['person', 'organization', 'outlet', 'agency', 'document', 'place'] as const;
/** One of {@link ENTITY_TYPES}. */
export type EntityType = (typeof ENTITY_TYPES)[number];

/** How a stated figure is bounded by its wording. */
export const BOUNDS = ['exact', 'approx', 'at-least', 'at-most', 'range'] as const;
/** One of {@link BOUNDS}. */
export type Bound = (typeof BOUNDS)[number];

/** What sort of figure a quantity is. */
export const QUANTITY_KINDS = ['count', 'percent', 'money', 'year', 'year-span', 'duration', 'ordinal', 'other'] as const;
/** One of {@link QUANTITY_KINDS}. */
export type QuantityKind = (typeof QUANTITY_KINDS)[number];

/** How well a claim's source is identified. */
export const SOURCE_GRADES = ['named', 'vague', 'anaphoric', 'none'] as const;
/** One of {@link SOURCE_GRADES}. */
export type SourceGrade = (typeof SOURCE_GRADES)[number];

/** What a claim asserts. */
export const CLAIM_KINDS = ['statistic', 'event', 'prediction', 'quote', 'causal', 'opinion'] as const;
/** One of {@link CLAIM_KINDS}. */
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The 14 persuasion techniques of SemEval-2020 Task 11 (PTC names). */
export const TECHNIQUES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;
/** One of {@link TECHNIQUES}. */
export type Technique = (typeof TECHNIQUES)[number];

interface Base extends Range {
  /** Unique within the document, e.g. `q3`. */
  readonly id: string;
  /** The annotator and version that made it, e.g. `quantities@1`. */
  readonly source: string;
}

/** A sentence. */
export interface SentenceAnnotation extends Base {
  readonly kind: 'sentence';
}

/** A named entity. */
export interface EntityAnnotation extends Base {
  readonly kind: 'entity';
  readonly type: EntityType;
  /** A normalised name used to link mentions of the same entity. */
  readonly norm: string;
}

/** A stated figure with its bounds. */
export interface QuantityAnnotation extends Base {
  readonly kind: 'quantity';
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly bound: Bound;
  readonly quantityKind: QuantityKind;
  /** The unit or what is counted ("people", "%", "$"). */
  readonly unit?: string;
}

/** Who a statement is attributed to. */
export interface AttributionAnnotation extends Base {
  readonly kind: 'attribution';
  /** The source phrase; absent when the cue names none ("reportedly"). */
  readonly sourceSpan?: Range;
  readonly cue: Range;
  readonly content: Range;
  readonly grade: SourceGrade;
  readonly hedged: boolean;
  /** For an anaphoric source: the antecedent it points at. */
  readonly resolvesTo?: Range & { readonly id?: string };
  /** The id of the attribution this one is nested in. */
  readonly parent?: string;
  /** Ids of entities inside the source span. */
  readonly entityIds?: readonly string[];
}

/** A sentence-level claim. */
export interface ClaimAnnotation extends Base {
  readonly kind: 'claim';
  readonly checkworthiness: number;
  readonly claimKind: ClaimKind;
  readonly attributionIds: readonly string[];
}

/** A persuasion technique span. */
export interface TechniqueAnnotation extends Base {
  readonly kind: 'technique';
  readonly technique: Technique;
  readonly score: number;
  /** Why it was flagged: the rule or lexicon entry. */
  readonly evidence: string;
}

/** Every annotation, keyed by `kind`. */
export type Annotation =
  | SentenceAnnotation
  | EntityAnnotation
  | QuantityAnnotation
  | AttributionAnnotation
  | ClaimAnnotation
  | TechniqueAnnotation;

/** One of the annotation kinds. */
export type AnnotationKind = Annotation['kind'];

/** The annotation type of a given kind. */
export type AnnotationOf<K extends AnnotationKind> = Extract<Annotation, { kind: K }>;

/** A positioned, coded message about the article. */
export interface Finding extends Range {
  readonly rule: string;
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
  readonly annotationIds: readonly string[];
}
