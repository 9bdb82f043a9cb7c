// Check-worthiness floors (floors.json): a sentence holding a bounded figure or a total, stating a record or a
// "never" claim, or reporting something only "reportedly", is check-worthy whatever the model says. The model
// reads words only; whether a figure is bounded is known to the quantities annotator, whether a sentence names a source
// to the attributions.
import type { Bound, QuantityAnnotation, QuantityKind } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import type { CueClass } from './cues.js';
import floors from './floors.json' with { type: 'json' };
import { hasComparison, hasForecast, hasGenericFrequency, hasNegatedEvent, hasPlaceRank, hasPresentEffect, hasPropertyClaim, hasVerbOf, isDated, setOf, type DateAnchors } from './shapes.js';

export { checkworthyCeiling, DEFAULT_CEILINGS, scheduledFuture, type CeilingRule, type ScheduleAnchors } from './ceiling.js';
export type { DateAnchors } from './shapes.js';

/** One floor rule from floors.json: what it looks for, and the score it lifts a sentence to. */
export interface FloorRule {
  readonly rule: string;
  readonly floor: number;
  /** Figures with one of these bounds earn the floor. */
  readonly bounds?: readonly Bound[];
  /**
   * The quantity kinds the rule looks at: `bounds` those figures' bounds (the statistics' when left out), and a cue of
   * `cueClass` counts only beside a figure of these kinds.
   */
  readonly kinds?: readonly QuantityKind[];
  /** A cue of this class earns the floor. */
  readonly cueClass?: CueClass;
  /** A superlative followed by one of these time frames ("the lowest in a decade", "the largest since") earns it. */
  readonly superlativeFrames?: readonly { readonly word: string; readonly reason: string }[];
  /** The rule does not apply to a sentence with a cue of one of these classes. */
  readonly exceptCueClasses?: readonly CueClass[];
  /** A verb of change with one of these lemmas followed by "since" ("has risen by an hour a day since 2015") earns it. */
  readonly changeVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** Words after a verb of change that open a counted period ("over the past ten years", "for a decade"). */
  readonly changeFrames?: readonly { readonly word: string; readonly reason: string }[];
  /** The periods such a frame counts (lemmas: "year", "decade"). */
  readonly changePeriods?: readonly { readonly word: string; readonly reason: string }[];
  /** "be" and the -ing form of a verb of `changeVerbs` ("are rising") earns the floor too. */
  readonly progressive?: { readonly reason: string };
  /** Verbs that, as "be" and their -ing form, tell of a trend going on though no change verb ("are leaving the island"). */
  readonly progressiveVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** The rule applies only to a sentence holding a statistic (true when left out). */
  readonly needsStatistic?: boolean;
  /** The rule applies to a sentence whose only attributions are hedges that name no source ("reportedly"). */
  readonly hedgedWithoutSource?: boolean;
  /** The cue of `cueClass` must open the sentence (its subject: "Most of the patients ..."). */
  readonly atStart?: boolean;
  /** Superlatives that do not end in -est ("the worst since 1990"), for `superlativeFrames`. */
  readonly irregularSuperlatives?: readonly { readonly word: string; readonly reason: string }[];
  /** Ordinal ranks that, after "the", are read like superlatives with `superlativeFrames` up to the end of the clause. */
  readonly rankWords?: readonly { readonly word: string; readonly reason: string }[];
  /** "than" followed closely by one of these words ("better stocked than those of any neighbour") earns the floor. */
  readonly thanFrames?: readonly { readonly word: string; readonly reason: string }[];
  /** "will" (or "'ll") followed closely by a verb with one of these lemmas ("will peak in April") earns the floor. */
  readonly forecastVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** Verbs a forecast reads through to the verb after them ("will keep rising", "will continue to fall"). */
  readonly carryVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** Words that, before "to", mark a forecast as "will" does ("are set to keep climbing", "is expected to fall"). */
  readonly futureBeforeTo?: readonly { readonly word: string; readonly reason: string }[];
  /** The rule does not lift a sentence in which the writer speaks of themself (floors.json, firstPerson). */
  readonly exceptFirstPerson?: boolean;
  /** The rule applies only to a sentence of at least this many words ("That was May." is too short to state an event). */
  readonly minWords?: number;
  /** The rule applies only to a sentence with a verb in the past tense or the perfect ("had not received", "has gone"). */
  readonly needsPast?: boolean;
  /** A verb with one of these lemmas in the present, third person ("reduces", "resists", "fades"), earns the floor. */
  readonly effectVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** Verbs after such a "not" that tell of no event ("did not appear to", "did not seem"). */
  readonly notEvents?: readonly { readonly lemma: string; readonly reason: string }[];
  /** One of these auxiliaries, then "not", then a verb ("has not been found", "did not consult") earns the floor. */
  readonly negatedAuxiliaries?: readonly { readonly word: string; readonly reason: string }[];
  /** A comparative with "than" close after it ("higher than in the capital") earns the floor; these comparatives do not. */
  readonly judgedComparatives?: readonly { readonly word: string; readonly reason: string }[];
  /** Comparatives that compare without "than" before a noun ("miss fewer school days"). */
  readonly unframedComparatives?: readonly { readonly word: string; readonly reason: string }[];
  /** Opening words that, followed by an adverb or by an adjective and a comma, are no subject ("Most recently, ...", "Most surprising, perhaps, is ..."). */
  readonly openingModifiers?: readonly { readonly word: string; readonly reason: string }[];
  /** The rule applies only to a sentence holding one of these words ("Every village now has ..."). */
  readonly needsWords?: readonly { readonly word: string; readonly reason: string }[];
  /** A date that places the sentence in the calendar ("in October", "in 2019", "last spring") earns the floor. */
  readonly dateAnchors?: DateAnchors;
  /** The rule does not apply to a sentence with a verb of one of these lemmas ("It is no secret that they wanted ..."). */
  readonly exceptVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** A superlative after a possessive of one of these places ("the country's second-largest", "the world's oldest") earns it, with `superlativeFrames`. */
  readonly placeOwners?: readonly { readonly word: string; readonly reason: string }[];
  /** The verb of `effectVerbs` must not open a relative clause ("The firm, which employs 300 people, did not respond"). */
  readonly mainClauseOnly?: boolean;
  /** A verb with one of these lemmas in the perfect ("has cut journey times", "have reduced accidents") earns the floor. */
  readonly perfectEffectVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** "be" and one of these adjectives ("is harmless", "is poisonous to dogs", "is highly contagious") earns the floor. */
  readonly propertyAdjectives?: readonly { readonly word: string; readonly reason: string }[];
  /** One of these adverbs right before a verb in the present ("usually picks up", "rarely break even") earns the floor. */
  readonly frequencyAdverbs?: readonly { readonly word: string; readonly reason: string }[];
  readonly reason: string;
}

