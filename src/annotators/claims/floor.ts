// Check-worthiness floors (floors.json): a sentence holding a bounded figure or a total, stating a record or a
// "never" claim, or reporting something only "reportedly", is check-worthy whatever the model says. The model
// reads words only; whether a figure is bounded is known to the quantities annotator, whether a sentence names a source
// to the attributions.
import type { Bound, QuantityAnnotation, QuantityKind } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';
import type { CueClass } from './cues.js';
import floors from './floors.json' with { type: 'json' };

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
  /** The rule applies only to a sentence with a verb in the past tense or the perfect ("had not received", "has gone"). */
  readonly needsPast?: boolean;
  /** A verb with one of these lemmas in the present, third person ("reduces", "resists", "fades"), earns the floor. */
  readonly effectVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** One of these auxiliaries, then "not", then a verb ("has not been found", "did not consult") earns the floor. */
  readonly negatedAuxiliaries?: readonly { readonly word: string; readonly reason: string }[];
  /** A date that places the sentence in the calendar ("in October", "in 2019", "last spring") earns the floor. */
  readonly dateAnchors?: DateAnchors;
  readonly reason: string;
}

/** What dates a sentence: a month name inside it, "last" before a period, or a quantity of one of `quantityKinds` (a year). */
export interface DateAnchors {
  readonly months: readonly { readonly word: string; readonly reason: string }[];
  readonly lastPeriods: readonly { readonly word: string; readonly reason: string }[];
  readonly quantityKinds: readonly QuantityKind[];
}

/** The default floor rules. */
export const DEFAULT_FLOORS: readonly FloorRule[] = Object.freeze(floors.floors as FloorRule[]);
const FIRST_PERSON = new Set(floors.firstPerson.words);

/** One ceiling rule from floors.json: a cue class (or a clock time) that caps a sentence without a statistic at `ceiling`. */
export interface CeilingRule {
  readonly rule: string;
  readonly ceiling: number;
  readonly cueClass?: CueClass;
  /** The cue must open the sentence (its subject). */
  readonly atStart?: boolean;
  /** A clock time ("at 10am", "from 8 p.m.", "at 18:30") caps the sentence. */
  readonly clockTime?: boolean;
  /** The rule does not apply to a sentence with a verb in the past tense (an event, not a timetable). */
  readonly unlessPast?: boolean;
  /** ... unless the past verb is one of these: opening and closing at a clock time is a timetable kept ("Polling stations closed at 10pm"). */
  readonly pastTimetableVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** "will" followed closely by a verb with one of these lemmas ("will open", "will appear", "will be held") ... */
  readonly scheduleVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** ... and a day or date the schedule is set for ("on Monday", "from 1 March", "next month"). */
  readonly scheduleAnchors?: ScheduleAnchors;
  /** "be" followed closely by one of these adjectives, with no other verb in the sentence ("Investors were less impressed"), caps it. */
  readonly stanceAdjectives?: readonly { readonly word: string; readonly reason: string }[];
  /** The rule caps a sentence that holds a statistic too (its figures count what is planned). */
  readonly evenWithStatistic?: boolean;
  readonly reason: string;
}

/** What sets a schedule's day: a month or weekday name, or "next" before a period. */
export interface ScheduleAnchors {
  readonly days: readonly { readonly word: string; readonly reason: string }[];
  readonly nextPeriods: readonly { readonly word: string; readonly reason: string }[];
}

/** The default ceiling rules. */
export const DEFAULT_CEILINGS: readonly CeilingRule[] = Object.freeze(floors.ceilings as CeilingRule[]);

/** The lowest ceiling a sentence without a statistic gets from its cues (1 when none applies). */
export function checkworthyCeiling(parts: FloorParts, rules: readonly CeilingRule[] = DEFAULT_CEILINGS): number {
  const applies = (r: CeilingRule) => {
    if (parts.statistics.length > 0 && !r.evenWithStatistic) return false;
    if (r.unlessPast && parts.past && !hasVerbOf(parts.tokens ?? [], r.pastTimetableVerbs ?? [])) return false;
    if (r.scheduleVerbs) return isScheduledOnly(parts, r);
    if (r.stanceAdjectives) return isStance(parts.tokens ?? [], r.stanceAdjectives);
    if (r.clockTime) return hasClockTime(parts.tokens ?? []);
    if (!r.cueClass) return false;
    return (r.atStart ? parts.openingClasses?.has(r.cueClass) : parts.cueClasses.has(r.cueClass)) ?? false;
  };
  return Math.min(1, ...rules.filter(applies).map((r) => r.ceiling));
}

