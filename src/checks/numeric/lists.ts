import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { ageAcrossTraits, areAgeBands, isBareEnumeration, isLabelledEnumeration, timeTags } from './evidence.js';
import { choiceOf, stanceAfter } from './choices.js';
import { remainderAt } from './part-words.js';
import { areExclusiveOutcomes } from './outcomes.js';
import { allDistinct, areLifeStages, namesKinds } from './kinds.js';
import { areKinds, normUnit } from './units.js';
import { isSubjectGapped, parallelSubject, subjectHead } from './subjects.js';

/** Word lists that tell a list of figures parting one whole from several breakdowns of a group. */
export interface ListRules {
  readonly stance: ReadonlySet<string>;
  readonly prepositions: ReadonlySet<string>;
  readonly joiners: ReadonlySet<string>;
  readonly copulas: ReadonlySet<string>;
  readonly abstentions: ReadonlySet<string>;
  /** Answers of those asked who gave none ("undecided", "unsure"; numeric.json noAnswers). */
  readonly noAnswers: ReadonlySet<string>;
  readonly negatedAnswers: ReadonlySet<string>;
  readonly winVerbs: ReadonlySet<string>;
  readonly timeWords: ReadonlySet<string>;
  readonly breakers: ReadonlySet<string>;
  /** Verbs of a reporting clause set off by commas ("..., the trust said, and ..."; numeric.json reportAsides). */
  readonly reportAsides: ReadonlySet<string>;
  readonly residualPlaces: ReadonlySet<string>;
  readonly additiveBefore: ReadonlySet<string>;
  readonly additiveAfter: ReadonlySet<string>;
  /** Words that name the remaining answers before their figure ("others 12 percent"; numeric.json residualChoices). */
  readonly residualChoices: ReadonlySet<string>;
  /** Stages of life that do not overlap (numeric.json lifeStages). */
  readonly lifeStages: ReadonlySet<string>;
  /** End states of one event, each to the indices of the groups it belongs to (numeric.json exclusiveOutcomes). */
  readonly exclusiveOutcomes: ReadonlyMap<string, readonly number[]>;
  /** Words for one end state ("died", "killed"), each to its group (numeric.json sameOutcomes). */
  readonly sameOutcomes: ReadonlyMap<string, number>;
  /** Verbs of a ballot measure's own result ("passed with 55 percent"; numeric.json ownVoteVerbs). */
  readonly ownVoteVerbs: ReadonlySet<string>;
  /** Verbs whose members may name several topics ("worried about", "complained about"; numeric.json multiAnswerVerbs). */
  readonly multiAnswerVerbs: ReadonlySet<string>;
  /** Grades of one rating scale ("very poor", "fair", "excellent"; numeric.json ratingGrades). */
  readonly ratingGrades: ReadonlySet<string>;
  /** Stages of one process, each to its group ("interviewed", "hired"; numeric.json stagesOfOneProcess). */
  readonly processStages: ReadonlyMap<string, number>;
  /** Kinds that exclude one another, each to its group ("men", "women"; numeric.json exclusiveKinds). */
  readonly exclusiveKinds: ReadonlyMap<string, number>;
  /** Sets of kinds that part a whole across those groups ("men", "women", "children"; numeric.json kindSets). */
  readonly kindSets: readonly ReadonlySet<string>[];
}

/** What is written right after one figure of a list. */
export interface Member {
  readonly q: QuantityAnnotation;
  /** First token of what is said of the figure: after its own counted noun, or after the whole "of voters" (shares). */
  readonly at: number;
}

/** How far after a figure its counted noun, preposition or stance word is looked for (keeps the check linear). */
const REACH = 4;
// NOUN: the tagger reads some verbs after a figure as nouns ("3,000 work in the north"). DET, PRON: a short object of
// the figure's verb ("46 percent received the jab at their surgery, 38 percent at a pharmacy", "got it at").
const SKIP_TO_PREPOSITION = new Set(['VERB', 'AUX', 'ADV', 'PART', 'NOUN', 'DET', 'PRON']);
const ATTRIBUTE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET']);
const ATTRIBUTE_WORDS = new Set(['over', 'under', 'aged', 'older', 'younger', 'between', 'above', 'below']);
const RELATIVES = new Set(['whom', 'which', 'them', 'those', 'these']);
const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but']);

