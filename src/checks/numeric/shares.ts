import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, type Located } from './context.js';
import { adds, closedByOthers, isBreakdown, partsOneWhole, subjectBefore, type ListRules, type Member } from './lists.js';
import { areExclusiveOutcomes } from './outcomes.js';
import { setApart, settingBefore, type SettingRules } from './share-settings.js';

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
  /** "turnout", "unemployment": a percentage said of these is a rate of its own whole (numeric.json rateSubjects). */
  readonly rateSubjects: ReadonlySet<string>;
  /** "the remaining", "the other": a share that is what is left of the whole before it (numeric.json residualParts). */
  readonly residualParts: ReadonlySet<string>;
  /** "of the vote": wholes of a count of ballots, whose results run on over the sentences after (numeric.json voteWholes). */
  readonly voteWholes: ReadonlySet<string>;
  readonly settings: SettingRules;
  readonly list: ListRules;
}

const FRONTED = new Set(['of', 'among', 'amongst', 'out']);
const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'those', 'these', 'this', 'that', 'our', 'his', 'her']);
const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';
const isFraction = (q: QuantityAnnotation) => q.quantityKind === 'other' && q.unit === 'fraction';
const hundredfold = (x: number) => Math.round(x * 10000) / 100;
/** "a third of respondents" is 33.33 percent of them: fractions are shares of their whole, written in words. */
function asPercent(q: QuantityAnnotation): QuantityAnnotation {
  return { ...q, quantityKind: 'percent', unit: '%', value: hundredfold(q.value), ...(q.low !== undefined && { low: hundredfold(q.low) }), ...(q.high !== undefined && { high: hundredfold(q.high) }) };
}
/** How many words of a whole ("of the registered voters") are read; keeps the check linear. */
const WHOLE_REACH = 5;

/** A share with what it is a share of. */
interface Share extends Member {
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

/**
 * `percentage-over-100`: one share over 100% of a whole, or shares of one whole in one sentence adding up to more. A
 * share without a stated whole is of the whole the sentence's shares name ("60 percent of voters backed Smith, 45
 * percent backed Jones"); a ratio to a baseline ("120 percent of the 2019 level") or a change ("up 14 percent") is no share.
 */
export function checkShares(doc: Document, figures: readonly Located[], tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], rules: ShareRules): Finding[] {
  const findings: Finding[] = [];
  const located = figures.map((l) => (isFraction(l.q) ? { ...l, q: asPercent(l.q) } : l));
  let sentence: Share[] = [];
  const stated = new Set<string>();
  let among: { group: string; end: number } | undefined;
  const flush = () => {
    findings.push(...judgeSentence(doc, tokens, sentence, rules));
    sentence = [];
    stated.clear();
    among = undefined;
  };
  for (let i = 0; i < located.length; i++) {
    const { q } = located[i]!;
    if (i > 0 && located[i - 1]!.sentence !== located[i]!.sentence) {
      const continued = continues(tokens, sentenceTokens, located[i - 1]!, located, i, stated, among, rules);
      among = undefined;
      if (!continued) flush();
    }
    if (!isShare(q)) continue;
    const whole = wholeOf(tokens, q, rules.baselines);
    const comparison = (isComparison(tokens, q, rules) && !levelInClosedRun(tokens, located, i, rules)) || whole?.baseline === true;
    if (whole && !comparison && guaranteed(q).low > 100) findings.push(overFinding(doc, q));
    // A rate ("Turnout reached 64 percent") may still not exceed its own whole, but is not added to the shares beside it.
    if (comparison || isRate(tokens, q, rules)) continue;
    // "Among landlords ..., 70 percent opposed the ban and 38 percent supported it": the group holds to the clause's end.
    const group = groupBefore(tokens, q) ?? (among && !clauseBreakBetween(tokens, among.end, q.start) ? among.group : undefined);
    among = group === undefined ? undefined : { group, end: q.end };
    const carried = stated.size === 1 ? stated.values().next().value! : '';
    if (whole) stated.add(whole.lemma);
    const of = { whole: group ?? whole?.lemma ?? carried, carried: group === undefined && whole === undefined && carried !== '' };
    const [from] = sentenceTokens(located[i]!.sentence);
    const setting = settingBefore(tokens, q, from, rules.settings);
    const fronted = FRONTED.has(tokens[from]?.lower ?? '');
    sentence.push({ q, at: whole?.end ?? tokenAt(tokens, q.end), ...of, sentence: located[i]!.sentence, setting, fronted, residual: isResidual(tokens, q, rules) });
  }
  flush();
  return findings;
}

