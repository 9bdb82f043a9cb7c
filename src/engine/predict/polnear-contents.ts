// PolNeAR's conventions for an attribution's content, applied before the brat writer (brat.ts) writes it: a
// quotation's marks taken in, a quotation split by its source and cue joined as two fragments, the rest of a sentence a
// source and cue interrupt, the "that" before it, the words before an opening quotation, the closing marks of a
// quotation it opens, its own cue and source cut out, and the rest of a sentence after a closing mark.
import { overlapIndex, rangeAt, type Range as Range16 } from '../../core/range.js';
import { contentIndex, type OtherContent, type OtherContents } from './brat-index.js';

const OPENING = new Set(['“', '"']);
const CLOSING = new Set(['”', '"']);
/** NYT writes a quotation between two apostrophes on each side (''X,'' he said). */
const DOUBLE_APOSTROPHE = "''";
/** The end of a range before the spaces that close it. */
function trimmedEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  return to;
}

/**
 * The content as PolNeAR marks it, as one or two fragments (UTF-16 ranges):
 * - a quotation's marks belong to its content, with the comma or full stop inside them ("“X,” she said" → `“X,”`);
 *   `''X,''` likewise;
 * - a quotation split by its source and cue is one content in two fragments: `“X,” said Ana Ruiz, “Y.”`,
 *   `“X,” she said. “Y.”` or `“X,” he wrote in a blog post. “Y.”` → `“X,”` and `“Y.”`, when the second quotation opens
 *   after the cue and source and at most a few words ending in a comma, full stop or colon, and is not itself the
 *   content of another attribution (one that starts at its opening mark; a nested one inside it does not count);
 *   a second quotation with no closing mark before its paragraph ends (it goes on in the next paragraph, which
 *   opens with a mark again) ends with the paragraph (PolNeAR train, validation split: strict Content +0.0011;
 *   training side +0.0003).
 */
