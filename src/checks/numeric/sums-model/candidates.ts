// Candidate sums for the learned sums model: a figure and a run of the figures of its kind right after it or right
// before it in its paragraph, which may be its parts. The rules in ../ find totals by their phrasing; this reads any
// run, and the models (./choose.ts, ./index.ts) say whether the writer meant the run as the parts of the figure.
import type { QuantityAnnotation } from '../../../core/annotations.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';
import { guaranteed, type Located } from '../context.js';
import { carryScale, writtenScale } from '../scales.js';
import { isAmount } from '../units.js';
import cues from './cues.json' with { type: 'json' };

/** A figure and a run of figures that may be its parts. */
export interface SumCandidate {
  readonly total: Located;
  readonly parts: readonly Located[];
  /** The parts' values, a scale carried from the total or the first part ("21 billion …, 15 for schools"). */
  readonly values: readonly number[];
  /** True when the parts come after the total. */
  readonly after: boolean;
  /** How many figures of the total's class lie between the total and the run. */
  readonly skipped: number;
  readonly sum: number;
  /** True when a closing word marks the last part as what is left of the whole ("the remaining 61", "the rest, 118"). */
  readonly closed: boolean;
}

/** Limits that keep the candidates linear in the number of figures. */
export interface CandidateLimits {
  /** The most parts a run may have. */
  readonly maxParts: number;
  /** How many sentences a run may reach past the total's. */
  readonly maxSentences: number;
  /** How many figures of the total's class may lie between it and the run. */
  readonly maxSkip: number;
}

const CLOSING = new Set(cues.groups.closing.words);

/**
 * True when the last part is said to be what is left of the whole: a closing word (cues.json "closing") between it and
 * the part before it ("and the remaining 61"), or among its own four words after it ("2,940 across the rest of the area").
 */
