import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, type Located } from './context.js';

/** Word lists and tolerance for `percentage-over-100`. */
export interface ShareRules {
  readonly tolerance: number;
  readonly notShareBefore: ReadonlySet<string>;
  readonly notShareAfter: ReadonlySet<string>;
}

const DETERMINERS = new Set(['the', 'all', 'its', 'their', 'those', 'these', 'this', 'that', 'our', 'his', 'her']);
const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';

/** `percentage-over-100`: one share over 100% of a whole, or shares of one whole in one sentence adding up to more. */
export function checkShares(doc: Document, located: readonly Located[], tokens: readonly Token[], rules: ShareRules): Finding[] {
  const findings: Finding[] = [];
  const groups = new Map<string, QuantityAnnotation[]>();
  const flush = () => {
    for (const [whole, group] of groups) {
      if (group.length > 1 && (whole !== '' || isPartition(tokens, group))) findings.push(...sumFinding(doc, group, rules.tolerance));
    }
    groups.clear();
  };
  for (let i = 0; i < located.length; i++) {
    const { q, sentence } = located[i]!;
    if (i > 0 && located[i - 1]!.sentence !== sentence) flush();
    if (!isShare(q)) continue;
    const whole = wholeOf(tokens, q);
    if (whole !== undefined && guaranteed(q).low > 100) findings.push(overFinding(doc, q));
    if (isComparison(tokens, q, rules)) continue;
    const group = groups.get(whole ?? '');
    if (group) group.push(q);
    else groups.set(whole ?? '', [q]);
  }
  flush();
  return findings;
}

/** The whole a share is of ("45% of voters" → "voter"), or undefined when no "of" follows. */
function wholeOf(tokens: readonly Token[], q: QuantityAnnotation): string | undefined {
  let i = tokenAt(tokens, q.end);
  if (tokens[i]?.lower !== 'of') return undefined;
  i++;
  while (i < tokens.length && DETERMINERS.has(tokens[i]!.lower)) i++;
  return tokens[i]?.lemma ?? '';
}

/**
 * Shares with no stated whole are parts of one whole only when each is followed by a different word ("55% backed it,
 * 40% opposed it"); the same word after each ("77% were aged over 26, 65% were women") describes several breakdowns.
 */
function isPartition(tokens: readonly Token[], group: readonly QuantityAnnotation[]): boolean {
  const next = group.map((q) => tokens[tokenAt(tokens, q.end)]?.lower ?? '');
  return new Set(next).size === next.length;
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

function sumFinding(doc: Document, group: readonly QuantityAnnotation[], tolerance: number): Finding[] {
  const lows = group.map((q) => guaranteed(q).low);
  const sum = lows.reduce((a, b) => a + b, 0);
  if (sum <= 100 + tolerance) return [];
  const quoted = group.map((q) => `"${doc.slice(q)}"`).join(', ');
  const message = `Shares of one whole in one sentence add up to ${fmt(sum)}% (${lows.map((x) => `${fmt(x)}%`).join(' + ')}), more than 100%: ${quoted}.`;
  return [{ rule: 'percentage-over-100', severity: 'warning', message, start: group[0]!.start, end: group.at(-1)!.end, annotationIds: group.map((q) => q.id) }];
}
