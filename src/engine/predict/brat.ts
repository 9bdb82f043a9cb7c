import type { Report } from '../../core/report-schema.js';
import { codePointOffsets } from '../../core/code-points.js';

/** "Jane Ortiz, who said": between a source and its cue, a relative pronoun that PolNeAR marks as the source. */
const RELATIVE_BETWEEN = /^\s*,?\s*(?:who|whom|which|that)\s+$/i;

/**
 * The source span as PolNeAR marks it: claimtrace reports the phrase a relative pronoun stands for ("Jane Ortiz"),
 * PolNeAR the pronoun itself ("who") when it stands right before the cue.
 */
function polnearSource(text: string, source: { start: number; end: number }, cue: { start: number }): { start: number; end: number } {
  const between = text.slice(source.end, cue.start);
  if (!RELATIVE_BETWEEN.test(between)) return source;
  const trimmed = between.replace(/\s+$/, '');
  return { start: source.end + trimmed.length - trimmed.replace(/^[\s,]+/, '').length, end: source.end + trimmed.length };
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
  const span = (label: string, range: { start: number; end: number }) => {
    t++;
    const covered = text.slice(range.start, range.end).replace(/[\r\n\t]/g, ' ');
    lines.push(`T${t}\t${label} ${at(range.start)} ${at(range.end)}\t${covered}`);
    return `T${t}`;
  };
  report.attributions.forEach((attribution, i) => {
    const source = attribution.source ? span('Source', polnearSource(text, attribution.source, attribution.cue)) : undefined;
    const cue = span('Cue', attribution.cue);
    const content = attribution.content.end > attribution.content.start ? span('Content', attribution.content) : undefined;
    const anchor = span(source ? 'Attribution' : 'Attribution-no-source', attribution.cue);
    const args = [`${source ? 'Attribution' : 'Attribution-no-source'}:${anchor}`, ...(source ? [`Source:${source}`] : []), `Cue:${cue}`, ...(content ? [`Content:${content}`] : [])];
    lines.push(`E${i + 1}\t${args.join(' ')}`);
    if (source && attribution.grade !== 'none') lines.push(`A${++a}\tGrade ${source} ${attribution.grade}`);
    if (attribution.hedged) lines.push(`A${++a}\tHedged E${i + 1}`);
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
