// Whether the figures of a list part one whole: evidence that together they may make it up (places, kinds, answers,
// grades of one scale) or are what became of some of it (outcomes); or that they are breakdowns of one group that may
// overlap ("65% were women, 40% were over 60") or stages of one process. Word lists in numeric.json.
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { ageAcrossTraits, areAgeBands, isBareEnumeration, isLabelledEnumeration, timeTags } from './evidence.js';
import { abstains, choiceOf, onDifferentThings, stanceAfter } from './choices.js';
import { areExclusiveOutcomes } from './outcomes.js';
import { allDistinct, areLifeStages, namesKinds } from './kinds.js';
import { CLAUSE_END, predicate, prepositionAfter, type ListRules, type Member } from './members.js';
import { areKinds, normUnit } from './units.js';
import { isSubjectGapped } from './subjects.js';

const ATTRIBUTE_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'DET']);
const ATTRIBUTE_WORDS = new Set(['over', 'under', 'aged', 'older', 'younger', 'between', 'above', 'below']);

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
