import type { EntityAnnotation, EntityType } from '../../core/annotations.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import type { SourceClass } from './lexicon.js';
import { isNameWord, partsOf, phraseAfter, phraseBefore, type PhraseParts, type Span } from './noun-phrase.js';
import { anaphoricSource, isCapitalised, listed, vagueSource, type GradeContext, type GradedSource } from './graded.js';
import { bodyBefore, groupSource, institutionSource, isInstitutionHead, ownerSource } from './institution.js';
import sources from './sources.json' with { type: 'json' };

export type { GradeContext, GradedSource } from './graded.js';

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

/** Lists of sources.json that grading alone reads (the shared lexicon does not compile them). */
const VOICE_HEADS = listed(sources.voiceHeads);
const GROUP_MEMBERS = listed(sources.groupMembers);
const RELATIVE_PRONOUNS = listed(sources.relativePronouns);
/** Plural demonstratives before a group noun point back at that group ("those groups"). */
const DEMONSTRATIVES = new Set(['these', 'those']);

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
  // "The opposition's finance spokeswoman, Ines Varga", "Cabinet member for transport Lewis Achterberg": a title and the
  // name it stands for name the person.
  if (endsInAppositiveName(ctx, parts, span) || endsInTitledName(ctx, parts, span) || endsInTitleAndName(ctx, span, entities)) return { grade: 'named', pointsAt: [], is: ['person'], entityIds };
  const owner = ownerSource(ctx, parts, span, entityIds, (owned) => gradeSource(ctx, owned, true));
  if (owner) return owner;
  if (!nested && lex.documentHeads.has(head.lower)) {
    const graded = throughAgent(ctx, parts, span, entityIds);
    if (graded) return { ...graded, is: ['document'] };
    // "a coastguard statement", "a ministry survey": one document of a body named before, as "a company spokesperson"
    // speaks for it; vague when no such body is found ("union figures", "council papers" name a kind of document).
    const body = ['a', 'an'].includes(first.lower) ? bodyBefore(ctx, parts, entityIds) : undefined;
    if (body?.grade === 'anaphoric') return { ...body, unresolved: body.unresolved ?? 'vague', is: ['document'] };
  }
  if (!nested && VOICE_HEADS.has(head.lower)) {
    // A spokesperson for a body that cannot be found is an unnamed person of an unnamed body.
    // Graded through the body, but the source is a person: a later "he" or "she" points at the spokesman, an "it" past
    // him at the body.
    const graded = throughAgent(ctx, parts, span, entityIds) ?? bodyBefore(ctx, parts, entityIds);
    const person: GradedSource | undefined = graded && { ...graded, is: ['person'] };
    if (person) return person.grade === 'anaphoric' && person.unresolved === undefined ? { ...person, unresolved: 'vague' } : person;
  }
  if (isQuantified(ctx, span) || (isCapitalised(head) && GROUP_MEMBERS.has(head.lower))) return vagueSource(entityIds);
  const named = entities.filter((e) => classOfEntity(e.type) !== undefined);
  // "Campaigners said": a plural agent noun capitalised for the sentence, which the entity finder may take for a person.
  const atHead = named.find((e) => e.start <= head.start && head.end <= e.end && !(e.type === 'person' && isCommonPlural(ctx, parts, span)));
  if (atHead) return { grade: 'named', pointsAt: [], is: [classOfEntity(atHead.type)!], entityIds };
  if (hasAppositiveName(ctx, parts, span)) return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  // "Those groups", "these activists": a demonstrative points back at the group named before.
  if (DEMONSTRATIVES.has(first.lower) && parts.head > span.first && head.pos === 'NOUN' && entities.length === 0) return anaphoricSource(span, ['person', 'agency'], entityIds);
  const described = isInstitutionHead(head.lower)
    ? institutionSource(ctx, parts, span, entityIds, (owned) => gradeSource(ctx, owned, true))
    : groupSource(ctx, parts, span, entityIds);
  if (described) return described;
  // "Sleep Health Reports": a vague word as the last word of a name is part of the name.
  const inName = isCapitalised(head) && parts.head > parts.modFirst && isCapitalised(tokens[parts.head - 1]!);
  if (!inName && (lex.vagueHeads.has(head.lower) || lex.vagueHeads.has(head.lemma))) {
    const anaphoric = parts.definite && generic.length > 0;
    if (anaphoric) return anaphoricSource(span, generic, entityIds);
    const team = affiliatedTeam(ctx, parts, span, named);
    return team ? { grade: 'named', pointsAt: [], is: [team], entityIds } : vagueSource(entityIds);
  }
  // "Campaigners from the Friends of Ashby Lido", "Engineers at Nordvik Rail": a bare plural of agents with a named body.
  if (AGENT_PLURALS.some((suffix) => head.lower.endsWith(suffix))) {
    const team = affiliatedTeam(ctx, parts, span, named);
    if (team) return { grade: 'named', pointsAt: [], is: [team], entityIds };
  }
  if (isCapitalised(head) && (head.pos === 'PROPN' || parts.head > span.first) && !capitalForSentence(ctx, parts, span)) {
    if (generic.length > 0 && parts.definite && !hasOtherProperWords(ctx, parts, span)) return anaphoricSource(span, generic, entityIds);
    return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  }
  if (named.some((e) => e.end <= head.start)) return { grade: 'named', pointsAt: [], is: namedClasses(ctx, named, head, generic), entityIds };
  if (generic.length > 0 && parts.definite) return anaphoricSource(span, generic, entityIds);
  return vagueSource(entityIds);
}