function judgeSentence(doc: Document, tokens: readonly Token[], shares: readonly Share[], rules: ShareRules): Finding[] {
  const groups = new Map<string, Share[]>();
  for (const share of shares) {
    const group = groups.get(share.whole);
    if (group) group.push(share);
    else groups.set(share.whole, [share]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    // "60 percent were men and 45 percent were women": descriptions that are kinds of one group part the whole after all.
    // "46% were violent, 38% were thefts and 21% were other crimes": kinds closed by "other" name each member once.
    const kinds = group.length >= 2 && (kindsOfOneWhole(tokens, group, rules) || closedByOthers(tokens, group, rules.list));
    if (group.length < 2 || (isBreakdown(tokens, group, rules.list) && !kinds)) continue;
    // "In Dunmore, 55 percent ..., while in Calder 60 percent ...": shares set in different places are of different wholes.
    if (new Set(group.flatMap((m) => m.setting ?? [])).size > 1) continue;
    // "Ortiz won 55 percent of the vote in Dunmore and Banks won 60 percent in Calder": different places or contests,
    // unless a whole named first holds them all ("Of those, 46 percent live in the city and 60 percent in the suburbs").
    if (!group.some((m) => m.fronted) && setApart(tokens, group, rules.settings)) continue;
    // "47 percent use it daily, 38 percent weekly and 19 percent never": end states or answers of which each member gives one.
    const exclusive = areExclusiveOutcomes(tokens, group, rules.list);
    // "half of that and a third ... the other quarter": a share said to be the rest of the whole closes the shares before it.
    const rest = group.at(-1)!.residual && !group.slice(0, -1).some((m) => m.residual);
    if (exclusive || rest || subjectsTakeShares(tokens, group, rules) || closedTable(tokens, group, rules) || partsOneWhole(tokens, group, rules.list, true) === 'parts' || adds(tokens, group, rules.list) || differentPredicates(tokens, group, rules) || oneAnswerEach(tokens, group, rules) || kinds) findings.push(...sumFinding(doc, group, rules.tolerance));
  }
  return findings;
}

const COPULA_ENDS = new Set([',', ';', '.', 'and', 'while', 'but', ')']);

/**
 * "Of the 640 birds ringed, 58 percent were juveniles and 49 percent adults": a whole named first (or after the first
 * share, or a figure before "of whom"), the first share said to be one kind after a copula and each later one another kind (copula repeated or left
 * out), the kinds all of one group that does not overlap (numeric.json exclusiveKinds): the shares part that whole.
 */
function kindsOfOneWhole(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  if (!group.some((m) => m.fronted || (!m.carried && m.whole !== '') || afterRelative(tokens, m.q))) return false;
  const kinds = group.map((m, i) => {
    const copula = rules.list.copulas.has(tokens[m.at]?.lower ?? '') ? 1 : 0;
    // "55% of them women and 50% men": after "of them" the copula is left out from the first share on.
    const ofThem = tokens[m.at - 2]?.lower === 'of' && PRONOUN_WHOLES.has(tokens[m.at - 1]?.lower ?? '');
    if (i === 0 && !copula && !ofThem) return undefined;
    const noun = tokens[m.at + copula];
    const end = tokens[m.at + copula + 1];
    return noun && (end === undefined || COPULA_ENDS.has(end.lower)) ? rules.list.exclusiveKinds.get(noun.lower) !== undefined ? noun.lower : undefined : undefined;
  });
  if (kinds.some((k) => k === undefined) || new Set(kinds).size !== kinds.length) return false;
  return new Set(kinds.map((k) => rules.list.exclusiveKinds.get(k!))).size === 1;
}

const PRONOUN_WHOLES = new Set(['them', 'those', 'these']);
const RELATIVE_OPENERS = new Set(['of', 'among', 'amongst']);
const RELATIVE_WHOLES = new Set(['whom', 'which']);

/** "1,200 people were surveyed, of whom 55% ...": a share right after a relative that points at the figure before it. */
function afterRelative(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const first = tokenAt(tokens, q.start);
  return RELATIVE_WHOLES.has(tokens[first - 1]?.lower ?? '') && RELATIVE_OPENERS.has(tokens[first - 2]?.lower ?? '');
}

/** "the other quarter", "the remaining 12 percent", "the rest, 9 percent": a share that is what is left of the whole. */
function isResidual(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  const at = tokenAt(tokens, q.start);
  const lower = (k: number) => tokens[k]?.lower ?? '';
  const comma = lower(at - 1) === ',' ? 1 : 0;
  // "Of the rest, 60 percent ...": a share of the remainder, not the remainder itself.
  return (lower(at) === 'other' && lower(at - 1) === 'the') || (rules.residualParts.has(lower(at - 1 - comma)) && lower(at - 2 - comma) === 'the' && lower(at - 3 - comma) !== 'of');
}

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** Verbs before an ordinal that rank a result ("came second"), so the ordinal is no time of its own. */
const RANK_VERBS = new Set(['came', 'come', 'comes', 'coming', 'finished', 'finishes', 'finishing', 'placed', 'ranked']);

/** How far into its sentence the first share may stand and still continue the answers of the sentence before. */
const CONTINUE_REACH = 3;
/** How many tokens of each sentence are searched for words of time (keeps the check linear). */
const TIME_REACH = 40;

/**
 * "58 percent of respondents backed the plan. Another 39 percent opposed it and 9 percent were undecided.": the next
 * sentence of the paragraph continues the answers when the sentence before named one whole, its own first figure is a
 * share at its start ("Another 39 percent", "Only 12 percent") and none of its shares names a whole or group of its own.
 */
function continues(tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], prev: Located, located: readonly Located[], i: number, stated: ReadonlySet<string>, among: unknown, rules: ShareRules): boolean {
  const first = located[i]!;
  // "... with 34% of the 2.6m connections.\n\nOrdtel, privatised in 2009, slipped to 31%, while Vyra held 22% and the
  // co-operatives the remaining 16%.": a sentence whose shares end with what is left of a whole closes the one share of
  // the sentence before, whatever figure comes first in it.
  const closes = first.sentence === prev.sentence + 1 && closesOneShare(tokens, prev, located, i, stated, among, rules);
  if (first.sentence !== prev.sentence + 1 || (!isShare(first.q) && !closes)) return false;
  // "X won with 41 percent of the vote.\n\nY came second on 30 percent, ahead of Z (18 percent).": the one share of the
  // vote a lede gives goes on with the results of the next sentence, in its paragraph or the next.
  const results = resultsGoOn(tokens, prev, located, i, stated, among, rules) && namedSubject(tokens, sentenceTokens(first.sentence)[0]);
  // "... with 78.4% of ballots cast in favour.\n\nOnly 19.1% of ballots opposed it": a share of the very whole the
  // sentence before named goes on with its answers; across a paragraph only for a count of ballots, as results do.
  const sameWhole = sharesSameWhole(tokens, prev, located, i, stated, among, rules);
  const sameVote = sameWhole && rules.voteWholes.has(stated.values().next().value ?? '');
  if (first.paragraph !== prev.paragraph && !((results || sameVote || closes) && first.paragraph === prev.paragraph + 1)) return false;
  const [from, to] = sentenceTokens(first.sentence);
  const at = tokenAt(tokens, first.q.start);
  // "... crew wages a third. Harbour fees take the other quarter": what is left of the whole, wherever it stands.
  if (isResidual(tokens, first.q, rules)) return true;
  // "The poll puts the mayor on 46 percent. Her rival is on 38 percent, with 14 percent undecided.": a sentence whose
  // shares include those who did not choose goes on answering the one question of the sentence before (one share, no
  // whole of its own), wherever its first share stands.
  const goOn = stated.size === 0 && among === undefined && answersGoOn(tokens, sentenceTokens, prev, located, i, rules);
  if (at - from > CONTINUE_REACH && !goOn && !results && !closes) return false;
  // "In 2018, 52 percent backed Smith. This year 60 percent backed him.": shares at other times are of other wholes
  // ("came second", "finished third" rank a result, they set no time).
  for (let k = from; k < Math.min(to, from + TIME_REACH); k++) if (rules.list.timeWords.has(tokens[k]!.lower) && !RANK_VERBS.has(tokens[k - 1]?.lower ?? '')) return false;
  // "... A further 41 percent waited longer": a share that adds to the ones before continues them whatever their whole.
  if ([1, 2].some((k) => rules.list.additiveBefore.has(tokens[at - k]?.lower ?? ''))) return true;
  if ((stated.size !== 1 || among !== undefined) && !goOn) return false;
  const [prevFrom, prevTo] = sentenceTokens(prev.sentence);
  // "won Sunday's election with 41 percent of the vote": the day of the count itself, which the results after it share.
  const dayOfCount = (w: string) => (results || sameVote || closes) && WEEKDAYS.has(w);
  for (let k = Math.max(prevFrom, prevTo - TIME_REACH); k < prevTo; k++) if (rules.list.timeWords.has(tokens[k]!.lower) && !dayOfCount(tokens[k]!.lower)) return false;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (located[j]!.q.quantityKind === 'year') return false;
  if (goOn) return true;
  for (let j = i; j < located.length && located[j]!.sentence === first.sentence; j++) {
    const { q } = located[j]!;
    const whole = isShare(q) ? wholeOf(tokens, q, rules.baselines) : undefined;
    if (isShare(q) && ((whole !== undefined && !(sameWhole && stated.has(whole.lemma))) || groupBefore(tokens, q) !== undefined)) return false;
  }
  return true;
}

