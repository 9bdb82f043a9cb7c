// Where a list of figures ends and whether it names all its parts: a clause word, a reporting aside or a figure that
// adds to the ones before ends it ("..., while losing 12", "a further 20"); a contrast of two answers to one question
// goes on with it ("1,604 opposed the plan, while 291 backed it"); "and" between its last two figures closes it.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { stanceAfter, stanceObject } from './choices.js';
import { remainderAt } from './part-words.js';
import { areExclusiveOutcomes } from './outcomes.js';
import { CLAUSE_END, memberOf, type ListRules, type Member } from './members.js';
import { parallelSubject, subjectHead } from './subjects.js';

/** How a list is set in its sentence. */
export interface ListSetting {
  /** The list follows a subset cue ("including"), so its members are parts singled out, not additions. */
  readonly subset?: boolean;
  /** A total cue closes the list right after it ("..., 4,170 calls in all"): every figure before it is a part. */
  readonly closedByTotal?: boolean;
}

/** How many of `members` form one list: up to the first figure that follows a clause word ("..., while losing 12"). */
export function listLength(tokens: readonly Token[], members: readonly QuantityAnnotation[], rules: ListRules, { subset = false, closedByTotal = false }: ListSetting = {}): number {
  // The subjects' head nouns of the members read so far, one look per member (parallelSubject).
  const heads = new Set<string>();
  for (let i = 1; i < members.length; i++) {
    const head = subjectHead(tokens, members[i - 1]!);
    if (head !== undefined) heads.add(head);
    const from = tokenAt(tokens, members[i - 1]!.end);
    const to = Math.min(tokenAt(tokens, members[i]!.start), from + 40);
    // "while 11 more were killed on the coast", "while a further 11 ...": a figure that adds to the ones before it
    // continues their list whatever clause it opens.
    const first = tokenAt(tokens, members[i]!.start);
    // "..., while 300 more were rescued" after "Six died ...": a figure said to reach another end state counts others.
    // "..., while the remaining 14 were in Hull": a figure named as the remainder closes the list (part-words.ts).
    // "..., while 17 were hurt by other animals": a figure said of the others closes the list as the remainder does.
    // "..., including 1,620 in the walled groves alone, and a further 700 are marked for removal": after a subset cue, a
    // figure that adds to the ones before with a verb of its own, after a member with none, adds to the whole, not to the
    // list ("took 52 wheels, and on Sunday another 27 disappeared" goes on with a list of no such cue).
    const further = [1, 2].some((k) => rules.additiveBefore.has(tokens[first - k]?.lower ?? ''));
    if (subset && further && verbAfter(tokens, members[i]!) && !verbAfter(tokens, members[i - 1]!)) return i;
    const additive = (further || rules.additiveAfter.has(tokens[tokenAt(tokens, members[i]!.end)]?.lower ?? '') || remainderAt(tokens, first) || ofTheOthers(tokens, members[i]!)) && !otherOutcome(tokens, members[0]!, members[i]!, rules);
    // "1,604 opposed the plan, while 291 backed it", "40 were admitted, whereas 25 went home": a contrast between two
    // different answers to one question, or two end states of one event, goes on with the list.
    // "64 were taken to A, 51 to B and 29 to C, while 13 were treated at the scene": after members whose verb is left
    // out, the end state to contrast is the first member's.
    const contrasted = !additive && (isContrastedAnswer(tokens, members[i - 1]!, members[i]!, rules) || (i > 1 && isContrastedAnswer(tokens, members[0]!, members[i]!, rules)) || parallelSubject(tokens, members[i]!, heads));
    // "1,420 calls on Saturday and 1,310 on Sunday, a spokesman said, and another 1,580 on Monday, 4,170 calls in all":
    // a total that closes the list says the figures after the aside are its parts too.
    if (!closedByTotal && reportAside(tokens, from, to, rules)) return i;
    // "the year before and ...": a breaker that ends its clause is an adverb, not the start of another clause.
    for (let k = from; k < to && !additive; k++) {
      if (!rules.breakers.has(tokens[k]!.lower) || CLAUSE_END.has(tokens[k + 1]?.lower ?? '') || prepositionalUse(tokens, k, to)) continue;
      if (contrasted && CONTRASTS.has(tokens[k]!.lower)) continue;
      return i;
    }
  }
  return members.length;
}

