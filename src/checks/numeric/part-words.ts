// Shared by the readings of totals and parts (remainders.ts, tables.ts, running-totals.ts, bare-lists.ts): what an
// amount counts (its own noun, not one the tagger took from a verb), whether a figure can be a part of a whole, and the
// word lists of part-words.json.
import type { QuantityAnnotation } from '../../core/annotations.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { firstFigureFrom, guaranteed, stated, type Located } from './context.js';
import cues from './part-words.json' with { type: 'json' };
import settings from './numeric.json' with { type: 'json' };
import type { PartitionInput } from './partition-input.js';
import { mayPartition, type UnitKeys } from './units.js';

/** Word lists of part-words.json. */
export const PART_WORDS = {
  remainders: new Set(cues.remainderWords.words),
  headings: new Set(cues.tableHeadings.words),
  runningVerbs: new Set(cues.runningTotalVerbs.words),
  additiveOpeners: cues.additiveOpeners.phrases.map((p) => p.split(' ')),
  openEnded: new Set(cues.openEndedTotals.words),
  baselineBefore: new Set(cues.baselineBefore.words),
  changes: new Set(cues.baselineAfterChange.words),
  baselinePhrases: cues.baselinePrepositions.phrases.map((p) => p.split(' ')),
  averages: new Set(cues.averageWords.words),
  goals: new Set(cues.goalWords.words),
  limits: new Set(cues.limitVerbs.words),
  revisions: new Set(cues.revisionWords.words),
  rankings: new Set(cues.rankingWords.words),
  rateBefore: new Set(cues.ratePeriods.before),
  ratePeriods: new Set(cues.ratePeriods.words),
};

/** How far back in its clause a word of change is looked for ("rose to 96 last year from 81"). */
const CHANGE_REACH = 8;
const CLAUSE_STOPS = new Set([';', ':', '.', '!', '?']);

/**
 * True when a figure is the baseline another is compared with ("up from 81", "against 81 in April", "compared with
 * 81"): never the whole of a list of parts.
 */
export function isBaseline(tokens: readonly Token[], q: { readonly start: number }): boolean {
  const k = tokenAt(tokens, q.start);
  if (PART_WORDS.baselineBefore.has(tokens[k - 1]?.lower ?? '')) return true;
  if (PART_WORDS.baselinePhrases.some((words) => phraseAt(tokens, k - words.length, words) === k)) return true;
  return isChangedFrom(tokens, q);
}

/** True when a figure is the earlier level of a change in its clause ("rose to 312 from 241", "up from 81"). */
export function isChangedFrom(tokens: readonly Token[], q: { readonly start: number }): boolean {
  const k = tokenAt(tokens, q.start);
  if (tokens[k - 1]?.lower !== 'from') return false;
  for (let i = k - 2; i >= Math.max(0, k - 2 - CHANGE_REACH) && !CLAUSE_STOPS.has(tokens[i]!.text); i--) if (PART_WORDS.changes.has(tokens[i]!.lower)) return true;
  return false;
}

/**
 * The figure's own counted noun, none when the tagger took a verb for it: "Eight beat the target" (a noun is never
 * followed right away by a determiner of its own object).
 */
export function ownUnit(input: PartitionInput, l: Located): string | undefined {
  const key = input.chains.ownUnits.get(l.q.id);
  if (key === undefined || l.q.quantityKind !== 'count' || l.q.unit === undefined) return key;
  const { tokens } = input;
  for (let k = tokenAt(tokens, l.q.end); k < Math.min(tokens.length, tokenAt(tokens, l.q.end) + 3); k++) {
    if (tokens[k]!.text !== l.q.unit) continue;
    const next = tokens[k + 1];
    return next?.pos === 'DET' ? undefined : key;
  }
  return key;
}

const isMoney = (l: Located) => l.q.quantityKind === 'money';

/** True when `part` may be a part of `whole`: both sums of money or both counts or measures, units that fit, not larger. */
export function fitsWhole(input: PartitionInput, whole: Located, part: Located): boolean {
  if (isMoney(whole) !== isMoney(part) || part.q.bound === 'range' || input.nested.has(part.q.id)) return false;
  const w = ownUnit(input, whole);
  const p = ownUnit(input, part);
  if (w !== undefined && p !== undefined && !mayPartition(w, p)) return false;
  return guaranteed(part.q).low <= stated(whole.q).high;
}

