// The brat writer of `predict attribution`: which of a report's attributions (and the refused look-alikes written with
// them) PolNeAR would mark, the spans written for each after PolNeAR's conventions (polnear-sources.ts for sources and
// cues, polnear-contents.ts and polnear-passives.ts for contents), and the brat standoff lines toBrat writes. Its
// indexes: brat-index.ts.
import type { Report } from '../../core/report-schema.js';
import { codePointOffsets } from '../../core/code-points.js';
import { overlapIndex, type Range as Range16 } from '../../core/range.js';
import { contentIndex, rangeIndex, sentenceAround } from './brat-index.js';
import { endedAtLineBreak, polnearContent, withClosingMarks, withContentBeforeCue, withObject, withoutOwn, withRestAfterQuote, withThat } from './polnear-contents.js';
import { keptAfterComma } from './polnear-nesting.js';
import { withPassiveComplement, withPassiveSubject } from './polnear-passives.js';
import { polnearSource, raisedSubject, relativeBefore, wholeWordStart, withAgent, withApproximation, withIssuer, withLightVerb, withoutMarks, withQuantifier, withStatement } from './polnear-sources.js';

export type { OtherContent, OtherContents } from './brat-index.js';

type Written = { readonly cue: Range16; readonly fragments: readonly Range16[] };
const cueInside = (inner: Written, outer: Written) => outer.fragments.some((f) => f.start < inner.cue.start && inner.cue.end <= f.end);

/**
 * Which attributions PolNeAR would mark: none whose cue lies inside another attribution's content fragments (PolNeAR
 * train has no cue inside another content, 0 of 22,466; the report keeps nested attributions, "According to A, B said
 * that ..."), unless each lies inside the other's content (two contents that run into each other: both are kept).
 */
export function notNested(attributions: readonly Written[]): boolean[] {
  // Every fragment indexed once: an outer fragment holding a cue holds the character before the cue.
  const owners = attributions.flatMap((a, i) => a.fragments.map(() => i));
  const fragments = rangeIndex(attributions.flatMap((a) => a.fragments));
  return attributions.map((inner, i) => !fragments.someHolding(inner.cue.start - 1, (k) => {
    const outer = attributions[owners[k]!]!;
    return owners[k] !== i && cueInside(inner, outer) && !cueInside(outer, inner);
  }));
}

/** An attribution as the brat output reads it: the report's, or a look-alike the news policy refused (attribution-lookalikes.ts). */
export interface BratAttribution {
  readonly source: Range16 | null;
  readonly cue: Range16;
  readonly content: Range16;
  readonly grade: Report['attributions'][number]['grade'];
  readonly hedged: boolean;
}

/**
 * The reporting verbs PolNeAR marks inside a quotation too ('He said, "…"' within a quoted account); any other cue
 * inside a quotation is left out of the brat output (PolNeAR train, training side: 30 of the 161 such cues are gold).
 */
const SAY_IN_QUOTE = /^(?:said|says|say|told|tells|added|adds|wrote|writes|asked|asks)$/i;

/**
 * Whether an offset lies inside a quotation, within its paragraph: after more “ than ”, an odd number of straight
 * double quotes, or an odd number of NYT's doubled apostrophes. Counted once over the text (prefix sums), so that asking
 * for every attribution stays linear.
 */
export function quotationIndex(text: string): (offset: number) => boolean {
  const n = text.length;
  const curly = new Int32Array(n + 1);
  const straight = new Int32Array(n + 1);
  const doubled = new Int32Array(n + 1);
  const paragraph = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const ch = text[i]!;
    curly[i + 1] = curly[i]! + (ch === '“' ? 1 : ch === '”' ? -1 : 0);
    straight[i + 1] = straight[i]! + (ch === '"' ? 1 : 0);
    const pair = ch === "'" && text[i + 1] === "'" && text[i - 1] !== "'" && text[i + 2] !== "'";
    doubled[i + 1] = doubled[i]! + (pair ? 1 : 0);
    paragraph[i + 1] = ch === '\n' && text[i - 1] === '\n' ? i + 1 : paragraph[i]!;
  }
  return (offset) => {
    const from = paragraph[offset]!;
    return curly[offset]! - curly[from]! > 0 || (straight[offset]! - straight[from]!) % 2 === 1 || (doubled[offset]! - doubled[from]!) % 2 === 1;
  };
}

/** Where an attribution starts in the text: its source, cue or content, whichever comes first. */
const startOf = (a: BratAttribution) => Math.min(a.cue.start, a.content.start, a.source?.start ?? Infinity);

/**
 * The attributions of a report as brat standoff, the way PolNeAR writes it: `T` lines for Source, Cue and Content (and
 * an `Attribution` / `Attribution-no-source` anchor on the cue), an `E` line linking them, and attribute lines that
 * PolNeAR lacks: `A<n>\tGrade T<source> named|vague|anaphoric` and `A<n>\tHedged E<m>`. Offsets are code points. An
 * attribution nested in another's content is left out ({@link notNested}). `lookalikes` are written with the report's,
 * in text order (predict attribution passes the refused candidates of the classes PolNeAR marks). A nested one with its
 * own source after a comma inside the outer content is written, the outer content cut before it (polnear-nesting.ts).
 */
