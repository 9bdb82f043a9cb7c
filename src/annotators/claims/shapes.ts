// Sentence shapes the check-worthiness floors and ceilings look for (floors.json): forecasts, dates, schedules, stances,
// effects, denied events and clock times, read from a sentence's tokens in one pass each. The word lists are the rules'
// own data; these functions only say how a list is matched.
import type { QuantityAnnotation, QuantityKind } from '../../core/annotations.js';
import type { Token } from '../../nlp/tokens.js';

/** What dates a sentence: a month name inside it, "last" before a period, or a quantity of one of `quantityKinds` (a year). */
export interface DateAnchors {
  readonly months: readonly { readonly word: string; readonly reason: string }[];
  readonly lastPeriods: readonly { readonly word: string; readonly reason: string }[];
  readonly quantityKinds: readonly QuantityKind[];
  /** Words after a counted period that date an event from another ("two years later", "the winter after"). */
  readonly relativeMarkers?: readonly { readonly word: string; readonly reason: string }[];
  /** Words before a counted period that date an event from another ("within a year of"). */
  readonly spanMarkers?: readonly { readonly word: string; readonly reason: string }[];
  /** A decade written as a year and "s" ("in the late 1990s") dates the sentence. */
  readonly decades?: { readonly reason: string };
}

/** The words of a rule's list as a set, built once per list. */
const SETS = new WeakMap<object, ReadonlySet<string>>();
export function setOf<T>(list: readonly T[], word: (item: T) => string): ReadonlySet<string> {
  let set = SETS.get(list);
  if (!set) SETS.set(list, (set = new Set(list.map(word))));
  return set;
}


/** Future auxiliaries a forecast verb follows. */
export const FUTURE = new Set(['will', "'ll", 'shall']);
/** How far after "will" its verb may stand ("will soon peak", "will not fall"). */
export const FORECAST_REACH = 2;