function closedRun(tokens: readonly Token[], parts: readonly Located[]): boolean {
  const last = parts[parts.length - 1]!;
  const from = tokenAt(tokens, parts[parts.length - 2]!.q.end);
  const end = tokenAt(tokens, last.q.end);
  for (let k = from; k < end + 4 && k < tokens.length; k++) {
    // After the part, only its own words: a mark or "and" starts what comes next ("640 upheld; the remaining 250").
    if (k >= end && (tokens[k]!.type === 'punctuation' || tokens[k]!.lower === 'and')) break;
    if (CLOSING.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** How many times smaller than its total a part may be (sums that add up in the training articles: 4 of 179 below it). */
const TINY = 1000;

/** How many figures of any class a run may be looked for over, on each side of a total. */
const MAX_STEPS = 24;

export const DEFAULT_LIMITS: CandidateLimits = { maxParts: 6, maxSentences: 3, maxSkip: 2 };

/** What a figure counts, as far as a sum goes: money in one currency, a measure in one unit, or a count. */
function sumClass(q: QuantityAnnotation, key: string | undefined): string | undefined {
  if (!isAmount(q) || q.bound === 'range') return undefined;
  if (key?.startsWith('money ') || key?.startsWith('measure ')) return key;
  if (q.quantityKind === 'money') return `money ${q.unit ?? ''}`;
  return q.quantityKind === 'count' ? 'count' : undefined;
}

/**
 * Every figure with every run of 2..maxParts figures of its class that follows it (or precedes it), up to maxSkip
 * figures of its class away, figures of other classes skipped, each part smaller than the total, all within
 * maxSentences sentences of it (paragraphs may be crossed: news paragraphs are often one sentence long).
 */
export function sumCandidates(located: readonly Located[], tokens: readonly Token[], keys: ReadonlyMap<string, string>, limits: CandidateLimits = DEFAULT_LIMITS): SumCandidate[] {
  const amounts: { l: Located; cls: string }[] = [];
  for (const l of located) {
    const cls = sumClass(l.q, keys.get(l.q.id));
    if (cls !== undefined) amounts.push({ l, cls });
  }
  const out: SumCandidate[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const { l: total, cls } = amounts[i]!;
    if (total.q.value <= 0) continue;
    for (const after of [true, false]) {
      // The figures of the total's class on this side, nearest first, within reach.
      const side: Located[] = [];
      // At most MAX_STEPS figures are looked at on each side, so a sentence of thousands of figures stays linear.
      for (let j = after ? i + 1 : i - 1, steps = 0; j >= 0 && j < amounts.length && side.length < limits.maxParts + limits.maxSkip && steps < MAX_STEPS; j += after ? 1 : -1, steps++) {
        const a = amounts[j]!;
        if (Math.abs(a.l.sentence - total.sentence) > limits.maxSentences) break;
        // "9.6 million tonnes … coal 2.1 million, grain 3.4 million": a bare figure with a written scale and no noun of its
        // own is a part of a measure (or a sum of money) of that scale.
        const bare = a.cls === 'count' && cls !== 'count' && a.l.q.unit === undefined && writtenScale(tokens, a.l.q) !== undefined && writtenScale(tokens, total.q) !== undefined;
        if (a.cls !== cls && !bare) {
          // Money among counts (or counts among money) is skipped; it is never a part.
          continue;
        }
        side.push(a.l);
      }
      for (let skip = 0; skip <= limits.maxSkip && skip + 2 <= side.length; skip++) {
        for (let k = 2; k <= limits.maxParts && skip + k <= side.length; k++) {
          const run = side.slice(skip, skip + k);
          const parts = after ? run : [...run].reverse();
          const values = carryScale(tokens, total.q, parts.map((p) => p.q)).map((q) => q.value);
          if (values.some((v) => v >= total.q.value || v <= 0)) break;
          // A part a thousand times smaller than its total is another figure (the dead beside the displaced).
          if (values.some((v) => v * TINY < total.q.value)) continue;
          const sum = values.reduce((s, v) => s + v, 0);
          out.push({ total, parts, values, after, skipped: skip, sum, closed: closedRun(tokens, parts) });
          // "212 of those admissions, patients aged 5 to 64 for 431 and those 65 and over for 598": a figure inside the
          // run that is no part (an age, a date) — the run without it is kept when it then adds up exactly.
          for (let drop = 1; k >= 3 && drop < k - 1; drop++) {
            const rest = sum - values[drop]!;
            if (Math.abs(rest - total.q.value) <= 1e-9 * total.q.value) {
              const kept = parts.filter((_, i) => i !== drop);
              out.push({ total, parts: kept, values: values.filter((_, i) => i !== drop), after, skipped: skip, sum: rest, closed: closedRun(tokens, kept) });
            }
          }
        }
      }
    }
  }
  return out;
}

/**
 * The unit of a written figure's last digit, at its written scale ("£12.8m" 100,000; "48 million" 1 million), or 0 for
 * a whole number written out in full ("1,240", "212"), which is exact as written.
 */
function lastDigitUnit(tokens: readonly Token[], text: string, q: QuantityAnnotation): number {
  const digits = /\d+(?:[.,]\d+)*/.exec(text)?.[0] ?? '';
  const decimals = /\.(\d+)$/.exec(digits.replace(/,(?=\d{3}(?:\D|$))/g, ''))?.[1]?.length ?? 0;
  const number = Number(digits.replace(/,/g, ''));
  // "£12.8m": the scale is what the written number is multiplied by to give the value.
  const scale = writtenScale(tokens, q) ?? (number > 0 && q.value / number >= 1000 ? q.value / number : 1);
  return decimals === 0 && scale === 1 ? 0 : 10 ** -decimals * scale;
}

/** How a candidate's sum stands to its total: `exact` (within rounding), `within` (the total's stated bounds) or `off`. */
export type SumStanding = 'exact' | 'within' | 'off';

/** Whether the parts add up to the total, within rounding and the bounds the figures state. */
export function standing(c: SumCandidate, tokens: readonly Token[], text: string): SumStanding {
  const slice = (q: QuantityAnnotation) => text.slice(q.start, q.end);
  // Rounded figures may miss their total by their rounding (half a unit of each one's last digit), but never by more
  // than one unit of the coarsest ("£12.8m: £4.6m, £3.1m, £2.9m and £2.3m" is 12.9; "48 million: 27 million, 14 million
  // and 9 million" is 50); whole numbers written in full must add up exactly.
  const units = [lastDigitUnit(tokens, slice(c.total.q), c.total.q), ...c.parts.map((p, i) => lastDigitUnit(tokens, slice(p.q), p.q) * (c.values[i]! / p.q.value))];
  const slack = Math.min(units.reduce((s, u) => s + u / 2, 0), Math.max(...units));
  const exact = c.parts.every((p) => p.q.bound === 'exact') && c.total.q.bound === 'exact';
  if (Math.abs(c.sum - c.total.q.value) <= slack + 1e-9 * c.total.q.value) return exact ? 'exact' : 'within';
  const t = guaranteed(c.total.q);
  const spread = c.parts.map((p, i) => {
    const g = guaranteed(p.q);
    const ratio = c.values[i]! / p.q.value;
    return { low: g.low * ratio, high: g.high * ratio };
  });
  const low = spread.reduce((s, g) => s + g.low, 0);
  const high = spread.reduce((s, g) => s + g.high, 0);
  const approx = c.total.q.bound === 'approx' || c.parts.some((p) => p.q.bound === 'approx') ? 0.05 * c.total.q.value : 0;
  return low <= t.high + slack + approx && high >= t.low - slack - approx ? 'within' : 'off';
}
