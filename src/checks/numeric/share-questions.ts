// Shares that answer one question put to their whole, which asks for one answer each ("Asked which option they
// preferred, 44 percent chose abolition, 31 percent wanted to keep the Senate and 29 percent favoured a smaller
// chamber"): they part that whole, whatever verbs they take. Word lists: numeric.json oneAnswerQuestions.
import type { Token } from '../../nlp/tokens.js';
import { tokenAt } from '../../nlp/tokens.js';
import settings from './numeric.json' with { type: 'json' };
import type { Share } from './share-reading.js';

const words = settings.oneAnswerQuestions;
const ASKED = new Set(words.asked);
const WHICH = new Set(words.which);
const HOW_MUCH = new Set(words.howMuch);
const WHETHER = new Set(words.whether);
const ONES = new Set(words.ones);
/** How far before the first share, within its sentence, the question is looked for. */
const FRAME_REACH = 30;
const SENTENCE_ENDS = new Set(['.', '!', '?']);
/** Words before a share's answer that are no answer themselves ("would pay", "said once a week", "the cost"). */
const NOT_ANSWERS = new Set(['AUX', 'DET', 'PART', 'PUNCT', 'SCONJ']);
/** Verbs of saying passed over before an answer (numeric.json oneAnswerQuestions.saying). */
const SAYING = new Set(words.saying);

/**
 * True when the sentence of the first share puts a question to the whole before it ("Asked which option ...", "asked
 * how often ...", "asked whether ...", "..., each choosing one option:") and every share gives a different answer.
 */
export function askedForOne(tokens: readonly Token[], group: readonly Share[]): boolean {
  if (group.length < 2) return false;
  const start = tokenAt(tokens, group[0]!.q.start);
  if (!asksForOne(tokens, start)) return false;
  const answers = group.map((m) => answerAt(tokens, m.at));
  return !answers.includes(undefined) && new Set(answers).size === answers.length;
}

/** Whether the words before token `start` in its sentence ask the whole a question with one answer. */
function asksForOne(tokens: readonly Token[], start: number): boolean {
  let asked = -1;
  for (let k = start - 1; k >= Math.max(0, start - FRAME_REACH) && !SENTENCE_ENDS.has(tokens[k]!.text); k--) {
    if (ASKED.has(tokens[k]!.lower)) asked = k;
  }
  if (asked < 0) return false;
  for (let k = asked + 1; k < start; k++) {
    const word = tokens[k]!.lower;
    const next = tokens[k + 1];
    if (WHETHER.has(word)) return true;
    if (word === 'how' && HOW_MUCH.has(next?.lower ?? '')) return true;
    // "which option", "what single change": a singular noun asks for one of several; "what they would do" need not.
    if (WHICH.has(word) && next !== undefined && (ONES.has(next.lower) || (next.pos === 'NOUN' && next.lemma === next.lower && !next.lower.endsWith('s')))) return true;
    // "each choosing one option", "to pick a single way".
    if (ONES.has(word) && next !== undefined && (next.pos === 'NOUN' || next.pos === 'ADJ')) return true;
  }
  return false;
}

/** The first word of a share's answer, past auxiliaries, determiners and a verb of saying ("would lean" → "lean"). */
function answerAt(tokens: readonly Token[], at: number): string | undefined {
  let k = at;
  while (tokens[k] !== undefined && (NOT_ANSWERS.has(tokens[k]!.pos) || SAYING.has(tokens[k]!.lower))) k++;
  const tok = tokens[k];
  return tok !== undefined && tok.type === 'word' ? tok.lower : undefined;
}

const bins = settings.answerBins;
const LOWER_BOUNDS = new Set(bins.lowerBounds);
const UPPER_BOUNDS = new Set(bins.upperBounds);
const BETWEEN = new Set(bins.between);
const TIMES = new Set(bins.times);
/** How many tokens after a share its bin is looked for ("said they spend under 5,000 lek"). */
const BIN_REACH = 8;
const BIN_STOPS = new Set([',', ';', ':', '.', '!', '?']);

/**
 * "38% said they spend under 5,000 lek a month, 45% between 5,000 and 10,000 lek and 27% more than 10,000 lek", "31
 * per cent said once a week, 44 per cent twice a week and 37 per cent less than once a week": each share answers with
 * a different bin of one scale, at most one open above and one open below: the bins do not overlap, so the shares part
 * one whole. Bins all open the same way ("over 20,000", "over 40,000") hold one another and may add up past 100.
 */
export function binnedAnswers(tokens: readonly Token[], group: readonly Share[]): boolean {
  if (group.length < 2) return false;
  const found = group.map((m, i) => binOf(tokens, m.at, i + 1 < group.length ? tokenAt(tokens, group[i + 1]!.q.start) : tokens.length));
  if (found.includes(undefined)) return false;
  const kinds = found.map((b) => b!.kind);
  if (kinds.filter((k) => k === 'lower').length > 1 || kinds.filter((k) => k === 'upper').length > 1) return false;
  return new Set(found.map((b) => b!.key)).size === found.length;
}

interface Bin {
  readonly kind: 'lower' | 'upper' | 'between' | 'times';
  /** The opener and its figure, as written ("under 5,000"). */
  readonly key: string;
}