/**
 * True when the sentence before held one share, of one stated whole and no group, and the last share of the next
 * sentence is what is left of a whole ("the remaining 16%"), none before it so: that sentence lists the other parts.
 */
function closesOneShare(tokens: readonly Token[], prev: Located, located: readonly Located[], i: number, stated: ReadonlySet<string>, among: unknown, rules: ShareRules): boolean {
  if (stated.size !== 1 || among !== undefined) return false;
  let before = 0;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (isShare(located[j]!.q)) before++;
  if (before !== 1) return false;
  const own = located.slice(i).filter((l, k, all) => l.sentence === located[i]!.sentence && all.slice(0, k).every((m) => m.sentence === l.sentence) && isShare(l.q));
  return own.length >= 2 && isResidual(tokens, own.at(-1)!.q, rules) && !own.slice(0, -1).some((l) => isResidual(tokens, l.q, rules));
}

/**
 * "Ordtel slipped to 31%, while Vyra held 22% and the co-operatives the remaining 16%": a share reached by a change
 * ("slipped to") is a holder's part when a later share of its sentence is what is left of the whole.
 */
function levelInClosedRun(tokens: readonly Token[], located: readonly Located[], i: number, rules: ShareRules): boolean {
  const { q } = located[i]!;
  if (tokens[tokenAt(tokens, q.start) - 1]?.lower !== 'to') return false;
  for (let j = i + 1; j < located.length && located[j]!.sentence === located[i]!.sentence; j++) if (isShare(located[j]!.q) && isResidual(tokens, located[j]!.q, rules)) return true;
  return false;
}

