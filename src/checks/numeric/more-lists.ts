// Totals and parts in three more news shapes: a sentence that sums the list before it ("That is 3,135 repairs"), a
// cued total whose parts come later in its sentence without an opener ("a total of £7.4 million ... and diverted £3.1
// million to ..., £2.6 million to ..."), and a share that closes a list of counts ("... and 30 percent to pensioners").
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { firstFigureFrom, type Located } from './context.js';
import { isCueOf } from './next-sentence.js';
import type { Candidate, PartitionInput } from './partition-input.js';
import type { CueSpan } from './totals.js';

/** Parts are read up to this many figures (keeps the check linear). */
const MAX_PARTS = 12;
/** Words after a figure (or its noun) that make it a rate, not a sum: "2,000 a year", "300 each", "12 per teacher". */
const RATES = new Set(['a', 'an', 'per', 'each', 'every', 'times', 'apiece']);
/** How far after a back-reference ("That is") its total may stand, in tokens. */
const BACK_REACH = 2;
/** Back-references that are determiners of the figure itself ("Those 1,265 referrals"). */
const POINTING = new Set(['those', 'these']);

/**
 * "The council filled 1,240 potholes in January, 980 in February and 1,115 in March. That is 3,135 repairs ...": a
 * sentence that opens with a back-reference (numeric.json backReferenceTotals) and a figure right after it sums the
 * list of the sentence before, whatever noun it counts them by.
 */
export function backReferenceTotal(input: PartitionInput, s: number, group: readonly Located[]): Candidate | undefined {
  const { tokens } = input;
  const [from] = input.sentenceTokens(s);
  const end = input.backReferences.map((words) => wordsAt(tokens, from, words)).find((k) => k >= 0);
  const total = group[0];
  if (end === undefined || !total || tokenAt(tokens, total.q.start) - end > BACK_REACH || s === 0) return undefined;
  // "That is 300 more than last year": a difference, not a sum; "That is 2,000 a year", "300 each": a rate.
  const after = tokenAt(tokens, total.q.end);
  for (const k of [after, after + 1]) if (input.notSums.has(tokens[k]?.lower ?? '') || RATES.has(tokens[k]?.lower ?? '')) return undefined;
  // "Those 1,265 referrals ...": a determiner right before the figure points back across a paragraph break too.
  const pointing = POINTING.has(tokens[from]?.lower ?? '') && tokenAt(tokens, total.q.start) === from + 1;
  if (POINTING.has(tokens[from]?.lower ?? '') && !pointing) return undefined;
  const before = (input.bySentence[s - 1] ?? []).filter((l) => l.paragraph === total.paragraph || (pointing && l.paragraph === total.paragraph - 1));
  const unit = before[0] && input.units.get(before[0].q.id);
  const parts = before.filter((l) => [unit, undefined].includes(input.units.get(l.q.id))).slice(0, MAX_PARTS);
  return parts.length >= 2 ? { total, parts, role: 'back', rest: false } : undefined;
}

/** The token after `words` when the sentence opens with them, else -1. */
function wordsAt(tokens: readonly Token[], from: number, words: readonly string[]): number {
  return words.every((w, k) => tokens[from + k]?.lower === w) ? from + words.length : -1;
}

const LIST_END = new Set([';', ':']);

/**
 * "took deposits worth a total of £7.4 million ..., and diverted £3.1 million to ..., £2.6 million to ... and £2.2
 * million to ...": a figure a total cue marks, and the figures of its own unit later in its clause, with no opener
 * between them. They are read as parts within it (a finding only when they exceed it).
 */
export function laterList(input: PartitionInput, s: number, group: readonly Located[], cues: readonly CueSpan[]): Candidate | undefined {
  const { tokens, units } = input;
  // The first total cue only, so a sentence of many cues and figures is read once.
  const cue = cues.find((c) => c.role === 'total');
  const at = cue ? group.findIndex((l) => isCueOf(tokens, cue, l.q)) : -1;
  const total = group[at];
  const unit = total && units.get(total.q.id);
  if (!total || unit === undefined) return undefined;
  const parts: Located[] = [];
  for (let i = at + 1; i < group.length && parts.length < MAX_PARTS; i++) {
    if (clauseEndBetween(tokens, group[i - 1]!.q, group[i]!.q)) break;
    const own = units.get(group[i]!.q.id);
    if (own === unit || (own === undefined && parts.length > 0)) parts.push(group[i]!);
  }
  return parts.length >= 2 ? { total, parts, role: 'later', rest: false } : undefined;
}

