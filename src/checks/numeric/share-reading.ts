import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { ListRules, Member } from './members.js';
import { subjectBefore } from './subjects.js';
import type { SettingRules } from './share-settings.js';
import { PART_WORDS, phraseAt } from './part-words.js';
import { binAfterShare, chosenAnswer } from './share-questions.js';
import settings from './numeric.json' with { type: 'json' };

// What one share is: what it is a share of (a whole, a group named before it, a baseline), whether it is what is left
// of a whole, a rate of its own subject or a change rather than a share.

/** Word lists and tolerance for `percentage-over-100`. */
export interface ShareRules {
  readonly tolerance: number;
  readonly notShareBefore: ReadonlySet<string>;
  readonly notShareAfter: ReadonlySet<string>;
  readonly particleVerbs: ReadonlySet<string>;
  /** "the 95 percent needed": words after a share that make it a threshold (numeric.json thresholdAfter). */
  readonly thresholds: ReadonlySet<string>;
  readonly baselines: ReadonlySet<string>;
  readonly questionVerbs: ReadonlySet<string>;
  /** "most important", "main": words of a question with one answer each (numeric.json singleAnswer). */
  readonly singleAnswer: ReadonlySet<string>;
  /** "preferred", "chose": verbs that take one of the answers offered (numeric.json choiceVerbs), by lemma. */
  readonly choiceVerbs: ReadonlySet<string>;
  /** "turnout", "unemployment": a percentage said of these is a rate of its own whole (numeric.json rateSubjects). */
  readonly rateSubjects: ReadonlySet<string>;
  /** "the remaining", "the other": a share that is what is left of the whole before it (numeric.json residualParts). */
  readonly residualParts: ReadonlySet<string>;
  /** "of the vote": wholes of a count of ballots, whose results run on over the sentences after (numeric.json voteWholes). */
  readonly voteWholes: ReadonlySet<string>;
  readonly settings: SettingRules;
  readonly list: ListRules;
}

export const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'those', 'these', 'this', 'that', 'our', 'his', 'her']);
export const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';
export const isFraction = (q: QuantityAnnotation) => q.quantityKind === 'other' && q.unit === 'fraction';
const hundredfold = (x: number) => Math.round(x * 10000) / 100;
/** "a third of respondents" is 33.33 percent of them: fractions are shares of their whole, written in words. */
export function asPercent(q: QuantityAnnotation): QuantityAnnotation {
  return { ...q, quantityKind: 'percent', unit: '%', value: hundredfold(q.value), ...(q.low !== undefined && { low: hundredfold(q.low) }), ...(q.high !== undefined && { high: hundredfold(q.high) }) };
}
/** How many words of a whole ("of the registered voters") are read; keeps the check linear. */
const WHOLE_REACH = 5;

/** A share with what it is a share of. */
export interface Share extends Member {
  /** The whole as written ("voter"), carried from the sentence's first share ("45 percent backed Jones"), or ''. */
  readonly whole: string;
  /** True when the whole is carried from another share of the sentence rather than stated or named by "among". */
  readonly carried: boolean;
  /** Index of the share's sentence (answers may run on into the next sentence). */
  readonly sentence: number;
  /** The place or contest that opens the share's clause ("In Dunmore, 55 percent"), if any. */
  readonly setting?: string | undefined;
  /** True when the sentence opens with a whole named first ("Of those, ...", "Among tenants, ..."). */
  readonly fronted: boolean;
  /** True when the share is what is left of the whole ("the other quarter", "the remaining 12 percent"). */
  readonly residual: boolean;
}

const RELATIVE_OPENERS = new Set(['of', 'among', 'amongst']);
const RELATIVE_WHOLES = new Set(['whom', 'which']);

/** "1,200 people were surveyed, of whom 55% ...": a share right after a relative that points at the figure before it. */
export function afterRelative(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const first = tokenAt(tokens, q.start);
  return RELATIVE_WHOLES.has(tokens[first - 1]?.lower ?? '') && RELATIVE_OPENERS.has(tokens[first - 2]?.lower ?? '');
}