/**
 * True when the sentence before held one share, of one stated whole and no group, and the next sentence's first share
 * names that same whole again ("78.4% of ballots ... Only 19.1% of ballots ..."): it is a share of the same count.
 */
function sharesSameWhole(tokens: readonly Token[], prev: Located, located: readonly Located[], i: number, stated: ReadonlySet<string>, among: unknown, rules: ShareRules): boolean {
  if (stated.size !== 1 || among !== undefined || !isShare(prev.q)) return false;
  let before = 0;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (isShare(located[j]!.q)) before++;
  const whole = wholeOf(tokens, located[i]!.q, rules.baselines);
  return before === 1 && whole !== undefined && !whole.baseline && stated.has(whole.lemma);
}

/**
 * True when the sentence before held one share, of a whole of ballots ("won 41.2 percent of the vote"; numeric.json
 * voteWholes), and no group: the results of that count go on in the next sentence (whose shares the caller still
 * checks for wholes, groups and times of their own).
 */
function resultsGoOn(tokens: readonly Token[], prev: Located, located: readonly Located[], i: number, stated: ReadonlySet<string>, among: unknown, rules: ShareRules): boolean {
  if (stated.size !== 1 || among !== undefined || !rules.voteWholes.has(stated.values().next().value!)) return false;
  let before = 0;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (isShare(located[j]!.q)) before++;
  return before === 1 && isShare(prev.q);
}

