import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, sumOf } from './context.js';
import settings from './numeric.json' with { type: 'json' };
import { namesKinds } from './kinds.js';
import { abstains } from './choices.js';
import { CONTRASTS } from './list-ends.js';
import { adds, closedByOthers, isBreakdown, partsOneWhole } from './one-whole.js';
import { overlapRemarked } from './overlaps.js';
import { hyphenJoined, subjectBefore } from './subjects.js';
import { areExclusiveOutcomes } from './outcomes.js';
import { setApart } from './share-settings.js';
import { askedForOne, binnedAnswers, forAndAgainst } from './share-questions.js';
import { afterRelative, CLAUSE_BREAK, RANK_VERBS, type Share, type ShareRules } from './share-reading.js';

// Judging the shares gathered for one whole: whether they part it (and so may not add up to more than 100), or
// answer several questions, set apart in places, times or groups, whose shares may overlap.

export function judgeSentence(doc: Document, tokens: readonly Token[], given: readonly Share[], rules: ShareRules): Finding[] {
  const { shares, respective } = respectiveRuns(tokens, given);
  const groups = new Map<string, Share[]>();
  const unnamed = shares.filter((m) => m.whole === '').length;
  for (const share of shares) {
    const group = groups.get(wholeOfRun(tokens, shares, share, unnamed, rules));
    if (group) group.push(share);
    else groups.set(wholeOfRun(tokens, shares, share, unnamed, rules), [share]);
  }
  const findings: Finding[] = [];
  for (const group of groups.values()) {
    const found = judgeGroup(doc, tokens, group, rules, respective);
    // "Men made up 84% of those arrested and women 19%, while drivers aged under 30 accounted for just over a third": a
    // share after a contrast ("while", "whereas") may be of another breakdown of the whole; when the group read whole is
    // not judged, the shares before the contrast are judged on their own.
    const cut = found.length === 0 ? contrastCut(tokens, group) : 0;
    findings.push(...(cut >= 2 ? judgeGroup(doc, tokens, group.slice(0, cut), rules) : found));
  }
  return findings;
}

/**
 * "puts Korr on 41 percent, Alvena on 34 percent, Imre on 17 percent and 11 percent of voters still undecided": the one
 * share that names a whole and gives no answer ("undecided", "did not know") names the whole of the answers beside it,
 * which name none (at least two), so it joins them.
 */
function wholeOfRun(tokens: readonly Token[], shares: readonly Share[], share: Share, unnamed: number, rules: ShareRules): string {
  if (unnamed < 2 || share.whole === '' || share.carried || share.whole.startsWith('among ')) return share.whole;
  if (shares.filter((m) => m.whole === share.whole).length !== 1 || !abstains(tokens, share, rules.list)) return share.whole;
  return '';
}

/** Whether `group`, the shares read as of one whole, part it; the finding when they then add up to more than 100. */
/** The words that may join the shares of one run ("46 percent, 31 percent and 27 percent"). */
const RUN_JOINTS = new Set([',', 'and']);
/** How many tokens after a run's last share (and its whole) "respectively" may stand. */
const RESPECTIVELY_REACH = 3;

/**
 * "Ostrel, Lessany and Vardenia took 46 percent, 31 percent and 27 percent of the volume respectively": shares joined
 * only by commas and "and", the last naming the whole and "respectively" after it, each go to one of the items named
 * before: they are all of that whole and part it. Returns the shares with the run's whole given to each of its shares,
 * and the shares of such runs.
 */
function respectiveRuns(tokens: readonly Token[], shares: readonly Share[]): { shares: Share[]; respective: Set<Share> } {
  const out = [...shares];
  const respective = new Set<Share>();
  for (let end = out.length - 1; end > 0; end--) {
    const last = out[end]!;
    if (last.whole === '' || last.carried) continue;
    let after = last.at;
    while (after < Math.min(tokens.length, last.at + RESPECTIVELY_REACH) && tokens[after]?.lower !== 'respectively') after++;
    if (tokens[after]?.lower !== 'respectively' || ownWhole(tokens, last)) continue;
    let start = end;
    while (start > 0 && out[start - 1]!.whole === '' && joinedOnly(tokens, out[start - 1]!, out[start]!)) start--;
    if (start === end || !SHARE_VERBS.has(verbBefore(tokens, out[start]!) ?? '')) continue;
    for (let k = start; k <= end; k++) {
      out[k] = { ...out[k]!, whole: last.whole };
      respective.add(out[k]!);
    }
    end = start;
  }
  return { shares: out, respective };
}

/** Verbs of items that take a share of one whole (numeric.json respectiveShareVerbs), by lemma. */
const SHARE_VERBS: ReadonlySet<string> = new Set(settings.respectiveShareVerbs.words);
/** How far before a run's first share its verb may stand ("took 46 percent", "accounted for 46 percent"). */
const VERB_REACH = 3;