/** A figure of a list with the token after its own counted noun ("20 people in ..." → "in"). */
export function memberOf(tokens: readonly Token[], q: QuantityAnnotation): Member {
  const after = tokenAt(tokens, q.end);
  // "14 million of barley": the noun after "of" names the stuff; the preposition is what follows the figure.
  // "12 of whom were taken to hospital": what is said of the figure follows its relative pronoun.
  // "158 of those infected were residents": a participle that names the whole ("those infected", "those questioned")
  // belongs to it, and what is said of the figure follows.
  if (tokens[after]?.lower === 'of' && RELATIVES.has(tokens[after + 1]?.lower ?? '')) return { q, at: after + 2 + (namingParticiple(tokens, after + 2) ? 1 : 0) };
  // "Seventy-one of the patients are children": the whole named after "of the" belongs to the figure, and what is said
  // of it follows.
  const named = namedWholeEnd(tokens, after);
  if (named !== undefined) return { q, at: named };
  if (q.unit === undefined || q.quantityKind !== 'count' || tokens[after]?.lower === 'of') return { q, at: after };
  for (let k = after; k < Math.min(tokens.length, after + REACH); k++) {
    if (tokens[k]!.text === q.unit) return { q, at: k + 1 };
    if (CLAUSE_END.has(tokens[k]!.lower)) break;
  }
  return { q, at: after };
}

/** How many words a whole named after "of the" may have ("of the stolen cars"). */
const NAMED_WHOLE_WORDS = 3;

/** The token after "of the <noun phrase>" at `at` when a verb follows it ("of the patients are"), else undefined. */
function namedWholeEnd(tokens: readonly Token[], at: number): number | undefined {
  if (tokens[at]?.lower !== 'of' || tokens[at + 1]?.lower !== 'the') return undefined;
  let k = at + 2;
  while (k < at + 2 + NAMED_WHOLE_WORDS && (tokens[k]?.pos === 'ADJ' || tokens[k]?.pos === 'NOUN')) k++;
  const verb = tokens[k];
  return k > at + 2 && tokens[k - 1]!.pos === 'NOUN' && verb !== undefined && (verb.pos === 'AUX' || verb.pos === 'VERB') ? k : undefined;
}

/** "those infected were", "those questioned said": a participle after "those" (its -ed form) and before the clause's verb. */
function namingParticiple(tokens: readonly Token[], k: number): boolean {
  const word = tokens[k];
  const next = tokens[k + 1];
  return word !== undefined && next !== undefined && (word.pos === 'VERB' || word.pos === 'ADJ') && /(ed|en)$/.test(word.lower) && (next.pos === 'AUX' || next.pos === 'VERB');
}

/** "in the north" after "610": the preposition and its object, past a verb such as "goes"; undefined when none follows. */
function prepositionAfter(tokens: readonly Token[], at: number, rules: ListRules): { prep: string; object: string; time: boolean; verb?: string } | undefined {
  for (let k = at; k < Math.min(tokens.length, at + REACH); k++) {
    const tok = tokens[k]!;
    if (k === at && rules.residualPlaces.has(tok.lower)) return { prep: '*', object: tok.lower, time: false };
    if (rules.prepositions.has(tok.lower)) {
      let o = k + 1;
      while (o < tokens.length && o < k + REACH && tokens[o]!.pos === 'DET') o++;
      const object = tokens[o];
      const time = object !== undefined && (object.type === 'number' || rules.timeWords.has(object.lower));
      const verb = tokens.slice(at, k).find((t) => t.pos === 'VERB')?.lemma;
      return { prep: tok.lower, object: object?.lower ?? '', time, ...(verb !== undefined && { verb }) };
    }
    if (!SKIP_TO_PREPOSITION.has(tok.pos)) return undefined;
  }
  return undefined;
}

/** True when every figure is said of its own place or time ("700 in the city", "600 in the suburbs", "20 away"). */
export function byPlaces(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const objects = members.map((m) => {
    const place = prepositionAfter(tokens, m.at, rules);
    // "2,400 have collected part of it and 19,250 have not redeemed at all": a pronoun or "all" after the preposition
    // places nothing.
    if (place) return PLACELESS.has(place.object) || !/\p{L}|\d/u.test(place.object) ? undefined : place.object;
    return rules.residualPlaces.has(tokens[m.at]?.lower ?? '') ? tokens[m.at]!.lower : undefined;
  });
  return allDistinct(objects);
}

/** Objects of a preposition that name no place, recipient or purpose. */
const PLACELESS = new Set(['it', 'them', 'this', 'that', 'these', 'those', 'all', 'him', 'her', 'us', 'me', 'you', 'which', 'whom', 'least', 'most', 'once', 'first', 'last']);

/** The preposition said of a figure and whether its object is a time ("in May", "in 2024"), if any. */
export function placeOf(tokens: readonly Token[], at: number, rules: ListRules): { prep: string; time: boolean } | undefined {
  return prepositionAfter(tokens, at, rules);
}

