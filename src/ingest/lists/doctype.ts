/**
 * A document type declaration, internal subset and all, found in time linear in the text. The pattern this replaces,
 * `/<!DOCTYPE(?:[^<>[\]]|\[[\s\S]*?\])*>/i`, could close its bracketed subset at any later `]`: on a declaration that
 * does not end (`<!DOCTYPE [][][]…`, 60 bytes) it tried every way of pairing the brackets, 2^n of them, and hung. What
 * it matches is always the same: up to the `>` after the first `]` that plain characters and then `>` follow. Said so,
 * the search has one way to go.
 */
export const DOCTYPE_SOURCE = String.raw`<!DOCTYPE[^<>[\]]*(?:>|\[[\s\S]*?\][^<>[\]]*>)`;

/**
 * The text without its first document type declaration: `text.replace(/<!DOCTYPE(?:[^<>[\]]|\[[\s\S]*?\])*>/i, '')`.
 * Where a declaration's `[` has no closing `]` then `>` after it, no later `[` has one either, so that is searched for once.
 */
export function withoutDoctype(text: string): string {
  const start = /<!DOCTYPE[^<>[\]]*/gi;
  const close = /\][^<>[\]]*>/g;
  let unclosedFrom = Infinity;
  for (let found = start.exec(text); found; found = start.exec(text)) {
    const at = found.index + found[0].length;
    if (text[at] === '>') return text.slice(0, found.index) + text.slice(at + 1);
    if (text[at] !== '[' || at >= unclosedFrom) continue;
    close.lastIndex = at + 1;
    const end = close.exec(text);
    if (end) return text.slice(0, found.index) + text.slice(end.index + end[0].length);
    unclosedFrom = at;
  }
  return text;
}