const PREPOSITION_BREAKERS = new Set(['after', 'before', 'since', 'until']);
const GERUND_BREAKERS = new Set(['after', 'before', 'since', 'until', 'while', 'when']);
const PHRASE_WORDS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ']);
// The tagger may read an -ing form after "while" as a noun ("while swimming or wading").
const gerund = (t: Token | undefined) => (t?.pos === 'VERB' || t?.pos === 'NOUN') && t.lower.endsWith('ing');

/**
 * "268 starters sent in by home bakers after a public appeal and 152 collected from bakeries": "after", "before",
 * "since" or "until" before a noun phrase with no verb up to the next joiner or figure is a preposition, not the start
 * of another clause ("..., after 40 more were found" still is). So is one of these or "while", "when" before an -ing
 * form whose phrase ends at a joiner before the next figure ("31 were wound infections picked up while swimming or
 * wading, 9 were ..."; not "..., while losing 12 soldiers").
 */
function prepositionalUse(tokens: readonly Token[], k: number, to: number): boolean {
  const word = tokens[k]!.lower;
  const phrase = PREPOSITION_BREAKERS.has(word) && PHRASE_WORDS.has(tokens[k + 1]?.pos ?? '');
  const adverbial = GERUND_BREAKERS.has(word) && gerund(tokens[k + 1]);
  if (!phrase && !adverbial) return false;
  for (let j = k + 1; j < to; j++) {
    const t = tokens[j]!;
    if (t.text === ',' || t.lower === 'and') return true;
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !(adverbial && gerund(t))) return false;
  }
  return phrase;
}

/** True when a verb or auxiliary follows a figure, past its counted noun ("700 are marked", "30 were charged"). */
function verbAfter(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.end);
  if (q.unit !== undefined && tokens[k]?.text === q.unit) k++;
  return tokens[k]?.pos === 'VERB' || tokens[k]?.pos === 'AUX';
}

/** How many words a reporting clause set off by commas may hold ("the hospital's trust said"). */
const ASIDE_REACH = 8;

/** True when a reporting clause set off by commas (", the trust said,") stands in tokens `[from, to)`. */
function reportAside(tokens: readonly Token[], from: number, to: number, rules: ListRules): boolean {
  for (let k = from; k < to; k++) {
    if (tokens[k]!.text !== ',') continue;
    for (let j = k + 1; j < Math.min(to, k + 1 + ASIDE_REACH) && tokens[j]!.text !== ','; j++) {
      if (rules.reportAsides.has(tokens[j]!.lower) && tokens[j + 1]?.text === ',') return true;
    }
  }
  return false;
}

/**
 * Breakers that set two clauses side by side rather than one inside the other ("while", "whereas"); "but" often tells
 * what happened next ("700 were admitted, but 400 later went home") and is left out.
 */
export const CONTRASTS: ReadonlySet<string> = new Set(['while', 'whereas']);
/** Words after the later figure that make its state a later step of the same members ("while 400 later went home"). */
const SEQUENCE = new Set(['later', 'then', 'subsequently', 'afterwards', 'afterward', 'since', 'eventually']);

/**
 * True when two figures each give a different answer to one question ("1,604 opposed the closure, while 291 backed
 * it") or a different end state of one event ("1,150 were admitted, while 640 went home"): a contrast between them
 * says they are members of one whole, not a new clause about something else.
 */
function isContrastedAnswer(tokens: readonly Token[], prev: QuantityAnnotation, cur: QuantityAnnotation, rules: ListRules): boolean {
  const a = memberOf(tokens, prev);
  const b = memberOf(tokens, cur);
  if (tokens.slice(b.at, b.at + 3).some((t) => SEQUENCE.has(t.lower))) return false;
  if (areExclusiveOutcomes(tokens, [a, b], rules)) return true;
  const x = stanceAfter(tokens, a.at, rules);
  const y = stanceAfter(tokens, b.at, rules);
  if (x === undefined || y === undefined || x === y) return false;
  // "500 backed the mayor, while 450 opposed the budget": stances on two different things answer two questions.
  const p = stanceObject(tokens, a.at, rules);
  const q = stanceObject(tokens, b.at, rules);
  return p === undefined || q === undefined || p === q;
}
/** How many words after a figure are read for the end state it is said to reach. */
const OUTCOME_REACH = 5;

/** True when `later` is said to reach an end state (numeric.json exclusiveOutcomes) that `first` is not said to reach. */
function otherOutcome(tokens: readonly Token[], first: QuantityAnnotation, later: QuantityAnnotation, rules: ListRules): boolean {
  const states = (q: QuantityAnnotation) => {
    const from = tokenAt(tokens, q.end);
    return tokens.slice(from, from + OUTCOME_REACH).map((t) => t.lower).filter((w) => rules.exclusiveOutcomes.has(w));
  };
  const key = (w: string) => (rules.sameOutcomes.has(w) ? `=${rules.sameOutcomes.get(w)}` : w);
  const own = states(later).map(key);
  const before = new Set(states(first).map(key));
  return own.length > 0 && before.size > 0 && !own.some((w) => before.has(w));
}

