import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import { groupBefore, isResidual, isShare, RANK_VERBS, wholeOf, type ShareRules } from './share-reading.js';

// Shares that run on into the next sentence or paragraph: the answers of one question, the results of one vote, the
// rest of one whole.

const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);

/** How far into its sentence the first share may stand and still continue the answers of the sentence before. */
const CONTINUE_REACH = 3;
/** How many tokens of each sentence are searched for words of time (keeps the check linear). */
const TIME_REACH = 40;

/**
 * "58 percent of respondents backed the plan. Another 39 percent opposed it and 9 percent were undecided.": the next
 * sentence of the paragraph continues the answers when the sentence before named one whole, its own first figure is a
 * share at its start ("Another 39 percent", "Only 12 percent") and none of its shares names a whole or group of its own.
 */
export function continues(tokens: readonly Token[], sentenceTokens: (s: number) => [number, number], prev: Located, located: readonly Located[], i: number, stated: ReadonlySet<string>, among: unknown, rules: ShareRules): boolean {
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
  const goOn = stated.size === 0 && among === undefined && (answersGoOn(tokens, sentenceTokens, prev, located, i, rules) || standingsGoOn(tokens, prev, located, i));
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
  for (let k = Math.max(prevFrom, prevTo - TIME_REACH); k < prevTo; k++) if (rules.list.timeWords.has(tokens[k]!.lower) && !dayOfCount(tokens[k]!.lower) && !dated(tokens, k)) return false;
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
  const own = sharesOfSentence(located, i);
  return own.length >= 2 && isResidual(tokens, own.at(-1)!.q, rules) && !own.slice(0, -1).some((l) => isResidual(tokens, l.q, rules));
}

/**
 * "Ordtel slipped to 31%, while Vyra held 22% and the co-operatives the remaining 16%": a share reached by a change
 * ("slipped to") is a holder's part when a later share of its sentence is what is left of the whole.
 */
export function levelInClosedRun(tokens: readonly Token[], located: readonly Located[], i: number, rules: ShareRules): boolean {
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
    // "11 percent of voters still undecided": read after the whole the share names.
    const after = wholeOf(tokens, q, rules.baselines)?.end ?? tokenAt(tokens, q.end);
    for (let k = after; k < Math.min(to, after + ABSTAIN_REACH); k++) {
      const word = tokens[k]!.lower;
      if (rules.list.abstentions.has(word) || rules.list.residualChoices.has(word)) return true;
    }
  }
  return false;
}

/** The word before a share that gives a contender's standing in a poll or count ("put Labour on 41 per cent"). */
const STANDING = 'on';

/**
 * "The poll put Labour on 41 per cent. The Conservatives were on 33 per cent, the Liberal Democrats on 14 per cent and
 * the Greens on 16 per cent.": the sentence before held one share, a standing ("on 41 per cent"), and every share of
 * the next is a standing too: the next contenders of the same poll or count.
 */
function standingsGoOn(tokens: readonly Token[], prev: Located, located: readonly Located[], i: number): boolean {
  let before = 0;
  for (let j = i - 1; j >= 0 && located[j]!.sentence === prev.sentence; j--) if (isShare(located[j]!.q)) before++;
  const standing = (l: Located) => tokens[tokenAt(tokens, l.q.start) - 1]?.lower === STANDING;
  if (before !== 1 || !isShare(prev.q) || !standing(prev)) return false;
  const next = sharesOfSentence(located, i);
  // "Alvena trails on 34 percent, with Imre at 17 percent and Bo at 11 percent": "at" gives the next contenders'
  // standings once one of them stands "on" a share.
  const at = (l: Located) => tokens[tokenAt(tokens, l.q.start) - 1]?.lower === 'at';
  return next.length >= 2 && next.some(standing) && next.every((l) => standing(l) || at(l));
}

/** The shares among the figures of the sentence that `located[i]` opens (one pass over that sentence's figures). */
function sharesOfSentence(located: readonly Located[], i: number): Located[] {
  const out: Located[] = [];
  for (let j = i; j < located.length && located[j]!.sentence === located[i]!.sentence; j++) if (isShare(located[j]!.q)) out.push(located[j]!);
  return out;
}

/**
 * "conducted among 1,250 voters between 3 and 9 October, puts Korr on 41 percent": a month with its day is the date
 * the figures were gathered or given, not a time the next sentence's shares are set against.
 */
function dated(tokens: readonly Token[], k: number): boolean {
  const day = (t: Token | undefined) => t !== undefined && /^\d{1,2}(?:st|nd|rd|th)?$/.test(t.text);
  return /^\p{Lu}/u.test(tokens[k]!.text) && (day(tokens[k - 1]) || day(tokens[k + 1]));
}