const AFFILIATIONS = new Set(sources.affiliations.flatMap((a) => a.words));
const UNAFFILIATED = new Set(sources.affiliations.flatMap((a) => a.exceptHeads));

/**
 * The named institution of a bare plural team ("analysts at Baltica Bank", "research by scientists at the University
 * of X"): a plural head with no determiner, a noun before "at" and a named body right after it. Undefined otherwise.
 */
function affiliatedTeam(ctx: GradeContext, parts: PhraseParts, span: Span, named: readonly EntityAnnotation[]): SourceClass | undefined {
  const { tokens } = ctx;
  if (parts.head !== span.first || UNAFFILIATED.has(tokens[parts.head]!.lower)) return undefined;
  for (let i = parts.head + 1; i < span.end - 1; i++) {
    const t = tokens[i]!;
    if (t.pos === 'PUNCT') return undefined;
    if (!AFFILIATIONS.has(t.lower) || !/s$/.test(tokens[i - 1]!.lower) || UNAFFILIATED.has(tokens[i - 1]!.lower)) continue;
    let k = i + 1;
    while (k < span.end && (tokens[k]!.pos === 'DET' || tokens[k]!.text.trim() === '')) k++;
    const body = named.find((e) => e.start <= tokens[k]!.start && tokens[k]!.start < e.end);
    // "Analysts at Ceska Banka": what someone works at is a body, even where the entity finder took it for a person.
    if (body) return classOfEntity(body.type) === 'person' ? 'agency' : classOfEntity(body.type)!;
    // "Analysts at Brightwater Securities": a capitalised name the entity finder missed still names the body.
    // "Campaigners from the Friends of Ashby Lido": a capitalised common noun opens a name too.
    if ((tokens[k]?.pos === 'PROPN' || tokens[k]?.pos === 'NOUN') && /^\p{Lu}/u.test(tokens[k]!.text) && !named.some((e) => e.start <= tokens[k]!.start && tokens[k]!.start < e.end)) return 'agency';
  }
  return undefined;
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
  if (endsInAppositiveName(ctx, parts, span)) return true;
  const comma = ctx.tokens[parts.post];
  const next = ctx.tokens[parts.post + 1];
  if (comma?.text !== ',' || !next || parts.post + 1 >= span.end) return false;
  const entity = ctx.entities[firstStartingFrom(ctx.entities, next.start)];
  return next.pos === 'PROPN' || (entity?.start === next.start && classOfEntity(entity.type) !== undefined);
}

/** "the council's cabinet member for the environment, Priya Lal": a title with a post-modifier, then a name to the end. */
function endsInAppositiveName(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const { tokens } = ctx;
  if (!titlesPerson(ctx, parts)) return false;
  let i = span.end - 1;
  while (i > parts.post && (isNameWord(tokens[i]!) || tokens[i]!.text.trim() === '')) i--;
  // "The head of Brightwater Ferries, Anna Berg": a title's post-modifier may end in the name of its body.
  const bodyName = parts.post < i - 1 && tokens[i - 1]!.pos === 'PROPN';
  return i > parts.head && i < span.end - 1 && tokens[i]!.text === ',' && (tokens[i - 1]!.pos === 'NOUN' || gerundObject(tokens, i - 1) || bodyName);
}

/** "head of polling", "director of marketing": an -ing word after "of" or "for" ends a title as a noun would. */
const gerundObject = (tokens: readonly Token[], k: number) => /ing$/.test(tokens[k]!.lower) && ['of', 'for'].includes(tokens[k - 1]?.lower ?? '');

/** "Cabinet member for transport Lewis Achterberg": a title with a post-modifier, then a name of two words or more. */
function endsInTitledName(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const { tokens } = ctx;
  if (parts.post >= span.end || !titlesPerson(ctx, parts)) return false;
  let i = span.end - 1;
  let words = 0;
  while (i > parts.post && (isNameWord(tokens[i]!) || tokens[i]!.text.trim() === '')) {
    if (tokens[i]!.text.trim() !== '') words++;
    i--;
  }
  const before = ctx.lex.anaphoricHeads.get(tokens[i]!.lower) ?? [];
  return words >= 2 && i > parts.post && tokens[i]!.pos === 'NOUN' && !isCapitalised(tokens[i]!) && !before.includes('outlet') && !before.includes('document');
}

