/**
 * Markup taken out of feed text in time linear in its length. The regular expressions these replace searched on from
 * every `<` to the next `>` (or closing tag), so a text of many `<` and no `>` (an escaped item, `&lt;&lt;…`, once
 * decoded) took time quadratic in its length: 160,000 of them 30 s.
 */

const ELEMENT_START = /<(script|style)\b/iy;
const CLOSERS: Readonly<Record<string, RegExp>> = { script: /<\/script\s*>/gi, style: /<\/style\s*>/gi };

/**
 * `html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>|<[^>]*>/gi, by)`: every script and style element and every other
 * tag replaced by `by`. Where no `>` follows a `<`, none follows any later one: the scan stops there. A closing tag
 * searched for once and not found is not searched for again.
 */
export function replaceTagsAndElements(html: string, by: string): string {
  const missing = new Set<string>();
  const closerEnd = (name: string, from: number): number => {
    if (missing.has(name)) return -1;
    const closer = CLOSERS[name]!;
    closer.lastIndex = from;
    const found = closer.exec(html);
    if (!found) missing.add(name);
    return found ? found.index + found[0].length : -1;
  };
  return replaceEach(html, by, (at) => {
    const next = html.charCodeAt(at + 1) | 0x20; // 's' or 'S' may open a script or style element
    ELEMENT_START.lastIndex = at;
    const element = next === 0x73 ? ELEMENT_START.exec(html) : null;
    const end = element ? closerEnd(element[1]!.toLowerCase(), at + element[0].length) : -1;
    return end !== -1 ? end : tagEnd(html, at);
  });
}

/** `text.replace(/<[^>]*>/g, by)`: every tag replaced by `by`. */
export function replaceTags(text: string, by: string): string {
  return replaceEach(text, by, (at) => tagEnd(text, at));
}

/** Where the tag opened by the `<` at `at` ends (after its `>`), or -1 when no `>` follows. */
function tagEnd(text: string, at: number): number {
  const close = text.indexOf('>', at + 1);
  return close === -1 ? -1 : close + 1;
}

/** Replaces from each `<` to the end `endOf` gives it, left to right; stops at the first `<` without an end. */
function replaceEach(text: string, by: string, endOf: (at: number) => number): string {
  const parts: string[] = [];
  let copied = 0;
  for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', copied)) {
    const end = endOf(at);
    if (end === -1) break;
    parts.push(text.slice(copied, at), by);
    copied = end;
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