export function toBrat(report: Report, lookalikes: readonly BratAttribution[] = []): string {
  const text = report.document.text;
  const at = codePointOffsets(text);
  const lines: string[] = [];
  let t = 0;
  let a = 0;
  const span = (label: string, ...ranges: { start: number; end: number }[]) => {
    t++;
    const covered = ranges.map((range) => text.slice(range.start, range.end).replace(/[\r\n\t]/g, ' ')).join(' ');
    lines.push(`T${t}\t${label} ${ranges.map((range) => `${at(range.start)} ${at(range.end)}`).join(';')}\t${covered}`);
    return `T${t}`;
  };
  let e = 0;
  for (const w of writtenAttributions(report, lookalikes)) {
    if (!w.kept) continue;
    e++;
    const source = w.source ? span('Source', w.source) : undefined;
    const cue = span('Cue', w.cue);
    const content = w.content.length ? span('Content', ...w.content) : undefined;
    const anchor = span(source ? 'Attribution' : 'Attribution-no-source', w.anchor);
    const args = [`${source ? 'Attribution' : 'Attribution-no-source'}:${anchor}`, ...(source ? [`Source:${source}`] : []), `Cue:${cue}`, ...(content ? [`Content:${content}`] : [])];
    lines.push(`E${e}\t${args.join(' ')}`);
    if (source && w.attribution.grade !== 'none') lines.push(`A${++a}\tGrade ${source} ${w.attribution.grade}`);
    if (w.attribution.hedged) lines.push(`A${++a}\tHedged E${e}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** An attribution as the brat output writes it (UTF-16 ranges), and whether it is written at all. */
export interface WrittenAttribution {
  readonly attribution: BratAttribution;
  readonly source: Range16 | undefined;
  readonly cue: Range16;
  /** The cue the `Attribution` anchor is written on (the cue before PolNeAR's additions). */
  readonly anchor: Range16;
  readonly content: readonly Range16[];
  /** False for an attribution nested in another's content ({@link notNested}). */
  readonly kept: boolean;
}

/** The report's attributions and the look-alikes, in text order, with the spans {@link toBrat} writes for them. */
export function writtenAttributions(report: Report, lookalikes: readonly BratAttribution[] = []): WrittenAttribution[] {
  const text = report.document.text;
  const attributions: readonly BratAttribution[] = lookalikes.length === 0 ? report.attributions : [...report.attributions, ...lookalikes].sort((x, y) => startOf(x) - startOf(y));
  const sentences = report.sentences ?? [];
  const contents = contentIndex(attributions.map((attribution) => ({ ...attribution.content, cue: attribution.cue })));
  const read = attributions.map((original, i) => {
    const attribution = withContentBeforeCue(text, withLightVerb(text, withIssuer(text, original, sentences)), sentenceAround(sentences, original.cue.start));
    const bare = attribution.source && withoutMarks(text, attribution.source);
    const around = bare ? { start: Math.min(bare.start, attribution.cue.start), end: Math.max(bare.end, attribution.cue.end) } : attribution.cue;
    const sentence = sentenceAround(sentences, around.end);
    const fragments = attribution.content.end > attribution.content.start ? endedAtLineBreak(text, polnearContent(text, attribution.content, around, contents.except(i), sentence?.end)) : [];
    return { attribution, bare, cue: attribution.cue, fragments };
  });
  const quoted = quotationIndex(text);
  const { parts, kept: nested } = keptAfterComma(text, read, notNested(read), quoted);
  const kept = parts.map((p, i) => nested[i]! && !(quoted(p.cue.start) && !SAY_IN_QUOTE.test(text.slice(p.cue.start, p.cue.end))));
  const taken = overlapIndex(parts.flatMap((p) => [p.cue, ...(p.bare ? [p.bare] : [])]));
  const keptCues = rangeIndex(parts.flatMap((p, i) => (kept[i] ? [p.cue] : [])));
  const allCues = rangeIndex(parts.map((p) => p.cue));
  const written = parts.map(({ attribution, bare, fragments }, i) => {
    const passive = !bare ? withAgent(text, attribution.cue, fragments) : { fragments };
    const written = bare ? withApproximation(text, withQuantifier(text, wholeWordStart(text, polnearSource(text, bare, attribution.cue, (from, to) => allCues.someStartingIn(from, to, (k) => k !== i), attribution.content)))) : passive.source ?? relativeBefore(text, attribution.cue);
    const raised = written ? raisedSubject(text, attribution.cue, written, passive.fragments) : undefined;
    const source = raised ? undefined : written;
    const cue = withStatement(text, attribution.cue);
    const opened = raised ?? withObject(text, passive.fragments, Math.max(cue.end, source && source.start >= cue.end ? source.end : 0), taken);
    const own = withClosingMarks(text, withoutOwn(text, withThat(text, opened, taken), [cue, ...(source ? [source] : [])]));
    const sentence = sentenceAround(sentences, cue.start);
    const content = source || raised ? own : withPassiveComplement(text, cue, withPassiveSubject(text, cue, own, sentence?.start ?? 0), sentence?.end ?? text.length);
    return { attribution, source, cue, anchor: attribution.cue, content, kept: kept[i]! };
  });
  return written.map((w) => (w.kept ? { ...w, content: withRestAfterQuote(text, w, sentences, (from, to) => keptCues.someStartingIn(from, to, () => true)) } : w));
}
