// Descriptions graded by what they name or own (institutions.json, sources.json): "the interior ministry", "the
// ministry" after "the Health Ministry", "the ministry's annual report", "her ministry", "a company spokesperson",
// "the team" after "researchers at the University of X".
import type { SourceGrade } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import { anaphoricSource, isCapitalised, listed, vagueSource, type GradeContext, type GradedSource } from './graded.js';
import institutions from './institutions.json' with { type: 'json' };
import { partsOf, type PhraseParts, type Span } from './noun-phrase.js';
import sources from './sources.json' with { type: 'json' };

/** Grades an owner or a body phrase (`gradeSource` nested), passed in to keep the modules acyclic. */
export type GradeOwner = (span: Span) => GradedSource;

const GROUP_ANAPHORS = [...listed(sources.groupAnaphors)];
/** institutions.json: institution heads with their grade alone, and what makes a description name one institution. */
const INSTITUTION_HEADS = new Map(institutions.institutionHeads.flatMap((e) => e.words.map((w) => [w, e.bare as SourceGrade] as const)));
/** Heads that name the same kind of body as an institution head ("Avonmere Police" for "the force"). */
const SAME_AS = new Map(institutions.institutionHeads.flatMap((e) => ('sameAs' in e ? e.words.map((w) => [w, e.sameAs as string[]] as const) : [])));
const CATEGORY_HEADS = new Set(institutions.institutionHeads.flatMap((e) => ('category' in e && e.category ? e.words : [])));
const PLAIN_ADJECTIVES = listed(institutions.plainAdjectives);
const PLACE_POSSESSORS = listed(institutions.placePossessors);
const POINTING_DETERMINERS = listed(institutions.pointingDeterminers);
const REPEAT_GRADE = institutions.repeatGrade.grade as SourceGrade;
const POSSESSIVE_MARKS = new Set(["'s", '’s', "'", '’']);
/** Possessive pronouns before an owned thing, with the pronoun whose antecedent classes they take. */
const OWNER_PRONOUNS = new Map([['his', 'he'], ['her', 'she'], ['its', 'it'], ['their', 'they']]);

const VOICE_HEADS = listed(sources.voiceHeads);
const OWNED_BODIES = listed(sources.ownedBodies);

/** True for a head listed in institutions.json ("ministry", "office", "police"). */
export const isInstitutionHead = (word: string) => INSTITUTION_HEADS.has(word);

/**
 * A document, spokesperson or institution graded through its owner: "her ministry", "its report" (the pronoun's
 * antecedent); "the ministry's annual report", "the company's spokesman" (the possessor as graded on its own).
 */