/** The preposition said of a figure ("610 were in the north" → "in"), if any. */
export function prepositionOf(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  return prepositionAfter(tokens, at, rules)?.prep;
}

const NEGATIONS = new Set(['not', "n't", 'no', 'never']);

/**
 * "9 percent are undecided", "9 percent did not know", "21 percent said they did not mind", "45 percent do not": a
 * share that answers a question by not choosing, or by saying no (read a little further than other predicates).
 */
export function abstains(tokens: readonly Token[], m: Member, rules: ListRules): boolean {
  const words = predicate(tokens, m.at, ABSTAIN_REACH);
  // "62 percent want longer days while 45 percent do not": the answer "no" to the question the verb left out asks.
  if (words.length === 2 && words[0]!.pos === 'AUX' && NEGATIONS.has(words[1]!.lower)) return true;
  return words.some((t, k, words) => rules.abstentions.has(t.lower) || negatedAnswer(words, k, rules));
}

/** "did not know", "had no view": a word of answering right after a negation. */
function negatedAnswer(words: readonly Token[], k: number, rules: ListRules): boolean {
  const word = words[k]!;
  if (!rules.negatedAnswers.has(word.lower) && !rules.negatedAnswers.has(word.lemma)) return false;
  // "had not yet decided": "yet" may stand between the negation and the answer; "have not yet made up their minds":
  // so may the words of a phrase that ends with it.
  for (let j = k - 1; j >= Math.max(0, k - NEGATION_REACH); j--) if (NEGATIONS.has(words[j]!.lower)) return true;
  // "22 per cent have yet to make up their minds", "are yet to decide": "yet to" before the answer says it is not given.
  for (let j = k - 1; j >= 1; j--) if (words[j]!.lower === 'to' && words[j - 1]!.lower === 'yet') return true;
  return false;
}

/** "152 did not know", "80 were undecided": one of those asked who gave no answer (not a voter who spoiled a paper). */
function givesNoAnswer(tokens: readonly Token[], m: Member, rules: ListRules): boolean {
  const words = predicate(tokens, m.at, ABSTAIN_REACH);
  return words.some((t, k) => rules.noAnswers.has(t.lower) || negatedAnswer(words, k, rules));
}

const ABSTAIN_REACH = 7;
/** How many words before an answer word its negation may stand ("not yet made up their minds"). */
const NEGATION_REACH = 5;

/**
 * "703 backed the charge, 611 opposed it and 152 said they did not know": answers to one question whose last member
 * gave none (numeric.json noAnswers, "did not know", "had no view") and whose others each gave one name every answer,
 * so together they make up everyone asked.
 */
export function closedByAbstention(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 3 || onDifferentThings(tokens, members, rules)) return false;
  return givesNoAnswer(tokens, members.at(-1)!, rules) && !members.slice(0, -1).some((m) => abstains(tokens, m, rules));
}

/** The words said of a figure, up to the end of its clause (at most `reach` tokens). */
function predicate(tokens: readonly Token[], at: number, reach = REACH): Token[] {
  const out: Token[] = [];
  for (let k = at; k < Math.min(tokens.length, at + reach) && !CLAUSE_END.has(tokens[k]!.lower); k++) out.push(tokens[k]!);
  return out;
}

/**
 * "120 were British, 90 French and the rest German", "25 were released and 20 charged": the verb said of the first
 * figure is left out after the others, so every figure answers the same question.
 */
function isGapped(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const isAux = (t: Token) => t.pos === 'AUX' || rules.copulas.has(t.lower);
  const first = predicate(tokens, members[0]!.at);
  const auxAt = first.findIndex(isAux);
  if (auxAt < 0 && !first.some((t) => t.pos === 'VERB')) return false;
  // "25 were released and 20 charged": a participle after a later figure needs an auxiliary and a verb after the first.
  const participles = auxAt >= 0 && first.slice(auxAt + 1).some((t) => t.pos === 'VERB');
  return members.slice(1).every((m) => {
    // From the figure itself: "900 are nurses and 700 doctors" leaves "doctors", its counted noun, as the predicate;
    // a share's whole ("70% of voters backed ...") is not.
    const after = tokenAt(tokens, m.q.end);
    const words = predicate(tokens, tokens[after]?.lower === 'of' ? m.at : after);
    // "350 own a car": an adjective right before a determiner is a verb the tagger misread, not a gapped description.
    const misreadVerb = words[0]?.pos === 'ADJ' && words[1]?.pos === 'DET';
    return words.length > 0 && !words.some(isAux) && !misreadVerb && (words[0]!.pos !== 'VERB' || participles);
  });
}

