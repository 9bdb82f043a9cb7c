// A count given with its share of a whole ("Of 400 staff, 120 are nurses, or 40 percent"): the share must agree with
// the count and the whole it is of (120 of 400 is 30 %). Word lists in numeric.json (shareOpeners, notShareBefore/After).
import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, stated, type Located } from './context.js';
import { canPartition, isAmount, type UnitKeys } from './units.js';

/** What the check reads besides the figures. */
export interface ShareCountInput {
  readonly doc: Document;
  readonly tokens: readonly Token[];
  readonly sentenceTokens: (s: number) => [number, number];
  readonly units: UnitKeys;
  /** How far a whole-number share may stand from the count's own share (rounding); a tenth of it for decimals. */
  readonly tolerance: number;
  readonly notShareBefore: ReadonlySet<string>;
  readonly notShareAfter: ReadonlySet<string>;
  /** Words that may stand between a count and its share: ", or 40 percent", "(40 percent)". */
  readonly openers: ReadonlySet<string>;
}

const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';
/** How many tokens may stand between a count and the opener of its share ("120 are nurses, or ..."). */
const COUNT_REACH = 8;
const CLAUSE_BREAK = new Set([';', ':', '.']);
const RELATIVES = new Set(['whom', 'them', 'those', 'which']);
const BACK_REFERENCES = new Set(['these', 'those', 'them']);
const DETERMINERS = new Set(['the', 'its', 'their', 'all', 'these', 'those']);

/**
 * `total-unsupported` for a share that contradicts its count: a count followed by ", or P percent" or "(P percent)" whose
 * whole is named by "N of (the) W", "N of whom/of them" after W, a fronted "Of (the) W, N ...", or the figure right
 * before it with the same unit; a finding when N/W lies outside the share's stated interval (with its rounding).
 */
export function checkShareCounts(input: ShareCountInput, located: readonly Located[]): Finding[] {
  const findings: Finding[] = [];
  for (let i = 1; i < located.length; i++) {
    const share = located[i]!;
    if (!isShare(share.q) || !isAppositive(input, share.q)) continue;
    let at = countBefore(input, located, i);
    // "Some 60 of the 150 delegates, or 55 percent": the figure before the share is the whole of the count before it.
    if (at !== undefined && at > 0 && located[at - 1]!.sentence === share.sentence && wholeOf(input, located, at - 1) === located[at]) at--;
    const count = at === undefined ? undefined : located[at]!;
    const whole = at === undefined ? undefined : wholeOf(input, located, at);
    if (!count || !whole || !canPartition(input.units.get(whole.q.id) ?? 'thing', input.units.get(count.q.id) ?? input.units.get(whole.q.id) ?? 'thing')) continue;
    const finding = judge(input, whole.q, count.q, share.q);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** ", or 40 percent", "(40 percent)": a share set beside a count, not a change ("up 40 percent") nor of another whole. */
function isAppositive(input: ShareCountInput, q: QuantityAnnotation): boolean {
  const { tokens } = input;
  const first = tokenAt(tokens, q.start);
  const after = tokens[tokenAt(tokens, q.end)];
  // "or one in three" is a loose way to say a share; only a share written as a number of percent is held to its count.
  if (!/\d/.test(input.doc.slice(q))) return false;
  const before = tokens[first - 1];
  if (!before || !input.openers.has(before.lower) || (before.lower === 'or' && tokens[first - 2]?.text !== ',')) return false;
  if (before.text === '(' && after?.text !== ')') return false;
  return !(after && (input.notShareAfter.has(after.lower) || after.lower === 'of' || input.notShareBefore.has(after.lower)));
}

/** The count the share stands beside: the nearest amount before it in its clause, within COUNT_REACH tokens. */
function countBefore(input: ShareCountInput, located: readonly Located[], i: number): number | undefined {
  const { tokens } = input;
  const share = located[i]!;
  const prev = located[i - 1]!;
  if (prev.sentence !== share.sentence || !isAmount(prev.q)) return undefined;
  const from = tokenAt(tokens, prev.q.end);
  const to = tokenAt(tokens, share.q.start);
  if (to - from > COUNT_REACH) return undefined;
  for (let k = from; k < to; k++) if (CLAUSE_BREAK.has(tokens[k]!.text)) return undefined;
  return i - 1;
}

/** The whole the count at `at` is a part of, or undefined when none is named. */
function wholeOf(input: ShareCountInput, located: readonly Located[], at: number): Located | undefined {
  const { tokens } = input;
  const count = located[at]!;
  const after = tokenAt(tokens, count.q.end);
  const next = located[at + 1];
  // "60 of the 150 delegates": the whole follows "of".
  if (tokens[after]?.lower === 'of') {
    let k = after + 1;
    while (DETERMINERS.has(tokens[k]?.lower ?? '')) k++;
    if (next && next.sentence === count.sentence && tokenAt(tokens, next.q.start) === k && isAmount(next.q)) return next.q.value > 0 ? next : undefined;
    // "75 of whom", "480 of them": the whole is the figure before, in the same sentence.
    if (!RELATIVES.has(tokens[after + 1]?.lower ?? '')) return undefined;
  }
  const prev = located[at - 1];
  const [from] = input.sentenceTokens(count.sentence);
  // "The survey reached 1,500 people. Of these, 600, or 50 percent, ...": the whole ends the sentence before.
  const back = tokens[from]?.lower === 'of' && BACK_REFERENCES.has(tokens[from + 1]?.lower ?? '');
  if (back && prev && prev.sentence === count.sentence - 1 && isAmount(prev.q) && prev.q.value > count.q.value) return prev;
  if (!prev || prev.sentence !== count.sentence || !isAmount(prev.q)) return undefined;
  const fronted = tokens[from]?.lower === 'of' || (tokens[from]?.lower === 'out' && tokens[from + 1]?.lower === 'of');
  const sameUnit = input.units.get(prev.q.id) !== undefined && input.units.get(prev.q.id) === input.units.get(count.q.id);
  const relative = tokens[after]?.lower === 'of';
  return (fronted || relative || sameUnit) && prev.q.value > count.q.value ? prev : undefined;
}

/** Whole-number shares may miss by the tolerance (rounding); shares with decimals by a tenth or hundredth of it. */
function toleranceFor(q: QuantityAnnotation, tolerance: number): number {
  const decimals = (String(q.value).split('.')[1] ?? '').length;
  return tolerance / 10 ** Math.min(decimals, 2);
}

function judge(input: ShareCountInput, whole: QuantityAnnotation, count: QuantityAnnotation, share: QuantityAnnotation): Finding | undefined {
  const w = stated(whole);
  const n = stated(count);
  const p = stated(share);
  const tolerance = toleranceFor(share, input.tolerance);
  const low = (n.low / w.high) * 100;
  const high = w.low > 0 ? (n.high / w.low) * 100 : Infinity;
  if (high >= p.low - tolerance && low <= p.high + tolerance) return undefined;
  const { doc } = input;
  const ratio = low === high || high === Infinity ? `${fmt(low)}%` : `${fmt(low)}% to ${fmt(high)}%`;
  const message = `Share mismatch: "${doc.slice(count)}" of "${doc.slice(whole)}" is ${ratio} (${fmt(count.value)} / ${fmt(whole.value)}), but it is given as "${doc.slice(share)}".`;
  const start = Math.min(whole.start, count.start);
  return { rule: 'total-unsupported', severity: 'warning', message, start, end: share.end, annotationIds: [whole.id, count.id, share.id] };
}