/** "the other quarter", "the remaining 12 percent", "the rest, 9 percent": a share that is what is left of the whole. */
export function isResidual(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  const at = tokenAt(tokens, q.start);
  const lower = (k: number) => tokens[k]?.lower ?? '';
  const comma = lower(at - 1) === ',' ? 1 : 0;
  // "Of the rest, 60 percent ...": a share of the remainder, not the remainder itself.
  return (lower(at) === 'other' && lower(at - 1) === 'the') || (rules.residualParts.has(lower(at - 1 - comma)) && lower(at - 2 - comma) === 'the' && lower(at - 3 - comma) !== 'of');
}

/** Verbs before an ordinal that rank a result ("came second"), so the ordinal is no time of its own. */
export const RANK_VERBS = new Set(['came', 'come', 'comes', 'coming', 'finished', 'finishes', 'finishing', 'placed', 'ranked']);

const GROUP_OPENERS = new Set(['among', 'amongst']);
export const CLAUSE_BREAK = new Set([';', ':', '.']);
/** How far back in its clause a share's group ("Among women, 55 percent") is looked for. */
const GROUP_REACH = 12;

/** "Among women, 55 percent backed Smith; among men, 60 percent did": the group the share is of, named before it. */
export function groupBefore(tokens: readonly Token[], q: QuantityAnnotation): string | undefined {
  const first = tokenAt(tokens, q.start);
  for (let k = first - 1; k >= Math.max(0, first - GROUP_REACH) && !CLAUSE_BREAK.has(tokens[k]!.text); k--) {
    // "Of the renters, 55 percent ...; of the homeowners, 52 percent ...": a whole named first again after a semicolon
    // opens a group of its own, like "among".
    const refronted = tokens[k]!.lower === 'of' && tokens[k - 1]?.text === ';' && tokens.slice(k + 1, first).some((t) => t.text === ',');
    if (!GROUP_OPENERS.has(tokens[k]!.lower) && !refronted) continue;
    let j = k + 1;
    while (j < first && (DETERMINERS.has(tokens[j]!.lower) || tokens[j]!.pos === 'ADJ')) j++;
    // "The poll, conducted among 1,250 registered voters, puts Korr on 41 percent": a counted group is the sample the
    // shares are of, the whole of every one of them, not a group set apart from others.
    if (tokens[j]?.type === 'number') return undefined;
    return `among ${tokens[j]?.lemma ?? ''}`;
  }
  return undefined;
}

/** True when a semicolon or colon stands between two offsets. */
export function clauseBreakBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) if (CLAUSE_BREAK.has(tokens[k]!.text)) return true;
  return false;
}

const YEAR_LIKE = /^(?:1[89]|2[01])\d{2}(?:s|\/\d{2})?$/;
/** Periods whose possessive names an earlier whole ("last year's", numeric.json datedOwners). */
const DATED_OWNERS: ReadonlySet<string> = new Set(settings.datedOwners.words);
/** Verbs before 'to' that give what a count amounts to (numeric.json levelsBeforeTo). */
const LEVELS_BEFORE_TO: ReadonlySet<string> = new Set(settings.levelsBeforeTo.words);

/** "pre-pandemic", "pre-crisis", "pre-war": a time before, the baseline a ratio is taken against. */
const PRE_PREFIX = /^pre-[a-z]/;

