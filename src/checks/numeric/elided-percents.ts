// Bare figures listed before a percentage share its sign: "41, 34 and 30 per cent of the vote" writes 41 % and 34 %.
// The quantities annotator reads each figure alone; the numeric check reads them as the list they are: a figure with
// no unit of its own, joined to the next by words of numeric.json percentListGlue only, takes that one's percent.
import { tokenAt, type Token } from '../../nlp/tokens.js';
import type { Located } from './context.js';
import settings from './numeric.json' with { type: 'json' };

/** What may stand between two figures of one list of percentages ("41, 34 and 30 per cent"; not "or": "60 or 70"). */
const GLUE: ReadonlySet<string> = new Set(settings.percentListGlue.words);
/** How many tokens may stand between two figures of the list (", and"). */
const GLUE_REACH = 2;

/** The figures with each bare one listed before a percentage read as a percentage too (same ids, same spans). */
export function withElidedPercents(located: readonly Located[], tokens: readonly Token[]): Located[] {
  const out = [...located];
  // From the end, so a percentage passes back along the whole list ("41, 34 and 30 per cent").
  for (let i = out.length - 2; i >= 0; i--) {
    const l = out[i]!;
    const next = out[i + 1]!;
    if (next.q.quantityKind !== 'percent' || l.sentence !== next.sentence || !isBare(l) || !glued(tokens, l, next)) continue;
    out[i] = { ...l, q: { ...l.q, quantityKind: 'percent', ...(next.q.unit !== undefined && { unit: next.q.unit }) } };
  }
  return out;
}

/** A count with no unit of its own, stated exactly ("41", "thirty-four"). */
const isBare = (l: Located) => l.q.quantityKind === 'count' && l.q.unit === undefined && l.q.bound === 'exact';

/** True when only list glue stands between two figures. */
function glued(tokens: readonly Token[], a: Located, b: Located): boolean {
  const from = tokenAt(tokens, a.q.end);
  const to = tokenAt(tokens, b.q.start);
  if (to <= from || to - from > GLUE_REACH) return false;
  for (let k = from; k < to; k++) if (!GLUE.has(tokens[k]!.lower)) return false;
  return true;
}
