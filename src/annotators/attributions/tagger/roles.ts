import type { Range } from '../../../core/range.js';
import { tokenAt, type Token } from '../../../nlp/tokens.js';

/** The parts of an attribution as character ranges. */
export interface RoleRanges {
  readonly sourceSpan?: Range;
  readonly cue: Range;
  readonly content: Range;
}

function mark(tokens: readonly Token[], roles: Uint8Array, range: Range, role: number): void {
  for (let i = tokenAt(tokens, range.start); i < tokens.length && tokens[i]!.start < range.end; i++) roles[i] = role;
}

/** Per token, the role it has in the given attributions (0 none, 1 source, 2 cue, 3 content; cue over source over content). */
export function rolesOf(tokens: readonly Token[], attributions: readonly RoleRanges[]): Uint8Array {
  const roles = new Uint8Array(tokens.length);
  for (const a of attributions) mark(tokens, roles, a.content, 3);
  for (const a of attributions) if (a.sourceSpan) mark(tokens, roles, a.sourceSpan, 1);
  for (const a of attributions) mark(tokens, roles, a.cue, 2);
  return roles;
}
