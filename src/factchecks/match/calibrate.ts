// Calibration of the re-ranker's score to a probability-like value: Platt scaling (a logistic curve over the score,
// fitted by Newton's method on the candidates of held-out queries, with Platt's smoothed targets), and the threshold
// above which a candidate is reported as a match. Pure and deterministic: the same scores give the same curve.

/** A fitted curve: probability = 1 / (1 + exp(-(slope * score + intercept))), and the reporting threshold. */
export interface Calibration {
  readonly slope: number;
  readonly intercept: number;
  readonly threshold: number;
}

/** The probability-like value of a re-ranker score. */
export function calibrated(calibration: Calibration, score: number): number {
  return 1 / (1 + Math.exp(-(calibration.slope * score + calibration.intercept)));
}

/** Fits Platt's curve to scores and their labels (true = the candidate is the query's fact-check). */
export function fitPlatt(scores: readonly number[], labels: readonly boolean[]): { slope: number; intercept: number } {
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  // Platt's targets: (N+ + 1) / (N+ + 2) and 1 / (N- + 2) instead of 1 and 0, so a separable set does not diverge.
  const high = (positives + 1) / (positives + 2);
  const low = 1 / (negatives + 2);
  let [a, b] = [0, Math.log((negatives + 1) / (positives + 1)) * -1];
  for (let iteration = 0; iteration < 100; iteration++) {
    let [ga, gb, haa, hab, hbb] = [0, 0, 1e-12, 0, 1e-12];
    for (let i = 0; i < scores.length; i++) {
      const p = 1 / (1 + Math.exp(-(a * scores[i]! + b)));
      const d = p - (labels[i] ? high : low);
      const w = p * (1 - p);
      ga += d * scores[i]!;
      gb += d;
      haa += w * scores[i]! * scores[i]!;
      hab += w * scores[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (det <= 0) break;
    const [da, db] = [(hbb * ga - hab * gb) / det, (haa * gb - hab * ga) / det];
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return { slope: a, intercept: b };
}

/** Precision, recall and F1 of reporting every candidate whose probability is at least `threshold`. */
export function decisionScores(probabilities: readonly number[], labels: readonly boolean[], threshold: number): { precision: number; recall: number; f1: number } {
  let [hit, reported] = [0, 0];
  const positives = labels.filter(Boolean).length;
  probabilities.forEach((p, i) => {
    if (p < threshold) return;
    reported++;
    if (labels[i]) hit++;
  });
  const precision = reported > 0 ? hit / reported : 1;
  const recall = positives > 0 ? hit / positives : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** The threshold, on a grid of 0.01 steps, with the highest F1 (the lowest such threshold on ties). */
export function chooseThreshold(probabilities: readonly number[], labels: readonly boolean[]): number {
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 1; step < 100; step++) {
    const threshold = step / 100;
    const { f1 } = decisionScores(probabilities, labels, threshold);
    if (f1 > best.f1 + 1e-12) best = { threshold, f1 };
  }
  return best.threshold;
}
