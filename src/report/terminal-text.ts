/** Characters a terminal would act on: C0 controls but tab and line feed, DEL and C1 controls (ESC included). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

/** Replaces terminal control characters (ANSI escapes from hostile text) with U+FFFD. */
export function stripControls(text: string): string {
  return text.replace(CONTROL, '\uFFFD');
}

/** The display length of a string in code points (wide CJK glyphs count as one). */
export function displayLength(text: string): number {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

/** Cuts a string to at most `width` code points, ending with an ellipsis when cut. */
export function clip(text: string, width: number): string {
  if (displayLength(text) <= width) return text;
  const points = [...text].slice(0, Math.max(0, width - 1));
  return `${points.join('').trimEnd()}…`;
}

/** Greedy word wrap: the first line holds `first` code points, every later line `rest`. */
export function wrapWords(text: string, first: number, rest: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (word === '') continue;
    const limit = lines.length === 0 ? first : rest;
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayLength(candidate) <= limit || line === '') line = clip(candidate, limit);
    else {
      lines.push(line);
      line = clip(word, rest);
    }
  }
  lines.push(line);
  return lines;
}

/** Joins items with a separator, breaking lines so that none exceeds `width` code points. */
export function joinWithin(items: readonly string[], separator: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const candidate = line === '' ? item : `${line}${separator}${item}`;
    if (line !== '' && displayLength(candidate) > width) {
      lines.push(line);
      line = item;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar of `width` cells for `value / max`, drawn with eighth blocks. */
export function bar(value: number, max: number, width: number): string {
  const eighths = max > 0 ? Math.round((value / max) * width * 8) : 0;
  const full = Math.floor(eighths / 8);
  const part = EIGHTHS[eighths % 8] ?? '';
  return `${'█'.repeat(full)}${part}`.padEnd(width, ' ');
}