/** How many tokens at the head of a sentence are read for the name of its subject. */
const SUBJECT_REACH = 4;

/**
 * "The Social Union came second on ...": a sentence that opens with a name (no pronoun before it) gives the result of
 * another contender; "Its candidate for mayor took 62 percent" speaks of the same one in another contest.
 */
function namedSubject(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + SUBJECT_REACH); k++) {
    const t = tokens[k]!;
    if (t.pos === 'PRON' || t.type === 'number') return false;
    if (t.pos === 'PROPN') return true;
  }
  return false;
}

/** How far after a share the word of those who did not choose may stand ("14 percent undecided", "6 percent backing others"). */
const ABSTAIN_REACH = 3;

/**
 * True when the sentence before held one share and this one holds a share of those who did not choose ("undecided",
 * "others"): the answers of one question run on.
 */
function answersGoOn(tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], prev: Located, located: readonly Located[], i: number, rules: ShareRules): boolean {
  let before = 0;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (isShare(located[j]!.q)) before++;
  if (before !== 1) return false;
  const [, to] = sentenceTokens(located[i]!.sentence);
  for (let j = i; j < located.length && located[j]!.sentence === located[i]!.sentence; j++) {
    const { q } = located[j]!;
    if (!isShare(q)) continue;
    const after = tokenAt(tokens, q.end);
    for (let k = after; k < Math.min(to, after + ABSTAIN_REACH); k++) {
      const word = tokens[k]!.lower;
      if (rules.list.abstentions.has(word) || rules.list.residualChoices.has(word)) return true;
    }
  }
  return false;
}

const GROUP_OPENERS = new Set(['among', 'amongst']);
const CLAUSE_BREAK = new Set([';', ':', '.']);
/** How far back in its clause a share's group ("Among women, 55 percent") is looked for. */
const GROUP_REACH = 12;

/** "Among women, 55 percent backed Smith; among men, 60 percent did": the group the share is of, named before it. */
function groupBefore(tokens: readonly Token[], q: QuantityAnnotation): string | undefined {
  const first = tokenAt(tokens, q.start);
  for (let k = first - 1; k >= Math.max(0, first - GROUP_REACH) && !CLAUSE_BREAK.has(tokens[k]!.text); k--) {
    // "Of the renters, 55 percent ...; of the homeowners, 52 percent ...": a whole named first again after a semicolon
    // opens a group of its own, like "among".
    const refronted = tokens[k]!.lower === 'of' && tokens[k - 1]?.text === ';' && tokens.slice(k + 1, first).some((t) => t.text === ',');
    if (!GROUP_OPENERS.has(tokens[k]!.lower) && !refronted) continue;
    let j = k + 1;
    while (j < first && (DETERMINERS.has(tokens[j]!.lower) || tokens[j]!.pos === 'ADJ')) j++;
    return `among ${tokens[j]?.lemma ?? ''}`;
  }
  return undefined;
}

