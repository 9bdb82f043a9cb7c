// A breakdown written as clauses right after its whole ("Officers detained 58 people. Of those, 34 have been charged,
// 17 were released on bail and 11 walked free."; also after a fronted "Of the 58 detained,", a colon, a dash or in the
// next sentence: readings.ts ENUMERATED): each figure the subject of its own clause, three at least, the last after "and". Newsrooms write the parts of one whole so, whatever the verbs; the word lists of exclusive outcomes
// (outcomes.ts) cannot hold every verb a writer uses. Read as parts within the whole: a finding only when they exceed it.
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Member } from './members.js';

/**
 * The fewest clauses that make such a breakdown: two may be the main groups only, or overlap ("5,000 are children and
 * 6,200 still live in tents"). Measured on the news tune half (848 articles): with two, 1 more finding and 3 more false
 * warnings than with three.
 */
const MIN_CLAUSES = 3;

/** Parts of speech that open a figure's own clause right after it ("34 have been charged", "11 walked free"). */
const CLAUSE_OPENERS = new Set(['AUX', 'VERB']);

/** Parts of speech of a member whose verb is left out after the first ("1,150 about faulty goods", "17 on bail"). */
const GAPPED_OPENERS = new Set(['ADP']);

/** What a figure's clause opens with: its verb (an adverb may come first: "34 have now been charged"). */
function opensClause(tokens: readonly Token[], m: Member, gappedAllowed: boolean): boolean {
  let k = m.at;
  if (tokens[k]?.pos === 'ADV') k++;
  const pos = tokens[k]?.pos ?? '';
  return CLAUSE_OPENERS.has(pos) || (gappedAllowed && GAPPED_OPENERS.has(pos)) || misreadVerb(tokens, m, k);
}

/** What follows a verb the tagger read as a noun ("11 fell from boats", "6 took the bus"). */
const VERB_FOLLOWERS = new Set(['ADP', 'DET', 'PART']);

/**
 * "11 fell from boats": wink may tag a verb right after a number as a noun. The quantity annotator, which reads a
 * figure's counted noun, gave this figure none, and the word is followed by a preposition, determiner or particle as
 * a verb is: it opens the figure's clause.
 */
function misreadVerb(tokens: readonly Token[], m: Member, k: number): boolean {
  return k === m.at && m.q.unit === undefined && tokens[k]?.pos === 'NOUN' && VERB_FOLLOWERS.has(tokens[k + 1]?.pos ?? '');
}

/**
 * True when the members (in text order) are clauses of their own, three at least: the first figure opens its clause
 * with a verb, each later one with a verb or, its verb left out, a preposition; "and" stands right before the last
 * figure. The caller has already set aside overlaps, stages of one process, traits and lists a figure goes on.
 */
export function enumeratedClauses(tokens: readonly Token[], members: readonly Member[]): boolean {
  if (members.length < MIN_CLAUSES) return false;
  if (!members.every((m, i) => opensClause(tokens, m, i > 0))) return false;
  const last = tokenAt(tokens, members.at(-1)!.q.start);
  return tokens[last - 1]?.lower === 'and';
}