/** The default floor rules. */
export const DEFAULT_FLOORS: readonly FloorRule[] = Object.freeze(floors.floors as FloorRule[]);
const FIRST_PERSON = new Set(floors.firstPerson.words);

/** What a floor looks at in one sentence. */
export interface FloorParts {
  /** The sentence's statistic figures (counts, percentages, money, other). */
  readonly statistics: readonly QuantityAnnotation[];
  /** All its quantities; the statistics when left out. */
  readonly quantities?: readonly QuantityAnnotation[];
  readonly cueClasses: ReadonlySet<CueClass>;
  /** The classes of the cues that open the sentence; none when left out. */
  readonly openingClasses?: ReadonlySet<CueClass>;
  /** Its tokens, for superlatives with a time frame; none when left out. */
  readonly tokens?: readonly Token[];
  /** It has a verb in the past tense. */
  readonly past?: boolean;
  /** It has a verb in the perfect ("has gone", "have been reinforced"). */
  readonly perfect?: boolean;
}

/** The highest floor a sentence earns from its figures, cues and words (0 when none applies). */
export function checkworthyFloor(parts: FloorParts, rules: readonly FloorRule[] = DEFAULT_FLOORS): number {
  let floor = 0;
  for (const rule of rules) {
    if (rule.hedgedWithoutSource) continue;
    if (rule.needsStatistic !== false && parts.statistics.length === 0) continue;
    if (rule.exceptCueClasses?.some((c) => parts.cueClasses.has(c))) continue;
    if (rule.exceptFirstPerson && parts.tokens?.some((tok) => FIRST_PERSON.has(tok.lower))) continue;
    if (rule.needsPast && !parts.past && !parts.perfect) continue;
    if (rule.minWords !== undefined && wordCount(parts.tokens ?? []) < rule.minWords) continue;
    if (rule.exceptVerbs && hasVerbOf(parts.tokens ?? [], rule.exceptVerbs)) continue;
    if (rule.needsWords && !hasWordOf(parts.tokens ?? [], rule.needsWords)) continue;
    if (rule.openingModifiers && opensWithModifier(parts.tokens ?? [], rule.openingModifiers)) continue;
    const figures = rule.kinds ? (parts.quantities ?? parts.statistics).filter((q) => rule.kinds!.includes(q.quantityKind)) : parts.statistics;
    const bounded = rule.bounds !== undefined && figures.some((q) => rule.bounds!.includes(q.bound));
    const classes = rule.atStart ? (parts.openingClasses ?? new Set<CueClass>()) : parts.cueClasses;
    const cued = rule.cueClass !== undefined && classes.has(rule.cueClass) && (!rule.kinds || figures.length > 0);
    const tokens = parts.tokens ?? [];
    const framed =
      rule.superlativeFrames !== undefined &&
      (hasFramedSuperlative(tokens, rule.superlativeFrames, rule.irregularSuperlatives ?? []) ||
        hasFramedRank(tokens, rule.superlativeFrames, rule.rankWords ?? []) ||
        hasPlaceRank(tokens, rule.placeOwners ?? [], (i) => superlativeAt(tokens, i)));
    const than = rule.thanFrames !== undefined && hasThanFrame(tokens, rule.thanFrames);
    const changed =
      rule.changeVerbs !== undefined &&
      (hasChangeSince(tokens, rule.changeVerbs, rule.changeFrames ?? [], rule.changePeriods ?? []) || (rule.progressive !== undefined && (hasOngoingChange(tokens, rule.changeVerbs) || hasOngoingChange(tokens, rule.progressiveVerbs ?? [], PLURAL_BE))));
    const forecast = rule.forecastVerbs !== undefined && hasForecast(tokens, rule.forecastVerbs, rule.carryVerbs ?? [], rule.futureBeforeTo ?? []);
    const dated = rule.dateAnchors !== undefined && isDated(tokens, parts.quantities ?? [], rule.dateAnchors);
    const negated = rule.negatedAuxiliaries !== undefined && hasNegatedEvent(tokens, rule.negatedAuxiliaries, rule.notEvents ?? []);
    const effect =
      (rule.effectVerbs !== undefined && hasPresentEffect(tokens, rule.effectVerbs, rule.mainClauseOnly ?? false)) ||
      (rule.perfectEffectVerbs !== undefined && hasPerfectEffect(tokens, rule.perfectEffectVerbs));
    const compared = rule.judgedComparatives !== undefined && hasComparison(tokens, rule.judgedComparatives, rule.unframedComparatives ?? []);
    const generic = rule.frequencyAdverbs !== undefined && hasGenericFrequency(tokens, rule.frequencyAdverbs);
    const property = rule.propertyAdjectives !== undefined && hasPropertyClaim(tokens, rule.propertyAdjectives);
    if (bounded || cued || framed || than || changed || forecast || dated || negated || effect || compared || generic || property) floor = Math.max(floor, rule.floor);
  }
  return floor;
}