/** The first bin of a share's answer: an opener with a figure after it ("under 5,000", "more than once", "twice"). */
function binOf(tokens: readonly Token[], at: number, stop: number): Bin | undefined {
  for (let k = at; k < Math.min(stop, at + BIN_REACH) && !BIN_STOPS.has(tokens[k]!.text); k++) {
    const word = tokens[k]!.lower;
    if (TIMES.has(word)) return { kind: 'times', key: word };
    const kind = LOWER_BOUNDS.has(word) ? 'lower' : UPPER_BOUNDS.has(word) ? 'upper' : BETWEEN.has(word) ? 'between' : undefined;
    if (!kind) continue;
    const figure = tokens[k + 1]?.lower === 'than' ? k + 2 : k + 1;
    if (isFigure(tokens[figure])) return { kind, key: `${word} ${tokens[figure]!.lower}` };
  }
  return undefined;
}

/** A number as written ("5,000", "ten") or a count of times ("once"). */
const isFigure = (t: Token | undefined) => t !== undefined && (t.pos === 'NUM' || /^\d/.test(t.text) || TIMES.has(t.lower));

/**
 * "..., and 37 per cent less than once a week", "... and 27% more than 10,000 lek": a share after "and" or a comma whose
 * "more" or "less" is followed by "than" and a figure (not a year) is an answer in bins of a scale, not a difference.
 */
export function binAfterShare(tokens: readonly Token[], first: number, next: number): boolean {
  const prev = tokens[first - 1]?.lower;
  if (prev !== 'and' && prev !== ',') return false;
  const word = tokens[next]?.lower ?? '';
  if (!LOWER_BOUNDS.has(word) && !UPPER_BOUNDS.has(word)) return false;
  const figure = tokens[tokens[next + 1]?.lower === 'than' ? next + 2 : next + 1];
  return isFigure(figure) && !/^(1[89]|20)\d\d$/.test(figure!.text);
}

/** How far back in its sentence the share with a verb of choice is looked for. */
const CHOICE_REACH = 40;
/** Words of a difference that may open a chosen answer ("31 percent more borrowing"). */
const DIFFERENCE_WORDS = new Set(['more', 'less', 'fewer']);

/**
 * "41 percent chose higher taxes on wealth, 33 percent cuts to other benefits and 31 percent more government
 * borrowing": after "and" or a comma, a share whose "more", "less" or "fewer" opens a noun phrase (no "than") in a
 * list whose earlier share took a verb of choice (numeric.json choiceVerbs: "chose", "preferred"), left out after it,
 * is one more answer chosen, not a difference of 31 percent. Without a verb of choice before it ("sales rose 41 percent,
 * and 31 percent more people came") it stays a difference.
 */
export function chosenAnswer(tokens: readonly Token[], first: number, next: number, choiceVerbs: ReadonlySet<string>): boolean {
  const prev = tokens[first - 1]?.lower;
  if ((prev !== 'and' && prev !== ',') || !DIFFERENCE_WORDS.has(tokens[next]?.lower ?? '')) return false;
  const after = tokens[next + 1];
  if (after === undefined || after.lower === 'than' || after.type !== 'word' || (after.pos !== 'NOUN' && after.pos !== 'ADJ')) return false;
  for (let k = first - 2; k >= Math.max(1, first - CHOICE_REACH) && !SENTENCE_ENDS.has(tokens[k]!.text); k--) {
    if (choiceVerbs.has(tokens[k]!.lower) && isShareWord(tokens[k - 1])) return true;
  }
  return false;
}

/** The last word of a share as written ("percent", "per cent", "%"). */
const isShareWord = (t: Token | undefined) => t !== undefined && (t.lower === 'percent' || t.lower === 'cent' || t.text === '%' || t.lower === 'pc');

const stances = settings.stancePairs;
const FOR = new Set(stances.for);
const IN_FAVOUR = new Set(stances.inFavour);
const AGAINST = new Set(stances.against);
const STANCE_ENDS = new Set(stances.ends);

/**
 * "53.4 percent for change and 48.6 percent against", "48 percent in favour, 37 percent against and 15 percent
 * undecided": one share for a proposal and one against it, 'against' with nothing after it or the same thing again,
 * are the two sides of one question, which each member answers once, so the shares part one whole (numeric.json
 * stancePairs). At most one other share, which must take neither side.
 */
export function forAndAgainst(tokens: readonly Token[], group: readonly Share[]): boolean {
  if (group.length < 2 || group.length > 3) return false;
  const sides = group.map((m) => sideAt(tokens, m.at));
  const pro = sides.findIndex((s) => s?.side === 'for');
  const con = sides.findIndex((s) => s?.side === 'against');
  if (pro < 0 || con < 0 || sides.filter((s) => s !== undefined).length !== 2) return false;
  const against = objectOf(tokens, sides[con]!.after);
  return against === '' || against === objectOf(tokens, sides[pro]!.after);
}

/** How many words of what a side is taken on are compared ("for the new stadium" against "against the new stadium"). */
const OBJECT_REACH = 6;

/** The words after a side's word up to the end of its item ("the new stadium"), '' when none. */
function objectOf(tokens: readonly Token[], from: number): string {
  const words: string[] = [];
  for (let k = from; k < Math.min(tokens.length, from + OBJECT_REACH) && !STANCE_ENDS.has(tokens[k]!.lower); k++) words.push(tokens[k]!.lower);
  return words.join(' ');
}

interface Side {
  readonly side: 'for' | 'against';
  /** The token after the side's word. */
  readonly after: number;
}

/** The side a share takes right after it ("for", "in favour", "against"), if any. */
function sideAt(tokens: readonly Token[], at: number): Side | undefined {
  const word = tokens[at]?.lower ?? '';
  if (word === 'in' && IN_FAVOUR.has(tokens[at + 1]?.lower ?? '')) return { side: 'for', after: at + 2 };
  if (FOR.has(word)) return { side: 'for', after: at + 1 };
  if (AGAINST.has(word)) return { side: 'against', after: at + 1 };
  return undefined;
}

