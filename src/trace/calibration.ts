// Calibration of the trace's word-meaning credit (DEFAULT_NEAR in similarity.ts) on labelled pairs: a claim and a
// retelling it must match, or a look-alike it must not. A grid over the near threshold and the credit; the pick finds
// the most retellings net of look-alikes let through at the trace threshold on the tuning groups.
import { DEFAULT_SIMILARITY, traceScore, type ClaimFingerprint, type NearOptions } from './similarity.js';
import type { WordNearness } from './word-nearness.js';

/** A labelled pair: the query claim, a candidate, and whether the trace should match it. */
export interface CalibrationCase {
  readonly group: number;
  readonly query: ClaimFingerprint;
  readonly candidate: ClaimFingerprint;
  readonly positive: boolean;
  /** "retelling", or the look-alike's kind (figure, event, place). */
  readonly kind: string;
}

/** Retellings found and look-alikes let through. */
export interface Tally {
  readonly found: number;
  readonly retellings: number;
  readonly passed: number;
  readonly lookalikes: number;
}

/** A grid point with its tallies on the tuning and held-out cases. */
export interface CalibrationPoint {
  readonly threshold: number;
  readonly credit: number;
  readonly tune: Tally;
  readonly heldOut: Tally;
}

/** Word weights as the trace gives them: inverse document frequency among the given claims (at least 0.1). */
export function idfWeights(claims: readonly ClaimFingerprint[]): (term: string) => number {
  const df = new Map<string, number>();
  for (const c of claims) for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  return (term) => Math.max(0.1, Math.log((claims.length + 1) / ((df.get(term) ?? 0) + 1)));
}

/** How many retellings score at or above `traceThreshold` and how many look-alikes do. */
export function tally(cases: readonly CalibrationCase[], weight: (term: string) => number, traceThreshold: number, near?: NearOptions): Tally {
  let found = 0;
  let passed = 0;
  for (const c of cases) {
    const hit = traceScore(c.query, c.candidate, weight, DEFAULT_SIMILARITY, near) >= traceThreshold;
    if (hit && c.positive) found++;
    if (hit && !c.positive) passed++;
  }
  return { found, retellings: cases.filter((c) => c.positive).length, passed, lookalikes: cases.filter((c) => !c.positive).length };
}

/**
 * Every grid point with its tallies (tuning cases: odd groups; held out: even groups), and the pick: the most
 * retellings found net of look-alikes passed on the tuning cases; ties go to the higher threshold, then the lower credit.
 */
export function calibrateNear(cases: readonly CalibrationCase[], near: WordNearness, weight: (term: string) => number, traceThreshold: number, thresholds: readonly number[], credits: readonly number[]): { points: CalibrationPoint[]; pick: CalibrationPoint } {
  const tune = cases.filter((c) => c.group % 2 === 1);
  const heldOut = cases.filter((c) => c.group % 2 === 0);
  const points: CalibrationPoint[] = [];
  for (const threshold of thresholds) {
    for (const credit of credits) {
      const options = { near, threshold, credit };
      points.push({ threshold, credit, tune: tally(tune, weight, traceThreshold, options), heldOut: tally(heldOut, weight, traceThreshold, options) });
    }
  }
  const net = (p: CalibrationPoint) => p.tune.found - p.tune.passed;
  const pick = points.reduce((best, p) => (net(p) > net(best) || (net(p) === net(best) && (p.threshold > best.threshold || (p.threshold === best.threshold && p.credit < best.credit))) ? p : best));
  return { points, pick };
}
