// Indexes for the brat output (brat.ts): the contents, content fragments and cues of a document's attributions are
// indexed once, so that each attribution's questions about the others ("does another content start at this quotation
// mark?", "does another content's fragment hold this cue?") cost O(log n + k) instead of a scan of all n attributions.
import { firstStartingFrom, rangeAt, type Range } from '../../core/range.js';

/** A node of a centred interval tree: the ranges holding `center`, by start ascending and by end descending. */
interface Node {
  readonly center: number;
  readonly byStart: readonly number[];
  readonly byEnd: readonly number[];
  readonly left: Node | undefined;
  readonly right: Node | undefined;
}

/** Ranges indexed once (by position in the list they were built from). */
export interface RangeIndex {
  /** Visits the ranges that hold `point` (start ≤ point < end) until `visit` returns true; whether one did. */
  someHolding(point: number, visit: (i: number) => boolean): boolean;
  /** Visits the ranges with from ≤ start < to until `visit` returns true; whether one did. */
  someStartingIn(from: number, to: number, visit: (i: number) => boolean): boolean;
}

/**
 * A centred interval tree over `ids` (non-empty ranges, sorted by start): the middle range's start splits them, so the
 * middle range stays in the node and each side holds at most half; filtering keeps each side sorted by start.
 */
function build(ranges: readonly Range[], ids: readonly number[]): Node | undefined {
  if (ids.length === 0) return undefined;
  const center = ranges[ids[ids.length >> 1]!]!.start;
  const mid: number[] = [];
  const left: number[] = [];
  const right: number[] = [];
  for (const i of ids) {
    const r = ranges[i]!;
    if (r.end <= center) left.push(i);
    else if (r.start > center) right.push(i);
    else mid.push(i);
  }
  return { center, byStart: mid, byEnd: [...mid].sort((a, b) => ranges[b]!.end - ranges[a]!.end), left: build(ranges, left), right: build(ranges, right) };
}

/** Indexes `ranges` for {@link RangeIndex}'s questions: O(n log n) to build, O(log n + k) per question. */
export function rangeIndex(ranges: readonly Range[]): RangeIndex {
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]!.start - ranges[b]!.start || a - b);
  const sorted = order.map((i) => ranges[i]!);
  const root = build(ranges, order.filter((i) => ranges[i]!.end > ranges[i]!.start));
  return {
    someHolding(point, visit) {
      for (let node = root; node; ) {
        if (point < node.center) {
          for (const i of node.byStart) {
            if (ranges[i]!.start > point) break;
            if (visit(i)) return true;
          }
          node = node.left;
        } else {
          for (const i of node.byEnd) {
            if (ranges[i]!.end <= point) break;
            if (visit(i)) return true;
          }
          node = node.right;
        }
      }
      return false;
    },
    someStartingIn(from, to, visit) {
      for (let k = firstStartingFrom(sorted, from); k < sorted.length && sorted[k]!.start < to; k++) if (visit(order[k]!)) return true;
      return false;
    },
  };
}

/** Another attribution's content, with its cue when known. */
export interface OtherContent {
  readonly start: number;
  readonly end: number;
  readonly cue?: { readonly start: number; readonly end: number };
}

/** The questions polnearContent asks about the other attributions' contents. */
export interface OtherContents {
  /** Whether `test` holds for another content with from ≤ start < to. */
  someStartingIn(from: number, to: number, test: (c: OtherContent) => boolean): boolean;
  /** Whether `test` holds for another content that starts in [from, to) or holds `from` (every content overlapping [from, to) among them). */
  someNear(from: number, to: number, test: (c: OtherContent) => boolean): boolean;
  /** Whether `test` holds for another content whose cue starts in [from, to). */
  someCueStartingIn(from: number, to: number, test: (c: OtherContent) => boolean): boolean;
}

/** All attributions' contents indexed once; `except(i)` asks about all but the i-th. */
export function contentIndex(contents: readonly OtherContent[]): { except(i: number): OtherContents } {
  const spans = rangeIndex(contents);
  const withCue = contents.flatMap((c, i) => (c.cue ? [i] : []));
  const cues = rangeIndex(withCue.map((i) => contents[i]!.cue!));
  return {
    except(self) {
      const test = (i: number, f: (c: OtherContent) => boolean) => i !== self && f(contents[i]!);
      return {
        someStartingIn: (from, to, f) => spans.someStartingIn(from, to, (i) => test(i, f)),
        someNear: (from, to, f) => spans.someStartingIn(from, to, (i) => test(i, f)) || spans.someHolding(from, (i) => test(i, f)),
        someCueStartingIn: (from, to, f) => cues.someStartingIn(from, to, (k) => test(withCue[k]!, f)),
      };
    },
  };
}

/**
 * The first of `sentences` (sorted, not overlapping) with start ≤ offset ≤ end, as `sentences.find` would give it: the
 * one holding the character before the offset, else the one holding the offset.
 */
export function sentenceAround<T extends Range>(sentences: readonly T[], offset: number): T | undefined {
  const before = offset > 0 ? rangeAt(sentences, offset - 1) : -1;
  if (before >= 0) return sentences[before];
  const at = rangeAt(sentences, offset);
  return at >= 0 ? sentences[at] : undefined;
}
