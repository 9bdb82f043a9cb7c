import type { EntityAnnotation, EntityType, SourceGrade } from '../../core/annotations.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import type { Lexicon, SourceClass } from './lexicon.js';
import { partsOf, phraseAfter, type PhraseParts, type Span } from './noun-phrase.js';

/** A graded source phrase. */
export interface GradedSource {
  readonly grade: SourceGrade;
  /** For anaphoric grades: the words that point back ("this media organization" inside "the files obtained by ..."). */
  readonly anaphor?: Span;
  /** For anaphoric grades: the classes the antecedent may have (empty: unknown). */
  readonly pointsAt: readonly SourceClass[];
  /** What the source itself is, so later anaphors can point at it (empty: unknown). */
  readonly is: readonly SourceClass[];
  readonly entityIds: readonly string[];
}

/** What grading needs besides the phrase: tokens, entities sorted by start, the lexicon. */
export interface GradeContext {
  readonly tokens: readonly Token[];
  readonly entities: readonly EntityAnnotation[];
  readonly lex: Lexicon;
}

const ENTITY_CLASS: Partial<Record<EntityType, SourceClass>> = {
  outlet: 'outlet',
  document: 'document',
  agency: 'agency',
  organization: 'agency',
  person: 'person',
};

/** The antecedent class of an entity type; undefined for places. */
export function classOfEntity(type: EntityType): SourceClass | undefined {
  return ENTITY_CLASS[type];
}

/** Entities lying inside a character range (entities sorted by start). */
export function entitiesIn(entities: readonly EntityAnnotation[], range: Range): EntityAnnotation[] {
  const lo = firstStartingFrom(entities, range.start);
  const out: EntityAnnotation[] = [];
  for (let i = lo; i < entities.length && entities[i]!.start < range.end; i++) if (entities[i]!.end <= range.end) out.push(entities[i]!);
  return out;
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.text);

/** Grades a source phrase as named, vague or anaphoric (sources are never graded none: that is a missing source). */
export function gradeSource(ctx: GradeContext, span: Span, nested = false): GradedSource {
  const { tokens, lex } = ctx;
  const first = tokens[span.first]!;
  const entities = entitiesIn(ctx.entities, { start: first.start, end: tokens[span.end - 1]!.end });
  const entityIds = entities.map((e) => e.id);
  if (span.end - span.first === 1 && first.pos === 'PRON') {
    return { grade: 'anaphoric', anaphor: span, pointsAt: lex.pronouns.get(first.lower) ?? [], is: [], entityIds };
  }
  const parts = partsOf(tokens, span, lex);
  const head = tokens[parts.head]!;
  const generic = genericClasses(ctx, parts);
  if (lex.documentHeads.has(head.lower) && !nested) {
    const agent = agentOf(ctx, parts, span);
    if (agent) {
      const graded = gradeSource(ctx, agent, true);
      if (graded.grade !== 'vague') return { ...graded, is: ['document'], entityIds };
    }
  }
  const named = entities.filter((e) => classOfEntity(e.type) !== undefined);
  const atHead = named.find((e) => e.start <= head.start && head.end <= e.end);
  if (atHead) return { grade: 'named', pointsAt: [], is: [classOfEntity(atHead.type)!], entityIds };
  if (lex.vagueHeads.has(head.lower) || lex.vagueHeads.has(head.lemma)) {
    const anaphoric = parts.definite && generic.length > 0;
    return anaphoric ? anaphoricSource(span, generic, entityIds) : { grade: 'vague', pointsAt: [], is: [], entityIds };
  }
  if (isCapitalised(head) && (head.pos === 'PROPN' || parts.head > span.first)) {
    if (generic.length > 0 && parts.definite && !hasOtherProperWords(ctx, parts, span)) return anaphoricSource(span, generic, entityIds);
    return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  }
  if (named.some((e) => e.end <= head.start)) return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  if (generic.length > 0 && parts.definite) return anaphoricSource(span, generic, entityIds);
  return { grade: 'vague', pointsAt: [], is: [], entityIds };
}

function anaphoricSource(span: Span, classes: readonly SourceClass[], entityIds: readonly string[]): GradedSource {
  return { grade: 'anaphoric', anaphor: span, pointsAt: classes, is: classes.includes('document') ? ['document'] : classes, entityIds };
}

/** Classes of a generic head, two-word heads first ("media organization" before "organization"). */
function genericClasses(ctx: GradeContext, parts: PhraseParts): readonly SourceClass[] {
  const head = ctx.tokens[parts.head]!;
  const before = parts.head > parts.modFirst ? ctx.tokens[parts.head - 1] : undefined;
  const two = before ? ctx.lex.anaphoricHeads.get(`${before.lower} ${head.lower}`) : undefined;
  return two ?? ctx.lex.anaphoricHeads.get(head.lower) ?? [];
}

/** True when capitalised words other than the head name the thing ("Estonian ... Service", "Ministry of Health"). */
function hasOtherProperWords(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  for (let i = parts.modFirst; i < parts.head; i++) if (isCapitalised(ctx.tokens[i]!)) return true;
  const post = ctx.tokens[parts.post];
  return post !== undefined && (post.lower === 'of' || post.lower === 'for') && parts.post + 1 < span.end && isCapitalised(ctx.tokens[parts.post + 1]!);
}

function namedClasses(ctx: GradeContext, named: readonly EntityAnnotation[], head: Token, generic: readonly SourceClass[]): readonly SourceClass[] {
  const entity = named.at(-1);
  if (entity) return [classOfEntity(entity.type)!];
  if (ctx.lex.documentHeads.has(head.lower)) return ['document'];
  return generic;
}

/** The author or commissioner after a document head: "(obtained) by X", "(prepared) for X", "from X". */
function agentOf(ctx: GradeContext, parts: PhraseParts, span: Span): Span | undefined {
  const { tokens, lex } = ctx;
  let i = parts.post;
  if (i < span.end && tokens[i]!.pos === 'VERB') i++;
  if (i >= span.end || !lex.agentPrepositions.has(tokens[i]!.lower)) return undefined;
  const agent = phraseAfter(tokens, i + 1, span.end);
  return agent.end > agent.first ? agent : undefined;
}