/** "The outbreak will peak in April", "Prices will keep rising": a future outcome stated as fact. */
export function hasForecast(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], through: readonly { readonly lemma: string }[], beforeTo: readonly { readonly word: string }[] = []): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  const carriers = setOf(through, (v) => v.lemma);
  const markers = setOf(beforeTo, (w) => w.word);
  for (let i = 0; i < tokens.length; i++) {
    const future = FUTURE.has(tokens[i]!.lower) || (tokens[i]!.lower === 'to' && i > 0 && markers.has(tokens[i - 1]!.lower));
    if (!future) continue;
    let reach = i + FORECAST_REACH;
    for (let k = i + 1; k <= reach && k < tokens.length; k++) {
      const tok = tokens[k]!;
      // "will double", "will halve": after "will" (adverbs between) the word is a verb in its base form whatever the
      // tagger reads (wink takes "double" for an adjective).
      if (lemmas.has(tok.lower) && tokens.slice(i + 1, k).every((t) => t.pos === 'ADV')) return true;
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
export function isDated(tokens: readonly Token[], quantities: readonly QuantityAnnotation[], anchors: DateAnchors): boolean {
  if (quantities.some((q) => anchors.quantityKinds.includes(q.quantityKind))) return true;
  const months = setOf(anchors.months, (m) => m.word);
  const periods = setOf(anchors.lastPeriods, (p) => p.word);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (i > 0 && months.has(tok.lower) && tok.text[0] !== tok.lower[0]) return true;
    if (tok.lower === 'last' && periods.has(tokens[i + 1]?.lower ?? '')) return true;
    if (anchors.decades && DECADE.test(tok.lower)) return true;
    if (i > 0 && periods.has(tok.lemma) && isRelativeDate(tokens, i, anchors)) return true;
  }
  return false;
}

/** A decade: "1990s", "2010s". */
const DECADE = /^(?:1[0-9]|20)[0-9]0s$/;
/** Words that count a period before it ("a year", "the winter", "the following year"); a number tagged NUM counts too. */
const PERIOD_COUNTERS = new Set(['a', 'an', 'the', 'one', 'following']);

/**
 * The period at `i` dates an event from another: counted, or a bare plural, before a relative marker ("two years
 * later", "the winter after", "weeks later"; not "day after day"), or counted after a span marker ("within a year of").
 */
function isRelativeDate(tokens: readonly Token[], i: number, anchors: DateAnchors): boolean {
  const tok = tokens[i]!;
  const prev = tokens[i - 1]!;
  const counted = PERIOD_COUNTERS.has(prev.lower) || prev.pos === 'NUM';
  const after = setOf(anchors.relativeMarkers ?? [], (m) => m.word);
  if (after.has(tokens[i + 1]?.lower ?? '') && (counted || tok.lower !== tok.lemma)) return true;
  const before = setOf(anchors.spanMarkers ?? [], (m) => m.word);
  return counted && before.has(tokens[i - 2]?.lower ?? '');
}

/**
 * "The office publishes its next figures on 14 May", "The trial resumes on Thursday": a schedule verb in the present,
 * third person singular, set for a day (the caller checks the day, and that nothing is told of the past beside it).
 */
export function hasPresentSchedule(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  return tokens.some((tok, i) => {
    if (i === 0 || !lemmas.has(tok.lemma) || tok.lower === tok.lemma || !tok.lower.endsWith('s')) return false;
    if (tok.pos === 'VERB') return !NOUN_CONTEXT.has(tokens[i - 1]!.pos);
    // The tagger reads "Parliament votes on the budget on 18 December" and "The cabinet sets the budget on 9 February"
    // as nouns: the "-s" form right after a bare name or noun subject, with no verb before it, and a preposition or a
    // determiner (its object) after it.
    return tok.pos === 'NOUN' && SUBJECT_TAGS.has(tokens[i - 1]!.pos) && AFTER_SCHEDULE_VERB.has(tokens[i + 1]?.pos ?? '') && !tokens.slice(0, i).some((t) => t.pos === 'VERB' || t.pos === 'AUX' || t.text === "'s");
  });
}

/** Tags after a mis-tagged schedule verb: a preposition ("votes on") or its object's determiner ("sets the budget"). */
const AFTER_SCHEDULE_VERB = new Set(['ADP', 'DET']);

/** Tags of a subject a mis-tagged schedule verb may follow ("Parliament votes", "Council meets"). */
const SUBJECT_TAGS = new Set(['PROPN', 'NOUN']);

/** A verb with one of `verbs`' lemmas. */
export function hasVerbOf(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[]): boolean {
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
export function isStance(tokens: readonly Token[], adjectives: readonly { readonly word: string }[]): boolean {
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

/** Relative pronouns that open a clause of background about a noun. */
const RELATIVES = new Set(['which', 'who', 'that']);

/** Tags before which an "-s" form is a noun, not a verb: "the cuts", "deep cuts", "two cuts", "with cuts". */
export const NOUN_CONTEXT = new Set(['DET', 'ADJ', 'NUM', 'ADP']);

/**
 * "The vaccine reduces the risk of a stroke", "The bacterium resists most antibiotics": a verb of effect tagged as a
 * verb, in the present, third person singular (its "-s" form), not after a determiner, adjective, number or
 * preposition, where the "-s" form would be a plural noun.
 */
export function hasPresentEffect(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], mainClauseOnly = false): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  for (let i = 1; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.pos !== 'VERB' || !lemmas.has(tok.lemma)) continue;
    const prev = tokens[i - 1]!;
    // "The harbour company, which employs 300 people, did not respond": background in a relative clause.
    if (mainClauseOnly && RELATIVES.has(prev.lower)) continue;
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

/** Pronoun subjects that stand for what the sentences before told. */
const REFERRING_SUBJECTS = new Set(['it', 'that', 'this']);

/** "The money has not been found", "Wages have not kept pace", "The council did not consult residents": an event denied. */
export function hasNegatedEvent(tokens: readonly Token[], auxiliaries: readonly { readonly word: string }[], notEvents: readonly { readonly lemma: string }[] = []): boolean {
  const words = setOf(auxiliaries, (a) => a.word);
  const excluded = setOf(notEvents, (v) => v.lemma);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.pos !== 'AUX' || !words.has(tokens[i]!.lower)) continue;
    // "It didn't work out", "That has not happened yet": a pronoun standing for what the sentences before told.
    if (i > 0 && REFERRING_SUBJECTS.has(tokens[i - 1]!.lower)) continue;
    const not = tokens[i + 1]!.lower;
    if (not !== 'not' && not !== "n't") continue;
    for (let k = i + 2; k <= i + 1 + NEGATED_REACH && k < tokens.length; k++) {
      if (tokens[k]!.pos === 'VERB') {
        if (!excluded.has(tokens[k]!.lemma)) return true;
        break;
      }
      if (tokens[k]!.pos !== 'ADV' && tokens[k]!.pos !== 'AUX') break;
    }
  }
  return false;
}

