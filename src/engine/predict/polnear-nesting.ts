// Nested attributions PolNeAR marks on their own. The brat writer leaves out an attribution whose cue lies inside
// another's content (brat.ts notNested: PolNeAR train has no cue inside a content); but where the inner one has its own
// source after a comma inside that content ("…, Ana Ruiz said …"), PolNeAR more often ends the outer content before it
// and marks both: on the training side of PolNeAR train, 47 of 81 such inner cues are gold (a reporting verb: 17 of 20),
// against 348 of 1,455 nested cues in all.
import type { Range as Range16 } from '../../core/range.js';

/** An attribution as the brat writer has read it: its cue, its source without quotation marks, its content fragments. */
export interface NestingPart {
  readonly cue: Range16;
  readonly bare: Range16 | null | undefined;
  readonly fragments: readonly Range16[];
}

/** Characters trimmed off the end of an outer content cut before a nested attribution. */
const TRAILING = /[\s,;:—–-]/u;
/** The fewest characters an outer content keeps when it is cut. */
const MIN_KEPT = 3;

/**
 * The attributions the writer keeps after all (`kept[i]` false only for nested ones), and the parts with each outer
 * content cut before the nested attribution it keeps: an attribution is kept when its cue lies in another's content
 * fragment outside a quotation, its own source lies in that fragment too, and the comma the fragment has right before
 * its source or cue opens it. Inputs are not changed; attributions are read in text order, so a second attribution
 * nested in a content already cut before a first stays left out.
 */
export function keptAfterComma<T extends NestingPart>(text: string, parts: readonly T[], kept: readonly boolean[], quoted: (offset: number) => boolean): { parts: T[]; kept: boolean[] } {
  const out = [...parts];
  const keep = [...kept];
  parts.forEach((inner, i) => {
    if (keep[i] || !inner.bare || quoted(inner.cue.start)) return;
    const o = out.findIndex((x, j) => j !== i && x.fragments.some((f) => holds(f, inner.cue)));
    if (o < 0) return;
    const outer = out[o]!;
    const k = outer.fragments.findIndex((f) => holds(f, inner.cue));
    const fragment = outer.fragments[k]!;
    const first = Math.min(inner.cue.start, inner.bare.start);
    if (inner.bare.start < fragment.start || inner.bare.end > fragment.end || !/,\s*$/u.test(text.slice(fragment.start, first))) return;
    let end = first;
    while (end > fragment.start && TRAILING.test(text[end - 1]!)) end--;
    if (end - fragment.start < MIN_KEPT) return;
    keep[i] = true;
    out[o] = { ...outer, fragments: [...outer.fragments.slice(0, k), { start: fragment.start, end }] };
  });
  return { parts: out, kept: keep };
}

const holds = (f: Range16, cue: Range16) => f.start < cue.start && cue.end <= f.end;
