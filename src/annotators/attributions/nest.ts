import type { Range } from '../../core/range.js';
import type { Token } from '../../nlp/tokens.js';
import { tokenAt } from '../../nlp/tokens.js';

/** An attribution being assembled: its id, whole range and content; content, range and parent may still change. */
export interface Draft {
  readonly id: string;
  range: Range;
  content: Range;
  parent?: string;
}

const COORDINATORS = new Set(['but', 'and', 'while', 'whereas', 'yet', 'although', 'though']);

/**
 * How many attributions before and after one (in text order) are looked at for nesting it: a sentence of a real article
 * holds a handful, and comparing every pair of a sentence that holds thousands (a text with no full stops) was quadratic.
 */
export const NEST_WINDOW = 64;

/**
 * Within one sentence: an attribution that starts inside another's content after a coordinator ("..., but experts
 * warn that ...") ends that content; one that starts there otherwise is nested in it (the smallest such content).
 * `drafts` are in text order; each is compared with the NEST_WINDOW drafts on either side.
 */
export function nestInSentence(drafts: readonly Draft[], tokens: readonly Token[]): void {
  const near = (k: number) => drafts.slice(Math.max(0, k - NEST_WINDOW), k + NEST_WINDOW + 1);
  drafts.forEach((inner, k) => {
    if (!afterCoordinator(tokens, inner.range.start)) return;
    for (const outer of near(k)) {
      if (outer === inner || inner.range.start < outer.content.start || inner.range.start >= outer.content.end) continue;
      const cut = coordinatorBefore(tokens, inner.range.start, outer.content.start);
      if (cut !== undefined) outer.content = { start: outer.content.start, end: cut };
    }
  });
  assignParents(drafts);
}

/** Within one sentence: each attribution's parent is the smallest content that holds it (none when no content does). */
export function assignParents(drafts: readonly Draft[]): void {
  const near = (k: number) => drafts.slice(Math.max(0, k - NEST_WINDOW), k + NEST_WINDOW + 1);
  drafts.forEach((inner, k) => {
    let best: Draft | undefined;
    for (const outer of near(k)) {
      if (outer === inner || outer.content.start > inner.range.start || inner.range.end > outer.content.end) continue;
      if (!best || outer.content.end - outer.content.start < best.content.end - best.content.start) best = outer;
    }
    if (best) inner.parent = best.id;
    else delete inner.parent;
  });
}

/** True when a coordinator comes right before the text at `start` (the only case in which a content is cut). */
function afterCoordinator(tokens: readonly Token[], start: number): boolean {
  const i = tokenAt(tokens, start) - 1;
  return i >= 0 && COORDINATORS.has(tokens[i]!.lower);
}

/** The end of the words before ", but" when a coordinator opens the text at `start`; undefined otherwise. */
function coordinatorBefore(tokens: readonly Token[], start: number, floor: number): number | undefined {
  let i = tokenAt(tokens, start) - 1;
  if (i < 0 || !COORDINATORS.has(tokens[i]!.lower)) return undefined;
  while (i > 0 && (tokens[i]!.text === ',' || COORDINATORS.has(tokens[i]!.lower) || tokens[i]!.text === ';')) i--;
  return tokens[i]!.end > floor ? tokens[i]!.end : undefined;
}