/** A clock time: "10am", "6 p.m.", "18:30", "07:15" (a 24-hour time with a colon). */
export function hasClockTime(tokens: readonly Token[]): boolean {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!.lower;
    // The tokenizer keeps a sentence's full stop on a time that ends it ("closed at 10pm.").
    if (/^(?:[01]?\d|2[0-3]):[0-5]\d\.?$/.test(t) || /^\d{1,2}(?:[:.][0-5]\d)?(?:am|pm|a\.m\.?|p\.m\.?)\.?$/.test(t)) return true;
    if (/^\d{1,2}(?:[:.][0-5]\d)?$/.test(t) && /^(?:am|pm|a\.m\.?|p\.m\.?)$/.test(tokens[i + 1]?.lower ?? '')) return true;
  }
  return false;
}


/** How far before "than" a comparative may stand ("higher today than", "more patients than"). */
const COMPARISON_REACH = 5;
const QUANTITY_COMPARATIVES = new Set(['more', 'fewer', 'less']);

/**
 * "Rents in Velden are higher than in the capital", "The clinic treats more patients than the hospital": a comparative
 * (an "-er" form of an adjective or adverb, or more/fewer/less before a noun or adjective) with its "than" close after.
 * Not a comparative of `excluded` ("better", "worse": mostly judgements), nor "more than" before a number, a bound that
 * the figure rules read.
 */
export function hasComparison(tokens: readonly Token[], excluded: readonly { readonly word: string }[], unframed: readonly { readonly word: string }[] = []): boolean {
  const judged = setOf(excluded, (w) => w.word);
  const alone = setOf(unframed, (w) => w.word);
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    // "Children who chew the gum miss fewer school days": a comparison with what is usual, its "than" left unsaid.
    if (alone.has(tok.lower) && (tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'ADJ') && i > 0) return true;
    const inflected = (tok.pos === 'ADJ' || tok.pos === 'ADV') && tok.lower.endsWith('er') && tok.lemma !== tok.lower && !judged.has(tok.lower);
    const quantity = QUANTITY_COMPARATIVES.has(tok.lower) && (tokens[i + 1]?.pos === 'NOUN' || tokens[i + 1]?.pos === 'ADJ');
    if (!inflected && !quantity) continue;
    for (let k = i + 1; k <= i + COMPARISON_REACH && k < tokens.length; k++) {
      if (tokens[k]!.pos === 'PUNCT') break;
      if (tokens[k]!.lower === 'than') {
        if (tokens[k + 1]?.pos === 'NUM') break;
        return true;
      }
    }
  }
  return false;
}

/** Subjects a plural present verb after a frequency adverb may have ("Clubs rarely break even", "They seldom last"). */
const GENERIC_SUBJECTS = new Set(['NOUN', 'PROPN']);

/**
 * "Demand usually picks up before Christmas", "Clubs in the second division rarely break even": a frequency adverb
 * right before a verb in the present, right after a noun subject, a general statement of how things are ("Never leave a
 * child alone" is an order, "he rarely apologizes" is about a person).
 */
