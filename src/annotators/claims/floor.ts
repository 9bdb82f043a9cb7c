// Check-worthiness floors (floors.json): a sentence holding a bounded figure or a total is check-worthy whatever the
// model says. The model reads words only; whether a figure is bounded is known to the quantities annotator.
import type { Bound, QuantityAnnotation } from '../../core/annotations.js';
import type { CueClass } from './cues.js';
import floors from './floors.json' with { type: 'json' };

/** One floor rule from floors.json: a bound list or a cue class, and the score it lifts a sentence to. */
export interface FloorRule {
  readonly rule: string;
  readonly floor: number;
  readonly bounds?: readonly Bound[];
  readonly cueClass?: CueClass;
  readonly reason: string;
}

/** The default floor rules. */
export const DEFAULT_FLOORS: readonly FloorRule[] = Object.freeze(floors.floors as FloorRule[]);

/** What a floor looks at in one sentence: its statistic figures and the classes of its cues. */
export interface FloorParts {
  readonly statistics: readonly QuantityAnnotation[];
  readonly cueClasses: ReadonlySet<CueClass>;
}

/** The highest floor a sentence earns (0 when none applies or it holds no statistic). */
export function checkworthyFloor(parts: FloorParts, rules: readonly FloorRule[] = DEFAULT_FLOORS): number {
  if (parts.statistics.length === 0) return 0;
  let floor = 0;
  for (const rule of rules) {
    const bounded = rule.bounds !== undefined && parts.statistics.some((q) => rule.bounds!.includes(q.bound));
    const cued = rule.cueClass !== undefined && parts.cueClasses.has(rule.cueClass);
    if (bounded || cued) floor = Math.max(floor, rule.floor);
  }
  return floor;
}
