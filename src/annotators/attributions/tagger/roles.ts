import type { Range } from '../../../core/range.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';

/** The parts of an attribution as character ranges. */
export interface RoleRanges {
  readonly sourceSpan?: Range;
  readonly cue: Range;
  readonly content: Range;
}

/** The token indices `[first, end)` a character range covers (tokens starting inside it). */
function tokenRange(tokens: readonly Token[], range: Range): [number, number] {
  const first = tokenAt(tokens, range.start);
  let lo = first;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < range.end) lo = mid + 1;
    else hi = mid;
  }
  return [first, lo];
}

/**
 * Per token, the role it has in the given attributions (0 none, 1 source, 2 cue, 3 content; cue over source over content).
 * Each role's ranges are summed into a difference array, so nested contents of one long sentence cost their number
 * plus the tokens once, not their number times the tokens.
 */
export function rolesOf(tokens: readonly Token[], attributions: readonly RoleRanges[]): Uint8Array {
  const depth = [3, 1, 2].map(() => new Int32Array(tokens.length + 1));
  const add = (d: Int32Array, range: Range) => {
    const [first, end] = tokenRange(tokens, range);
    if (end <= first) return;
    d[first]!++;
    d[end]!--;
  };
  for (const a of attributions) {
    add(depth[0]!, a.content);
    if (a.sourceSpan) add(depth[1]!, a.sourceSpan);
    add(depth[2]!, a.cue);
  }
  const roles = new Uint8Array(tokens.length);
  const open = [0, 0, 0];
  for (let i = 0; i < tokens.length; i++) {
    for (let r = 0; r < 3; r++) open[r]! += depth[r]![i]!;
    roles[i] = open[2]! > 0 ? 2 : open[1]! > 0 ? 1 : open[0]! > 0 ? 3 : 0;
  }
  return roles;
}