/** The sentence announces a scheduled event ("The authority will open three clinics from Monday"): see scheduledFuture(). */
export function scheduledFuture(parts: FloorParts, rules: readonly CeilingRule[] = DEFAULT_CEILINGS): boolean {
  return rules.some((r) => r.scheduleVerbs !== undefined && isScheduledOnly(parts, r));
}

/** A schedule and nothing told of the past beside it ("Tourism has doubled, and a visitor centre opens in June" is a claim too). */
function isScheduledOnly(parts: FloorParts, rule: CeilingRule): boolean {
  return !parts.past && !parts.perfect && isScheduled(parts.tokens ?? [], rule);
}

/** "will" and a schedule verb, with a day or date in the sentence. */
function isScheduled(tokens: readonly Token[], rule: CeilingRule): boolean {
  if (!rule.scheduleVerbs || !rule.scheduleAnchors) return false;
  if (!hasScheduleVerb(tokens, rule.scheduleVerbs) && !hasPresentSchedule(tokens, rule.scheduleVerbs)) return false;
  const days = setOf(rule.scheduleAnchors.days, (d) => d.word);
  const periods = setOf(rule.scheduleAnchors.nextPeriods, (p) => p.word);
  return tokens.some((tok, i) => (days.has(tok.lower) && tok.text[0] !== tok.lower[0]) || (tok.lower === 'next' && periods.has(tokens[i + 1]?.lower ?? '')));
}

/**
 * "will open", "will soon reopen", "will not visit", "will be held": "will", then adverbs, "not" or a form of "be", then
 * a schedule verb. The verb is taken by its lemma or its written form whatever its tag: the tagger reads "will open" as
 * an adjective.
 */
function hasScheduleVerb(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 0; i < tokens.length; i++) {
    if (!FUTURE.has(tokens[i]!.lower)) continue;
    for (let k = i + 1; k <= i + FORECAST_REACH + 1 && k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (lemmas.has(tok.lemma) || lemmas.has(tok.lower)) return true;
      if (tok.pos !== 'ADV' && tok.pos !== 'PART' && tok.lemma !== 'be') break;
    }
  }
  return false;
}

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
    const figures = rule.kinds ? (parts.quantities ?? parts.statistics).filter((q) => rule.kinds!.includes(q.quantityKind)) : parts.statistics;
    const bounded = rule.bounds !== undefined && figures.some((q) => rule.bounds!.includes(q.bound));
    const classes = rule.atStart ? (parts.openingClasses ?? new Set<CueClass>()) : parts.cueClasses;
    const cued = rule.cueClass !== undefined && classes.has(rule.cueClass) && (!rule.kinds || figures.length > 0);
    const tokens = parts.tokens ?? [];
    const framed = rule.superlativeFrames !== undefined && (hasFramedSuperlative(tokens, rule.superlativeFrames, rule.irregularSuperlatives ?? []) || hasFramedRank(tokens, rule.superlativeFrames, rule.rankWords ?? []));
    const than = rule.thanFrames !== undefined && hasThanFrame(tokens, rule.thanFrames);
    const changed = rule.changeVerbs !== undefined && hasChangeSince(tokens, rule.changeVerbs);
    const forecast = rule.forecastVerbs !== undefined && hasForecast(tokens, rule.forecastVerbs, rule.carryVerbs ?? [], rule.futureBeforeTo ?? []);
    const dated = rule.dateAnchors !== undefined && isDated(tokens, parts.quantities ?? [], rule.dateAnchors);
    const negated = rule.negatedAuxiliaries !== undefined && hasNegatedEvent(tokens, rule.negatedAuxiliaries);
    const effect = rule.effectVerbs !== undefined && hasPresentEffect(tokens, rule.effectVerbs);
    if (bounded || cued || framed || than || changed || forecast || dated || negated || effect) floor = Math.max(floor, rule.floor);
  }
  return floor;
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
    if (!isSuperlative(tokens[i]!, tokens[i - 1]) && !others.has(tokens[i]!.lower)) continue;
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