/** "were women", "were over 60": a description of the figure's members, one of several that may overlap. */
function describes(tokens: readonly Token[], at: number, rules: ListRules): boolean {
  const verb = tokens[at];
  const next = tokens[at + 1];
  if (!verb || !next || !rules.copulas.has(verb.lower)) return false;
  if (rules.stance.has(next.lower) || rules.prepositions.has(next.lower)) return false;
  return ATTRIBUTE_POS.has(next.pos) || ATTRIBUTE_WORDS.has(next.lower);
}

/**
 * Several figures each followed by "were" and a description ("65% were women, 40% were over 60"): breakdowns, not
 * parts; unless a later figure adds to the ones before it ("30 were students and a further 25 were workers").
 */
export function isBreakdown(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  return members.filter((m) => describes(tokens, m.at, rules)).length >= 2 && !adds(tokens, members, rules) && !areAgeBands(tokens, members, rules) && !areLifeStages(tokens, members, rules) && !namesKinds(tokens, members, rules);
}

/** "a further 20", "another 39 percent", "20 more": a later figure that counts members other than those before it. */
export function adds(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  return members.slice(1).some((m) => {
    const first = tokenAt(tokens, m.q.start);
    const after = tokens[tokenAt(tokens, m.q.end)]?.lower ?? '';
    return [1, 2].some((k) => rules.additiveBefore.has(tokens[first - k]?.lower ?? '')) || rules.additiveAfter.has(after);
  });
}

/**
 * What shows that figures part one whole: `parts` when together they may make it up (places, kinds, recipients,
 * answers), `outcomes` when they are what became of some of it ("5 were charged and 3 released": others may remain).
 */
export type Evidence = 'parts' | 'outcomes';

/** "9% very poor, 14% poor, 31% fair, 38% good and 12% excellent": each member a different grade of one scale. */
function ratedOnOneScale(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const grades = members.map((m) => gradeAt(tokens, m.at, rules));
  return grades.every((g) => g !== undefined) && allDistinct(grades);
}

/** Words that may close a grade: the next member's joiner or the sentence's end. */
const GRADE_ENDS: ReadonlySet<string> = new Set([',', 'and', 'or', ';', '.', ')']);

/** The grade of a rating scale written at token `at` and closed by a joiner or the sentence's end, if any. */
function gradeAt(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  for (const n of [2, 1]) {
    const words = tokens.slice(at, at + n).map((t) => t.lower).join(' ');
    if (rules.ratingGrades.has(words) && (tokens[at + n] === undefined || GRADE_ENDS.has(tokens[at + n]!.lower))) return words;
  }
  return undefined;
}

/**
 * Positive evidence that figures part one whole: a preposition with a different object after each ("in the north",
 * "in the south", "on the coast"; not times for shares); the first may stand alone before ", with 21 percent going to China, 18 percent to ..."), a
 * different counted noun each ("20 men, 25 women"), a different answer each ("backed Smith", "backed Jones", "were
 * undecided"; "Vance is on 44 percent"; "the ruling party won 71 percent"), an "undecided" share beside them, one verb
 * before all ("The hospice received 30,000 pounds; the food bank 22,000"), or one verb after all, left out after the
 * first ("120 were British, 90 French": outcomes).
 */