export function hasGenericFrequency(tokens: readonly Token[], adverbs: readonly { readonly word: string }[]): boolean {
  const words = setOf(adverbs, (a) => a.word);
  for (let i = 1; i + 1 < tokens.length; i++) {
    if (tokens[i]!.pos !== 'ADV' || !words.has(tokens[i]!.lower)) continue;
    const verb = tokens[i + 1]!;
    if (verb.pos !== 'VERB') continue;
    // Right after a noun subject: "he never apologizes", "Donald never tells you" are about a person, mostly attack.
    if (GENERIC_SUBJECTS.has(tokens[i - 1]!.pos) && (verb.lower === verb.lemma || verb.lower.endsWith('s'))) return true;
  }
  return false;
}

/**
 * "Outside the station on Friday morning, commuters huddled under umbrellas and waited for buses": a scene the reporter
 * saw, every verb one of `verbs` (waiting, gathering, standing), set at a time of day (`times`). The caller checks that
 * no statistic is in it.
 */
export function isScene(tokens: readonly Token[], verbs: readonly { readonly lemma: string }[], times: readonly { readonly word: string }[]): boolean {
  const lemmas = setOf(verbs, (v) => v.lemma);
  const when = setOf(times, (t) => t.word);
  let scene = false;
  let timed = false;
  for (const tok of tokens) {
    if (tok.pos === 'VERB') {
      if (!lemmas.has(tok.lemma)) return false;
      scene = true;
    }
    if (when.has(tok.lower)) timed = true;
  }
  return scene && timed;
}

/** Ordinal ranks before a hyphenated superlative ("the country's second-largest"). */
const HYPHEN_RANKS = new Set(['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']);

/**
 * "the country's second-largest paper producer", "the world's oldest", "Europe's busiest port": a superlative whose
 * possessive before it names the place it is ranked in (one of `owners`). `superlative` says which tokens are
 * superlatives.
 */
export function hasPlaceRank(tokens: readonly Token[], owners: readonly { readonly word: string }[], superlative: (i: number) => boolean): boolean {
  if (owners.length === 0) return false;
  const places = setOf(owners, (o) => o.word);
  for (let i = 2; i < tokens.length; i++) {
    if (!superlative(i)) continue;
    let j = i - 1;
    // "second-largest": a rank and a hyphen joined to the superlative.
    if (tokens[j]!.text === '-' && HYPHEN_RANKS.has(tokens[j - 1]?.lower ?? '')) j -= 2;
    if (j >= 1 && (tokens[j]!.lower === "'s" || tokens[j]!.lower === '’s') && places.has(tokens[j - 1]!.lower)) return true;
  }
  return false;
}

/** Finite forms of "be" a property claim states ("is harmless", "were toxic"). */
const FINITE_BE = new Set(['is', 'are', 'was', 'were']);
/** Words that make what follows a condition, not a statement ("If the water is safe, ..."). */
const CONDITIONS = new Set(['if', 'unless', 'whether', 'sure']);

/** How far after "be" a property adjective may stand ("is highly contagious", "is not safe"). */
const PROPERTY_REACH = 3;

/**
 * "Swimming among the plankton is harmless", "The sweetener is poisonous to dogs", "The strain is highly contagious": "be"
 * and an adjective of `adjectives` (safety, harm, contagion) after adverbs or "not". Not "safe to say", a figure of speech.
 */
export function hasPropertyClaim(tokens: readonly Token[], adjectives: readonly { readonly word: string }[]): boolean {
  const words = setOf(adjectives, (a) => a.word);
  for (let i = 1; i < tokens.length; i++) {
    // A finite "be" right after a noun subject: not "needed to be safe", "if they're safe", "make sure they are safe".
    if (tokens[i]!.pos !== 'AUX' || !FINITE_BE.has(tokens[i]!.lower) || !GENERIC_SUBJECTS.has(tokens[i - 1]!.pos)) continue;
    if (tokens.slice(0, i).some((t) => CONDITIONS.has(t.lower))) continue;
    for (let k = i + 1; k <= i + PROPERTY_REACH && k < tokens.length; k++) {
      const tok = tokens[k]!;
      if (words.has(tok.lower)) {
        if (tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.lower === 'say') break;
        return true;
      }
      if (tok.pos !== 'ADV' && tok.pos !== 'PART') break;
    }
  }
  return false;
}
