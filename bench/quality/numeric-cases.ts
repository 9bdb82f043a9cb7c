// The scoring shared by the numeric phrasing matrix (numeric-matrix.ts) and the numeric probe (numeric-probe.ts): each
// case is told once with figures that do not add up, which the numeric check must flag, and once with figures that do,
// which it must leave silent; a crash of the analysis is recorded whatever the figures.
import { analyzePure } from '../../src/engine/analyze.js';

/** One case: the text that must be flagged, the text that must not, the forms it tallies under, and a label for its lists. */
export interface ScoredCase {
  readonly keys: readonly string[];
  readonly over: string;
  readonly even: string;
  /** Put before the case's texts in the lists of misses and false warnings ("[id] "); none by default. */
  readonly label?: string;
}

/** The tallies of a run. */
export interface CaseTallies {
  /** Per form, [fired, cases] over the texts that do not add up. */
  readonly fired: Record<string, [number, number]>;
  /** [warned, cases] over the texts that add up. */
  readonly falseWarnings: [number, number];
  readonly misses: string[];
  readonly false: string[];
  /** Texts whose analysis threw, with the error's message. */
  readonly crashes: string[];
}

/** Whether the numeric check flags the text (a total its parts do not support, or shares of one whole above 100). */
function warns(text: string, crashes: string[]): boolean {
  try {
    return analyzePure({ text }).findings.some((f) => f.rule === 'total-unsupported' || f.rule === 'percentage-over-100');
  } catch (err) {
    crashes.push(`${text} (${(err as Error).message})`);
    return false;
  }
}

/** Analyses every case, both ways, and tallies what fired, what was warned falsely and what crashed. */
export function scoreCases(cases: Iterable<ScoredCase>): CaseTallies {
  const fired: Record<string, [number, number]> = {};
  const falseWarnings: [number, number] = [0, 0];
  const misses: string[] = [];
  const falses: string[] = [];
  const crashes: string[] = [];
  for (const c of cases) {
    const label = c.label ?? '';
    const hit = warns(c.over, crashes);
    for (const key of c.keys) {
      const v = (fired[key] ??= [0, 0]);
      v[1]++;
      if (hit) v[0]++;
    }
    if (!hit) misses.push(`${label}${c.over}`);
    falseWarnings[1]++;
    if (warns(c.even, crashes)) {
      falseWarnings[0]++;
      falses.push(`${label}${c.even}`);
    }
  }
  return { fired, falseWarnings, misses, false: falses, crashes };
}
