import type { Report } from '../../core/report-schema.js';
import { codePointOffsets } from '../../core/code-points.js';

/** "Jane Ortiz, who said": between a source and its cue, a relative pronoun that PolNeAR marks as the source. */
const RELATIVE_BETWEEN = /^\s*,?\s*(?:who|whom|which|that)\s+$/i;

/**
 * The source span as PolNeAR marks it: claimtrace reports the phrase a relative pronoun stands for ("Jane Ortiz"),
 * PolNeAR the pronoun itself ("who") when it stands right before the cue.
 */
function polnearSource(text: string, source: { start: number; end: number }, cue: { start: number; end: number }): { start: number; end: number } {
  if (source.start >= cue.end) return withTitle(text, source);
  const between = text.slice(source.end, cue.start);
  if (!RELATIVE_BETWEEN.test(between)) return source;
  const trimmed = between.replace(/\s+$/, '');
  return { start: source.end + trimmed.length - trimmed.replace(/^[\s,]+/, '').length, end: source.end + trimmed.length };
}

/** An appositive or relative clause after a name: from ", " up to the next comma, full stop, colon, semicolon or quotation mark ("U.S." and "Sen." kept whole). */
const APPOSITIVE = /^,\s+(?:\p{Lu}\.|[^,.;:“”"\n]|\.(?=\p{Lu}))+?(?=[.;:](?!\p{Lu})|,\s|\s*$|[“”"])/u;
/** Words that open a new clause of the writer's, not a description of the source. */
const NOT_APPOSITIVE = /^(?:but|and|or|compared|according|as|if|when|because|while|although)\b/i;

/**
 * A source placed after its cue keeps the clause that describes it, as PolNeAR marks it ("…, said Ana Ruiz, a
 * spokeswoman for the port." → "Ana Ruiz, a spokeswoman for the port"; "…, said Black, who has known him for years").
 * Only for a source that starts with a capital letter (a name or title); claimtrace's own source span is the name.
 */
function withTitle(text: string, source: { start: number; end: number }): { start: number; end: number } {
  if (!/^\p{Lu}/u.test(text.slice(source.start, source.start + 1))) return source;
  const clause = APPOSITIVE.exec(text.slice(source.end, source.end + 160));
  if (!clause || NOT_APPOSITIVE.test(clause[0].replace(/^,\s+/, ''))) return source;
  return { start: source.start, end: source.end + clause[0].length };
}

const OPENING = new Set(['“', '"']);
const CLOSING = new Set(['”', '"']);
/** NYT writes a quotation between two apostrophes on each side (''X,'' he said). */
const DOUBLE_APOSTROPHE = "''";

/**
 * The content as PolNeAR marks it, as one or two fragments (UTF-16 ranges):
 * - a quotation's marks belong to its content, with the comma or full stop inside them ("“X,” she said" → `“X,”`);
 *   `''X,''` likewise;
 * - a quotation split by its source and cue is one content in two fragments: `“X,” said Ana Ruiz, “Y.”`,
 *   `“X,” she said. “Y.”` or `“X,” he wrote in a blog post. “Y.”` → `“X,”` and `“Y.”`, when the second quotation opens
 *   after the cue and source and at most a few words ending in a comma, full stop or colon, and is not itself the
 *   content of another attribution (one that starts at its opening mark; a nested one inside it does not count).
 */
export function polnearContent(text: string, content: { start: number; end: number }, around: { start: number; end: number }, otherContents: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  let { start, end } = content;
  const marksInside = text.startsWith(DOUBLE_APOSTROPHE, start);
  const doubled = marksInside || text.slice(start - 2, start) === DOUBLE_APOSTROPHE;
  const quoted = doubled || OPENING.has(text[start - 1] ?? '');
  if (quoted && !marksInside) {
    start -= doubled ? 2 : 1;
    const tail = doubled ? /^[,.]?''/.exec(text.slice(end, end + 3)) : /^[,.]?[”"]/.exec(text.slice(end, end + 2));
    if (tail) end += tail[0].length;
  }
  const first = { start, end };
  const closed = doubled ? text.slice(end - 2, end) === DOUBLE_APOSTROPHE : CLOSING.has(text[end - 1] ?? '');
  // A split quotation: the first part ends in its closing mark (after a comma) right before the source and cue.
  if (!quoted || end > around.start || !closed || !/^\s*$/.test(text.slice(end, around.start))) return [first];
  const opening = doubled ? /^(?:[^“”"'\n]{0,160}?[,.:])?\s*''/ : /^(?:[^“”"\n]{0,160}?[,.:])?\s*[“"]/;
  const open = opening.exec(text.slice(around.end, around.end + 170));
  if (!open) return [first];
  const mark = doubled ? 2 : 1;
  const from = around.end + open[0].length - mark;
  let to = -1;
  for (let i = from + mark; i < text.length && i < from + 3000; i++) {
    if (doubled ? text.startsWith(DOUBLE_APOSTROPHE, i) : CLOSING.has(text[i]!)) {
      to = i + mark;
      break;
    }
    if (text[i] === '\n' && text[i + 1] === '\n') break;
  }
  if (to < 0 || otherContents.some((c) => c.start >= from && c.start <= from + mark)) return [first];
  return [first, { start: from, end: to }];
}

/**
 * The attributions of a report as brat standoff, the way PolNeAR writes it: `T` lines for Source, Cue and Content (and
 * an `Attribution` / `Attribution-no-source` anchor on the cue), an `E` line linking them, and attribute lines that
 * PolNeAR lacks: `A<n>\tGrade T<source> named|vague|anaphoric` and `A<n>\tHedged E<m>`. Offsets are code points.
 */
export function toBrat(report: Report): string {
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
  const contents = report.attributions.map((attribution) => attribution.content);
  report.attributions.forEach((attribution, i) => {
    const source = attribution.source ? span('Source', polnearSource(text, attribution.source, attribution.cue)) : undefined;
    const cue = span('Cue', attribution.cue);
    const around = attribution.source ? { start: Math.min(attribution.source.start, attribution.cue.start), end: Math.max(attribution.source.end, attribution.cue.end) } : attribution.cue;
    const content = attribution.content.end > attribution.content.start ? span('Content', ...polnearContent(text, attribution.content, around, contents.filter((_, k) => k !== i))) : undefined;
    const anchor = span(source ? 'Attribution' : 'Attribution-no-source', attribution.cue);
    const args = [`${source ? 'Attribution' : 'Attribution-no-source'}:${anchor}`, ...(source ? [`Source:${source}`] : []), `Cue:${cue}`, ...(content ? [`Content:${content}`] : [])];
    lines.push(`E${i + 1}\t${args.join(' ')}`);
    if (source && attribution.grade !== 'none') lines.push(`A${++a}\tGrade ${source} ${attribution.grade}`);
    if (attribution.hedged) lines.push(`A${++a}\tHedged E${i + 1}`);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
