// Check-worthiness ceilings (floors.json, "ceilings"): what caps a sentence below the threshold whatever the model says
// (no-comment notes, moods, schedules, calls to get in touch, timetables, habitual scenes, scheduled events, stances).
import type { CueClass } from './cues.js';
import type { FloorParts } from './floor.js';
import { FORECAST_REACH, FUTURE, hasClockTime, hasPresentSchedule, hasVerbOf, isScene, isStance, setOf } from './shapes.js';
import type { Token } from '../../nlp/tokens.js';
import floors from './floors.json' with { type: 'json' };

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
  /** Every verb one of these ("commuters huddled under umbrellas and waited for buses") ... */
  readonly sceneVerbs?: readonly { readonly lemma: string; readonly reason: string }[];
  /** ... with one of these times of day in the sentence ("on Friday morning"): a scene the reporter saw. */
  readonly sceneTimes?: readonly { readonly word: string; readonly reason: string }[];
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
    if (r.sceneVerbs) return isScene(parts.tokens ?? [], r.sceneVerbs, r.sceneTimes ?? []);
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

