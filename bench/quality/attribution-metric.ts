// Per-role (Source, Cue, Content) precision, recall and F1 of attribution spans in brat standoff, with exact and
// overlap matching, micro-averaged over all spans of all articles. A predicted span is correct when some gold span of
// the same role in the same article matches it; a gold span is found when some predicted span matches it.

/** The roles scored. */
export const ROLES = ['Source', 'Cue', 'Content'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** A span: one or more `[start, end)` fragments (brat's discontinuous spans). */
export type Fragments = readonly (readonly [number, number])[];

/** P/R/F1 with the counts behind them. */
export interface Prf {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly predicted: number;
  readonly gold: number;
}

/** Spans of each role in one brat .ann file. */
export function readBratSpans(ann: string): Record<Role, Fragments[]> {
  const out: Record<Role, Fragments[]> = { Source: [], Cue: [], Content: [] };
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m || !(ROLES as readonly string[]).includes(m[1]!)) continue;
    const fragments = m[2]!.split(';').map((part) => part.trim().split(' ').map(Number) as [number, number]);
    out[m[1] as Role].push(fragments);
  }
  return out;
}

const same = (a: Fragments, b: Fragments) => a.length === b.length && a.every(([s, e], i) => s === b[i]![0] && e === b[i]![1]);
const overlap = (a: Fragments, b: Fragments) => a.some(([s1, e1]) => b.some(([s2, e2]) => s1 < e2 && s2 < e1));

/** P/R/F1 from the predicted spans that match and the gold spans that are found (one count each under a one-to-one matching). */
export function prf(tpPred: number, predicted: number, tpGold: number, gold: number): Prf {
  const precision = predicted ? tpPred / predicted : 0;
  const recall = gold ? tpGold / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, predicted, gold };
}

/** Scores predicted against gold .ann texts, keyed by article. Returns role → {exact, overlap}. */
export function scoreAttribution(gold: Readonly<Record<string, string>>, predicted: Readonly<Record<string, string>>): Record<Role, { exact: Prf; overlap: Prf }> {
  const counts = Object.fromEntries(ROLES.map((role) => [role, { exact: [0, 0, 0, 0], overlap: [0, 0, 0, 0] }])) as Record<Role, Record<'exact' | 'overlap', number[]>>;
  for (const id of Object.keys(gold)) {
    const g = readBratSpans(gold[id]!);
    const p = readBratSpans(predicted[id] ?? '');
    for (const role of ROLES) {
      for (const [kind, match] of [['exact', same], ['overlap', overlap]] as const) {
        const c = counts[role][kind];
        c[0]! += p[role].filter((span) => g[role].some((other) => match(span, other))).length;
        c[1]! += p[role].length;
        c[2]! += g[role].filter((span) => p[role].some((other) => match(span, other))).length;
        c[3]! += g[role].length;
      }
    }
  }
  return Object.fromEntries(ROLES.map((role) => [role, { exact: prf(...(counts[role].exact as [number, number, number, number])), overlap: prf(...(counts[role].overlap as [number, number, number, number])) }])) as Record<Role, { exact: Prf; overlap: Prf }>;
}