/**
 * "Police and crime commissioner Ruth Sandhu", "Harbour master Ole Brandt": a person's name of two words or more ends
 * the phrase right after a lower-case title noun, whatever the words before the title ("Police and crime" is no group
 * of police). Not "sources close to John Smith", "friends of Ana Ruiz": a preposition before the name.
 */
function endsInTitleAndName(ctx: GradeContext, span: Span, entities: readonly EntityAnnotation[]): boolean {
  const { tokens } = ctx;
  const last = tokens[span.end - 1]!;
  const person = entities.find((e) => e.type === 'person' && e.end === last.end && /\s/.test(e.norm));
  if (!person) return false;
  let i = span.end - 1;
  while (i > span.first && tokens[i - 1]!.end > person.start) i--;
  const title = tokens[i - 1];
  return i > span.first && title !== undefined && title.pos === 'NOUN' && !isCapitalised(title) && titlesPersonWord(ctx, title.lower);
}

/** A word that can title a person: no document, outlet, agency or institution head. */
function titlesPersonWord(ctx: GradeContext, word: string): boolean {
  const classes = ctx.lex.anaphoricHeads.get(word) ?? [];
  return !ctx.lex.documentHeads.has(word) && !classes.includes('outlet') && !classes.includes('document') && !classes.includes('agency') && !isInstitutionHead(word);
}

/** A head that can title a person: not a document, outlet or body ("a study ... in the journal Water Research Letters"). */
function titlesPerson(ctx: GradeContext, parts: PhraseParts): boolean {
  return titlesPersonWord(ctx, ctx.tokens[parts.head]!.lower);
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
  if (graded && graded.grade !== 'vague') return { ...graded, entityIds };
  // "A survey of 1,200 commuters for this blog by Northgate Research": who was asked comes first, its maker after "by"
  // (an indefinite first mention only: "The survey of 1,104 adults, carried out by X" points back at the poll named before).
  const indefinite = ['a', 'an'].includes(ctx.tokens[span.first]!.lower);
  const by = indefinite ? lastBy(ctx, parts, span) : undefined;
  const maker = by === undefined ? undefined : phraseAfter(ctx.tokens, by + 1, span.end);
  if (!maker || maker.end <= maker.first || (agent && maker.first === agent.first) || isPlace(ctx, maker)) return undefined;
  const made = gradeSource(ctx, maker, true);
  return made.grade !== 'vague' ? { ...made, entityIds } : undefined;
}

/** The last "by" after the head of a document phrase, unless a witness participle ("seen by") comes right before it. */
function lastBy(ctx: GradeContext, parts: PhraseParts, span: Span): number | undefined {
  for (let i = span.end - 2; i > parts.head; i--) {
    if (ctx.tokens[i]!.lower !== 'by') continue;
    let k = i - 1;
    while (k > parts.head && ctx.tokens[k]!.text.trim() === '') k--;
    return WITNESS_PARTICIPLES.has(ctx.tokens[k]!.lower) ? undefined : i;
  }
  return undefined;
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
  // "Fishermen in Zarov", "Women at the plant": a plural without -s is a plural all the same.
  const plural = /[^s]s$/.test(head.lower) || /(?:men|people|children)$/.test(head.lower);
  if (parts.head !== span.first || !opens || !plural) return false;
  return parts.post < span.end || isCommonPlural(ctx, parts, span);
}

/**
 * A lone sentence-opening word that ends like a plural agent noun ("Campaigners", "Developers"; sources.json) and is
 * no surname of a person named in full in the text.
 */
function isCommonPlural(ctx: GradeContext, parts: PhraseParts, span: Span): boolean {
  const head = ctx.tokens[parts.head]!;
  const before = ctx.tokens[span.first - 1];
  const opens = before === undefined || SENTENCE_ENDS.has(before.text);
  if (span.end - span.first !== 1 || !opens || !AGENT_PLURALS.some((suffix) => head.lower.endsWith(suffix))) return false;
  // "Bernie Sanders ... Sanders said": the surname of a person named in full elsewhere stays a name.
  return !ctx.entities.some((e) => e.type === 'person' && e.norm.endsWith(` ${head.lower}`));
}

const AGENT_PLURALS = sources.agentPluralSuffixes.flatMap((a) => a.words);
const WITNESS_PARTICIPLES = new Set(sources.witnessParticiples.flatMap((a) => a.words));

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
    // "Documents seen by Vesta": whoever saw or obtained a document is not its author; it stays unnamed.
    if (WITNESS_PARTICIPLES.has(tokens[i]!.lower)) return undefined;
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