/** "Most recently, ...", "Most surprising, perhaps, is ...": the opening word is one of `words` and modifies the adverb or adjective after it. */
function opensWithModifier(tokens: readonly Token[], words: readonly { readonly word: string }[]): boolean {
  if (tokens.length < 3 || !setOf(words, (w) => w.word).has(tokens[0]!.lower)) return false;
  const next = tokens[1]!;
  return next.pos === 'ADV' || (next.pos === 'ADJ' && tokens[2]!.pos === 'PUNCT');
}

/** A token written as one of `words` (lower case). */
function hasWordOf(tokens: readonly Token[], words: readonly { readonly word: string }[]): boolean {
  const set = setOf(words, (w) => w.word);
  return tokens.some((tok) => set.has(tok.lower));
}

/** Tokens that are words, not punctuation or symbols. */
function wordCount(tokens: readonly Token[]): number {
  return tokens.filter((tok) => tok.pos !== 'PUNCT' && tok.pos !== 'SYM').length;
}

/** The floor of a sentence whose attributions all name no source and one is hedged ("The gang reportedly ..."). */
export function hedgeFloor(attributions: readonly { readonly grade: string; readonly hedged: boolean }[], rules: readonly FloorRule[] = DEFAULT_FLOORS): number {
  if (attributions.length === 0 || attributions.some((a) => a.grade !== 'none') || !attributions.some((a) => a.hedged)) return 0;
  return Math.max(0, ...rules.filter((r) => r.hedgedWithoutSource).map((r) => r.floor));
}

