/** A half-open `[start, end)` range in UTF-16 code units (JavaScript string indices). */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** The 1-based line and column of an offset, for display only. */
export interface LineCol {
  readonly line: number;
  readonly col: number;
}

/** True when `range` is a valid range inside a text of length `length`. */
export function isWithin(range: Range, length: number): boolean {
  return Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;
}

/** True when `outer` contains `inner` entirely. */
export function contains(outer: Range, inner: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** True when the two ranges share at least one code unit. */
export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * A test of whether a range overlaps any of `ranges` (in any order, possibly overlapping each other): sorted once, then
 * a binary search and a running maximum of ends per query, so that checking many ranges against many stays n log n.
 */
export function overlapIndex(ranges: readonly Range[]): (range: Range) => boolean {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const r of sorted) maxEnd.push(Math.max(r.end, maxEnd.at(-1) ?? -Infinity));
  return (range) => {
    // The ranges that start before `range` ends; one of them overlaps it when the furthest of their ends passes its start.
    const lo = firstStartingFrom(sorted, range.end);
    return lo > 0 && maxEnd[lo - 1]! > range.start;
  };
}

/** The text a range covers. */
export function sliceOf(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

/** Shrinks a range so that it neither starts nor ends with whitespace. */
export function trimRange(text: string, range: Range): Range {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the first range (sorted by start) whose start is at or after `offset`; `ranges.length` when none. */
export function firstStartingFrom(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the range holding `offset` among sorted, non-overlapping `ranges` (binary search), -1 when none does. */
export function rangeAt(ranges: readonly Range[], offset: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]!.end <= offset) lo = mid + 1;
    else if (ranges[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Orders ranges by start, then by longer first. */
export function compareRanges(a: Range, b: Range): number {
  return a.start - b.start || b.end - a.end;
}

/** Builds a function mapping offsets to 1-based line:col (CRLF and lone CR count as one break). */
export function lineColMapper(text: string): (offset: number) => LineCol {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}
