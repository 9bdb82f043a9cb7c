import type { Bound } from '../../core/annotations.js';
import { createPhraseMatcher, phraseTokens, type PhraseMatcher } from '../../nlp/phrases.js';
import type { Token } from '../../nlp/tokens.js';
import cues from './cues.json' with { type: 'json' };
import numberWords from './number-words.json' with { type: 'json' };
import units from './units.json' with { type: 'json' };

/** A bound cue from cues.json. */
export interface BoundCue {
  readonly phrase: string;
  readonly bound: Bound;
  /** A ceiling the figure lies just under ("nearly 80"): its floor is a tolerance below it, not 0. */
  readonly close?: boolean;
  /** Bounds only a figure written exactly ("within 5 centimetres"); a vague one keeps its own ("within a couple of hours"). */
  readonly precise?: boolean;
}

/** A vague scale phrase ("tens of thousands") with the interval it implies. */
export interface VaguePhrase {
  readonly phrase: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
  readonly bound: Bound;
}

/** A multi-token unit phrase ("per cent") and the unit it stands for. */
export interface UnitPhrase {
  readonly phrase: string;
  readonly unit: string;
}

/** A scale word after digits ("bn", "million"). */
export interface Scale {
  readonly value: number;
  readonly needsCurrency: boolean;
}

/** Everything the quantity annotator reads from its data files, compiled once. */
export interface Lexicon {
  readonly approxTolerance: number;
  readonly cardinals: ReadonlyMap<string, number>;
  /** Multipliers inside number words; `small` ones (dozen, hundred) multiply the current group only. */
  readonly multipliers: ReadonlyMap<string, { value: number; small: boolean }>;
  readonly suffixScales: ReadonlyMap<string, Scale>;
  readonly fractions: ReadonlyMap<string, number>;
  /** When a currency-only scale ("m") means millions without a currency (number-words.json bareMillions). */
  readonly bareMillions: {
    readonly ofPronouns: ReadonlySet<string>;
    readonly ofFollowers: ReadonlySet<string>;
    readonly wholes: ReadonlySet<string>;
    readonly notCounted: ReadonlySet<string>;
    readonly companionAtLeast: number;
  };
  /** Tokens after "a third", "a quarter" that let it stand for a share without "of" (number-words.json fractionAlone). */
  readonly fractionAlone: ReadonlySet<string>;
  readonly vague: PhraseMatcher<VaguePhrase>;
  readonly before: PhraseMatcher<BoundCue>;
  readonly after: PhraseMatcher<BoundCue>;
  /** Longest "before" cue, in tokens, so cue look-behind stays bounded. */
  readonly maxBeforeTokens: number;
  readonly rangeOpeners: ReadonlyMap<string, readonly string[]>;
  readonly rangeJoiners: ReadonlySet<string>;
  readonly changeWords: ReadonlySet<string>;
  readonly rangeVerbs: ReadonlySet<string>;
  /** Words of votes, scores and ratios before "X to Y" (cues.json tallyWords). */
  readonly tallyWords: ReadonlySet<string>;
  readonly currencyBefore: ReadonlyMap<string, string>;
  /** "R38m", "N2.4bn": currency letters written onto the amount, by prefix (units.json currencyGlued). */
  readonly currencyGlued: ReadonlyMap<string, string>;
  readonly currencyAfter: ReadonlyMap<string, string>;
  /** ISO 4217 codes as written in capitals ("AED", "MNT"), by code (units.json currencyCodes). */
  readonly currencyCodes: ReadonlyMap<string, string>;
  readonly percent: PhraseMatcher<UnitPhrase>;
  readonly durations: ReadonlySet<string>;
  readonly measures: ReadonlySet<string>;
  /** Size and distance words that make a bare "m" metres ("40m high"; units.json dimensionWords). */
  readonly dimensionWords: ReadonlySet<string>;
  /** Telephone lines whose number may follow ("the helpline, 104,"; units.json phoneLines). */
  readonly phoneLines: ReadonlySet<string>;
  /** Nouns after "one" that tell when or how ("one day"; number-words.json oneIdioms). */
  readonly oneIdioms: ReadonlySet<string>;
  /** Unit letters written onto a number ("1.9C", "5km"; units.json gluedUnits). */
  readonly gluedUnits: ReadonlySet<string>;
  /** Units with a scale in their letters ("Mt": millions of tonnes), as written (units.json scaledMeasures). */
  readonly scaledMeasures: ReadonlyMap<string, { readonly unit: string; readonly factor: number }>;
  /** Areas and volumes: power words or signs and the lengths they raise (units.json powerUnits). */
  readonly powers: ReadonlyMap<string, string>;
  readonly powerLengths: ReadonlyMap<string, string>;
  readonly months: ReadonlySet<string>;
  readonly yearContext: ReadonlySet<string>;
  /** "below 2019 levels": nouns after a year that name its level (units.json yearHeads). */
  readonly yearHeads: ReadonlySet<string>;
  readonly labels: ReadonlySet<string>;
  /** Words before a year earlier than 1900 ("built in 1898"; units.json oldYearContext). */
  readonly oldYearContext: ReadonlySet<string>;
  /** Last words of a street name after a house number (units.json streetWords). */
  readonly streetWords: ReadonlySet<string>;
  /** Verbs before a telephone number (units.json phoneVerbs). */
  readonly phoneVerbs: ReadonlySet<string>;
  /** Words before a small number that picks places in a ranking (units.json rankWords). */
  readonly rankWords: ReadonlySet<string>;
  readonly pluralNouns: ReadonlySet<string>;
  readonly countedSkip: ReadonlySet<string>;
  readonly clockAfter: ReadonlySet<string>;
  readonly agePrefix: ReadonlySet<string>;
  readonly ageHolders: ReadonlySet<string>;
  readonly ageComparatives: ReadonlySet<string>;
  readonly ageCopulas: ReadonlySet<string>;
  /** One person before 'of' and an age ("a woman of 87"; units.json agedPersons). */
  readonly agedPersons: ReadonlySet<string>;
  readonly ageSuffix: ReadonlySet<string>;
  readonly timeDeixis: ReadonlySet<string>;
  readonly notCounted: ReadonlySet<string>;
  /** Past forms that right after a figure are its verb, not an adjective (units.json answerVerbs). */
  readonly answerVerbs: ReadonlySet<string>;
  readonly rateBase: ReadonlySet<string>;
  /** Round scales after "out of" ("two points out of 100"; units.json scaleBases). */
  readonly scaleBases: ReadonlySet<number>;
  /** Units of time before "or" and a small number ("a year or two"; units.json vagueDurations). */
  readonly vagueDurations: ReadonlySet<string>;
  readonly listBackReference: ListBackReference;
  /** "morning", "evening": after "in the", the hour before them is a time of day (units.json dayParts). */
  readonly dayParts: ReadonlySet<string>;
  /** The latest hour of a departure time written "7.42" after "the" (units.json departureTimes). */
  readonly maxDepartureHour: number;
  /** Nouns of places, bodies, routes and kinds whose small count a list of figures right by it spells out (units.json listedItems). */
  readonly listedItems: ReadonlySet<string>;
  /** How many tokens may stand between two figures of one list. */
  readonly listGap: number;
}