/** The words the superlative frames look for after a superlative, within this many tokens... */
const FRAME_REACH = 5;
/** ... or a verb-less noun phrase apart, up to this many ("the worst winter figure on the line since 1990"; not "the best idea the mayor has had since"). */
const FRAME_PHRASE_REACH = 7;

/** "the lowest in a decade", "the largest since 1990", "the hottest ever recorded": a superlative set in time. */
function hasFramedSuperlative(tokens: readonly Token[], frames: readonly { readonly word: string }[], irregular: readonly { readonly word: string }[]): boolean {
  const words = setOf(frames, (f) => f.word);
  const others = setOf(irregular, (w) => w.word);
  for (let i = 0; i < tokens.length; i++) {
    if (!superlativeAt(tokens, i) && !others.has(tokens[i]!.lower)) continue;
    let verb = false;
    for (let k = i + 1; k <= i + FRAME_PHRASE_REACH && k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (tok.pos === 'PUNCT') break;
      if ((words.has(tok.lower) || words.has(tok.lemma)) && (k <= i + FRAME_REACH || !verb)) return true;
      if (tok.pos === 'VERB' || tok.pos === 'AUX') verb = true;
    }
  }
  return false;
}

/** What stands before an ordinal rank: "the third", "the club's first", "its second". */
const RANK_DETERMINERS = new Set(['the', "'s", 'its', 'their', 'his', 'her']);

/** How far after an ordinal rank its time frame may stand ("the second cyclone to reach the coast this season"). */
const RANK_REACH = 8;

/** "the third by-election in the county this year": "the", an ordinal rank, and a time frame before the clause ends. */
function hasFramedRank(tokens: readonly Token[], frames: readonly { readonly word: string }[], ranks: readonly { readonly word: string }[]): boolean {
  if (ranks.length === 0) return false;
  const words = setOf(frames, (f) => f.word);
  const ordinals = setOf(ranks, (r) => r.word);
  for (let i = 1; i < tokens.length; i++) {
    if (!ordinals.has(tokens[i]!.lower) || !RANK_DETERMINERS.has(tokens[i - 1]!.lower)) continue;
    for (let k = i + 1; k <= i + RANK_REACH && k < tokens.length; k++) {
      const tok = tokens[k]!;
      // A hyphen inside a word ("by-election") does not end the clause.
      if (tok.pos === 'PUNCT' && !(tok.text === '-' && tokens[k - 1]!.end === tok.start)) break;
      if (words.has(tok.lower) || words.has(tok.lemma)) return true;
    }
  }
  return false;
}

/** How far after "than" its frame word may stand ("than those of any", "than at any time"). */
const THAN_REACH = 4;

/** "better stocked than those of any neighbour", "busier than at any time": a comparison with every other case. */
function hasThanFrame(tokens: readonly Token[], frames: readonly { readonly word: string }[]): boolean {
  const words = setOf(frames, (f) => f.word);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.lower !== 'than') continue;
    for (let k = i + 1; k <= i + THAN_REACH && k < tokens.length; k++) {
      if (tokens[k]!.pos === 'PUNCT') break;
      if (words.has(tokens[k]!.lower)) return true;
    }
  }
  return false;
}

/** How far after a verb of change its "since" may stand. */
const CHANGE_REACH = 8;

/**
 * "has risen by about an hour a day since 2015", "Prices have doubled since the spring": a change measured from a date;
 * or over a counted period ("has shrunk for a decade", "tripled over the past ten years": a frame word, then a period
 * with only determiners, numbers and adjectives between).
 */