/**
 * A list closed by "and" (or "while", "with"...) between its last two figures names all its parts; so does a list
 * written without "and" whose figures are set apart by commas or semicolons and whose last one ends its sentence or
 * brackets ("29 in Leeds, 21 in York, 22 in Hull.").
 */
export function isClosedList(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  if (members.length < 2) return false;
  const from = tokenAt(tokens, members.at(-2)!.q.end);
  const to = Math.min(tokenAt(tokens, members.at(-1)!.q.start), from + 40);
  for (let k = from; k < to; k++) if (rules.joiners.has(tokens[k]!.lower)) return true;
  return members.length >= 3 && ((separatedBySigns(tokens, members) && endsItsSpan(tokens, members.at(-1)!)) || setAgainst(tokens, members, rules));
}

const SET_AGAINST = new Set(['against', 'versus']);
/** How many words after the figure set against a list are searched for a time. */
const AGAINST_REACH = 5;
const PLACE_PREPOSITIONS = new Set(['in', 'on', 'along', 'at', 'across', 'outside', 'inside', 'near', 'around']);

/**
 * "41 in Vargsjö, 27 in Nedre Ålby and 14 in Tornvik, against 9 along the coast": a list closed by "and" whose last
 * figure is set against it in a place of its own is closed with that figure (a time, "against 9 last year", is a
 * baseline, not a place).
 */
function setAgainst(tokens: readonly Token[], members: readonly Member[], rules: ListRules): boolean {
  const last = members.at(-1)!;
  const first = tokenAt(tokens, last.q.start);
  if (!SET_AGAINST.has(tokens[first - 1]?.lower ?? '') || tokens[first - 2]?.text !== ',') return false;
  const after = tokenAt(tokens, last.q.end);
  const words = tokens.slice(after + 1, after + 1 + AGAINST_REACH).map((t) => t.lemma.toLowerCase());
  if (!PLACE_PREPOSITIONS.has(tokens[after]?.lower ?? '') || words.some((w) => rules.timeWords.has(w)) || /^\d{4}$/.test(tokens[after + 1]?.text ?? '')) return false;
  return isClosedList(tokens, members.slice(0, -1), rules);
}

/** How many words of its own phrase may follow the last figure of a list before its sentence ends ("in the far east"). */
const LAST_PHRASE = 5;
const LIST_SIGNS = new Set([',', ';']);
const SPAN_ENDS = new Set(['.', '!', '?', ')', ']']);

/** True when a comma or semicolon stands between each figure and the next, and no clause word ("while", "and"). */
function separatedBySigns(tokens: readonly Token[], members: readonly Member[]): boolean {
  return members.slice(1).every((m, i) => {
    const from = tokenAt(tokens, members[i]!.q.end);
    const to = tokenAt(tokens, m.q.start);
    const between = tokens.slice(from, Math.min(to, from + 40));
    return between.some((t) => LIST_SIGNS.has(t.text)) && !between.some((t) => CLAUSE_END.has(t.lower) && !LIST_SIGNS.has(t.text));
  });
}

/** True when the words after a list's last figure run, with no verb or sign, to the end of its sentence or brackets. */
function endsItsSpan(tokens: readonly Token[], m: Member): boolean {
  for (let k = tokenAt(tokens, m.q.end); k < tokens.length && k <= tokenAt(tokens, m.q.end) + LAST_PHRASE; k++) {
    const t = tokens[k]!;
    if (SPAN_ENDS.has(t.text)) return true;
    // A capitalised word is a name whatever the tagger says ("in Hull" read as a verb).
    if (t.type !== 'word' || ((t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.text))) return false;
  }
  return tokenAt(tokens, m.q.end) >= tokens.length;
}

/** How many words after a figure "other" may stand in its own clause ("17 were hurt by other animals"). */
const OTHER_REACH = 5;

/** True when the words of a figure's own clause name "other" things: the figure counts the rest of the list. */
function ofTheOthers(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const from = tokenAt(tokens, q.end);
  for (let k = from; k < Math.min(tokens.length, from + OTHER_REACH) && !CLAUSE_END.has(tokens[k]!.lower); k++) if (tokens[k]!.lower === 'other') return true;
  return false;
}