/** True when a semicolon or colon stands between two offsets. */
function clauseBreakBetween(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && tokens[k]!.start < to; k++) if (CLAUSE_BREAK.has(tokens[k]!.text)) return true;
  return false;
}

const YEAR_LIKE = /^(?:1[89]|2[01])\d{2}(?:s|\/\d{2})?$/;

/** The whole a share is of ("45% of voters" → "voter"); a baseline when it names a level or holds a year ("of the 2019 level"). */
function wholeOf(tokens: readonly Token[], q: QuantityAnnotation, baselines: ReadonlySet<string>): { lemma: string; end: number; baseline: boolean } | undefined {
  let i = tokenAt(tokens, q.end);
  if (tokens[i]?.lower !== 'of') return undefined;
  i++;
  let dated = false;
  const stop = Math.min(tokens.length, i + WHOLE_REACH);
  while (i < stop && (DETERMINERS.has(tokens[i]!.lower) || tokens[i]!.type === 'number' || tokens[i]!.text === '-')) {
    // "of the 2019 level" is dated; "of the 2.6m connections", "of the 1,200 voters" count the whole itself.
    if (tokens[i]!.type === 'number' && YEAR_LIKE.test(tokens[i]!.text)) dated = true;
    i++;
  }
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

/** "of the five-year average", "of the pre-crisis level": a baseline word further on in the whole's own words. */
function baselineAhead(tokens: readonly Token[], from: number, stop: number, baselines: ReadonlySet<string>): boolean {
  for (let k = from; k < stop && (PHRASE_POS.has(tokens[k]!.pos) || tokens[k]!.text === '-'); k++) {
    if (baselines.has(tokens[k]!.lower) || baselines.has(tokens[k]!.lemma)) return true;
  }
  return false;
}

/**
 * Shares part one whole when each is followed by a different verb ("55% backed it, 40% opposed it"); the same verb after
 * each ("77% were aged over 26, 65% were women", "60% of voters backed the tax and 70% of voters backed the ban"), or
 * verbs of saying and thinking ("70% said ..., 55% named ..."), answer several questions. Not used for a share whose
 * whole is only carried from another.
 */
/** What may follow "planned to" when its infinitive is left out. */
const ELIDED_END = new Set([',', ';', '.', 'and', 'while', 'but']);

function differentPredicates(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  if (group.some((m) => m.carried)) return false;
  const next = group.map((m) => tokens[m.at]);
  // "58 percent were women and 49 percent worked part-time": a copula before a noun says what kind its share is, which
  // another share's action may overlap; only different actions or answers part the whole.
  if (group.some((m) => rules.list.copulas.has(tokens[m.at]?.lower ?? '') && tokens[m.at + 1]?.pos === 'NOUN')) return false;
  // "60% had cut staff, 30% planned to and 15% would not": a verb whose infinitive is left out ("planned to") takes the
  // action of the share before, so the shares answer one question about that action (when, or whether, it was done).
  if (group.slice(1).some((m) => tokens[m.at]?.pos === 'VERB' && tokens[m.at + 1]?.lower === 'to' && ELIDED_END.has(tokens[m.at + 2]?.text ?? '.'))) {
    return new Set(next.map((t) => t?.lower)).size === next.length && !next.includes(undefined);
  }
  if (!next.every((t) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX') && !rules.questionVerbs.has(t.lemma))) return false;
  return new Set(next.map((t) => t!.lower)).size === next.length;
}

/**
 * "Health takes 38 percent of the budget. Education takes 29 percent, defence 21 percent and welfare 17 percent.": a
 * whole stated once, and each share given to its own subject with the same verb or with the verb left out, parts that
 * whole. Without a stated whole ("Unemployment hit 12 percent and inflation hit 95 percent") the shares are rates of
 * their own subjects.
 */
function subjectsTakeShares(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  if (!group.some((m) => !m.carried && m.whole !== '' && !m.whole.startsWith('among '))) return false;
  const isVerb = (t: Token) => t.pos === 'VERB' || t.pos === 'AUX';
  const subjects = group.map((m) => subjectBefore(tokens, m.q));
  const firstVerbs = subjects[0]!.filter(isVerb).map((t) => t.lemma);
  if (firstVerbs.length !== 1 || rules.list.copulas.has(firstVerbs[0]!)) return false;
  const heads = subjects.map((words) => words.find((t) => t.pos === 'NOUN' || t.pos === 'PROPN')?.lemma);
  if (heads.some((h) => h === undefined) || new Set(heads).size !== heads.length) return false;
  // "Smith won ... 52 percent of the vote. Jones took 38 percent": verbs of winning a share of a count are one verb.
  const win = (t: Token) => rules.list.winVerbs.has(t.lemma) || rules.list.winVerbs.has(t.lower);
  const firstWins = subjects[0]!.some((t) => isVerb(t) && win(t));
  // "Jones came second on 38 percent": a verb that ranks a result gives a contender's share of the same count.
  return subjects.slice(1).every((words) => words.filter(isVerb).every((t) => t.lemma === firstVerbs[0] || (firstWins && (win(t) || RANK_VERBS.has(t.lower)))));
}

const TABLE_ITEM_START = new Set([',', ':', ';', 'and']);

/**
 * "Spending split: food 41%, rent 38%, transport 17%, other 9%": a table written as prose, each share right after its
 * own label at the head of an item, closed by "other" or "others", names every answer of one whole.
 */
function closedTable(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  const labels = group.map((m) => {
    const first = tokenAt(tokens, m.q.start);
    const label = tokens[first - 1];
    const head = first < 2 || TABLE_ITEM_START.has(tokens[first - 2]!.lower);
    return head && label?.type === 'word' ? label.lower : undefined;
  });
  if (labels.some((l) => l === undefined) || new Set(labels).size !== labels.length) return false;
  return rules.list.residualChoices.has(labels.at(-1)!) && !labels.slice(0, -1).some((l) => rules.list.residualChoices.has(l!));
}

/** How far after the first share's verb the words of a one-answer question are looked for. */
const ANSWER_REACH = 8;
/** How far before the first share a question asked first ("Asked which single issue mattered most, ...") is looked for. */
const QUESTION_REACH = 15;

/**
 * "A third of respondents named housing as their most important issue, a quarter named crime and half named public
 * transport", "Asked which single issue mattered most, 41 percent said the cost of living, 27 percent the hospital and
 * 19 percent housing": the same verb after each share, or a verb after the first only and left out after the others,
 * each share with a different answer, and the question asking for one answer ("most important", "main", "single") in
 * the first share's clause or before the first share, make the shares answers of one question, so they part one whole.
 */
function oneAnswerEach(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  const verbs = group.map((m) => tokens[m.at]);
  const isVerb = (t: Token | undefined) => t !== undefined && t.pos === 'VERB';
  const same = verbs.every(isVerb) && new Set(verbs.map((t) => t!.lemma)).size === 1;
  // The verb is left out after the first share: each later share is followed by its answer, not by a verb of its own.
  const gapped = isVerb(verbs[0]) && verbs.slice(1).every((t) => t !== undefined && ANSWER_POS.has(t.pos));
  if (!same && !gapped) return false;
  const objects = group.map((m, i) => answerWord(tokens, i === 0 || same ? m.at + 1 : m.at));
  if (objects.some((o) => o === undefined) || new Set(objects).size !== objects.length) return false;
  const first = group[0]!.at;
  for (let k = first + 1; k < Math.min(tokens.length, first + ANSWER_REACH) && !CLAUSE_BREAK.has(tokens[k]!.text) && tokens[k]!.text !== ','; k++) {
    if (rules.singleAnswer.has(tokens[k]!.lower)) return true;
  }
  const start = tokenAt(tokens, group[0]!.q.start);
  for (let k = start - 1; k >= Math.max(0, start - QUESTION_REACH) && !CLAUSE_BREAK.has(tokens[k]!.text); k--) {
    if (rules.singleAnswer.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** What may follow a share whose verb is left out: its answer ("27 percent the hospital", "19 percent housing"). */
const ANSWER_POS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ']);

/** The first word of an answer that is not a determiner ("the cost of living" → "cost"). */
function answerWord(tokens: readonly Token[], at: number): string | undefined {
  let k = at;
  while (tokens[k] !== undefined && tokens[k]!.pos === 'DET') k++;
  const tok = tokens[k];
  return tok !== undefined && tok.type === 'word' ? tok.lower : undefined;
}

/** "Turnout was 64 percent", "inflation hit 95 percent": a percentage whose subject is a rate of its own whole. */
function isRate(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  return subjectBefore(tokens, q).some((t) => rules.rateSubjects.has(t.lower));
}

/** A change or comparison ("rose by 12%", "a 30% increase") is not a share of the sentence's whole. */
function isComparison(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  const first = tokenAt(tokens, q.start);
  const next = tokens[tokenAt(tokens, q.end)];
  const prev = first > 0 ? tokens[first - 1] : undefined;
  const particle = prev?.lower === 'up' && rules.particleVerbs.has(tokens[first - 2]?.lower ?? '');
  // "backed by 58 percent": the share who took a stance, not a change by 58 percent.
  const stance = prev?.lower === 'by' && rules.list.stance.has(tokens[first - 2]?.lower ?? '');
  // "the 95 percent needed to stop outbreaks": a threshold, not a share.
  const threshold = prev?.lower === 'the' && next !== undefined && rules.thresholds.has(next.lower);
  return threshold || (prev !== undefined && !particle && !stance && rules.notShareBefore.has(prev.lower)) || (next !== undefined && rules.notShareAfter.has(next.lower));
}

function overFinding(doc: Document, q: QuantityAnnotation): Finding {
  const message = `"${doc.slice(q)}" is stated as a share of a whole, but a share cannot exceed 100% (it guarantees ${fmt(guaranteed(q).low)}%).`;
  return { rule: 'percentage-over-100', severity: 'warning', message, start: q.start, end: q.end, annotationIds: [q.id] };
}

/** Whole-number shares may add up to 100 + tolerance by rounding; shares with decimals to a tenth or hundredth of it. */
function toleranceFor(group: readonly QuantityAnnotation[], tolerance: number): number {
  const decimals = Math.max(...group.map((q) => (String(guaranteed(q).low).split('.')[1] ?? '').length));
  return tolerance / 10 ** Math.min(decimals, 2);
}

function sumFinding(doc: Document, shares: readonly Share[], tolerance: number): Finding[] {
  const group = shares.map((m) => m.q);
  const lows = group.map((q) => guaranteed(q).low);
  const sum = lows.reduce((a, b) => a + b, 0);
  if (sum <= 100 + toleranceFor(group, tolerance)) return [];
  const quoted = group.map((q) => `"${doc.slice(q)}"`).join(', ');
  const message = `Shares of one whole in ${shares[0]!.sentence === shares.at(-1)!.sentence ? 'one sentence' : 'consecutive sentences'} add up to ${fmt(sum)}% (${lows.map((x) => `${fmt(x)}%`).join(' + ')}), more than 100%: ${quoted}.`;
  return [{ rule: 'percentage-over-100', severity: 'warning', message, start: group[0]!.start, end: group.at(-1)!.end, annotationIds: group.map((q) => q.id) }];
}