/** The whole a share is of ("45% of voters" → "voter"); a baseline when it names a level or holds a year ("of the 2019 level"). */
export function wholeOf(tokens: readonly Token[], q: QuantityAnnotation, baselines: ReadonlySet<string>): { lemma: string; end: number; baseline: boolean } | undefined {
  let i = tokenAt(tokens, q.end);
  if (tokens[i]?.lower !== 'of') return undefined;
  i++;
  let dated = false;
  const stop = Math.min(tokens.length, i + WHOLE_REACH);
  // "of rural residents", "of eligible voters": an adjective before the head noun is passed over like a determiner.
  const adjective = (k: number) => tokens[k]!.pos === 'ADJ' && tokens[k + 1]?.pos === 'NOUN';
  while (i < stop && (DETERMINERS.has(tokens[i]!.lower) || tokens[i]!.type === 'number' || tokens[i]!.text === '-' || adjective(i))) {
    // "of the 2019 level" is dated; "of the 2.6m connections", "of the 1,200 voters" count the whole itself.
    if (tokens[i]!.type === 'number' && YEAR_LIKE.test(tokens[i]!.text)) dated = true;
    i++;
  }
  // "of last year's drought-hit crop", "of the previous season's": a whole owned by a period is a baseline.
  // The tokenizer may keep "year's" whole once it has met the word elsewhere in the process.
  const glued = (k: number) => { const m = /^(.+)['’]s$/.exec(tokens[k]?.lower ?? ''); return m !== null && DATED_OWNERS.has(m[1]!); };
  const owner = (k: number) => k < stop && ((k + 1 < stop && DATED_OWNERS.has(tokens[k]!.lemma) && /^['’]s$/.test(tokens[k + 1]!.lower)) || glued(k));
  // "130% of last year": the period itself after "last" or "previous".
  const period = tokens[i] !== undefined && DATED_OWNERS.has(tokens[i]!.lemma) && ['last', 'previous'].includes(tokens[i - 1]?.lower ?? '');
  if (owner(i) || owner(i + 1) || period) dated = true;
  const tok = tokens[i];
  let end = i + 1;
  // "of ballots cast in favour": a plural noun ends the compound, the word after it is no head ("cast", "counted").
  const plural = (t: Token) => t.lower !== t.lemma && t.lower.endsWith('s');
  while (end < stop && tokens[end]!.pos === 'NOUN' && tokens[end - 1]!.pos === 'NOUN' && !plural(tokens[end - 1]!)) end++;
  const lemma = tokens[end - 1]?.lemma ?? tok?.lemma ?? '';
  return { lemma, end, baseline: dated || baselines.has(lemma) || baselines.has(tok?.lower ?? '') || baselineAhead(tokens, i, stop, baselines) };
}

/** Words of a noun phrase ("five-year", "pre-crisis"): a baseline looked for further on stops at anything else ("and"). */
const PHRASE_POS = new Set(['NOUN', 'ADJ', 'NUM', 'PROPN']);

/** "of the five-year average", "of the pre-crisis level", "of the pre-pandemic total": a baseline word further on in the whole's own words. */
function baselineAhead(tokens: readonly Token[], from: number, stop: number, baselines: ReadonlySet<string>): boolean {
  for (let k = from; k < stop && (PHRASE_POS.has(tokens[k]!.pos) || tokens[k]!.text === '-'); k++) {
    if (baselines.has(tokens[k]!.lower) || baselines.has(tokens[k]!.lemma) || PRE_PREFIX.test(tokens[k]!.lower)) return true;
  }
  return false;
}

/** "Turnout was 64 percent", "inflation hit 95 percent": a percentage whose subject is a rate of its own whole. */
export function isRate(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  return subjectBefore(tokens, q).some((t) => rules.rateSubjects.has(t.lower));
}

/** A change or comparison ("rose by 12%", "a 30% increase") is not a share of the sentence's whole. */
export function isComparison(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  const first = tokenAt(tokens, q.start);
  const next = tokens[tokenAt(tokens, q.end)];
  const prev = first > 0 ? tokens[first - 1] : undefined;
  const particle = prev?.lower === 'up' && rules.particleVerbs.has(tokens[first - 2]?.lower ?? '');
  // "backed by 58 percent": the share who took a stance, not a change by 58 percent.
  const stance = prev?.lower === 'by' && rules.list.stance.has(tokens[first - 2]?.lower ?? '');
  // "That translated to 53.4 percent": what a count amounts to, not a level a change reached (numeric.json levelsBeforeTo).
  const amounts = prev?.lower === 'to' && LEVELS_BEFORE_TO.has(tokens[first - 2]?.lower ?? '');
  // "the 95 percent needed to stop outbreaks": a threshold, not a share.
  const threshold = prev?.lower === 'the' && next !== undefined && rules.thresholds.has(next.lower);
  // "compared with 29 per cent in England": a yardstick, a rate of another whole (part-words.json baselinePrepositions).
  const compared = PART_WORDS.baselinePhrases.some((words) => phraseAt(tokens, first - words.length, words) === first);
  // "..., and 37 per cent less than once a week": an answer in bins of a scale (share-questions.ts), not a difference.
  const bin = next !== undefined && binAfterShare(tokens, first, tokenAt(tokens, q.end));
  // "41 percent chose higher taxes ..., and 31 percent more borrowing": one more answer chosen, not a difference.
  const chosen = next !== undefined && chosenAnswer(tokens, first, tokenAt(tokens, q.end), rules.choiceVerbs);
  return threshold || compared || (prev !== undefined && !particle && !stance && !amounts && rules.notShareBefore.has(prev.lower)) || (next !== undefined && !bin && !chosen && rules.notShareAfter.has(next.lower));
}
