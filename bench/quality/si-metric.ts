// SemEval-2020 Task 11 span identification (SI) metric, as the PTC README describes it: spans are character sets;
// overlapping spans of an article are merged (gold always, predictions too); with S the predicted and T the gold spans
// of the whole corpus, P = (1/|S|) Σ_s Σ_t |s∩t|/|s|, R = (1/|T|) Σ_s Σ_t |s∩t|/|t|, F1 = 2PR/(P+R).

/** A span `[start, end)`. */
export type Span = readonly [number, number];

/** P/R/F1 with the span counts behind them. */
export interface SiScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly predicted: number;
  readonly gold: number;
}

/** Sorts spans and merges those that overlap (touching spans stay apart, as character sets they do not intersect). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter(([s, e]) => e > s).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

/** Reads `<id>\t<start>\t<end>` lines into spans per article id. */
export function readSiLabels(text: string): Map<string, Span[]> {
  const out = new Map<string, Span[]>();
  for (const line of text.split('\n')) {
    const [id, start, end] = line.trim().split('\t');
    if (!id || start === undefined || end === undefined) continue;
    const list = out.get(id) ?? [];
    list.push([Number(start), Number(end)]);
    out.set(id, list);
  }
  return out;
}

/** Scores predicted against gold spans, keyed by article id (articles absent from `gold` count with no gold spans). */
export function scoreSi(gold: ReadonlyMap<string, readonly Span[]>, predicted: ReadonlyMap<string, readonly Span[]>): SiScore {
  let p = 0;
  let r = 0;
  let nS = 0;
  let nT = 0;
  for (const id of new Set([...gold.keys(), ...predicted.keys()])) {
    const T = mergeSpans(gold.get(id) ?? []);
    const S = mergeSpans(predicted.get(id) ?? []);
    nS += S.length;
    nT += T.length;
    for (const [s0, s1] of S) {
      for (const [t0, t1] of T) {
        const inter = Math.min(s1, t1) - Math.max(s0, t0);
        if (inter <= 0) continue;
        p += inter / (s1 - s0);
        r += inter / (t1 - t0);
      }
    }
  }
  const precision = nS ? p / nS : 0;
  const recall = nT ? r / nT : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted: nS, gold: nT };
}