export function partsOneWhole(tokens: readonly Token[], members: readonly Member[], rules: ListRules, shares = false): Evidence | undefined {
  // "11,400 came from women and 9,800 from donors under 40": a group set apart by its age beside groups that are not
  // cuts across them (two breakdowns of one whole, which may overlap).
  if (ageAcrossTraits(tokens, members, rules)) return undefined;
  const withFirst = members.length > 2 && tokens[tokenAt(tokens, members[1]!.q.start) - 1]?.lower === 'with';
  const parallel = withFirst ? members.slice(1) : members;
  const preps = parallel.map((m) => prepositionAfter(tokens, m.at, rules));
  // Shares at different times ("52 percent in 2018 and 57 percent in 2022") are of different wholes; counts at
  // different times ("11,200 on Saturday and 7,200 on Sunday") still make up their total.
  const timed = shares && preps.some((p) => p !== undefined && p.time);
  // The prepositions may differ for places ("25,000 in the hills and 10,000 on the coast"); their objects may not. A
  // different verb and a different preposition after each ("200 came by bus and 150 stayed for dinner") ask two questions.
  const twoQuestions = allDistinct(preps.map((p) => p?.prep)) && allDistinct(preps.map((p) => p?.verb));
  // "64% of parents worried about screen time and 58% about bullying": each member may name several topics.
  const manyTopics = preps.some((p) => p?.verb !== undefined && rules.multiAnswerVerbs.has(p.verb));
  if (!timed && !twoQuestions && !manyTopics && preps.every((p) => p !== undefined) && allDistinct(preps.map((p) => p?.object))) return 'parts';
  const units = members.map((m) => (m.q.quantityKind === 'count' && m.q.unit ? normUnit(m.q.unit) : undefined));
  if (allDistinct(units) && areKinds(units)) return 'parts';
  if (ratedOnOneScale(tokens, members, rules)) return 'parts';
  if (namesKinds(tokens, members, rules)) return 'parts';
  // "500 backed the mayor and 450 opposed the budget": stances on different nouns answer two questions.
  if (allDistinct(members.map((m) => choiceOf(tokens, m, rules))) && !onDifferentThings(tokens, members, rules)) return 'parts';
  const abstaining = members.filter((m) => abstains(tokens, m, rules)).length;
  // "52 percent did not mind the noise, 60 percent did not mind the smell": when every share abstains, they answer several questions.
  if ((abstaining > 0 && abstaining < members.length) || areAgeBands(tokens, members, rules) || areLifeStages(tokens, members, rules)) return 'parts';
  if (!shares && (isBareEnumeration(tokens, members) || isLabelledEnumeration(tokens, members) || allDistinct(timeTags(tokens, members, rules) ?? []))) return 'parts';
  if (isSubjectGapped(tokens, members, rules, shares) || closedByOthers(tokens, members, rules)) return 'parts';
  // "600 complained about noise and 400 about parking": the verb left out may still let each member name several topics.
  const gapped = isGapped(tokens, members, rules) && !manyTopics;
  // "31 percent chose the Alliance, 28 percent Labour": a verb of choosing left out after the first answers one question.
  if (gapped && stanceAfter(tokens, members[0]!.at, rules) !== undefined) return 'parts';
  // "150 were interviewed and 60 hired": stages of one process, the later within the earlier.
  if (areStages(tokens, members, rules)) return undefined;
  // "30 were charged and a further 20 released": disjoint, but others may remain. "2,800 domestic flights, 1,700
  // European flights": kinds of one noun, which may overlap ("domestic", "delayed"), so the total only bounds them.
  // "131 dry-cargo barges, 58 tankers and 31 container barges": two counted nouns at least, told apart where one repeats
  // by the words before it.
  const nouns = members.map((m) => (m.q.quantityKind === 'count' && m.q.unit !== undefined && tokens[m.at - 1]?.text === m.q.unit ? normUnit(m.q.unit) : undefined));
  const kinds = nouns.map((n, i) => n && `${modifiersOf(tokens, members[i]!) ?? ''} ${n}`);
  const mixed = allDistinct(kinds) && new Set(nouns).size > 1;
  return gapped || areExclusiveOutcomes(tokens, members, rules) || adds(tokens, members, rules) || allDistinct(members.map((m) => modifiersOf(tokens, m))) || mixed ? 'outcomes' : undefined;
}

const OTHERS = new Set(['other', 'others']);

/**
 * "46% were violent, 38% were thefts and 21% were other crimes": kinds said after a copula whose last is "other" (or
 * "others") name every member once, each in one kind, so the figures part one whole (kinds after a copula may overlap
 * otherwise: "were women", "were over 60").
 */
export function closedByOthers(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  // Three kinds at least: "60% were women and 45% were other nationalities" sets two dimensions side by side.
  if (members.length < 3) return false;
  const first = members[0]!;
  const last = members.at(-1)!;
  if (!rules.copulas.has(tokens[first.at]?.lower ?? '')) return false;
  const k = rules.copulas.has(tokens[last.at]?.lower ?? '') ? last.at + 1 : last.at;
  return OTHERS.has(tokens[k]?.lower ?? '');
}

/** How many tokens after a figure its stage is looked for ("were eventually hired"). */
const STAGE_REACH = 4;

/**
 * True when every figure is said to reach a stage of one process ("150 were interviewed and 60 hired"; numeric.json
 * stagesOfOneProcess), at least two of them different stages: the later figures lie within the earlier ones.
 */
export function areStages(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const stages = members.map((m) => {
    for (let k = tokenAt(tokens, m.q.end); k < Math.min(tokens.length, tokenAt(tokens, m.q.end) + STAGE_REACH); k++) {
      const word = tokens[k]!.lower;
      if (rules.processStages.has(word)) return word;
      if (CLAUSE_END.has(word)) break;
    }
    return undefined;
  });
  if (stages.some((w) => w === undefined) || new Set(stages).size < 2) return false;
  return new Set(stages.map((w) => rules.processStages.get(w!))).size === 1;
}

