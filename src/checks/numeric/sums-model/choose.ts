// Choosing the sums of a document from its scored candidates: each total's runs ranked by the run model, totals
// taken greedily by the whole model (sums that add up first, as they explain their figures), each figure in one role.
import { margin, sigmoid, type LogisticModel } from '../../../learn/logistic.js';
import type { SumCandidate, SumStanding } from './candidates.js';
import { SHORT_LIST_RATIO } from '../totals.js';

/** The two models: whether a total's parts are listed in a run, and which run. */
export interface SumsModels {
  readonly whole: LogisticModel;
  readonly run: LogisticModel;
}

/** A candidate with what the models need. */
export interface ScorableCandidate {
  readonly c: SumCandidate;
  readonly standing: SumStanding;
  readonly features: Int32Array;
}

/** How the choice is made. */
export interface ChoiceOptions {
  /** Runs whose whole score is below this never compete (sums that add up always do). */
  readonly floor: number;
  /** How far a sum may be from its total, as a share of it, and still be a sum that does not add up (not another figure). */
  readonly maxDeviation: number;
}

/**
 * The candidates of one document that are chosen as sums and do not add up, each with its whole-model probability
 * (the caller applies its threshold). `claimed`: ids of figures that may take no role. Linear in the candidates, apart
 * from sorting them.
 */
export function chooseSums<T extends ScorableCandidate>(candidates: readonly T[], models: SumsModels, options: ChoiceOptions, claimed: ReadonlySet<string> = new Set()): { candidate: T; p: number }[] {
  const key = (x: T) => x.c.total.q.id;
  const best = new Map<string, { x: T; score: number }>();
  for (const x of candidates) {
    const score = margin(models.run, x.features) + (x.standing !== 'off' ? 100 : 0);
    const b = best.get(key(x));
    if (!b || score > b.score) best.set(key(x), { x, score });
  }
  const competing: { candidate: T; p: number }[] = [];
  for (const x of candidates) {
    if (x.standing === 'off' && best.get(key(x))!.x !== x) continue;
    const p = sigmoid(margin(models.whole, x.features));
    if (p < options.floor && x.standing === 'off') continue;
    competing.push({ candidate: x, p });
  }
  // A sum that adds up is taken before one that does not only by a margin, not always: a coincidence that adds up
  // ("$1.9bn … $1.6bn … $300m" inside "$3.1bn … of which $1.9bn, $1.6bn and $300m") must not take the parts of a
  // run the model reads far more surely as a total's.
  const rank = (y: { candidate: T; p: number }) => y.p + (y.candidate.standing !== 'off' ? EXPLAINS : 0);
  competing.sort((a, b) => rank(b) - rank(a) || a.candidate.c.total.q.start - b.candidate.c.total.q.start);
  // Figures the rules already read as a total or a part play no other role.
  const used = new Set<string>(claimed);
  const out: { candidate: T; p: number }[] = [];
  for (const y of competing) {
    const ids = [y.candidate.c.total.q.id, ...y.candidate.c.parts.map((p) => p.q.id)];
    if (ids.some((id) => used.has(id))) continue;
    ids.forEach((id) => used.add(id));
    const ratio = y.candidate.c.sum / y.candidate.c.total.q.value;
    if (y.candidate.standing === 'off' && Math.abs(ratio - 1) <= options.maxDeviation) out.push(y);
  }
  return out;
}

/** How much a sum that adds up (or adds up within its bounds) is preferred, in whole-model probability. */
export const EXPLAINS = 0.3;

/** How close to its total a sum that falls short must come, and how sure the model must be: a list may stop short. */
export const SHORTFALL = { minRatio: SHORT_LIST_RATIO, minProbability: 0.9 } as const;

/**
 * Whether a chosen sum is reported at a threshold. Parts that add up to more than their whole are reported from the
 * threshold; parts that add up to less only when they come within a tenth of it and the model is surer, since a list
 * may name only some of the parts ("Most came from two villages: Arnby (14) and Colt (9)").
 */
export function reported(c: SumCandidate, p: number, threshold: number): boolean {
  // A list that says it names every part ("and the remaining 61") does not stop short.
  if (c.sum > c.total.q.value || (c.closed && c.sum / c.total.q.value >= SHORTFALL.minRatio)) return p >= threshold;
  return p >= Math.max(threshold, SHORTFALL.minProbability) && c.sum / c.total.q.value >= SHORTFALL.minRatio;
}