/** The words of a rule's list as a set, built once per list. */
const SETS = new WeakMap<object, ReadonlySet<string>>();
function setOf<T>(list: readonly T[], word: (item: T) => string): ReadonlySet<string> {
  let set = SETS.get(list);
  if (!set) SETS.set(list, (set = new Set(list.map(word))));
  return set;
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

/** Future auxiliaries a forecast verb follows. */
const FUTURE = new Set(['will', "'ll", 'shall']);
/** How far after "will" its verb may stand ("will soon peak", "will not fall"). */
const FORECAST_REACH = 2;

/** "The outbreak will peak in April", "Prices will keep rising": a future outcome stated as fact. */
function hasForecast(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], through: readonly { readonly lemma: string }[], beforeTo: readonly { readonly word: string }[] = []): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  const carriers = setOf(through, (v) => v.lemma);
  const markers = setOf(beforeTo, (w) => w.word);
  for (let i = 0; i < tokens.length; i++) {
    const future = FUTURE.has(tokens[i]!.lower) || (tokens[i]!.lower === 'to' && i > 0 && markers.has(tokens[i - 1]!.lower));
    if (!future) continue;
    let reach = i + FORECAST_REACH;
    for (let k = i + 1; k <= reach && k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (tok.pos === 'VERB' || tok.pos === 'AUX') {
        if (lemmas.has(tok.lemma)) return true;
        // "will keep rising", "will continue to fall": read on to the verb that says what is forecast.
        if (carriers.has(tok.lemma)) {
          reach = k + FORECAST_REACH;
          continue;
        }
        break;
      }
      if (tok.pos === 'PUNCT') break;
    }
  }
  return false;
}

/**
 * "in October", "in 2019", "last spring": a date that places the sentence in the calendar. A month counts only
 * capitalised and not as the first word ("May" opening a sentence is mostly the modal); a weekday is left out (see
 * floors.json, dated-past).
 */
function isDated(tokens: readonly Token[], quantities: readonly QuantityAnnotation[], anchors: DateAnchors): boolean {
  if (quantities.some((q) => anchors.quantityKinds.includes(q.quantityKind))) return true;
  const months = setOf(anchors.months, (m) => m.word);
  const periods = setOf(anchors.lastPeriods, (p) => p.word);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (i > 0 && months.has(tok.lower) && tok.text[0] !== tok.lower[0]) return true;
    if (tok.lower === 'last' && periods.has(tokens[i + 1]?.lower ?? '')) return true;
  }
  return false;
}

/**
 * "The office publishes its next figures on 14 May", "The trial resumes on Thursday": a schedule verb in the present,
 * third person singular, set for a day (the caller checks the day, and that nothing is told of the past beside it).
 */
function hasPresentSchedule(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  return tokens.some((tok, i) => i > 0 && tok.pos === 'VERB' && lemmas.has(tok.lemma) && tok.lower !== tok.lemma && tok.lower.endsWith('s') && !NOUN_CONTEXT.has(tokens[i - 1]!.pos));
}

/** A verb with one of `verbs`' lemmas. */
function hasVerbOf(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  if (verbs.length === 0) return false;
  const lemmas = setOf(verbs, (v) => v.lemma);
  return tokens.some((tok) => tok.pos === 'VERB' && lemmas.has(tok.lemma));
}

/** How far after "be" a stance adjective may stand ("were rather less impressed"). */
const STANCE_REACH = 3;

/**
 * "Economists were less optimistic", "Scientists not involved in the research were more guarded", "Not everyone is
 * convinced": a group's stance or mood as the whole predicate, "be" and an adjective of stance with no other verb.
 */
function isStance(tokens: readonly Token[], adjectives: readonly { readonly word: string }[]): boolean {
  const words = setOf(adjectives, (a) => a.word);
  let stance = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.pos === 'VERB' && !words.has(tok.lower)) return false;
    if (tok.pos !== 'AUX' || tok.lemma !== 'be') continue;
    for (let k = i + 1; k <= i + STANCE_REACH && k < tokens.length; k++) {
      if (words.has(tokens[k]!.lower)) stance = true;
      if (tokens[k]!.pos !== 'ADV' && tokens[k]!.pos !== 'ADJ' && tokens[k]!.pos !== 'PART' && !words.has(tokens[k]!.lower)) break;
    }
  }
  return stance;
}

