import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import { isBreakdown, isClosedList, memberOf, partsOneWhole, type ListRules } from './lists.js';
import { carryScale } from './scales.js';
import { findTotalCues, judgeSubset, judgeTotal, type CueRole, type CueSpan, type TotalCues } from './totals.js';
import { canPartition, type UnitKeys } from './units.js';

/** The amounts of each sentence (counts and sums of money that are not ranges), by sentence index. */
export function amountsBySentence(located: readonly Located[]): Located[][] {
  const out: Located[][] = [];
  for (const l of located) if (isAmount(l.q)) (out[l.sentence] ??= []).push(l);
  return out;
}

/** Everything the check of totals followed by their parts reads. */
export interface PartitionInput {
  readonly doc: Document;
  readonly sentenceTokens: (s: number) => [number, number];
  readonly tokens: readonly Token[];
  readonly cues: TotalCues;
  readonly units: UnitKeys;
  readonly rules: ListRules;
  /** The amounts (counts and sums of money) of each sentence, by sentence index. */
  readonly bySentence: readonly (readonly Located[] | undefined)[];
}

/** Where a list of parts opens: a colon, semicolon or dash, or a cue ("split into", "of whom", "including"). */
interface Opener {
  readonly start: number;
  readonly end: number;
  readonly role: CueRole | 'list';
}

const PUNCT_OPENERS = new Set([':', ';', '—', '–']);
const SUBSET_START = new Set(['of', 'among']);
/** Parts are read up to this many figures after their total (a sentence of thousands of figures stays linear). */
const MAX_PARTS = 12;

const isAmount = (q: QuantityAnnotation) => (q.quantityKind === 'count' || q.quantityKind === 'money') && q.bound !== 'range';

/**
 * `total-unsupported` for a total stated before its parts: "A total of 50 people were hurt: 20 in the first blast and
 * 40 in the second", "The budget of 48 billion splits into 21 billion for health, 15 for schools ...", "40 people, of
 * whom ...", or a total whose list follows in the next sentence. Returns the findings and adds every judged total to
 * `totals`.
 */
export function checkPartitions(input: PartitionInput, totals: Set<string>): Finding[] {
  const findings: Finding[] = [];
  input.bySentence.forEach((group, s) => {
    if (!group) return;
    const [from, to] = input.sentenceTokens(s);
    const cues = findTotalCues(input.tokens, from, to, input.cues);
    for (const opener of openersIn(input.tokens, from, to, cues)) {
      const finding = judgeOpener(input, s, group, cues, opener, totals);
      if (finding) findings.push(finding);
    }
    const last = group.at(-1)!;
    if (!totals.has(last.q.id) && cues.some((c) => c.role === 'total' && isCueOf(input.tokens, c, last.q))) {
      const finding = judgeNextSentence(input, s, last, totals);
      if (finding) findings.push(finding);
    }
  });
  return findings;
}

/** "A total of 50", "In all, 50", "50 people in all": the cue stands right before the figure or right after it and its noun. */
function isCueOf(tokens: readonly Token[], cue: CueSpan, q: QuantityAnnotation): boolean {
  const first = tokenAt(tokens, q.start);
  const after = tokenAt(tokens, q.end);
  return (cue.last <= first && first - cue.last <= 1) || (cue.first >= after && cue.first - after <= 2);
}

/** A total with a total cue and no figure after it in its sentence, whose parts make up the next sentence. */
function judgeNextSentence(input: PartitionInput, s: number, total: Located, totals: Set<string>): Finding | undefined {
  const next = nextSentenceParts(input, s, total);
  if (!next || next.parts.length < 2) return undefined;
  const role = next.role ?? 'list';
  if (!isList(input, total, next.parts, role, next.rest)) return undefined;
  totals.add(total.q.id);
  const scaled = carryScale(input.tokens, total.q, next.parts.map((p) => p.q));
  return role === 'subset' || next.rest ? judgeSubset(input.doc, total.q, scaled) : judgeTotal(input.doc, total.q, scaled, 'after');
}

