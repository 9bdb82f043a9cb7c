// A list of parts closed by its stated remainder ("6,950 arrived by post and the rest, 21,100, were cast ...", "40
// favoured the move, 35 opposed it and the other 13 did not reply", "... while rye and oats made up the remaining 2.9
// million"): a remainder exists only against a whole, so the list it closes names every part and must make the whole.
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import { countsTheParts } from './evidence.js';
import { fitsWhole, isBaseline, isGoal, isRemainder } from './part-words.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import { measuredWhole, namedNoun, unitsNamed } from './next-sentence.js';
import { findTotalCues } from './totals.js';

/** Parts are read up to this many figures before the remainder (keeps the check linear). */
const MAX_PARTS = 12;
/** How far after "Of" the comma closing a fronted whole may stand ("Of the 28,410 ballots counted, ..."). */
const FRONT_REACH = 10;
const FRONTED = [['of'], ['out', 'of'], ['among']];

/**
 * The whole and the parts of a list closed by a stated remainder: in the sentence itself, after a whole named first
 * ("Of the 600 staff, ...") or a colon after the whole ("wrote to its 84 stallholders: ..."); else the sentence after
 * is the list and the whole is the one amount of its kind in this sentence ("Revenue rose to £612m. Bread brought in
 * £344m, snacks £171m and the balance, £104m, came from desserts.").
 */
export function statedRemainder(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  // "... a record 41.6 million tonnes, the state broadcaster announced. It hailed the result ...\n\nWheat accounted for
  // 24.3 million tonnes, ... the remaining 1.4 million.": one sentence of no figure may stand between.
  const skip = (input.bySentence[s + 1] ?? []).length === 0 && (input.partsBySentence[s + 1] ?? []).length === 0 ? 1 : 0;
  return withinSentence(input, s) ?? intoNextSentence(input, s, group, 0) ?? (skip ? intoNextSentence(input, s, group, skip) : undefined);
}

/** The figures of a sentence up to its first stated remainder (inclusive), or undefined when it names none. */
function upToRemainder(input: PartitionInput, s: number): Located[] | undefined {
  const figures = (input.partsBySentence[s] ?? []).slice(0, MAX_PARTS + 1);
  const r = figures.findIndex((l) => isRemainder(input.tokens, l));
  return r >= 1 ? figures.slice(0, r + 1) : undefined;
}

function withinSentence(input: PartitionInput, s: number): Candidate | undefined {
  const { tokens } = input;
  const run = upToRemainder(input, s);
  if (!run) return undefined;
  const [from] = input.sentenceTokens(s);
  const fronted = frontedComma(tokens, from);
  const opener = fronted >= 0 ? fronted : lastColon(tokens, from, tokenAt(tokens, run.at(-1)!.q.start));
  if (opener < 0) return undefined;
  const at = tokens[opener]!.start;
  const whole = (input.bySentence[s] ?? []).findLast((l) => l.q.end <= at);
  const parts = run.filter((l) => l.q.start > at);
  return judged(input, whole, parts);
}

function intoNextSentence(input: PartitionInput, s: number, group: readonly Located[], skip: number): Candidate | undefined {
  const run = upToRemainder(input, s + 1 + skip);
  if (!run || withinSentence(input, s + 1 + skip)) return undefined;
  const [from, to] = input.sentenceTokens(s + 1 + skip);
  if (findTotalCues(input.tokens, from, to, input.cues).some((c) => c.role === 'total' || c.role === 'split')) return undefined;
  // The whole is the one amount of its kind in the sentence before ("£8bn and £7bn" are two members of a list).
  const money = run[0]!.q.quantityKind === 'money';
  // "short of the government's target of 45,000", "up from 30,100": a goal or a baseline is no whole.
  // "sold 412,000 vehicles ..., up 6 percent": a share or a rate is of no kind a count's parts can make.
  const kin = group.filter((l) => (l.q.quantityKind === 'money') === money && l.q.quantityKind !== 'percent' && !isGoal(input.tokens, l.q) && !isBaseline(input.tokens, l.q));
  // "lifted pre-tax profit to £31.4m ..., on sales up 9 percent to £486m.\n\nShops accounted for £398m of revenue ...":
  // of several sums of money, the one a measure of money names (next-sentence.ts measuredWhole).
  const whole = kin.length === 1 ? kin[0] : money ? measuredWhole(input, s, group, run) : namedAmong(input, s + 1 + skip, kin);
  if (!whole || run[0]!.paragraph - whole.paragraph > 1) return undefined;
  // "Corrans Water, which serves some 1.9 million homes, accounted for 268 million litres of that, and ... the remaining
  // 171 million": a count of another noun in an aside is no part; the remainder itself must fit the whole.
  const fitting = run.filter((l, i) => i === run.length - 1 || fitsWhole(input, whole, l) || !inRelativeAside(input, l));
  return judged(input, whole, fitting);
}

/** A candidate when every part fits the whole and the whole does not merely count them; else undefined. */
function judged(input: PartitionInput, whole: Located | undefined, run: readonly Located[]): Candidate | undefined {
  // "The calls were split between two agencies. Deputies handled 151 of them, ... the other 103": the count of the
  // parts is none of them.
  const parts = run.length > 2 && countsTheParts(run[0]!.q, run.slice(1).map((p) => p.q)) ? run.slice(1) : run;
  if (!whole || whole.q.bound === 'range' || parts.length < 2 || !parts.every((p) => fitsWhole(input, whole, p))) return undefined;
  if (countsTheParts(whole.q, parts.map((p) => p.q))) return undefined;
  return { total: whole, parts, role: 'chain', rest: true };
}

/** The comma that closes a whole named first ("Of the 300 passengers, ..."), or -1. */
function frontedComma(tokens: readonly Token[], from: number): number {
  const words = FRONTED.find((w) => w.every((x, i) => tokens[from + i]?.lower === x));
  if (!words) return -1;
  for (let k = from + words.length; k < from + words.length + FRONT_REACH && tokens[k]; k++) if (tokens[k]!.text === ',') return k;
  return -1;
}

/** The last colon in tokens `[from, to)`, or -1. */
function lastColon(tokens: readonly Token[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (tokens[k]!.text === ':') return k;
  return -1;
}

const RELATIVES = new Set(['which', 'who']);

/** True when a figure stands in a relative clause a few words after "which" or "who" ("which serves some 1.9 million homes"). */
function inRelativeAside(input: PartitionInput, l: Located): boolean {
  const at = tokenAt(input.tokens, l.q.start);
  for (let k = at - 1; k >= Math.max(0, at - 4); k--) if (RELATIVES.has(input.tokens[k]!.lower)) return true;
  return false;
}

/**
 * "184,000 people arrived ... and 97,000 left.\n\nOf the new arrivals, 71,000 ...": of several amounts of the sentence
 * before, the one the list's opening names ("Of the <noun>,": its counted noun or the verb whose doings it counts).
 */
function namedAmong(input: PartitionInput, s: number, kin: readonly Located[]): Located | undefined {
  const noun = namedNoun(input, s);
  const named = noun === undefined ? [] : unitsNamed(input, kin, noun);
  return named.length === 1 ? named[0] : undefined;
}