/** Tags before which an "-s" form is a noun, not a verb: "the cuts", "deep cuts", "two cuts", "with cuts". */
const NOUN_CONTEXT = new Set(['DET', 'ADJ', 'NUM', 'ADP']);

/**
 * "The vaccine reduces the risk of a stroke", "The bacterium resists most antibiotics": a verb of effect tagged as a
 * verb, in the present, third person singular (its "-s" form), not after a determiner, adjective, number or
 * preposition, where the "-s" form would be a plural noun.
 */
function hasPresentEffect(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.pos !== 'VERB' || !lemmas.has(tok.lemma)) continue;
    const prev = tokens[i - 1]!;
    // "reduces" after anything but a determiner, adjective, number or preposition; the plural present ("Statins reduce
    // the risk", "Large amounts of xylitol upset the stomach") only right after its noun subject, as "to reduce",
    // "will reduce" and "Reduce your intake" are not statements.
    if (tok.lower !== tok.lemma && tok.lower.endsWith('s') && !NOUN_CONTEXT.has(prev.pos)) return true;
    if (tok.lower === tok.lemma && (prev.pos === 'NOUN' || prev.pos === 'PROPN')) return true;
  }
  return false;
}

/** How far after "not" the verb of a negated event may stand ("has not yet been found"). */
const NEGATED_REACH = 3;

/** "The money has not been found", "Wages have not kept pace", "The council did not consult residents": an event denied. */
function hasNegatedEvent(tokens: readonly Token[], auxiliaries: readonly { readonly word: string }[]): boolean {
  const words = setOf(auxiliaries, (a) => a.word);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.pos !== 'AUX' || !words.has(tokens[i]!.lower)) continue;
    const not = tokens[i + 1]!.lower;
    if (not !== 'not' && not !== "n't") continue;
    for (let k = i + 2; k <= i + 1 + NEGATED_REACH && k < tokens.length; k++) {
      if (tokens[k]!.pos === 'VERB') return true;
      if (tokens[k]!.pos !== 'ADV' && tokens[k]!.pos !== 'AUX') break;
    }
  }
  return false;
}

/** A clock time: "10am", "6 p.m.", "18:30", "07:15" (a 24-hour time with a colon). */
function hasClockTime(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.lower;
    // The tokenizer keeps a sentence's full stop on a time that ends it ("closed at 10pm.").
    if (/^(?:[01]?\d|2[0-3]):[0-5]\d\.?$/.test(t) || /^\d{1,2}(?:[:.][0-5]\d)?(?:am|pm|a\.m\.?|p\.m\.?)\.?$/.test(t)) return true;
    if (/^\d{1,2}(?:[:.][0-5]\d)?$/.test(t) && /^(?:am|pm|a\.m\.?|p\.m\.?)$/.test(tokens[i + 1]?.lower ?? '')) return true;
  }
  return false;
}

/** How far after a verb of change its "since" may stand. */
const CHANGE_REACH = 8;

/** "has risen by about an hour a day since 2015", "Prices have doubled since the spring": a change measured from a date. */
function hasChangeSince(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'VERB' || !lemmas.has(tokens[i]!.lemma)) continue;
    for (let k = i + 1; k <= i + CHANGE_REACH && k < tokens.length; k++) {
      if (tokens[k]!.lower === 'since') return true;
      if (tokens[k]!.pos === 'PUNCT' || tokens[k]!.pos === 'VERB') break;
    }
  }
  return false;
}

/** "the largest", "most numerous": an -est adjective or most/least before an adjective. */
function isSuperlative(tok: Token, prev: Token | undefined): boolean {
  if (tok.pos !== 'ADJ' && tok.pos !== 'ADV') return false;
  if (prev && (prev.lower === 'most' || prev.lower === 'least') && tok.pos === 'ADJ') return true;
  return tok.lower.endsWith('est') && tok.lemma !== tok.lower;
}