/** Determiners before a small count that point back at items just named ("those three states"). */
export interface ListBackReference {
  /** Always a back-reference ("those", "these"). */
  readonly always: ReadonlySet<string>;
  /** Pronouns after "of" that make a number word before them a back-reference ("two of them"). */
  readonly pronouns: ReadonlySet<string>;
  /** A back-reference only when a list of that many names comes just before ("the", "all"). */
  readonly afterList: ReadonlySet<string>;
  readonly maxCount: number;
  /** How many tokens back the list is looked for. */
  readonly window: number;
  /** How many tokens back the same count ("three firms" before "the three companies") is looked for. */
  readonly restateWindow: number;
}

const phrase = <E extends { phrase: string }>(entry: E) => [entry.phrase];

/** Compiles the data files into matchers and lookup tables. */
export function buildLexicon(options: { approxTolerance?: number } = {}): Lexicon {
  const before = cues.before as BoundCue[];
  return {
    approxTolerance: options.approxTolerance ?? cues.approxTolerance.value,
    cardinals: new Map(numberWords.cardinals.flatMap((group) => Object.entries(group.words))),
    multipliers: new Map(numberWords.multipliers.map((m) => [m.word, { value: m.value, small: m.small === true }])),
    suffixScales: new Map(numberWords.suffixScales.map((s) => [s.word, { value: s.value, needsCurrency: s.needsCurrency === true }])),
    fractions: new Map(numberWords.fractions.map((f) => [f.word, f.value])),
    bareMillions: {
      ofPronouns: new Set(numberWords.bareMillions.ofPronouns),
      ofFollowers: new Set(numberWords.bareMillions.ofFollowers),
      wholes: new Set(numberWords.bareMillions.wholes),
      notCounted: new Set(numberWords.bareMillions.notCounted),
      companionAtLeast: numberWords.bareMillions.companionAtLeast,
    },
    fractionAlone: new Set(numberWords.fractionAlone.words),
    vague: createPhraseMatcher(numberWords.vague as VaguePhrase[], phrase),
    before: createPhraseMatcher(before, phrase),
    after: createPhraseMatcher(cues.after as BoundCue[], phrase),
    maxBeforeTokens: Math.max(...before.map((cue) => phraseTokens(cue.phrase).length)),
    rangeOpeners: new Map(cues.rangeOpeners.map((r) => [r.word, r.joiners])),
    rangeJoiners: new Set(cues.rangeJoiners.map((r) => r.word)),
    changeWords: new Set(cues.changeWords.words),
    rangeVerbs: new Set(cues.rangeVerbs.words),
    tallyWords: new Set(cues.tallyWords.words),
    currencyBefore: new Map(units.currencyBefore.map((c) => [c.token, c.unit])),
    currencyGlued: new Map(Object.entries(units.currencyGlued.prefixes)),
    currencyAfter: new Map(units.currencyAfter.map((c) => [c.token, c.unit])),
    currencyCodes: new Map(Object.entries(units.currencyCodes.codes)),
    percent: createPhraseMatcher(units.percent, phrase),
    durations: new Set(units.durations.words),
    measures: new Set(units.measures.words),
    dimensionWords: new Set(units.dimensionWords.words),
    phoneLines: new Set(units.phoneLines.words),
    oneIdioms: new Set(numberWords.oneIdioms.words),
    gluedUnits: new Set(units.gluedUnits.words),
    scaledMeasures: new Map(Object.entries(units.scaledMeasures.units)),
    powers: new Map(Object.entries(units.powerUnits.powers)),
    powerLengths: new Map(Object.entries(units.powerUnits.lengths)),
    months: new Set(units.months.words),
    yearContext: new Set(units.yearContext.words),
    yearHeads: new Set(units.yearHeads.words),
    labels: new Set(units.labels.words),
    oldYearContext: new Set(units.oldYearContext.words),
    streetWords: new Set(units.streetWords.words),
    phoneVerbs: new Set(units.phoneVerbs.words),
    rankWords: new Set(units.rankWords.words),
    pluralNouns: new Set(units.pluralNouns.words),
    countedSkip: new Set(units.countedSkip.words),
    clockAfter: new Set(units.clockAfter.words),
    agePrefix: new Set(units.agePrefix.words),
    ageHolders: new Set(units.ageHolders.words),
    ageComparatives: new Set(units.ageComparatives.words),
    ageCopulas: new Set(units.ageCopulas.words),
    agedPersons: new Set(units.agedPersons.words),
    ageSuffix: new Set(units.ageSuffix.words),
    timeDeixis: new Set(units.timeDeixis.words),
    notCounted: new Set(units.notCounted.words),
    answerVerbs: new Set(units.answerVerbs.words),
    rateBase: new Set(units.rateBase.words),
    scaleBases: new Set(units.scaleBases.values),
    vagueDurations: new Set(units.vagueDurations.words),
    listBackReference: {
      always: new Set(units.listBackReference.always),
      pronouns: new Set(units.listBackReference.pronouns),
      afterList: new Set(units.listBackReference.afterList),
      maxCount: units.listBackReference.maxCount,
      window: units.listBackReference.window,
      restateWindow: units.listBackReference.restateWindow,
    },
    dayParts: new Set(units.dayParts.words),
    maxDepartureHour: units.departureTimes.maxHour,
    listedItems: new Set(units.listedItems.words),
    listGap: units.listedItems.maxGap,
  };
}

/** The currency a token before an amount names ("$", "Rs", "AED"), if any: a listed sign or word in any case, or an ISO code in capitals. */
export function currencyBeforeOf(lex: Lexicon, tok: Token | undefined): string | undefined {
  return tok === undefined ? undefined : (lex.currencyBefore.get(tok.lower) ?? lex.currencyCodes.get(tok.text));
}

/** The currency a token after an amount names ("dollars", "kroner", "AED"), if any. */
export function currencyAfterOf(lex: Lexicon, tok: Token | undefined): string | undefined {
  return tok === undefined ? undefined : (lex.currencyAfter.get(tok.lower) ?? lex.currencyCodes.get(tok.text));
}
