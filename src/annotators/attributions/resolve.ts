import type { EntityAnnotation } from '../../core/annotations.js';
import { firstStartingFrom, type Range } from '../../core/range.js';
import { classOfEntity } from './grade.js';
import type { SourceClass } from './lexicon.js';

/** Something an anaphoric source can point back at: an entity or an earlier attribution's source. */
export interface Antecedent extends Range {
  readonly id: string;
  /** What it is; empty when unknown (then any anaphor may point at it). */
  readonly is: readonly SourceClass[];
}

/** How far back (in antecedents of each list) a search looks; keeps resolution linear. */
const LOOKBACK = 40;

/** Entities that can be antecedents (places cannot), in text order. */
export function entityAntecedents(entities: readonly EntityAnnotation[]): Antecedent[] {
  const out: Antecedent[] = [];
  for (const e of entities) {
    const cls = classOfEntity(e.type);
    if (cls) out.push({ start: e.start, end: e.end, id: e.id, is: [cls] });
  }
  return out;
}

const compatible = (a: Antecedent, wanted: readonly SourceClass[]) =>
  wanted.length === 0 || a.is.length === 0 || a.is.some((c) => wanted.includes(c));

/** The nearest compatible antecedent ending before `before`, not earlier than `floor`, in a list sorted by start. */
function nearestIn(list: readonly Antecedent[], before: number, floor: number, wanted: readonly SourceClass[]): Antecedent | undefined {
  const lo = firstStartingFrom(list, before);
  for (let i = lo - 1; i >= 0 && i >= lo - LOOKBACK; i--) {
    const a = list[i]!;
    if (a.start < floor) return undefined;
    if (a.end <= before && compatible(a, wanted)) return a;
  }
  return undefined;
}

/** Picks the nearer of an entity and an earlier attribution source; on a tie the entity wins (it carries a norm). */
export function resolveAnaphor(
  anaphor: Range,
  wanted: readonly SourceClass[],
  entities: readonly Antecedent[],
  sources: readonly Antecedent[],
  floor: number,
): Antecedent | undefined {
  const entity = nearestIn(entities, anaphor.start, floor, wanted);
  const source = nearestIn(sources, anaphor.start, floor, wanted);
  if (!entity) return source;
  if (!source) return entity;
  return source.start > entity.start ? source : entity;
}