/** How many tokens apart two figures of one list may stand (a longer gap ends the list; keeps the check linear). */
const GAP_REACH = 40;

/** True when a colon or semicolon, or more than GAP_REACH tokens, stand between two figures. */
function clauseEndBetween(tokens: readonly Token[], a: QuantityAnnotation, b: QuantityAnnotation): boolean {
  const from = tokenAt(tokens, a.end);
  for (let k = from; k < tokens.length && tokens[k]!.start < b.start; k++) if (LIST_END.has(tokens[k]!.text) || k - from > GAP_REACH) return true;
  return false;
}

const JOINERS = new Set(['and', ',', ';']);
/** Words between "of" and the whole in "58 of the 140 seats". */
const WHOLE_DETERMINERS = new Set(['the', 'its', 'their']);

/**
 * "would give the Social Democrats 58 of the 140 seats in parliament, the Conservatives 47, the Greens 27 and the
 * Liberals 10": a part of a whole ("58 of the 140 seats") that opens a list of two figures or more in its clause (after a
 * comma, each counting the whole's noun or nothing): the whole holds them all (parts within it).
 */
export function partOfWholeList(input: PartitionInput, group: readonly Located[]): Candidate | undefined {
  const { tokens, units } = input;
  for (let i = 0; i + 3 < group.length && i < MAX_PARTS; i++) {
    const part = group[i]!;
    const whole = group[i + 1]!;
    const k = tokenAt(tokens, part.q.end);
    if (tokens[k]?.lower !== 'of' || !WHOLE_DETERMINERS.has(tokens[k + 1]?.lower ?? '') || tokenAt(tokens, whole.q.start) !== k + 2) continue;
    const unit = units.get(whole.q.id);
    if (whole.q.value <= part.q.value || unit === undefined || (units.has(part.q.id) && units.get(part.q.id) !== unit)) continue;
    const parts: Located[] = [];
    for (let j = i + 2; j < group.length && parts.length < MAX_PARTS; j++) {
      const l = group[j]!;
      if (clauseEndBetween(tokens, group[j - 1]!.q, l.q) || (units.has(l.q.id) && units.get(l.q.id) !== unit)) break;
      parts.push(l);
    }
    const comma = parts[0] && tokens.slice(tokenAt(tokens, whole.q.end), tokenAt(tokens, parts[0].q.start)).some((t) => t.text === ',');
    return parts.length >= 2 && comma ? { total: whole, parts: [part, ...parts], role: 'subset', rest: false } : undefined;
  }
  return undefined;
}
const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';

/**
 * "Of those, 9,100 went to adults, 6,200 to under-18s and 30 percent to pensioners": a share right after the last part
 * of a list of counts (a joiner before it, no clause end between) is one more part, a share of the list's total; it
 * counts as that share of the total (30 % of 18,400 = 5,520).
 */
export function shareParts(input: PartitionInput, total: QuantityAnnotation, parts: readonly Located[]): QuantityAnnotation[] {
  const share = closingShare(input, total, parts);
  if (!share) return [];
  const value = (total.value * share.q.value) / 100;
  return [{ ...share.q, quantityKind: total.quantityKind, value, low: value, high: value, bound: 'exact', ...(total.unit !== undefined && { unit: total.unit }) }];
}

/** The share that continues a list of counts, if any; `closes` when "and" stands before it (the list names all its parts). */
export function closingShare(input: PartitionInput, total: QuantityAnnotation, parts: readonly Located[]): (Located & { closes: boolean }) | undefined {
  const last = parts.at(-1);
  if (!last || total.quantityKind === 'percent') return undefined;
  const shares = input.sharesBySentence[last.sentence] ?? [];
  const next = shares[firstFigureFrom(shares, last.q.end)];
  if (!next || !isShare(next.q) || clauseEndBetween(input.tokens, last.q, next.q)) return undefined;
  const amounts = input.bySentence[last.sentence] ?? [];
  const after = amounts[firstFigureFrom(amounts, last.q.end)];
  if (after && after.q.start < next.q.start) return undefined;
  const before = input.tokens[tokenAt(input.tokens, next.q.start) - 1]?.lower ?? '';
  const word = input.tokens[tokenAt(input.tokens, next.q.end)]?.lower ?? '';
  if (!JOINERS.has(before) || word === 'of' || input.notSums.has(word)) return undefined;
  return { ...next, closes: before === 'and' };
}