/** True when a figure is named as the remainder of a whole ("the rest, 21,100", "the other 13"; not "of the rest, 6"). */
export function isRemainder(tokens: readonly Token[], l: { readonly q: { readonly start: number } }): boolean {
  return remainderAt(tokens, tokenAt(tokens, l.q.start));
}

/** True when the figure whose first token is `k` is named as the remainder of a whole ("the remaining 14"). */
export function remainderAt(tokens: readonly Token[], k: number): boolean {
  // "the balance of €900,000", "the remainder of 4,200": the remainder's "of" before its figure.
  const of = tokens[k - 1]?.lower === 'of' && OF_REMAINDERS.has(tokens[k - 2]?.lower ?? '') ? 1 : 0;
  const comma = tokens[k - 1]?.text === ',' ? 1 : 0;
  const at = k - 1 - comma - of;
  return PART_WORDS.remainders.has(tokens[at]?.lower ?? '') && tokens[at - 1]?.lower === 'the' && tokens[at - 2]?.lower !== 'of';
}

/** Remainder words that may take "of" before their figure ("the balance of £510m"; not "the rest of 2019"). */
const OF_REMAINDERS = new Set(['balance', 'remainder']);

/** The token after `words` when they stand at token `k`, else -1. */
export function phraseAt(tokens: readonly Token[], k: number, words: readonly string[]): number {
  return words.every((w, i) => tokens[k + i]?.lower === w) ? k + words.length : -1;
}

/**
 * Counts that take the noun of a list they go on with ("29 people in Leeds, 21 in York and 22 in Hull": 21 and 22 count
 * people), for a total a cue marks in a later sentence. Only a figure set in a phrase of its own is such a part: one that
 * a verb follows ("40 were hurt and 10 died") says what became of them, and sums of money carry their scale too.
 */
export function listUnits(located: readonly Located[], tokens: readonly Token[], carried: UnitKeys, own: UnitKeys): UnitKeys {
  const out = new Map<string, string>();
  for (const l of located) {
    const key = carried.get(l.q.id);
    if (key === undefined || own.has(l.q.id) || l.q.quantityKind !== 'count' || key.startsWith('money ')) continue;
    const next = tokens[tokenAt(tokens, l.q.end)];
    if (next && next.pos !== 'VERB' && next.pos !== 'AUX') out.set(l.q.id, key);
  }
  return out;
}

/** How far before a figure, in its clause, the word that makes it an average is looked for ("Average rents reached"). */
const AVERAGE_REACH = 8;

/** True when a figure is an average ("Average rents reached £1,250", "£85 on average"): it is no sum, so no whole of parts. */
export function isAverage(tokens: readonly Token[], q: { readonly start: number; readonly end: number }): boolean {
  const k = tokenAt(tokens, q.start);
  for (let i = k - 1; i >= Math.max(0, k - AVERAGE_REACH) && !CLAUSE_STOPS.has(tokens[i]!.text); i--) if (PART_WORDS.averages.has(tokens[i]!.lower)) return true;
  const after = tokenAt(tokens, q.end);
  return [after, after + 1, after + 2].some((i) => tokens[i]?.lower === 'on' && PART_WORDS.averages.has(tokens[i + 1]?.lower ?? ''));
}

/** "the government's target of 60,000", "a cap of £2,000": a figure set as a goal or bound (part-words.json goalWords). */
export function isGoal(tokens: readonly Token[], q: { readonly start: number }): boolean {
  const k = tokenAt(tokens, q.start);
  if (tokens[k - 1]?.lower === 'of' && PART_WORDS.goals.has(tokens[k - 2]?.lower ?? '')) return true;
  // "should not exceed 18,500 tonnes": a limit set by a negated verb of going beyond (part-words.json limitVerbs).
  return PART_WORDS.limits.has(tokens[k - 1]?.lemma ?? '') && NEGATED.has(tokens[k - 2]?.lower ?? '');
}

const NEGATED = new Set(['not', "n't", 'never']);

/** How far after a figure its sentence is read for a word that revises it. */
const REVISION_REACH = 30;
const SENTENCE_ENDS = new Set(['.', '!', '?']);

/** "had put the catch at 1.38 million tonnes ..., but revised the figure upward": a figure its own sentence revises. */
export function isSuperseded(tokens: readonly Token[], q: { readonly end: number }): boolean {
  const from = tokenAt(tokens, q.end);
  for (let k = from; k < Math.min(tokens.length, from + REVISION_REACH) && !SENTENCE_ENDS.has(tokens[k]!.text); k++) if (PART_WORDS.revisions.has(tokens[k]!.lower)) return true;
  return false;
}