/** "2,800 domestic flights" → "domestic": the words between a figure and its counted noun, or undefined when none. */
function modifiersOf(tokens: readonly Token[], m: Member): string | undefined {
  if (m.q.quantityKind !== 'count' || m.q.unit === undefined || tokens[m.at - 1]?.text !== m.q.unit) return undefined;
  const words = tokens.slice(tokenAt(tokens, m.q.end), m.at - 1).map((t) => t.lower);
  return words.length > 0 ? words.join(' ') : undefined;
}

/** How many of `members` form one list: up to the first figure that follows a clause word ("..., while losing 12"). */
/** `subset`: the list follows a subset cue ("including"), so its members are parts singled out, not additions. */
export function listLength(tokens: readonly Token[], members: readonly QuantityAnnotation[], rules: ListRules, subset = false): number {
  // The subjects' head nouns of the members read so far, one look per member (parallelSubject).
  const heads = new Set<string>();
  for (let i = 1; i < members.length; i++) {
    const head = subjectHead(tokens, members[i - 1]!);
    if (head !== undefined) heads.add(head);
    const from = tokenAt(tokens, members[i - 1]!.end);
    const to = Math.min(tokenAt(tokens, members[i]!.start), from + 40);
    // "while 11 more were killed on the coast", "while a further 11 ...": a figure that adds to the ones before it
    // continues their list whatever clause it opens.
    const first = tokenAt(tokens, members[i]!.start);
    // "..., while 300 more were rescued" after "Six died ...": a figure said to reach another end state counts others.
    // "..., while the remaining 14 were in Hull": a figure named as the remainder closes the list (part-words.ts).
    // "..., while 17 were hurt by other animals": a figure said of the others closes the list as the remainder does.
    // "..., including 1,620 in the walled groves alone, and a further 700 are marked for removal": after a subset cue, a
    // figure that adds to the ones before with a verb of its own, after a member with none, adds to the whole, not to the
    // list ("took 52 wheels, and on Sunday another 27 disappeared" goes on with a list of no such cue).
    const further = [1, 2].some((k) => rules.additiveBefore.has(tokens[first - k]?.lower ?? ''));
    if (subset && further && verbAfter(tokens, members[i]!) && !verbAfter(tokens, members[i - 1]!)) return i;
    const additive = (further || rules.additiveAfter.has(tokens[tokenAt(tokens, members[i]!.end)]?.lower ?? '') || remainderAt(tokens, first) || ofTheOthers(tokens, members[i]!)) && !otherOutcome(tokens, members[0]!, members[i]!, rules);
    // "1,604 opposed the plan, while 291 backed it", "40 were admitted, whereas 25 went home": a contrast between two
    // different answers to one question, or two end states of one event, goes on with the list.
    // "64 were taken to A, 51 to B and 29 to C, while 13 were treated at the scene": after members whose verb is left
    // out, the end state to contrast is the first member's.
    const contrasted = !additive && (isContrastedAnswer(tokens, members[i - 1]!, members[i]!, rules) || (i > 1 && isContrastedAnswer(tokens, members[0]!, members[i]!, rules)) || parallelSubject(tokens, members[i]!, heads));
    if (reportAside(tokens, from, to, rules)) return i;
    // "the year before and ...": a breaker that ends its clause is an adverb, not the start of another clause.
    for (let k = from; k < to && !additive; k++) {
      if (!rules.breakers.has(tokens[k]!.lower) || CLAUSE_END.has(tokens[k + 1]?.lower ?? '') || prepositionalUse(tokens, k, to)) continue;
      if (contrasted && CONTRASTS.has(tokens[k]!.lower)) continue;
      return i;
    }
  }
  return members.length;
}

const PREPOSITION_BREAKERS = new Set(['after', 'before', 'since', 'until']);
const GERUND_BREAKERS = new Set(['after', 'before', 'since', 'until', 'while', 'when']);
const PHRASE_WORDS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ']);
// The tagger may read an -ing form after "while" as a noun ("while swimming or wading").
const gerund = (t: Token | undefined) => (t?.pos === 'VERB' || t?.pos === 'NOUN') && t.lower.endsWith('ing');

/**
 * "268 starters sent in by home bakers after a public appeal and 152 collected from bakeries": "after", "before",
 * "since" or "until" before a noun phrase with no verb up to the next joiner or figure is a preposition, not the start
 * of another clause ("..., after 40 more were found" still is). So is one of these or "while", "when" before an -ing
 * form whose phrase ends at a joiner before the next figure ("31 were wound infections picked up while swimming or
 * wading, 9 were ..."; not "..., while losing 12 soldiers").
 */
