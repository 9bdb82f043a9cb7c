import type { EntityAnnotation, EntityType, SourceGrade } from '../../core/annotations.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import type { Lexicon, SourceClass } from './lexicon.js';
import { partsOf, phraseAfter, phraseBefore, type PhraseParts, type Span } from './noun-phrase.js';
import type { MentionWords } from './resolve.js';
import institutions from './institutions.json' with { type: 'json' };
import sources from './sources.json' with { type: 'json' };

/** A graded source phrase. */
export interface GradedSource {
  readonly grade: SourceGrade;
  /** The grade when the anaphor finds no antecedent (a first mention: "the interior ministry"); absent: `grade`. */
  readonly unresolved?: SourceGrade;
  /**
   * The words that point back ("this media organization" inside "the files obtained by ..."); set on every anaphoric
   * grade, and on a description that may repeat an earlier mention ("the ministry", graded `unresolved` when it does not).
   */
  readonly anaphor?: Span;
  /** What an antecedent must contain ("operator" and "rail" for "the rail operator"); absent: any of the classes. */
  readonly mention?: MentionWords;
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

const listed = (list: readonly { words: readonly string[] }[]) => new Set(list.flatMap((e) => e.words));
/** Lists of sources.json that grading alone reads (the shared lexicon does not compile them). */
const VOICE_HEADS = listed(sources.voiceHeads);
const GROUP_MEMBERS = listed(sources.groupMembers);
const RELATIVE_PRONOUNS = listed(sources.relativePronouns);
const GROUP_ANAPHORS = [...listed(sources.groupAnaphors)];
/** institutions.json: institution heads with their grade alone, and what makes a description name one institution. */
const INSTITUTION_HEADS = new Map(institutions.institutionHeads.flatMap((e) => e.words.map((w) => [w, e.bare as SourceGrade] as const)));
const CATEGORY_HEADS = new Set(institutions.institutionHeads.flatMap((e) => ('category' in e && e.category ? e.words : [])));
const PLAIN_ADJECTIVES = listed(institutions.plainAdjectives);
const PLACE_POSSESSORS = listed(institutions.placePossessors);
const POINTING_DETERMINERS = listed(institutions.pointingDeterminers);
const REPEAT_GRADE = institutions.repeatGrade.grade as SourceGrade;
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
/** Possessive pronouns before an owned thing, with the pronoun whose antecedent classes they take. */
const OWNER_PRONOUNS = new Map([['his', 'he'], ['her', 'she'], ['its', 'it'], ['their', 'they']]);

const vagueSource = (entityIds: readonly string[]): GradedSource => ({ grade: 'vague', pointsAt: [], is: [], entityIds });

/** Grades a source phrase as named, vague or anaphoric (sources are never graded none: that is a missing source). */
export function gradeSource(ctx: GradeContext, span: Span, nested = false): GradedSource {
  const { tokens, lex } = ctx;
  const first = tokens[span.first]!;
  const entities = entitiesIn(ctx.entities, { start: first.start, end: tokens[span.end - 1]!.end });
  const entityIds = entities.map((e) => e.id);
  if (span.end - span.first === 1 && first.pos === 'PRON') return pronounSource(ctx, span, entityIds, nested);
  const parts = partsOf(tokens, span, lex);
  const head = tokens[parts.head]!;
  const generic = genericClasses(ctx, parts);
  const owned = possessorOf(ctx, parts, span);
  const ownedThing = lex.documentHeads.has(head.lower) || VOICE_HEADS.has(head.lower) || INSTITUTION_HEADS.has(head.lower);
  const ownerPronoun = ownedThing ? possessivePronoun(ctx, parts, span) : undefined;
  if (ownerPronoun) {
    // "her ministry", "its report": the owner the pronoun points at.
    const pointsAt = lex.pronouns.get(OWNER_PRONOUNS.get(tokens[ownerPronoun.first]!.lower)!) ?? [];
    return { grade: 'anaphoric', anaphor: ownerPronoun, pointsAt, is: lex.documentHeads.has(head.lower) ? ['document'] : [], entityIds };
  }
  if (owned && (lex.documentHeads.has(head.lower) || VOICE_HEADS.has(head.lower))) {
    // "the ministry's annual report", "the company's spokesman": whoever owns it is the source.
    const owner = gradeSource(ctx, owned, true);
    return { ...owner, is: lex.documentHeads.has(head.lower) ? ['document'] : owner.is, entityIds };
  }
  if (!nested && lex.documentHeads.has(head.lower)) {
    const graded = throughAgent(ctx, parts, span, entityIds);
    if (graded) return { ...graded, is: ['document'] };
  }
  if (!nested && VOICE_HEADS.has(head.lower)) {
    // A spokesperson for a body that cannot be found is an unnamed person of an unnamed body.
    const graded = throughAgent(ctx, parts, span, entityIds) ?? bodyBefore(ctx, parts, entityIds);
    if (graded) return graded.grade === 'anaphoric' && graded.unresolved === undefined ? { ...graded, unresolved: 'vague' } : graded;
  }
  if (isQuantified(ctx, span) || (isCapitalised(head) && GROUP_MEMBERS.has(head.lower))) return vagueSource(entityIds);
  const named = entities.filter((e) => classOfEntity(e.type) !== undefined);
  const atHead = named.find((e) => e.start <= head.start && head.end <= e.end);
  if (atHead) return { grade: 'named', pointsAt: [], is: [classOfEntity(atHead.type)!], entityIds };
  if (hasAppositiveName(ctx, parts, span)) return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  if (INSTITUTION_HEADS.has(head.lower)) {
    const graded = institutionSource(ctx, parts, span, owned, entityIds);
    if (graded) return graded;
  }
  if (isGroupAnaphor(ctx, parts, span)) return groupSource(span, entityIds);
  // "Sleep Health Reports": a vague word as the last word of a name is part of the name.
  const inName = isCapitalised(head) && parts.head > parts.modFirst && isCapitalised(tokens[parts.head - 1]!);
  if (!inName && (lex.vagueHeads.has(head.lower) || lex.vagueHeads.has(head.lemma))) {
    const anaphoric = parts.definite && generic.length > 0;
    return anaphoric ? anaphoricSource(span, generic, entityIds) : vagueSource(entityIds);
  }
  if (isCapitalised(head) && (head.pos === 'PROPN' || parts.head > span.first) && !capitalForSentence(ctx, parts, span)) {
    if (generic.length > 0 && parts.definite && !hasOtherProperWords(ctx, parts, span)) return anaphoricSource(span, generic, entityIds);
    return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  }
  if (named.some((e) => e.end <= head.start)) return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  if (generic.length > 0 && parts.definite) return anaphoricSource(span, generic, entityIds);
  return vagueSource(entityIds);
}

/** A one-word pronoun source: anaphoric, except a relative pronoun, which is graded through the phrase before it. */
function pronounSource(ctx: GradeContext, span: Span, entityIds: readonly string[], nested: boolean): GradedSource {
  const word = ctx.tokens[span.first]!.lower;
  if (!nested && RELATIVE_PRONOUNS.has(word)) return relativeSource(ctx, span, entityIds);
  return { grade: 'anaphoric', anaphor: span, pointsAt: ctx.lex.pronouns.get(word) ?? [], is: [], entityIds };
}

/**
 * "Ortiz, who said": anaphoric, pointing back at the named person before it; "the minister, who said": resolved as
 * "the minister" is; "critics who say", "those who say": vague. A name with no entity leaves nothing to point at: named.
 */
function relativeSource(ctx: GradeContext, span: Span, entityIds: readonly string[]): GradedSource {
  const graded = antecedentOf(ctx, span.first);
  if (!graded || graded.grade === 'vague') return vagueSource(entityIds);
  if (graded.grade === 'anaphoric' || graded.entityIds.length === 0) return { ...graded, entityIds };
  const wanted = ctx.lex.pronouns.get(ctx.tokens[span.first]!.lower) ?? [];
  const pointsAt = graded.is.filter((c) => wanted.length === 0 || wanted.includes(c));
  // "a staffer at the State Department, who said": "who" is the unnamed staffer, not the agency.
  if (pointsAt.length === 0 && graded.is.length > 0) return vagueSource(entityIds);
  return { grade: 'anaphoric', anaphor: span, pointsAt: pointsAt.length > 0 ? pointsAt : wanted, is: [], entityIds };
}

const PAUSES = new Set([',', '—', '–', '-', '--']);

/**
 * The graded phrase a relative pronoun at token `at` stands for: the phrase before it, or the part after its last
 * preposition when the phrase's head names no one ("the rise of Jane Ortiz, who").
 */
function antecedentOf(ctx: GradeContext, at: number): GradedSource | undefined {
  const { tokens, lex } = ctx;
  const end = PAUSES.has(tokens[at - 1]?.text ?? '') ? at - 1 : at;
  const before = phraseBefore(tokens, end, Math.max(0, end - 16));
  const lone = before.end - before.first === 1 ? tokens[before.first]!.lower : undefined;
  if (before.end === before.first || (lone !== undefined && lex.notSources.has(lone))) return undefined;
  const full = gradeSource(ctx, before);
  if (full.grade !== 'vague' || namesSomeone(ctx, partsOf(tokens, before, lex))) return full;
  let prep = before.end - 1;
  while (prep > before.first && tokens[prep]!.pos !== 'ADP') prep--;
  return prep > before.first && prep + 1 < before.end ? gradeSource(ctx, { first: prep + 1, end: before.end }) : full;
}

/** True when a phrase's head can itself be a source ("critics", "Democrats", "the minister", "a spokesperson"). */
function namesSomeone(ctx: GradeContext, parts: PhraseParts): boolean {
  const head = ctx.tokens[parts.head]!;
  const { vagueHeads } = ctx.lex;
  return vagueHeads.has(head.lower) || vagueHeads.has(head.lemma) || GROUP_MEMBERS.has(head.lower) || VOICE_HEADS.has(head.lower) || genericClasses(ctx, parts).length > 0;
}

/** True when a name follows the head after a comma: "the union's chairwoman, Nora Lind". */
function hasAppositiveName(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const comma = ctx.tokens[parts.post];
  const next = ctx.tokens[parts.post + 1];
  if (comma?.text !== ',' || !next || parts.post + 1 >= span.end) return false;
  const entity = ctx.entities[firstStartingFrom(ctx.entities, next.start)];
  return next.pos === 'PROPN' || (entity?.start === next.start && classOfEntity(entity.type) !== undefined);
}

/** True when a quantifier opens the phrase ("some Republicans", "one of the skippers"): some members, unnamed. */
function isQuantified(ctx: GradeContext, span: Span): boolean {
  const quantifier = ctx.lex.quantifiers.matchAt(ctx.tokens, span.first, span.end);
  return quantifier !== undefined && quantifier.end < span.end;
}

/** A document or a spokesperson graded as its author or organisation ("a report by X", "a spokesperson for X"). */
function throughAgent(ctx: GradeContext, parts: PhraseParts, span: Span, entityIds: readonly string[]): GradedSource | undefined {
  const agent = agentOf(ctx, parts, span);
  const graded = agent && gradeSource(ctx, agent, true);
  return graded && graded.grade !== 'vague' ? { ...graded, entityIds } : undefined;
}

const SENTENCE_ENDS = new Set(['.', '!', '?', ':', '"', '“', '”', '‘', '’', "'"]);

/**
 * True when a plural head has its capital only because it opens the sentence and a modifier follows ("Pharmacies in
 * the region", "Supporters of the scheme"): common nouns, not a name.
 */
function capitalForSentence(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const head = ctx.tokens[parts.head]!;
  const before = ctx.tokens[span.first - 1];
  const opens = before === undefined || SENTENCE_ENDS.has(before.text);
  return parts.head === span.first && opens && /[^s]s$/.test(head.lower) && parts.post < span.end;
}

/** "the researchers", "the team" (the whole phrase): the group that did the work, named before. */
function isGroupAnaphor(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const { tokens } = ctx;
  if (parts.post < span.end || !GROUP_ANAPHORS.includes(tokens[parts.head]!.lower)) return false;
  const determiners = tokens.slice(span.first, parts.modFirst);
  return determiners.length > 0 && determiners.every((t) => t.lower === 'the' || t.lower === 'these' || t.lower === 'those');
}

function groupSource(span: Span, entityIds: readonly string[]): GradedSource {
  const mention = { heads: GROUP_ANAPHORS, words: [], textOnly: true };
  return { grade: 'anaphoric', unresolved: 'vague', anaphor: span, mention, pointsAt: ['person'], is: ['person'], entityIds };
}

/** A possessive pronoun among the determiner words ("her" in "her ministry"), as a one-token span. */
function possessivePronoun(ctx: GradeContext, parts: PhraseParts, span: Span): Span | undefined {
  for (let i = span.first; i < parts.modFirst; i++) if (OWNER_PRONOUNS.has(ctx.tokens[i]!.lower)) return { first: i, end: i + 1 };
  return undefined;
}

/** The possessor before a possessive mark inside the phrase ("the ministry" in "the ministry's annual report"). */
function possessorOf(ctx: GradeContext, parts: PhraseParts, span: Span): Span | undefined {
  for (let i = parts.head - 1; i > parts.modFirst; i--) if (POSSESSIVE_MARKS.has(ctx.tokens[i]!.lower)) return { first: span.first, end: i };
  return undefined;
}

/**
 * A description of an institution (institutions.json): a back-reference when the same institution was mentioned
 * before, otherwise graded by what it names. Undefined when its possessor is a body graded on its own ("the ministry's
 * press office": as "the ministry").
 */
function institutionSource(ctx: GradeContext, parts: PhraseParts, span: Span, owned: Span | undefined, entityIds: readonly string[]): GradedSource | undefined {
  const { tokens } = ctx;
  // "a court", "an office": some institution, not one a reader could look up.
  if (tokens.slice(span.first, parts.modFirst).some((t) => t.lower === 'a' || t.lower === 'an')) return vagueSource(entityIds);
  const headWord = tokens[parts.head]!.lower;
  const words: string[] = [];
  let qualified = false;
  let from = parts.modFirst;
  if (owned) {
    const owner = partsOf(tokens, owned, ctx.lex);
    const ownerHead = tokens[owner.head]!;
    const holder = (ctx.lex.anaphoricHeads.get(ownerHead.lower) ?? []).includes('person') || PLACE_POSSESSORS.has(ownerHead.lower);
    if (!holder) return throughOwner(ctx, owned, entityIds);
    // "the city engineer's office", "the mayor's office", "the city's police": the office of a holder or a place.
    for (let i = owner.modFirst; i < owned.end; i++) if (isContentWord(tokens[i]!)) words.push(tokens[i]!.lower);
    qualified = true;
    from = owned.end + 1;
  }
  for (let i = from; i < parts.head; i++) {
    const t = tokens[i]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || isCapitalised(t) || (t.pos === 'ADJ' && !PLAIN_ADJECTIVES.has(t.lower))) {
      words.push(t.lower);
      qualified = true;
    }
  }
  const after = postQualifier(ctx, parts, span);
  if (after.length > 0) {
    words.push(...after);
    qualified = true;
  }
  const pointing = tokens.slice(span.first, parts.modFirst).some((t) => POINTING_DETERMINERS.has(t.lower));
  const firstMention = pointing ? undefined : qualified ? 'named' : INSTITUTION_HEADS.get(headWord)!;
  // "the agency" alone stands for any agency named before; "the national disaster agency" for one with those words.
  const category = !qualified && CATEGORY_HEADS.has(headWord);
  return {
    grade: REPEAT_GRADE,
    ...(firstMention && firstMention !== REPEAT_GRADE ? { unresolved: firstMention } : {}),
    anaphor: span,
    mention: { heads: [headWord], words, ...(category ? { anyOfClass: true } : {}) },
    pointsAt: ['agency'],
    is: ['agency'],
    entityIds,
  };
}

