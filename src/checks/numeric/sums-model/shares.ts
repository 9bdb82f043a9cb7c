// Shares for the learned sums model: a run of percentages that may be the shares of one whole ("44 percent in favour,
// 41 percent against and 22 percent undecided"). Runs that make up 100 teach how such runs are written; a run the
// model reads as one whole's shares that comes to more than 100 is reported.
import { hash1 } from '../../../learn/hashing.js';
import { margin, sigmoid, type LogisticModel } from '../../../learn/logistic.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';
import type { Located } from '../context.js';
import { between, cueFeatures, shape } from './features.js';

/** A run of percentages. */
export interface ShareRun {
  readonly shares: readonly Located[];
  readonly sum: number;
  /** `whole`: makes up 100 (within rounding); `over`: more; `under`: less. */
  readonly standing: 'whole' | 'over' | 'under';
}

/** Limits that keep the runs linear in the number of figures. */
export const SHARE_LIMITS = { maxShares: 6, maxSentences: 2, maxSkip: 1 } as const;

function isShare(l: Located): boolean {
  return l.q.quantityKind === 'percent' && l.q.bound !== 'range' && l.q.value > 0 && l.q.value <= 100;
}

/** How far above 100 whole-number shares may come by rounding: 1 (the numeric check's share tolerance); with decimals, 0.05 per share. */
function tolerance(shares: readonly Located[]): number {
  return shares.every((s) => Number.isInteger(s.q.value)) ? 1 : 0.05 * shares.length + 1e-9;
}

/**
 * Every run of 2..maxShares consecutive percentages (after skipping up to maxSkip), within maxSentences sentences. A
 * change ("down 8 percent from last year's record") is no share of anything, so `isChange` keeps it out of every run:
 * with it, "down 8 percent" and the next sentence's "62 percent ..., 31 percent as feed" made a run of 101 that read as
 * a whole and took the shares from the run that does not add up.
 */
export function shareRuns(located: readonly Located[], isChange: (l: Located) => boolean = () => false): ShareRun[] {
  const shares = located.filter((l) => isShare(l) && !isChange(l));
  const out: ShareRun[] = [];
  for (let i = 0; i < shares.length; i++) {
    let sum = shares[i]!.q.value;
    for (let j = i + 1; j < shares.length && j - i < SHARE_LIMITS.maxShares; j++) {
      if (shares[j]!.sentence - shares[i]!.sentence > SHARE_LIMITS.maxSentences) break;
      sum += shares[j]!.q.value;
      const run = shares.slice(i, j + 1);
      const tol = tolerance(run);
      out.push({ shares: run, sum, standing: Math.abs(sum - 100) <= tol ? 'whole' : sum > 100 ? 'over' : 'under' });
    }
  }
  return out;
}