function prepositionalUse(tokens: readonly Token[], k: number, to: number): boolean {
  const word = tokens[k]!.lower;
  const phrase = PREPOSITION_BREAKERS.has(word) && PHRASE_WORDS.has(tokens[k + 1]?.pos ?? '');
  const adverbial = GERUND_BREAKERS.has(word) && gerund(tokens[k + 1]);
  if (!phrase && !adverbial) return false;
  for (let j = k + 1; j < to; j++) {
    const t = tokens[j]!;
    if (t.text === ',' || t.lower === 'and') return true;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !(adverbial && gerund(t))) return false;
  }
  return phrase;
}

/** True when a verb or auxiliary follows a figure, past its counted noun ("700 are marked", "30 were charged"). */
function verbAfter(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.end);
  if (q.unit !== undefined && tokens[k]?.text === q.unit) k++;
  return tokens[k]?.pos === 'VERB' || tokens[k]?.pos === 'AUX';
}

/** How many words a reporting clause set off by commas may hold ("the hospital's trust said"). */
const ASIDE_REACH = 8;

/** True when a reporting clause set off by commas (", the trust said,") stands in tokens `[from, to)`. */
function reportAside(tokens: readonly Token[], from: number, to: number, rules: ListRules): boolean {
  for (let k = from; k < to; k++) {
    if (tokens[k]!.text !== ',') continue;
    for (let j = k + 1; j < Math.min(to, k + 1 + ASIDE_REACH) && tokens[j]!.text !== ','; j++) {
      if (rules.reportAsides.has(tokens[j]!.lower) && tokens[j + 1]?.text === ',') return true;
    }
  }
  return false;
}

/**
 * Breakers that set two clauses side by side rather than one inside the other ("while", "whereas"); "but" often tells
 * what happened next ("700 were admitted, but 400 later went home") and is left out.
 */
export const CONTRASTS: ReadonlySet<string> = new Set(['while', 'whereas']);
/** Words after the later figure that make its state a later step of the same members ("while 400 later went home"). */
const SEQUENCE = new Set(['later', 'then', 'subsequently', 'afterwards', 'afterward', 'since', 'eventually']);

/**
 * True when two figures each give a different answer to one question ("1,604 opposed the closure, while 291 backed
 * it") or a different end state of one event ("1,150 were admitted, while 640 went home"): a contrast between them
 * says they are members of one whole, not a new clause about something else.
 */
function isContrastedAnswer(tokens: readonly Token[], prev: QuantityAnnotation, cur: QuantityAnnotation, rules: ListRules): boolean {
  const a = memberOf(tokens, prev);
  const b = memberOf(tokens, cur);
  if (tokens.slice(b.at, b.at + 3).some((t) => SEQUENCE.has(t.lower))) return false;
  if (areExclusiveOutcomes(tokens, [a, b], rules)) return true;
  const x = stanceAfter(tokens, a.at, rules);
  const y = stanceAfter(tokens, b.at, rules);
  if (x === undefined || y === undefined || x === y) return false;
  // "500 backed the mayor, while 450 opposed the budget": stances on two different things answer two questions.
  const p = stanceObject(tokens, a.at, rules);
  const q = stanceObject(tokens, b.at, rules);
  return p === undefined || q === undefined || p === q;
}

/** True when at least two figures take their stances on different nouns ("backed the mayor", "opposed the budget"). */
export function onDifferentThings(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const objects = members.map((m) => stanceObject(tokens, m.at, rules)).filter((o) => o !== undefined);
  return new Set(objects).size > 1;
}

/** How far after a figure its stance word is looked for, as choices.ts does. */
const STANCE_REACH = 4;

/** The noun a stance is taken on ("opposed the closure" → "closure"), or undefined for a name, a pronoun or none. */
function stanceObject(tokens: readonly Token[], at: number, rules: ListRules): string | undefined {
  for (let k = at; k < Math.min(tokens.length, at + STANCE_REACH); k++) {
    if (!rules.stance.has(tokens[k]!.lower) && !rules.stance.has(tokens[k]!.lemma)) continue;
    let o = k + 1;
    while (tokens[o]?.pos === 'DET') o++;
    const object = tokens[o];
    // "backed Smith" / "backed Jones": a name is the answer itself, not the thing the question is about.
    return object && object.pos === 'NOUN' ? object.lemma : undefined;
  }
  return undefined;
}

/** How many words after a figure are read for the end state it is said to reach. */
const OUTCOME_REACH = 5;

