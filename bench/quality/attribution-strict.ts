// The strict attribution measure the project's owners score held-out PolNeAR with (issue 15), beside the lenient one
// of attribution-metric.ts: per article and role, a one-to-one matching of predicted to gold spans (a maximum bipartite
// matching), where two spans match when they share at least half of the longer span's non-whitespace characters. A
// span is the set of non-whitespace characters its fragments cover; spans with the same set count once; a span that
// covers no such character is left out. Micro-averaged over all articles.
import { prf, ROLES, readBratSpans, type Fragments, type Prf, type Role } from './attribution-metric.js';

/** The sorted offsets of the non-whitespace characters a span's fragments cover (each once). */
export function spanChars(fragments: Fragments, text: string): number[] {
  const at = new Set<number>();
  for (const [s, e] of fragments) for (let i = Math.max(0, s); i < Math.min(e, text.length); i++) if (!/\s/u.test(text[i]!)) at.add(i);
  return [...at].sort((a, b) => a - b);
}

/** How many offsets two sorted lists share. */
function shared(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return n;
}

/** Whether two character sets match: they share at least half of the longer one. */
export function strictMatch(a: readonly number[], b: readonly number[]): boolean {
  return a.length > 0 && b.length > 0 && 2 * shared(a, b) >= Math.max(a.length, b.length);
}

/** Spans as character sets, identical ones once, empty ones left out. */
function distinct(spans: readonly Fragments[], text: string): number[][] {
  const seen = new Map<string, number[]>();
  for (const span of spans) {
    const chars = spanChars(span, text);
    if (chars.length > 0) seen.set(chars.join(','), chars);
  }
  return [...seen.values()];
}

/** A maximum matching between predicted and gold as [predicted, gold] index pairs (Kuhn's augmenting paths; an article has tens of spans). */
export function maximumMatchingPairs(predicted: readonly number[][], gold: readonly number[][]): [number, number][] {
  const edges = predicted.map((p) => gold.flatMap((g, j) => (strictMatch(p, g) ? [j] : [])));
  const goldTo = new Array<number>(gold.length).fill(-1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (goldTo[j] === -1 || augment(goldTo[j]!, seen)) {
        goldTo[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < predicted.length; i++) if (edges[i]!.length > 0) augment(i, new Array<boolean>(gold.length).fill(false));
  return goldTo.flatMap((i, j) => (i >= 0 ? [[i, j] as [number, number]] : []));
}

/** The size of a maximum matching between predicted and gold. */
export function maximumMatching(predicted: readonly number[][], gold: readonly number[][]): number {
  return maximumMatchingPairs(predicted, gold).length;
}

/** Scores predicted against gold .ann texts with the articles' texts, keyed by article: role → P/R/F1. */
export function scoreAttributionStrict(gold: Readonly<Record<string, string>>, predicted: Readonly<Record<string, string>>, texts: Readonly<Record<string, string>>): Record<Role, Prf> {
  const counts = Object.fromEntries(ROLES.map((role) => [role, [0, 0, 0]])) as Record<Role, [number, number, number]>;
  for (const id of Object.keys(gold)) {
    const text = texts[id] ?? '';
    const g = readBratSpans(gold[id]!);
    const p = readBratSpans(predicted[id] ?? '');
    for (const role of ROLES) {
      const gs = distinct(g[role], text);
      const ps = distinct(p[role], text);
      const c = counts[role];
      c[0] += maximumMatching(ps, gs);
      c[1] += ps.length;
      c[2] += gs.length;
    }
  }
  return Object.fromEntries(ROLES.map((role) => {
    const [matched, predicted, gold] = counts[role];
    return [role, prf(matched, predicted, matched, gold)];
  })) as Record<Role, Prf>;
}