export function ownerSource(ctx: GradeContext, parts: PhraseParts, span: Span, entityIds: readonly string[], grade: GradeOwner): GradedSource | undefined {
  const head = ctx.tokens[parts.head]!.lower;
  const document = ctx.lex.documentHeads.has(head);
  // "the council's own consultants", "the gazette's own reporters": "own" ties whatever follows to its owner.
  const own = ctx.tokens[parts.head - 1]?.lower === 'own' && parts.head - 1 > parts.modFirst;
  if (!document && !own && !VOICE_HEADS.has(head) && !INSTITUTION_HEADS.has(head) && !OWNED_BODIES.has(head)) return undefined;
  const pronoun = possessivePronoun(ctx, parts, span);
  if (pronoun) {
    const pointsAt = ctx.lex.pronouns.get(OWNER_PRONOUNS.get(ctx.tokens[pronoun.first]!.lower)!) ?? [];
    return { grade: 'anaphoric', anaphor: pronoun, pointsAt, is: document ? ['document'] : VOICE_HEADS.has(head) ? ['person'] : [], entityIds };
  }
  const owned = INSTITUTION_HEADS.has(head) && !own ? undefined : possessorOf(ctx, parts, span);
  if (!owned) return undefined;
  const owner = grade(owned);
  // "Harlow Bank's spokeswoman", "its spokesman": graded through the body, but a person, whom a later "she" or "he"
  // points at (as "a spokesman for the operator" in grade.ts).
  return { ...owner, is: document ? ['document'] : VOICE_HEADS.has(head) ? ['person'] : owner.is, entityIds };
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
 * before, otherwise graded by what it names. "the ministry's press office" is graded as "the ministry".
 */
export function institutionSource(ctx: GradeContext, parts: PhraseParts, span: Span, entityIds: readonly string[], grade: GradeOwner): GradedSource {
  const { tokens } = ctx;
  const determiners = tokens.slice(span.first, parts.modFirst);
  // "a court", "an office": some institution, not one a reader could look up.
  if (determiners.some((t) => t.lower === 'a' || t.lower === 'an')) return vagueSource(entityIds);
  const owned = possessorOf(ctx, parts, span);
  // "the council's finance committee", "the council's highways department": a body of the owner named by its own
  // portfolio is graded by its words, as "the interior ministry" is; "the ministry's press office" is the ministry.
  if (owned && !isHolderOrPlace(ctx, owned) && !ownPortfolio(ctx, parts, owned)) return { ...grade(owned), entityIds };
  const headWord = tokens[parts.head]!.lower;
  const words = qualifiers(ctx, parts, span, owned);
  const pointing = determiners.some((t) => POINTING_DETERMINERS.has(t.lower));
  const firstMention = pointing ? undefined : words.length > 0 ? 'named' : INSTITUTION_HEADS.get(headWord)!;
  // "the agency" alone stands for any agency named before; "the national disaster agency" for one with those words.
  const category = words.length === 0 && CATEGORY_HEADS.has(headWord);
  return {
    grade: REPEAT_GRADE,
    ...(firstMention && firstMention !== REPEAT_GRADE ? { unresolved: firstMention } : {}),
    anaphor: span,
    mention: { heads: [headWord, ...(SAME_AS.get(headWord) ?? [])], words, ...(category ? { anyOfClass: true } : {}) },
    pointsAt: ['agency'],
    is: ['agency'],
    entityIds,
  };
}

/** Words of a portfolio between the possessor and an institution head ("finance" in "the council's finance committee"). */
const SERVICE_OFFICES = new Set(['press', 'communications', 'media']);
function ownPortfolio(ctx: GradeContext, parts: PhraseParts, owned: Span): boolean {
  for (let i = owned.end + 1; i < parts.head; i++) {
    const t = ctx.tokens[i]!;
    if ((t.pos === 'NOUN' || t.pos === 'ADJ') && !PLAIN_ADJECTIVES.has(t.lower) && !SERVICE_OFFICES.has(t.lower)) return true;
  }
  return false;
}

/** True when a possessor is an office-holder or a place: "the city engineer's office", "the city's police". */
function isHolderOrPlace(ctx: GradeContext, owned: Span): boolean {
  const head = ctx.tokens[partsOf(ctx.tokens, owned, ctx.lex).head]!.lower;
  return (ctx.lex.anaphoricHeads.get(head) ?? []).includes('person') || PLACE_POSSESSORS.has(head);
}

/**
 * The words that pick out one institution, lower-cased: a holder or place as possessor, nouns, names and adjectives
 * other than plain ones before the head ("health" in "the health ministry"), and what follows it ("of health").
 */
function qualifiers(ctx: GradeContext, parts: PhraseParts, span: Span, owned: Span | undefined): string[] {
  const { tokens } = ctx;
  const words: string[] = [];
  if (owned) for (let i = partsOf(tokens, owned, ctx.lex).modFirst; i < owned.end; i++) if (isContentWord(tokens[i]!)) words.push(tokens[i]!.lower);
  for (let i = owned ? owned.end + 1 : parts.modFirst; i < parts.head; i++) {
    const t = tokens[i]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN' || isCapitalised(t) || (t.pos === 'ADJ' && !PLAIN_ADJECTIVES.has(t.lower))) words.push(t.lower);
  }
  words.push(...postQualifier(ctx, parts, span));
  return words;
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
export function bodyBefore(ctx: GradeContext, parts: PhraseParts, entityIds: readonly string[]): GradedSource | undefined {
  const at = parts.head - 1;
  const body = at >= parts.modFirst ? ctx.tokens[at]! : undefined;
  if (!body || body.pos !== 'NOUN' || isCapitalised(body)) return undefined;
  const word = { first: at, end: at + 1 };
  if (INSTITUTION_HEADS.has(body.lower)) {
    return institutionSource(ctx, { modFirst: at, definite: true, head: at, post: at + 1 }, word, entityIds, () => vagueSource(entityIds));
  }
  const classes = ctx.lex.anaphoricHeads.get(body.lower) ?? [];
  return classes.includes('agency') || classes.includes('outlet') ? anaphoricSource(word, classes, entityIds) : undefined;
}

/** "the researchers", "the team" (the whole phrase): the group that did the work, named before. */
function isGroupAnaphor(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const { tokens } = ctx;
  if (parts.post < span.end || !GROUP_ANAPHORS.includes(tokens[parts.head]!.lower)) return false;
  const determiners = tokens.slice(span.first, parts.modFirst);
  return determiners.length > 0 && determiners.every((t) => t.lower === 'the' || t.lower === 'these' || t.lower === 'those');
}

/** "the researchers", "the team": anaphoric, resolved to the group named before in the text, vague when none is. */
export function groupSource(ctx: GradeContext, parts: PhraseParts, span: Span, entityIds: readonly string[]): GradedSource | undefined {
  if (!isGroupAnaphor(ctx, parts, span)) return undefined;
  const mention = { heads: GROUP_ANAPHORS, words: [], textOnly: true };
  return { grade: 'anaphoric', unresolved: 'vague', anaphor: span, mention, pointsAt: ['person'], is: ['person'], entityIds };
}

