import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, type Located } from './context.js';
import { isBreakdown, partsOneWhole, type ListRules, type Member } from './lists.js';

/** Word lists and tolerance for `percentage-over-100`. */
export interface ShareRules {
  readonly tolerance: number;
  readonly notShareBefore: ReadonlySet<string>;
  readonly notShareAfter: ReadonlySet<string>;
  readonly baselines: ReadonlySet<string>;
  readonly questionVerbs: ReadonlySet<string>;
  readonly list: ListRules;
}

const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'those', 'these', 'this', 'that', 'our', 'his', 'her']);
const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';
/** How many words of a whole ("of the registered voters") are read; keeps the check linear. */
const WHOLE_REACH = 5;

/** A share with what it is a share of. */
interface Share extends Member {
  /** The whole as written ("voter"), carried from the sentence's first share ("45 percent backed Jones"), or ''. */
  readonly whole: string;
  /** True when the whole is carried from another share of the sentence rather than stated or named by "among". */
  readonly carried: boolean;
}

/**
 * `percentage-over-100`: one share over 100% of a whole, or shares of one whole in one sentence adding up to more. A
 * share without a stated whole is of the whole the sentence's shares name ("60 percent of voters backed Smith, 45
 * percent backed Jones"); a ratio to a baseline ("120 percent of the 2019 level") or a change ("up 14 percent") is no share.
 */
export function checkShares(doc: Document, located: readonly Located[], tokens: readonly Token[], rules: ShareRules): Finding[] {
  const findings: Finding[] = [];
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
    if (i > 0 && located[i - 1]!.sentence !== located[i]!.sentence) flush();
    if (!isShare(q)) continue;
    const whole = wholeOf(tokens, q, rules.baselines);
    const comparison = isComparison(tokens, q, rules) || whole?.baseline === true;
    if (whole && !comparison && guaranteed(q).low > 100) findings.push(overFinding(doc, q));
    if (comparison) continue;
    // "Among landlords ..., 70 percent opposed the ban and 38 percent supported it": the group holds to the clause's end.
    const group = groupBefore(tokens, q) ?? (among && !clauseBreakBetween(tokens, among.end, q.start) ? among.group : undefined);
    among = group === undefined ? undefined : { group, end: q.end };
    const carried = stated.size === 1 ? stated.values().next().value! : '';
    if (whole) stated.add(whole.lemma);
    sentence.push({ q, at: whole?.end ?? tokenAt(tokens, q.end), whole: group ?? whole?.lemma ?? carried, carried: group === undefined && whole === undefined && carried !== '' });
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
    if (group.length < 2 || isBreakdown(tokens, group, rules.list)) continue;
    if (partsOneWhole(tokens, group, rules.list, true) === 'parts' || differentPredicates(tokens, group, rules)) findings.push(...sumFinding(doc, group.map((m) => m.q), rules.tolerance));
  }
  return findings;
}

const GROUP_OPENERS = new Set(['among', 'amongst']);
const CLAUSE_BREAK = new Set([';', ':', '.']);
/** How far back in its clause a share's group ("Among women, 55 percent") is looked for. */
const GROUP_REACH = 12;

/** "Among women, 55 percent backed Smith; among men, 60 percent did": the group the share is of, named before it. */
function groupBefore(tokens: readonly Token[], q: QuantityAnnotation): string | undefined {
  const first = tokenAt(tokens, q.start);
  for (let k = first - 1; k >= Math.max(0, first - GROUP_REACH) && !CLAUSE_BREAK.has(tokens[k]!.text); k--) {
    if (!GROUP_OPENERS.has(tokens[k]!.lower)) continue;
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

/** The whole a share is of ("45% of voters" → "voter"); a baseline when it names a level or holds a year ("of the 2019 level"). */
function wholeOf(tokens: readonly Token[], q: QuantityAnnotation, baselines: ReadonlySet<string>): { lemma: string; end: number; baseline: boolean } | undefined {
  let i = tokenAt(tokens, q.end);
  if (tokens[i]?.lower !== 'of') return undefined;
  i++;
  let dated = false;
  const stop = Math.min(tokens.length, i + WHOLE_REACH);
  while (i < stop && (DETERMINERS.has(tokens[i]!.lower) || tokens[i]!.type === 'number' || tokens[i]!.text === '-')) {
    if (tokens[i]!.type === 'number') dated = true;
    i++;
  }
  const tok = tokens[i];
  let end = i + 1;
  while (end < stop && tokens[end]!.pos === 'NOUN' && tokens[end - 1]!.pos === 'NOUN') end++;
  const lemma = tokens[end - 1]?.lemma ?? tok?.lemma ?? '';
  return { lemma, end, baseline: dated || baselines.has(lemma) || baselines.has(tok?.lower ?? '') };
}

/**
 * Shares part one whole when each is followed by a different verb ("55% backed it, 40% opposed it"); the same verb after
 * each ("77% were aged over 26, 65% were women", "60% of voters backed the tax and 70% of voters backed the ban"), or
 * verbs of saying and thinking ("70% said ..., 55% named ..."), answer several questions. Not used for a share whose
 * whole is only carried from another.
 */
function differentPredicates(tokens: readonly Token[], group: readonly Share[], rules: ShareRules): boolean {
  if (group.some((m) => m.carried)) return false;
  const next = group.map((m) => tokens[m.at]);
  if (!next.every((t) => t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX') && !rules.questionVerbs.has(t.lemma))) return false;
  return new Set(next.map((t) => t!.lower)).size === next.length;
}

/** A change or comparison ("rose by 12%", "a 30% increase") is not a share of the sentence's whole. */
function isComparison(tokens: readonly Token[], q: QuantityAnnotation, rules: ShareRules): boolean {
  const first = tokenAt(tokens, q.start);
  const next = tokens[tokenAt(tokens, q.end)];
  const prev = first > 0 ? tokens[first - 1] : undefined;
  return (prev !== undefined && rules.notShareBefore.has(prev.lower)) || (next !== undefined && rules.notShareAfter.has(next.lower));
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

function sumFinding(doc: Document, group: readonly QuantityAnnotation[], tolerance: number): Finding[] {
  const lows = group.map((q) => guaranteed(q).low);
  const sum = lows.reduce((a, b) => a + b, 0);
  if (sum <= 100 + toleranceFor(group, tolerance)) return [];
  const quoted = group.map((q) => `"${doc.slice(q)}"`).join(', ');
  const message = `Shares of one whole in one sentence add up to ${fmt(sum)}% (${lows.map((x) => `${fmt(x)}%`).join(' + ')}), more than 100%: ${quoted}.`;
  return [{ rule: 'percentage-over-100', severity: 'warning', message, start: group[0]!.start, end: group.at(-1)!.end, annotationIds: group.map((q) => q.id) }];
}