/** A body graded as its possessor says ("the ministry's press office" as "the ministry"). */
function throughOwner(ctx: GradeContext, owned: Span, entityIds: readonly string[]): GradedSource {
  return { ...gradeSource(ctx, owned, true), entityIds };
}

const isContentWord = (t: Token) => t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ' || isCapitalised(t);

/** Words after the head that name the institution: "of health", "for national statistics", "in Marlow". */
function postQualifier(ctx: GradeContext, parts: PhraseParts, span: Span): string[] {
  const { tokens } = ctx;
  const link = tokens[parts.post];
  if (!link || parts.post + 1 >= span.end) return [];
  const named = link.lower === 'in';
  if (!named && link.lower !== 'of' && link.lower !== 'for') return [];
  const out: string[] = [];
  for (let i = parts.post + 1; i < span.end && tokens[i]!.pos !== 'ADP' && tokens[i]!.text !== ','; i++) {
    const t = tokens[i]!;
    if (named ? isCapitalised(t) : isContentWord(t)) out.push(t.lower);
  }
  return out;
}

/** "a company spokesperson", "a ministry spokesman": the body named by the noun before the head, as "the company". */
function bodyBefore(ctx: GradeContext, parts: PhraseParts, entityIds: readonly string[]): GradedSource | undefined {
  const at = parts.head - 1;
  const body = at >= parts.modFirst ? ctx.tokens[at]! : undefined;
  if (!body || body.pos !== 'NOUN' || isCapitalised(body)) return undefined;
  const word = { first: at, end: at + 1 };
  if (INSTITUTION_HEADS.has(body.lower)) {
    return institutionSource(ctx, { modFirst: at, definite: true, head: at, post: at + 1 }, word, undefined, entityIds);
  }
  const classes = ctx.lex.anaphoricHeads.get(body.lower) ?? [];
  return classes.includes('agency') || classes.includes('outlet') ? anaphoricSource(word, classes, entityIds) : undefined;
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
  if (i < span.end && tokens[i]!.pos === 'VERB') {
    i++;
    // "published on Monday in the journal X": a date between the participle and its agent.
    if (tokens[i]?.lower === 'on') {
      let k = i + 1;
      while (k < span.end && k - i <= 3 && (tokens[k]!.pos === 'PROPN' || tokens[k]!.pos === 'NUM' || tokens[k]!.pos === 'NOUN')) k++;
      if (k > i + 1 && k < span.end && tokens[k]!.pos === 'ADP') i = k;
    }
  }
  if (i >= span.end || !lex.agentPrepositions.has(tokens[i]!.lower)) return undefined;
  const agent = phraseAfter(tokens, i + 1, span.end);
  if (agent.end <= agent.first || isPlace(ctx, agent)) return undefined;
  return agent;
}

/** True when a phrase is a place and nothing else ("in Oslo"): where, not who. */
function isPlace(ctx: GradeContext, span: Span): boolean {
  const start = ctx.tokens[span.first]!.start;
  const end = ctx.tokens[span.end - 1]!.end;
  const inside = entitiesIn(ctx.entities, { start, end });
  return inside.length > 0 && inside.every((e) => e.type === 'place') && classOfEntity(inside[0]!.type) === undefined && ctx.tokens[span.first]!.pos === 'PROPN';
}