/** True when `later` is said to reach an end state (numeric.json exclusiveOutcomes) that `first` is not said to reach. */
function otherOutcome(tokens: readonly Token[], first: QuantityAnnotation, later: QuantityAnnotation, rules: ListRules): boolean {
  const states = (q: QuantityAnnotation) => {
    const from = tokenAt(tokens, q.end);
    return tokens.slice(from, from + OUTCOME_REACH).map((t) => t.lower).filter((w) => rules.exclusiveOutcomes.has(w));
  };
  const key = (w: string) => (rules.sameOutcomes.has(w) ? `=${rules.sameOutcomes.get(w)}` : w);
  const own = states(later).map(key);
  const before = new Set(states(first).map(key));
  return own.length > 0 && before.size > 0 && !own.some((w) => before.has(w));
}

/**
 * A list closed by "and" (or "while", "with"...) between its last two figures names all its parts; so does a list
 * written without "and" whose figures are set apart by commas or semicolons and whose last one ends its sentence or
 * brackets ("29 in Leeds, 21 in York, 22 in Hull.").
 */
export function isClosedList(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 2) return false;
  const from = tokenAt(tokens, members.at(-2)!.q.end);
  const to = Math.min(tokenAt(tokens, members.at(-1)!.q.start), from + 40);
  for (let k = from; k < to; k++) if (rules.joiners.has(tokens[k]!.lower)) return true;
  return members.length >= 3 && ((separatedBySigns(tokens, members) && endsItsSpan(tokens, members.at(-1)!)) || setAgainst(tokens, members, rules));
}

const SET_AGAINST = new Set(['against', 'versus']);
/** How many words after the figure set against a list are searched for a time. */
const AGAINST_REACH = 5;
const PLACE_PREPOSITIONS = new Set(['in', 'on', 'along', 'at', 'across', 'outside', 'inside', 'near', 'around']);

/**
 * "41 in Vargsjö, 27 in Nedre Ålby and 14 in Tornvik, against 9 along the coast": a list closed by "and" whose last
 * figure is set against it in a place of its own is closed with that figure (a time, "against 9 last year", is a
 * baseline, not a place).
 */
function setAgainst(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const last = members.at(-1)!;
  const first = tokenAt(tokens, last.q.start);
  if (!SET_AGAINST.has(tokens[first - 1]?.lower ?? '') || tokens[first - 2]?.text !== ',') return false;
  const after = tokenAt(tokens, last.q.end);
  const words = tokens.slice(after + 1, after + 1 + AGAINST_REACH).map((t) => t.lemma.toLowerCase());
  if (!PLACE_PREPOSITIONS.has(tokens[after]?.lower ?? '') || words.some((w) => rules.timeWords.has(w)) || /^\d{4}$/.test(tokens[after + 1]?.text ?? '')) return false;
  return isClosedList(tokens, members.slice(0, -1), rules);
}

/** How many words of its own phrase may follow the last figure of a list before its sentence ends ("in the far east"). */
const LAST_PHRASE = 5;
const LIST_SIGNS = new Set([',', ';']);
const SPAN_ENDS = new Set(['.', '!', '?', ')', ']']);

/** True when a comma or semicolon stands between each figure and the next, and no clause word ("while", "and"). */
function separatedBySigns(tokens: readonly Token[], members: readonly Member[]): boolean {
  return members.slice(1).every((m, i) => {
    const from = tokenAt(tokens, members[i]!.q.end);
    const to = tokenAt(tokens, m.q.start);
    const between = tokens.slice(from, Math.min(to, from + 40));
    return between.some((t) => LIST_SIGNS.has(t.text)) && !between.some((t) => CLAUSE_END.has(t.lower) && !LIST_SIGNS.has(t.text));
  });
}

/** True when the words after a list's last figure run, with no verb or sign, to the end of its sentence or brackets. */
function endsItsSpan(tokens: readonly Token[], m: Member): boolean {
  for (let k = tokenAt(tokens, m.q.end); k < tokens.length && k <= tokenAt(tokens, m.q.end) + LAST_PHRASE; k++) {
    const t = tokens[k]!;
    if (SPAN_ENDS.has(t.text)) return true;
    // A capitalised word is a name whatever the tagger says ("in Hull" read as a verb).
    if (t.type !== 'word' || ((t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.text))) return false;
  }
  return tokenAt(tokens, m.q.end) >= tokens.length;
}

/** How many words after a figure "other" may stand in its own clause ("17 were hurt by other animals"). */
const OTHER_REACH = 5;

/** True when the words of a figure's own clause name "other" things: the figure counts the rest of the list. */
function ofTheOthers(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const from = tokenAt(tokens, q.end);
  for (let k = from; k < Math.min(tokens.length, from + OTHER_REACH) && !CLAUSE_END.has(tokens[k]!.lower); k++) if (tokens[k]!.lower === 'other') return true;
  return false;
}