/** "Supermarkets were hit hardest, with 1,720 thefts": a figure whose clause ranks it first (part-words.json rankingWords). */
export function isRanked(tokens: readonly Token[], q: { readonly start: number }): boolean {
  const at = tokenAt(tokens, q.start);
  for (let k = at - 1; k >= Math.max(0, at - REVISION_REACH) && !CLAUSE_STOPS.has(tokens[k]!.text); k--) if (PART_WORDS.rankings.has(tokens[k]!.lower)) return true;
  return false;
}


/** "more than three a day", "£40 per household": a figure given per period or per head is a rate, no whole of parts. */
export function isRate(tokens: readonly Token[], q: { readonly end: number }): boolean {
  const k = tokenAt(tokens, q.end);
  return PART_WORDS.rateBefore.has(tokens[k]?.lower ?? '') && PART_WORDS.ratePeriods.has(tokens[k + 1]?.lower ?? '');
}

/** How many tokens may stand between "of" and the whole of a partitive ("312,400 of the district's 332,600"). */
const PARTITIVE_REACH = 4;
const PARTITIVE_WORDS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'PART']);

/** The figure a whole is the "of" of ("312,400" of "312,400 of the district's 332,600 residents"), of the same kind; undefined when none. */
export function partitiveOwner(tokens: readonly Token[], located: readonly Located[], q: QuantityAnnotation): Located | undefined {
  const k = tokenAt(tokens, q.start);
  for (let j = k - 1; j >= Math.max(0, k - PARTITIVE_REACH); j--) {
    const t = tokens[j]!;
    if (t.lower === 'of') return endingAt(tokens, located, j, q.quantityKind);
    if (!PARTITIVE_WORDS.has(t.pos) && t.lower !== "'s") return undefined;
  }
  return undefined;
}

/** How many tokens a figure spans at most when its end is looked up ("about 1.2 million", "between 40 and 45 per cent"). */
const FIGURE_TOKENS = 12;

/**
 * The first figure of `located` (text order) of `kind` that ends right before token `j`, found by binary search and a
 * short scan back, not by a scan of every figure of the document per whole (quadratic in a long text).
 */
function endingAt(tokens: readonly Token[], located: readonly Located[], j: number, kind: QuantityAnnotation['quantityKind']): Located | undefined {
  let found: Located | undefined;
  for (let i = firstFigureFrom(located, tokens[j]!.start) - 1; i >= 0 && tokenAt(tokens, located[i]!.q.start) >= j - FIGURE_TOKENS; i--) {
    const l = located[i]!;
    if (tokenAt(tokens, l.q.end) === j && l.q.quantityKind === kind) found = l;
  }
  return found;
}

/** Words after "of" that point back at a whole ("986 of them", "40 of those"; numeric.json partOfWhole). */
const EARLIER_WHOLES: ReadonlySet<string> = new Set(settings.partOfWhole.words);

/** "2.1 billion marks of that", "900 of them": a figure, past its counted noun, said to be of a whole named before. */
export function ofEarlierWhole(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  let k = tokenAt(tokens, q.end);
  if (q.unit !== undefined && tokens[k]?.text === q.unit) k++;
  return tokens[k]?.lower === 'of' && EARLIER_WHOLES.has(tokens[k + 1]?.lower ?? '');
}

/** How many words before a figure "also" is looked for, within its sentence ("He also kept £17,900 ..."). */
const ALSO_REACH = 5;

/**
 * "Pilbeam took £21,400 in deposits ... He also kept £17,900 for upgrades and £11,350 for albums": a figure whose
 * clause says "also" adds to a figure before, as "another" does; it is none of that figure's parts.
 */
export function saysAlso(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const k = tokenAt(tokens, q.start);
  for (let j = k - 1; j >= Math.max(0, k - ALSO_REACH) && !SENTENCE_ENDS.has(tokens[j]!.text); j--) if (tokens[j]!.lower === 'also') return true;
  return false;
}

/** Determiners of a group named before: "of the birds", "of those", "of its members". */
const DEFINITE_GROUP = new Set(['the', 'these', 'those', 'them', 'its', 'their']);

/** "31 of the assaults", "1,960 of the birds", "120 of these": a figure followed by "of" and a definite group. */
export function ofDefiniteGroup(tokens: readonly Token[], q: QuantityAnnotation): boolean {
  const k = tokenAt(tokens, q.end);
  return tokens[k]?.lower === 'of' && DEFINITE_GROUP.has(tokens[k + 1]?.lower ?? '');
}