function openersIn(tokens: readonly Token[], from: number, to: number, cues: readonly CueSpan[]): Opener[] {
  const out: Opener[] = cues.filter((c) => c.role === 'split' || c.role === 'subset').map((c) => ({ start: c.start, end: c.end, role: c.role }));
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    if (PUNCT_OPENERS.has(tok.text)) out.push({ start: tok.start, end: tok.end, role: 'list' });
    // "Of the 300 passengers, 120 ...": the comma after a fronted whole opens its subsets.
    if (k === from && SUBSET_START.has(tok.lower)) {
      const comma = firstComma(tokens, k + 1, Math.min(to, k + 8));
      if (comma >= 0) out.push({ start: tokens[comma]!.start, end: tokens[comma]!.end, role: 'subset' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function firstComma(tokens: readonly Token[], from: number, to: number): number {
  for (let k = from; k < to; k++) if (tokens[k]!.text === ',') return k;
  return -1;
}

/** How far before its list a total may stand, and how far a list may run, in tokens (bounds every scan). */
const TOTAL_REACH = 30;
const LIST_REACH = 80;

function judgeOpener(input: PartitionInput, s: number, group: readonly Located[], cues: readonly CueSpan[], opener: Opener, totals: Set<string>): Finding | undefined {
  const { tokens } = input;
  const [from, to] = input.sentenceTokens(s);
  const clauseStart = lastPunctBefore(tokens, opener.start, from);
  const before = group[firstAtOrAfter(group, opener.start) - 1];
  const total = before && before.q.end <= opener.start && before.q.start >= clauseStart ? before : undefined;
  if (!total || totals.has(total.q.id)) return undefined;
  const listEnd = nextPunctAfter(tokens, opener.end, to);
  let parts: Located[] = [];
  for (let i = firstAtOrAfter(group, opener.end); i < group.length && group[i]!.q.start < listEnd && parts.length < MAX_PARTS; i++) parts.push(group[i]!);
  let role = opener.role;
  let rest = cues.some((c) => c.role === 'rest' && c.start >= opener.end && c.start < listEnd);
  if (parts.length === 0 && (role === 'split' || cues.some((c) => c.role === 'total' && c.start >= clauseStart && c.end <= opener.start))) {
    const next = nextSentenceParts(input, s, total);
    if (next) ({ parts, role, rest } = { parts: next.parts, role: next.role ?? role, rest: next.rest });
  }
  if (parts.length < 2 || !isList(input, total, parts, role, rest)) return undefined;
  totals.add(total.q.id);
  const scaled = carryScale(tokens, total.q, parts.map((p) => p.q));
  return role === 'subset' || rest ? judgeSubset(input.doc, total.q, scaled) : judgeTotal(input.doc, total.q, scaled, 'after');
}

/** Index of the first figure of `group` (sorted) that starts at or after `offset`. */
function firstAtOrAfter(group: readonly Located[], offset: number): number {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid]!.q.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where the clause of a total ends its look-back: after the last colon, semicolon or dash, at most TOTAL_REACH tokens back. */
function lastPunctBefore(tokens: readonly Token[], offset: number, from: number): number {
  const at = tokenAt(tokens, offset);
  const floor = Math.max(from, at - TOTAL_REACH);
  for (let k = at - 1; k >= floor; k--) if (PUNCT_OPENERS.has(tokens[k]!.text)) return tokens[k]!.end;
  return tokens[floor]?.start ?? 0;
}

/** Where a list that opens at `offset` ends: the next colon, semicolon or dash, the sentence end, or LIST_REACH tokens on. */
function nextPunctAfter(tokens: readonly Token[], offset: number, to: number): number {
  const at = tokenAt(tokens, offset);
  const stop = Math.min(to, at + LIST_REACH);
  for (let k = at; k < stop; k++) if (PUNCT_OPENERS.has(tokens[k]!.text)) return tokens[k]!.start;
  return tokens[stop - 1]?.end ?? offset;
}

/**
 * The parts of a total in the sentence after it ("A total of 50 people were hurt. 20 were hurt in ... and 40 in ..."):
 * the figures before that sentence's own colon, when it states no total of its own. "Of them, ..." makes them a subset.
 */
function nextSentenceParts(input: PartitionInput, s: number, total: Located): { parts: Located[]; role?: CueRole; rest: boolean } | undefined {
  const { tokens } = input;
  const parts = (input.bySentence[s + 1] ?? []).filter((l) => l.paragraph === total.paragraph).slice(0, MAX_PARTS);
  if (parts.length < 2) return undefined;
  const [from, to] = input.sentenceTokens(s + 1);
  const cues = findTotalCues(tokens, from, to, input.cues);
  if (cues.some((c) => c.role === 'total')) return undefined;
  const subset = cues.some((c) => c.role === 'subset' && c.first - from < 3);
  const rest = cues.some((c) => c.role === 'rest');
  const end = nextPunctAfter(tokens, tokens[from]!.start, to);
  return { parts: parts.filter((p) => p.q.start < end), ...(subset && { role: 'subset' as const }), rest };
}

/** Parts that are plausibly parts of the total: compatible units, no breakdowns, and a cue or the shape of a list. */
function isList(input: PartitionInput, total: Located, parts: readonly Located[], role: CueRole | 'list', rest: boolean): boolean {
  const { tokens, units, rules } = input;
  const whole = units.get(total.q.id) ?? parts.map((p) => units.get(p.q.id)).find((u) => u !== undefined);
  if (whole !== undefined && parts.some((p) => units.has(p.q.id) && !canPartition(whole, units.get(p.q.id)!))) return false;
  if (total.q.quantityKind === 'money' && parts.some((p) => p.q.quantityKind === 'count' && p.q.unit !== undefined)) return false;
  const members = parts.map((p) => memberOf(tokens, p.q));
  if (!rest && isBreakdown(tokens, members, rules)) return false;
  const closed = rest || isClosedList(tokens, members, rules);
  if (role === 'list') return closed && partsOneWhole(tokens, members, rules);
  return closed || partsOneWhole(tokens, members, rules);
}
