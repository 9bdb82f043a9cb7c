import type { Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import { tokenAt } from '../../nlp/tokens.js';

/** An attribution being assembled: its id, whole range and content; content and parent may still change. */
export interface Draft {
  readonly id: string;
  readonly range: Range;
  content: Range;
  parent?: string;
}

const COORDINATORS = new Set(['but', 'and', 'while', 'whereas', 'yet', 'although', 'though']);

/**
 * Within one sentence: an attribution that starts inside another's content after a coordinator ("..., but experts
 * warn that ...") ends that content; one that starts there otherwise is nested in it (the smallest such content).
 */
export function nestInSentence(drafts: readonly Draft[], tokens: readonly Token[]): void {
  for (const inner of drafts) {
    for (const outer of drafts) {
      if (outer === inner || inner.range.start < outer.content.start || inner.range.start >= outer.content.end) continue;
      const cut = coordinatorBefore(tokens, inner.range.start, outer.content.start);
      if (cut !== undefined) outer.content = { start: outer.content.start, end: cut };
    }
  }
  for (const inner of drafts) {
    let best: Draft | undefined;
    for (const outer of drafts) {
      if (outer === inner || outer.content.start > inner.range.start || inner.range.end > outer.content.end) continue;
      if (!best || outer.content.end - outer.content.start < best.content.end - best.content.start) best = outer;
    }
    if (best) inner.parent = best.id;
  }
}

/** The end of the words before ", but" when a coordinator opens the text at `start`; undefined otherwise. */
function coordinatorBefore(tokens: readonly Token[], start: number, floor: number): number | undefined {
  let i = tokenAt(tokens, start) - 1;
  if (i < 0 || !COORDINATORS.has(tokens[i]!.lower)) return undefined;
  while (i > 0 && (tokens[i]!.text === ',' || COORDINATORS.has(tokens[i]!.lower) || tokens[i]!.text === ';')) i--;
  return tokens[i]!.end > floor ? tokens[i]!.end : undefined;
}