/** The lemma of the verb right before a share ("took", "accounted for"), if any. */
function verbBefore(tokens: readonly Token[], share: Share): string | undefined {
  const first = tokenAt(tokens, share.q.start);
  for (let k = first - 1; k >= Math.max(0, first - VERB_REACH); k--) {
    if (tokens[k]!.pos === 'VERB' || tokens[k]!.pos === 'AUX') return tokens[k]!.lemma;
  }
  return undefined;
}

/** "60 percent and 55 percent of their waste respectively": each item's own whole, so no one whole is parted. */
const OWN_WHOLES: ReadonlySet<string> = new Set(settings.ownWholes.words);

function ownWhole(tokens: readonly Token[], share: Share): boolean {
  const first = tokenAt(tokens, share.q.end);
  for (let k = first; k < Math.min(tokens.length, share.at); k++) if (OWN_WHOLES.has(tokens[k]!.lower)) return true;
  return false;
}

/** True when only commas and "and" stand between two shares. */
function joinedOnly(tokens: readonly Token[], a: Share, b: Share): boolean {
  const from = tokenAt(tokens, a.q.end);
  const to = tokenAt(tokens, b.q.start);
  if (to <= from) return false;
  for (let k = from; k < to; k++) if (!RUN_JOINTS.has(tokens[k]!.lower)) return false;
  return true;
}

function judgeGroup(doc: Document, tokens: readonly Token[], group: readonly Share[], rules: ShareRules, respective: ReadonlySet<Share> = new Set()): Finding[] {
  if (group.length >= 2 && group.every((m) => respective.has(m))) return sumFinding(doc, group, rules.tolerance);
  // "60 percent were men and 45 percent were women": descriptions that are kinds of one group part the whole after all.
  // "46% were violent, 38% were thefts and 21% were other crimes": kinds closed by "other" name each member once.
  const kinds = group.length >= 2 && (kindsOfOneWhole(tokens, group, rules) || closedByOthers(tokens, group, rules.list));
  if (group.length < 2 || (isBreakdown(tokens, group, rules.list) && !kinds)) return [];
  // "workload (cited by 71 per cent), pay (64 per cent) and abuse (38 per cent), with respondents able to pick more than
  // one": a remark after the shares that members gave several answers (numeric.json overlapRemarks).
  const sentence = doc.all('sentence')[group.at(-1)!.sentence];
  if (sentence && overlapRemarked(tokens, group, tokenAt(tokens, sentence.end - 1) + 1)) return [];
  // "In Dunmore, 55 percent ..., while in Calder 60 percent ...": shares set in different places are of different wholes.
  if (new Set(group.flatMap((m) => m.setting ?? [])).size > 1) return [];
  // "Ortiz won 55 percent of the vote in Dunmore and Banks won 60 percent in Calder": different places or contests,
  // unless a whole named first holds them all ("Of those, 46 percent live in the city and 60 percent in the suburbs").
  if (!group.some((m) => m.fronted) && setApart(tokens, group, rules.settings, rules.list.copulas)) return [];
  // "47 percent use it daily, 38 percent weekly and 19 percent never": end states or answers of which each member gives one.
  const exclusive = areExclusiveOutcomes(tokens, group, rules.list);
  // "half of that and a third ... the other quarter": a share said to be the rest of the whole closes the shares before it.
  const rest = group.at(-1)!.residual && !group.slice(0, -1).some((m) => m.residual);
  if (exclusive || rest || othersClose(tokens, group, rules) || subjectsTakeShares(tokens, group, rules) || closedTable(tokens, group, rules) || partsOneWhole(tokens, group, rules.list, true) === 'parts' || adds(tokens, group, rules.list) || differentPredicates(tokens, group, rules) || oneAnswerEach(tokens, group, rules) || askedForOne(tokens, group) || binnedAnswers(tokens, group) || forAndAgainst(tokens, group) || kinds) return sumFinding(doc, group, rules.tolerance);
  return [];
}

/** The index of the first share after ", while" / ", whereas" (list-ends.ts CONTRASTS) between two shares of `group`, 0 when there is none. */
function contrastCut(tokens: readonly Token[], group: readonly Share[]): number {
  for (let i = 1; i < group.length; i++) {
    const from = tokenAt(tokens, group[i - 1]!.q.end);
    const to = tokenAt(tokens, group[i]!.q.start);
    for (let k = from; k < to; k++) if (CONTRASTS.has(tokens[k]!.lower) && tokens[k - 1]?.text === ',') return i;
  }
  return 0;
}

/**
 * "Of the 640 birds ringed, 58 percent were juveniles and 49 percent adults", "55% of them women and 50% men": shares of
 * a whole named first (or after the first share, or a figure before "of whom") said to be kinds that cannot overlap
 * (kinds.ts namesKinds, as counts are) part that whole.
 */
function kindsOfOneWhole(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  return group.some((m) => m.fronted || (!m.carried && m.whole !== '') || afterRelative(tokens, m.q)) && namesKinds(tokens, group, rules.list);
}

/** What may follow "planned to" when its infinitive is left out. */
const ELIDED_END = new Set([',', ';', '.', 'and', 'while', 'but']);