/** The feature strings of a run (never its values). */
export function shareFeatureNames(r: ShareRun, tokens: readonly Token[], sentenceOf: (token: number) => number): string[] {
  const f: string[] = [];
  const k = r.shares.length;
  const first = r.shares[0]!;
  const last = r.shares[k - 1]!;
  f.push(`k=${Math.min(k, 5)}`, `span=${last.sentence - first.sentence}`);
  const s0 = tokenAt(tokens, first.q.start);
  for (let d = 1; d <= 3; d++) {
    const t = tokens[s0 - d];
    f.push(t && sentenceOf(s0 - d) === first.sentence ? `b-${d}=${t.lower}` : `b-${d}=<s>`);
    if (t && sentenceOf(s0 - d) === first.sentence) f.push(`b-${d}s=${shape(t)}`);
  }
  cueFeatures(f, 'b', between(tokens, s0 - 5, s0).filter((t) => sentenceOf(t.index) === first.sentence));
  // What is said right after each share: "of the vote", "said", "backed", "for X"; the same shape after each is a split.
  const after = r.shares.map((s) => {
    const e = tokenAt(tokens, s.q.end);
    return [tokens[e], tokens[e + 1]].map((t) => (t ? shape(t) : '')).join(' ');
  });
  f.push(`par.after=${new Set(after).size === 1 ? after[0] : 'mixed'}`);
  for (const a of after) f.push(`after=${a}`);
  const bases = r.shares.map((s) => {
    const e = tokenAt(tokens, s.q.end);
    return tokens[e]?.lower === 'of' ? (tokens[e + 1]?.lower === 'the' ? tokens[e + 2]?.lemma : tokens[e + 1]?.lemma) ?? '' : '';
  });
  const named = bases.filter((b) => b !== '');
  f.push(`bases=${named.length === 0 ? 'none' : new Set(named).size === 1 ? (named.length === k ? 'all-same' : 'one') : 'differ'}`);
  const firstAfter = tokens.slice(tokenAt(tokens, first.q.end), tokenAt(tokens, first.q.end) + 3);
  for (const t of firstAfter) f.push(`fa=${t.lower}`);
  for (let i = 0; i + 1 < k; i++) {
    const j = between(tokens, tokenAt(tokens, r.shares[i]!.q.end), tokenAt(tokens, r.shares[i + 1]!.q.start), 40);
    const sig = j.length <= 6 ? j.map(shape).join(' ') : `long${r.shares[i + 1]!.sentence !== r.shares[i]!.sentence ? '.s' : ''}`;
    f.push(`joint=${sig}`, `joint.last=${i + 2 === k}|${sig}`);
    for (const t of j.slice(0, 5)) f.push(`joint.w=${t.lower}`);
    cueFeatures(f, i + 2 === k ? 'jl' : 'j', j);
    if (r.shares[i + 1]!.sentence !== r.shares[i]!.sentence) f.push('joint.sent');
  }
  const e = tokenAt(tokens, last.q.end);
  for (let d = 0; d < 2; d++) {
    const t = tokens[e + d];
    f.push(`end+${d}=${t && sentenceOf(e + d) === last.sentence ? t.lower : '</s>'}`);
  }
  // Change and comparison words anywhere in the run's sentences make several readings of one thing likely.
  const from = tokenAt(tokens, first.q.start);
  cueFeatures(f, 'run', between(tokens, from, e, 80));
  return f;
}

/** The hashed features of a run. */
export function shareFeatures(r: ShareRun, tokens: readonly Token[], sentenceOf: (token: number) => number): Int32Array {
  return Int32Array.from(shareFeatureNames(r, tokens, sentenceOf), (name) => hash1(11, name) | 0);
}

/**
 * The largest sum reported: shares of one whole that overshoot by a few points are a slip; runs far above 100 (129,
 * 165, 429 in the training articles) are figures of several wholes (a share now and a year ago, each region's own).
 */
export const MAX_SUM = 120;

/**
 * The runs chosen as one whole's shares that come to more than 100, with the model's probability: runs taken greedily
 * (runs that make up 100 first, as they explain their shares), each share in one run.
 */
export function chooseShares<T extends { readonly run: ShareRun; readonly features: Int32Array }>(runs: readonly T[], model: LogisticModel, floor: number, claimed: ReadonlySet<string> = new Set()): { candidate: T; p: number }[] {
  const scored = runs.map((x) => ({ candidate: x, p: sigmoid(margin(model, x.features)) })).filter((y) => y.p >= floor || y.candidate.run.standing === 'whole');
  const rank = (y: { candidate: T; p: number }) => y.p + (y.candidate.run.standing === 'whole' ? 1 : 0);
  scored.sort((a, b) => rank(b) - rank(a) || a.candidate.run.shares[0]!.q.start - b.candidate.run.shares[0]!.q.start);
  const used = new Set<string>(claimed);
  const out: { candidate: T; p: number }[] = [];
  for (const y of scored) {
    const ids = y.candidate.run.shares.map((s) => s.q.id);
    if (ids.some((id) => used.has(id))) continue;
    ids.forEach((id) => used.add(id));
    if (y.candidate.run.standing === 'over' && y.candidate.run.sum <= MAX_SUM) out.push(y);
  }
  return out;
}