function hasChangeSince(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], frames: readonly { readonly word: string }[] = [], periods: readonly { readonly word: string }[] = []): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  const opening = setOf(frames, (f) => f.word);
  const counted = setOf(periods, (p) => p.word);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' || !lemmas.has(tokens[i]!.lemma)) continue;
    for (let k = i + 1; k <= i + CHANGE_REACH && k < tokens.length; k++) {
      if (tokens[k]!.lower === 'since') return true;
      if (opening.has(tokens[k]!.lower) && countsPeriod(tokens, k + 1, counted)) return true;
      if (tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'VERB') break;
    }
  }
  return false;
}

/** Tags that may stand between a frame word and its period ("the past ten years", "a whole decade"). */
const PERIOD_MODIFIERS = new Set(['DET', 'NUM', 'ADJ']);

/** A period of `periods` at `from` or after determiners, numbers and adjectives ("a decade", "the past ten years"). */
function countsPeriod(tokens: readonly Token[], from: number, periods: ReadonlySet<string>): boolean {
  for (let k = from; k < from + 4 && k < tokens.length; k++) {
    if (periods.has(tokens[k]!.lemma)) return k > from || tokens[k]!.lower !== tokens[k]!.lemma;
    if (!PERIOD_MODIFIERS.has(tokens[k]!.pos) && tokens[k]!.lower !== 'past' && tokens[k]!.lower !== 'last') return false;
  }
  return false;
}

const PRESENT_BE = new Set(['is', 'are', "'s", "'re"]);

/** The plural present of "be": a departure or loss going on among many ("Young people are leaving"), not one bus leaving. */
const PLURAL_BE = new Set(['are', "'re"]);

/**
 * "Dog attacks are rising", "Membership is falling": "be" in the present (one of `forms`) and the -ing form of a verb of
 * change, a trend going on.
 */
function hasOngoingChange(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], forms: ReadonlySet<string> = PRESENT_BE): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.pos !== 'VERB' || !tok.lower.endsWith('ing') || !lemmas.has(tok.lemma)) continue;
    const aux = tokens[i - 1]!.pos === 'ADV' ? tokens[i - 2] : tokens[i - 1];
    // The present only: "The sun was rising over the bay" sets a scene.
    if (aux?.pos === 'AUX' && forms.has(aux.lower)) return true;
  }
  return false;
}

/**
 * The token at `i` ends a superlative: one by itself ("the largest", "most numerous"), or an adjective or participle
 * after most/least and an "-ly" adverb ("the most widely used", "the least densely populated").
 */
function superlativeAt(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i]!;
  if (isSuperlative(tok, tokens[i - 1])) return true;
  const adverb = tokens[i - 1];
  const most = tokens[i - 2]?.lower;
  return (most === 'most' || most === 'least') && adverb?.pos === 'ADV' && adverb.lower.endsWith('ly') && (tok.pos === 'ADJ' || (tok.pos === 'VERB' && /(?:ed|en)$/.test(tok.lower)));
}

/** "the largest", "most numerous": an -est adjective or most/least before an adjective. */
function isSuperlative(tok: Token, prev: Token | undefined): boolean {
  if (tok.pos !== 'ADJ' && tok.pos !== 'ADV') return false;
  if (prev && (prev.lower === 'most' || prev.lower === 'least') && tok.pos === 'ADJ') return true;
  return tok.lower.endsWith('est') && tok.lemma !== tok.lower;
}

/** "The tram line has cut journey times", "The lights have reduced accidents": a verb of effect in the perfect with its object, an effect claimed as achieved. */
function hasPerfectEffect(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.pos !== 'VERB' || !lemmas.has(tok.lemma)) continue;
    const aux = tokens[i - 1]!.pos === 'ADV' ? tokens[i - 2] : tokens[i - 1];
    // With an object after it: "Harbour fees have doubled" tells of a change (the change-since rule), not an effect.
    if (aux?.pos === 'AUX' && aux.lemma === 'have' && OBJECT_TAGS.has(tokens[i + 1]?.pos ?? '')) return true;
  }
  return false;
}

/** Tags that open the object of a verb of effect ("has cut journey times", "have reduced the risk"). */
const OBJECT_TAGS = new Set(['NOUN', 'PROPN', 'DET', 'ADJ', 'NUM', 'PRON']);
