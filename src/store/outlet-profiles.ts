import { SOURCE_GRADES, type SourceGrade } from '../core/annotations.js';
import type { OutletFigures, OutletProfile } from './types.js';

/** Raw counts of one (site, month) cell. */
export interface Tally {
  articles: number;
  words: number;
  grades: Record<SourceGrade, number>;
  claimsWithFigures: number;
  unsourcedStatistics: number;
  techniques: Record<string, number>;
}

/** A cell with nothing counted yet. */
export const emptyTally = (): Tally => ({ articles: 0, words: 0, grades: { named: 0, vague: 0, anaphoric: 0, none: 0 }, claimsWithFigures: 0, unsourcedStatistics: 0, techniques: {} });

/** One row of a grouped count: a (site, month) cell, its count, and the grade or technique it counts (or word sum). */
export interface Cell { site: string | null; month: string | null; n: number; key?: string; words?: number }

/** The five grouped counts both stores run, per (site, month). */
export interface OutletCounts {
  docs: Cell[];
  grades: Cell[];
  withFigures: Cell[];
  unsourced: Cell[];
  techniques: Cell[];
}

/** The five grouped counts summed per (site, month) cell, then per site into profiles. */
export function profilesFromCounts(counts: OutletCounts): OutletProfile[] {
  const cells = new Map<string, { site: string | null; month: string | null; tally: Tally }>();
  const cell = (r: Cell) => {
    const id = JSON.stringify([r.site, r.month]);
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { site: r.site, month: r.month, tally: emptyTally() }));
    return c.tally;
  };
  for (const r of counts.docs) Object.assign(cell(r), { articles: r.n, words: r.words ?? 0 });
  for (const r of counts.grades) cell(r).grades[r.key as SourceGrade] += r.n;
  for (const r of counts.withFigures) cell(r).claimsWithFigures = r.n;
  for (const r of counts.unsourced) cell(r).unsourcedStatistics = r.n;
  for (const r of counts.techniques) cell(r).techniques[r.key!] = r.n;
  return profiles([...cells.values()]);
}

/** Cells summed per site into profiles (largest outlet first), months in order (both stores). */
export function profiles(cells: { site: string | null; month: string | null; tally: Tally }[]): OutletProfile[] {
  const bySite = new Map<string | null, { site: string | null; month: string | null; tally: Tally }[]>();
  for (const c of cells) {
    const list = bySite.get(c.site);
    if (list) list.push(c);
    else bySite.set(c.site, [c]);
  }
  const out: OutletProfile[] = [];
  for (const [site, list] of bySite) {
    list.sort((a, b) => (a.month ?? '\uffff').localeCompare(b.month ?? '\uffff'));
    const total = list.reduce((sum, c) => addTally(sum, c.tally), emptyTally());
    out.push({ site, ...figures(total), months: list.map((c) => ({ month: c.month, ...figures(c.tally) })) });
  }
  return out.sort((a, b) => b.articles - a.articles || (a.site ?? '\uffff').localeCompare(b.site ?? '\uffff'));
}

function addTally(a: Tally, b: Tally): Tally {
  const techniques = { ...a.techniques };
  for (const [k, n] of Object.entries(b.techniques)) techniques[k] = (techniques[k] ?? 0) + n;
  const grades = { ...a.grades };
  for (const g of SOURCE_GRADES) grades[g] += b.grades[g];
  return { articles: a.articles + b.articles, words: a.words + b.words, grades, claimsWithFigures: a.claimsWithFigures + b.claimsWithFigures, unsourcedStatistics: a.unsourcedStatistics + b.unsourcedStatistics, techniques };
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Counts turned into shares and rates. */
function figures(t: Tally): OutletFigures {
  const claims = SOURCE_GRADES.reduce((n, g) => n + t.grades[g], 0);
  const perK = (n: number) => (t.words === 0 ? 0 : round((1000 * n) / t.words, 2));
  const grades = Object.fromEntries(SOURCE_GRADES.map((g) => [g, { count: t.grades[g], share: claims === 0 ? 0 : round(t.grades[g] / claims) }])) as OutletFigures['grades'];
  const techniqueTotal = Object.values(t.techniques).reduce((a, b) => a + b, 0);
  const techniques = Object.fromEntries(Object.entries(t.techniques).sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => [k, { count: n, per1000Words: perK(n) }]));
  return {
    articles: t.articles, words: t.words, claims, grades, claimsWithFigures: t.claimsWithFigures, unsourcedStatistics: t.unsourcedStatistics,
    unsourcedStatisticRate: t.claimsWithFigures === 0 ? 0 : round(t.unsourcedStatistics / t.claimsWithFigures), techniquesPer1000Words: perK(techniqueTotal), techniques,
  };
}
