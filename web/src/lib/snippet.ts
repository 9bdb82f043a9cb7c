/** A search snippet cut into plain and highlighted parts from its highlight offsets (rendered as text and <mark>). Pure. */

/** A run of snippet text, highlighted or not. */
export interface SnippetPart {
  readonly text: string;
  readonly mark: boolean;
}

/** Splits `snippet` at its highlights (UTF-16, end exclusive); out-of-range, empty and overlapping ones are tidied. */
export function snippetParts(snippet: string, highlights: readonly (readonly [number, number])[]): SnippetPart[] {
  const ranges = highlights
    .map(([s, e]) => [Math.max(0, s), Math.min(snippet.length, e)] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const parts: SnippetPart[] = [];
  let pos = 0;
  for (const [s, e] of ranges) {
    if (e <= pos) continue;
    const start = Math.max(s, pos);
    if (start > pos) parts.push({ text: snippet.slice(pos, start), mark: false });
    parts.push({ text: snippet.slice(start, e), mark: true });
    pos = e;
  }
  if (pos < snippet.length) parts.push({ text: snippet.slice(pos), mark: false });
  return parts;
}
