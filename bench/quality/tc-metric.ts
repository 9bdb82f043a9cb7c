// The PTC technique-classification (TC) metric as the dataset README describes it: spans are given, so micro-F1 over
// all labels; where one span (article, start, end) carries several gold techniques, the predicted labels for it are
// matched to the gold in the best order (a multiset intersection). Per-class P/R/F1 come from the same matching.

/** One TC line: `<ID>\t<technique>\t<start>\t<end>`. */
export interface TcLine {
  readonly id: string;
  readonly technique: string;
  readonly start: number;
  readonly end: number;
}

/** Precision, recall and F1 with the counts behind them. */
export interface TcPrf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
}

/** Micro-averaged scores and per-class scores. */
export interface TcScores {
  readonly micro: TcPrf;
  readonly perClass: Readonly<Record<string, TcPrf>>;
}

/** Reads TC lines (gold, template or predictions); blank lines are skipped, a malformed line throws. */
export function readTcLines(text: string): TcLine[] {
  const out: TcLine[] = [];
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const parts = line.split('\t');
    if (parts.length !== 4 || !/^\d+$/.test(parts[2]!) || !/^\d+$/.test(parts[3]!)) throw new Error(`TC line ${n + 1} is not <ID>\\t<technique>\\t<start>\\t<end>: ${line}`);
    out.push({ id: parts[0]!, technique: parts[1]!, start: Number(parts[2]), end: Number(parts[3]) });
  }
  return out;
}

function prf(tp: number, predicted: number, gold: number): TcPrf {
  const precision = predicted ? tp / predicted : 0;
  const recall = gold ? tp / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, tp, predicted, gold };
}

function groupBySpan(lines: readonly TcLine[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const l of lines) {
    const key = `${l.id}\t${l.start}\t${l.end}`;
    const list = groups.get(key);
    if (list) list.push(l.technique);
    else groups.set(key, [l.technique]);
  }
  return groups;
}

function countsOf(labels: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return counts;
}

/** Scores predictions against gold; `classes` fixes the per-class rows (default: every label seen). */
export function scoreTc(gold: readonly TcLine[], predicted: readonly TcLine[], classes?: readonly string[]): TcScores {
  const goldBySpan = groupBySpan(gold);
  const predBySpan = groupBySpan(predicted);
  const tp = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const [span, goldLabels] of goldBySpan) {
    const pred = countsOf(predBySpan.get(span) ?? []);
    for (const [label, n] of countsOf(goldLabels)) add(tp, label, Math.min(n, pred.get(label) ?? 0));
  }
  const goldCounts = countsOf(gold.map((l) => l.technique));
  const predCounts = countsOf(predicted.map((l) => l.technique));
  const names = classes ?? [...new Set([...goldCounts.keys(), ...predCounts.keys()])].sort();
  const perClass: Record<string, TcPrf> = {};
  for (const c of names) perClass[c] = prf(tp.get(c) ?? 0, predCounts.get(c) ?? 0, goldCounts.get(c) ?? 0);
  const allTp = [...tp.values()].reduce((a, b) => a + b, 0);
  return { micro: prf(allTp, predicted.length, gold.length), perClass };
}