/**
 * Shares part one whole when each is followed by a different verb ("55% backed it, 40% opposed it"); the same verb after
 * each ("77% were aged over 26, 65% were women", "60% of voters backed the tax and 70% of voters backed the ban"), or
 * verbs of saying and thinking ("70% said ..., 55% named ..."), answer several questions. Not used for a share whose
 * whole is only carried from another.
 */
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
  const subjects = group.map((m) => subjectBefore(tokens, m.q));
  // "buses for 22% ... and walking for 11%": an -ing form that opens a subject is its noun (a gerund), not its verb.
  const gerunds = new Set(subjects.map((words) => words.at(-1)).filter((t): t is Token => t !== undefined && t.pos === 'VERB' && t.lower.endsWith('ing')));
  // "phishing-led account takeovers for 37 percent": a participle joined by a hyphen is part of a compound adjective.
  const compounds = new Set(subjects.flatMap((words) => words.filter((_, i) => hyphenJoined(words, i))));
  const isVerb = (t: Token) => (t.pos === 'VERB' || t.pos === 'AUX') && !gerunds.has(t) && !compounds.has(t);
  const firstVerbs = subjects[0]!.filter(isVerb).map((t) => t.lemma);
  if (firstVerbs.length !== 1 || rules.list.copulas.has(firstVerbs[0]!)) return false;
  const heads = subjects.map((words) => words.find((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || gerunds.has(t))?.lemma);
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
  // "58 percent preferred a text reminder, 29 percent a letter": a verb of choice takes one answer each (wink may tag
  // "preferred" an adjective).
  const choice = (t: Token | undefined) => t !== undefined && rules.choiceVerbs.has(t.lower);
  const isVerb = (t: Token | undefined) => t !== undefined && (t.pos === 'VERB' || choice(t));
  const same = verbs.every(isVerb) && new Set(verbs.map((t) => t!.lemma)).size === 1;
  // The verb is left out after the first share: each later share is followed by its answer, not by a verb of its own.
  const gapped = isVerb(verbs[0]) && verbs.slice(1).every((t) => t !== undefined && ANSWER_POS.has(t.pos));
  if (!same && !gapped) return false;
  const objects = group.map((m, i) => answerWord(tokens, i === 0 || same ? m.at + 1 : m.at));
  if (objects.some((o) => o === undefined) || new Set(objects).size !== objects.length) return false;
  if (choice(verbs[0])) return true;
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

/** Whole-number shares may add up to 100 + tolerance by rounding; shares with decimals to a tenth or hundredth of it. */
function toleranceFor(group: readonly QuantityAnnotation[], tolerance: number): number {
  const decimals = Math.max(...group.map((q) => (String(guaranteed(q).low).split('.')[1] ?? '').length));
  return tolerance / 10 ** Math.min(decimals, 2);
}

function sumFinding(doc: Document, shares: readonly Share[], tolerance: number): Finding[] {
  const group = shares.map((m) => m.q);
  const lows = group.map((q) => guaranteed(q).low);
  const sum = sumOf(lows);
  // Shares adding up to far more than 100 are shares of several wholes misread as one (numeric.json plausibleSums).
  if (sum <= 100 + toleranceFor(group, tolerance) || sum > settings.plausibleSums.highestShares) return [];
  const quoted = group.map((q) => `"${doc.slice(q)}"`).join(', ');
  const message = `Shares of one whole in ${shares[0]!.sentence === shares.at(-1)!.sentence ? 'one sentence' : 'consecutive sentences'} add up to ${fmt(sum)}% (${lows.map((x) => `${fmt(x)}%`).join(' + ')}), more than 100%: ${quoted}.`;
  return [{ rule: 'percentage-over-100', severity: 'warning', message, start: group[0]!.start, end: group.at(-1)!.end, annotationIds: group.map((q) => q.id) }];
}

/**
 * "won with 48 percent of the vote, against 27 percent for the Conservatives, 19 percent for the Greens and 11 percent
 * for others": the shares after the first each given to a different holder by one preposition, the last to "others"
 * (numeric.json residualChoices) or the first of a vote (numeric.json voteWholes), name every answer of one whole.
 */
function othersClose(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  if (group.length < 3) return false;
  const later = group.slice(1);
  const preps = later.map((m) => tokens[m.at]);
  if (preps.some((t) => t === undefined || t.pos !== 'ADP') || new Set(preps.map((t) => t!.lower)).size !== 1) return false;
  const holders = later.map((m) => answerWord(tokens, m.at + 1));
  if (holders.some((h) => h === undefined) || new Set(holders).size !== holders.length) return false;
  // "... with 48 percent of the vote, against 27 percent for the Conservatives and 19 percent for the Greens": each
  // voter votes once, so the shares of a vote given to different holders part it without "others" too.
  if (rules.voteWholes.has(group[0]!.whole) && !group[0]!.carried) return true;
  return rules.list.residualChoices.has(holders.at(-1)!) && !holders.slice(0, -1).some((h) => rules.list.residualChoices.has(h!));
}