export function polnearContent(text: string, content: { start: number; end: number }, around: { start: number; end: number }, otherContents: readonly OtherContent[] | OtherContents, sentenceEnd?: number): { start: number; end: number }[] {
  const others = 'someNear' in otherContents ? otherContents : contentIndex(otherContents).except(-1);
  let { start, end } = reopened(text, content, around);
  // The finders may give the content with its opening marks already ("''X, he said": the tagger labels the marks).
  const marksInside = text.startsWith(DOUBLE_APOSTROPHE, start) || OPENING.has(text[start] ?? '');
  const doubled = text.startsWith(DOUBLE_APOSTROPHE, start) || text.slice(start - 2, start) === DOUBLE_APOSTROPHE;
  const quoted = doubled || OPENING.has(text[start - 1] ?? '') || marksInside;
  if (quoted) {
    if (!marksInside) start -= doubled ? 2 : 1;
    const tail = doubled ? /^[,.]?''/.exec(text.slice(end, end + 3)) : /^[,.]?[”"]/.exec(text.slice(end, end + 2));
    if (tail) end += tail[0].length;
  }
  const first = { start, end };
  if (quoted && start >= around.end) {
    const before = quotationBefore(text, around, start, doubled, others);
    return before ? [before, first] : [first];
  }
  const closed = doubled ? text.slice(end - 2, end) === DOUBLE_APOSTROPHE : CLOSING.has(text[end - 1] ?? '');
  if (!quoted) {
    const rest = sentenceEnd === undefined ? undefined : clauseAfter(text, first, around, sentenceEnd, others);
    return rest ? [first, rest] : [first];
  }
  // A split quotation: the first part ends in its closing mark (after a comma) right before the source and cue.
  if (end > around.start || !closed || !/^\s*$/.test(text.slice(end, around.start))) return [first];
  // The words between may hold an apostrophe ("Mr. Obama's deputy") but not a mark, and run as far as a describing
  // clause after the source does (validation split: 160 -> 250 characters, with apostrophes, Content +0.0005).
  const opening = doubled ? /^(?:(?:(?!'')[^“”"\n]){0,250}?[,.:])?\s*''/ : /^(?:[^“”"\n]{0,250}?[,.:])?\s*[“"]/;
  const open = opening.exec(text.slice(around.end, around.end + 260));
  if (!open) return [first];
  const mark = doubled ? 2 : 1;
  const from = around.end + open[0].length - mark;
  let to = -1;
  for (let i = from + mark; i < text.length && i < from + 3000; i++) {
    if (doubled ? text.startsWith(DOUBLE_APOSTROPHE, i) : CLOSING.has(text[i]!)) {
      to = i + mark;
      break;
    }
    // A quotation that runs on into the next paragraph has no closing mark here: its part ends with the paragraph.
    if (text[i] === '\n' && text[i + 1] === '\n') {
      to = trimmedEnd(text, from, i);
      break;
    }
  }
  // A quotation that is another speaker's: another content starts at its mark, its cue outside the quotation.
  const othersQuote = (c: OtherContent) => c.start >= from && c.start <= from + mark && !(c.cue && c.cue.start >= from && c.cue.end <= to);
  if (to < 0 || others.someStartingIn(from, from + mark + 1, othersQuote)) return [first];
  return [first, { start: from, end: to }];
}

/**
 * The first part of a quotation split by its source and cue, seen from the second part (`“X,” said Ana Ruiz. “Y.”`
 * with `“Y.”` as the content): a quotation ending in a comma and its closing mark right before the source and cue, in
 * the same paragraph, that no other attribution's content overlaps (unless that attribution's cue lies inside it), when
 * at most a few words ending in a comma, full stop or colon stand between the cue and source and the content.
 */
function quotationBefore(text: string, around: { start: number; end: number }, contentStart: number, doubled: boolean, others: OtherContents): { start: number; end: number } | undefined {
  const gap = text.slice(around.end, contentStart);
  if (!/^(?:[^“”"\n]{0,160}?[,.:])?\s*$/.test(gap) || (doubled && gap.includes("'"))) return undefined;
  const lead = text.slice(Math.max(0, around.start - 4), around.start).replace(/\s+$/, '');
  const closing = doubled ? /,''$/.test(lead) : /,[”"]$/.test(lead);
  if (!closing) return undefined;
  const to = around.start - (around.start - Math.max(0, around.start - 4) - lead.length);
  const mark = doubled ? 2 : 1;
  let from = -1;
  for (let i = to - mark - 1; i >= 0 && i > to - 3000; i--) {
    if (doubled ? text.startsWith(DOUBLE_APOSTROPHE, i) && text[i - 1] !== "'" : OPENING.has(text[i]!) && (text[i] === '“' || !/\w/.test(text[i - 1] ?? ''))) {
      from = i;
      break;
    }
    if (text[i] === '\n' && text[i + 1] === '\n') break;
    if (!doubled && CLOSING.has(text[i]!) && text[i] === '”') break;
  }
  if (from < 0) return undefined;
  const taken = (c: OtherContent) => c.start < to && from < c.end && !(c.cue && c.cue.start >= from && c.cue.end <= to);
  return others.someNear(from, to, taken) ? undefined : { start: from, end: to };
}

/**
 * A content before its cue that ends with a quotation's closing mark but starts inside the quotation (`''… Go figure,''
 * she said`: the finders do not read NYT's doubled apostrophes as marks) starts at the quotation's opening mark, as
 * PolNeAR marks it: the nearest `''` before it, or the nearest `“` with no `”` between, in the same paragraph.
 */
function reopened(text: string, content: Range16, around: Range16): Range16 {
  if (content.end > around.start) return content;
  const doubled = text.slice(content.end - 2, content.end) === DOUBLE_APOSTROPHE || /^[,.]?''/.test(text.slice(content.end, content.end + 3));
  const curly = text[content.end - 1] === '”' || /^[,.]?”/.test(text.slice(content.end, content.end + 2));
  if (!doubled && !curly) return content;
  const inside = text.slice(content.start, Math.max(content.start, content.end - 2));
  if (doubled ? inside.includes("''") : inside.includes('“')) return content;
  for (let i = content.start - 1; i >= 0 && i > content.start - 3000; i--) {
    if (text[i] === '\n' && text[i + 1] === '\n') break;
    if (doubled && text.startsWith("''", i - 1)) return { start: i - 1, end: content.end };
    if (!doubled && text[i] === '”') break;
    if (!doubled && text[i] === '“') return { start: i, end: content.end };
  }
  return content;
}

/**
 * A few words after the cue before the comma ("Trump told CNN, his policy …", "she said in a tweet, women …"), not
 * before a quotation (which is then the content, the words before the source a lead-in).
 */
const ADJUNCT_COMMA = /^(?:\s+[^\s,.;:!?“”"'\n]+){1,6}?\s*,(?!\s*(?:[“"]|''))\s*/;

/**
 * The rest of a sentence a source and cue interrupt, as PolNeAR marks such a content: after a comma (`Time, he added,
 * was on their side.` → `Time` and `was on their side`), or after a cue that has the content's first part as its
 * subject (`Kasich appears to have the state to himself` → `Kasich` and `to have the state to himself`; `X was seen as
 * a demotion`). The content ends at the comma before the source and cue (or right before them), a comma follows them
 * (or a word; or a few words and a comma: `Instead, Trump told CNN, his policy …`, training side won 14, lost 1), the rest holds at least three words up to the sentence's end (its final stop left out) and no other
 * attribution's cue lies in it.
 */
function clauseAfter(text: string, content: Range16, around: Range16, sentenceEnd: number, others: OtherContents): Range16 | undefined {
  if (content.end > around.start) return undefined;
  const subject = /^\s+$/.test(text.slice(content.end, around.start));
  if (!subject && !/^\s*,\s*$/.test(text.slice(content.end, around.start))) return undefined;
  const after = text.slice(around.end, sentenceEnd);
  const comma = subject ? /^\s*(?=\p{L})/u.exec(after) : (/^\s*,\s*/.exec(after) ?? ADJUNCT_COMMA.exec(after));
  if (!comma) return undefined;
  const start = around.end + comma[0].length;
  let end = sentenceEnd;
  while (end > start && /[\s.!?]/.test(text[end - 1]!)) end--;
  const words = text.slice(start, end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words < 3 || others.someCueStartingIn(start, end + 1, (c) => !!c.cue && c.cue.start >= start && c.cue.end <= end)) return undefined;
  return { start, end };
}

/**
 * The content with the "that" right before it ("said that the pier …"), as PolNeAR marks it (train: of the predicted
 * contents right after a "that", the gold content starts at the "that" 219 times and after it twice), unless the "that"
 * is a cue or source.
 */
export function withThat(text: string, fragments: readonly Range16[], taken: readonly Range16[] | ((range: Range16) => boolean)): Range16[] {
  const first = fragments[0];
  if (!first) return [...fragments];
  const that = /\bthat\s+$/i.exec(text.slice(Math.max(0, first.start - 10), first.start));
  if (!that) return [...fragments];
  const start = first.start - that[0].length;
  const isTaken = typeof taken === 'function' ? taken : overlapIndex(taken);
  if (isTaken({ start, end: first.start })) return [...fragments];
  return [{ start, end: first.end }, ...fragments.slice(1)];
}

/**
 * The content with the closing marks of a quotation it opens and ends at (`called the judge ''racist` → `… ''racist,''`),
 * as PolNeAR marks it (train: of the predicted contents so ending, the gold content ends after the marks 76 times, before
 * them never, 36 neither).
 */
export function withClosingMarks(text: string, fragments: readonly Range16[]): Range16[] {
  const last = fragments.at(-1);
  if (!last) return [...fragments];
  const inside = text.slice(last.start, last.end);
  const after = text.slice(last.end, last.end + 3);
  const tail = (inside.match(/''/g) ?? []).length % 2 === 1
    ? /^[,.]?''/.exec(after)
    : (inside.match(/“/g) ?? []).length > (inside.match(/”/g) ?? []).length
      ? /^[,.]?”/.exec(after)
      : (inside.replace(/''/g, '').match(/"/g) ?? []).length % 2 === 1
        ? /^[,.]?"/.exec(after)
        : null;
  return tail ? [...fragments.slice(0, -1), { start: last.start, end: last.end + tail[0].length }] : [...fragments];
}

/** Punctuation and spaces trimmed from a content fragment's edges where its own cue or source was cut out. */
const EDGE = /[\s,;:—–-]/;

/**
 * The content fragments without the attribution's own cue and source ("X won 758 delegates, according to a CNN tally"
 * → "X won 758 delegates"): PolNeAR train has 1 content of 19,927 that overlaps its own cue or source. A fragment cut
 * is trimmed of the spaces and punctuation at the cut; pieces under two characters are dropped, and the fragments are
 * kept as they were if nothing would be left.
 */
export function withoutOwn(text: string, fragments: readonly Range16[], own: readonly Range16[]): Range16[] {
  if (!fragments.some((f) => own.some((o) => o.start < f.end && f.start < o.end))) return [...fragments];
  let pieces: Range16[] = [...fragments];
  for (const o of own) pieces = pieces.flatMap((f) => (o.start < f.end && f.start < o.end ? [{ start: f.start, end: o.start }, { start: o.end, end: f.end }] : [f]));
  const trimmed = pieces.map((f) => {
    let { start, end } = f;
    const cutStart = own.some((o) => o.end === start);
    const cutEnd = own.some((o) => o.start === end);
    while (cutEnd && end > start && EDGE.test(text[end - 1]!)) end--;
    while (cutStart && start < end && EDGE.test(text[start]!)) start++;
    return { start, end };
  }).filter((f) => f.end - f.start >= 2);
  return trimmed.length ? trimmed : [...fragments];
}

/**
 * A content that opens with a quotation after words of its own clause ("called the plan “reckless”", "calling him a
 * “loser”") starts at those words, right after the cue (or a source after it), as PolNeAR marks it; not when a comma,
 * sentence punctuation or another attribution's cue or source stands between. PolNeAR train, training side: of the
 * contents so opened, the strict match is won 26 times and lost twice (88 match either way, 53 neither).
 */
export function withObject(text: string, fragments: readonly Range16[], ownEnd: number, taken: (range: Range16) => boolean): Range16[] {
  const first = fragments[0];
  if (fragments.length !== 1 || !first || first.start <= ownEnd || !/^(?:[“"]|'')/.test(text.slice(first.start, first.start + 2))) return [...fragments];
  const gap = text.slice(ownEnd, first.start);
  if (!/\S/.test(gap) || /[.;:!?\n,“”"]/.test(gap) || gap.length > 120) return [...fragments];
  const start = ownEnd + gap.length - gap.trimStart().length;
  if (taken({ start, end: first.start })) return [...fragments];
  return [{ start, end: first.end }];
}

/**
 * A content after its cue that ends at a closing quotation mark while its sentence goes on with a word ("said the wind is
 * “at our backs” despite the loss") runs on to the sentence's end (its final stop left out), as PolNeAR marks it, unless
 * another written attribution's cue lies in the rest. PolNeAR train, training side: the strict match is won 53 times
 * and lost 23 (2,061 match either way, 104 neither).
 */
export function withRestAfterQuote(text: string, w: { readonly cue: Range16; readonly content: readonly Range16[] }, sentences: readonly Range16[], cueIn: (from: number, to: number) => boolean): readonly Range16[] {
  const last = w.content.at(-1);
  if (!last || last.start < w.cue.end || !/(?:[”"]|'')$/.test(text.slice(last.start, last.end)) || !/^\s+\p{L}/u.test(text.slice(last.end, last.end + 3))) return w.content;
  const sentence = sentences[rangeAt(sentences, last.end - 1)];
  if (!sentence) return w.content;
  let end = sentence.end;
  while (end > last.end && /[\s.!?]/.test(text[end - 1]!)) end--;
  if (end <= last.end || cueIn(last.end, end)) return w.content;
  return [...w.content.slice(0, -1), { start: last.start, end }];
}

/**
 * An attribution whose content the finders gave as its own source after the cue (", according to people familiar with
 * the plans", "'' said Ana Ruiz, a port engineer") has as content what precedes the cue in its sentence, as PolNeAR
 * marks it: from the sentence's start up to the comma before the cue (a quotation's opening mark is found later by
 * polnearContent). PolNeAR train, training side: the gold content lies before the cue 17 times, after it 3.
 */
export function withContentBeforeCue<T extends { source: Range16 | null; cue: Range16; content: Range16 }>(text: string, a: T, sentence: Range16 | undefined): T {
  const { source, cue, content } = a;
  if (!source || !sentence || source.start < cue.end || content.start < source.start || content.end > source.end) return a;
  let start = sentence.start;
  let end = cue.start;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (text[end - 1] === ',') end--;
  return end - start >= 2 ? { ...a, content: { start, end } } : a;
}

/**
 * A content that runs over a line break without opening a quotation ends at the break ("… the due date of that unborn
 * child?" Rubio said.⏎Fact Check …": a live blog's entries run on in the finders' content), as PolNeAR's do (PolNeAR
 * train, training side: 2 of 23,394 gold content fragments span a line break without opening a quotation). The
 * attributions the rest held are then no longer nested in it (brat.ts notNested).
 */
export function endedAtLineBreak(text: string, fragments: readonly Range16[]): Range16[] {
  const out: Range16[] = [];
  for (const f of fragments) {
    const i = text.slice(f.start, f.end).indexOf('\n');
    if (i > 0 && !/^(?:[“"]|'')/.test(text.slice(f.start, f.start + 2))) {
      let end = f.start + i;
      while (end > f.start && /\s/.test(text[end - 1]!)) end--;
      out.push({ start: f.start, end });
      break;
    }
    out.push(f);
  }
  return out;
}
