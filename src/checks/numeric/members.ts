// One figure of a list and what is written right after it: its own counted noun, the whole it is said to be of ("of
// whom", "of the patients"), and the preposition and object said of it ("610 in the north"). The other readers of a
// list (one-whole.ts, list-ends.ts, choices.ts) read it through its members.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { allDistinct } from './kinds.js';

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
const RELATIVES = new Set(['whom', 'which', 'them', 'those', 'these']);
/** Words and signs that end what is said of a figure. */
export const CLAUSE_END = new Set([',', ';', ':', '.', 'and', 'while', 'but']);

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
export function prepositionAfter(tokens: readonly Token[], at: number, rules: ListRules): { prep: string; object: string; time: boolean; verb?: string } | undefined {
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

/** The words said of a figure, up to the end of its clause (at most `reach` tokens). */
export function predicate(tokens: readonly Token[], at: number, reach = REACH): Token[] {
  const out: Token[] = [];
  for (let k = at; k < Math.min(tokens.length, at + reach) && !CLAUSE_END.has(tokens[k]!.lower); k++) out.push(tokens[k]!);
  return out;
}
