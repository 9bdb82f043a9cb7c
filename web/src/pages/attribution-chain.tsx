/** An attribution chain in words: source → cue → content, with grade, hedging, antecedent and nesting. */
import type { Report, ReportAttribution } from '../api/types.js';
import { shorten } from '../lib/format.js';

const GRADE_LABEL: Record<string, string> = { named: 'named', vague: 'vague', anaphoric: 'back-reference', none: 'no source' };

/** A grade badge ("named", "vague", "back-reference", "no source"). */
export function GradeBadge(props: { grade: string }) {
  return <span class={`badge grade g-${props.grade}`}>{GRADE_LABEL[props.grade] ?? props.grade}</span>;
}

function Step(props: { attribution: ReportAttribution; text: string; nested: boolean }) {
  const a = props.attribution;
  const content = props.text.slice(a.content.start, a.content.end);
  return (
    <li class={props.nested ? 'chain-step nested' : 'chain-step'}>
      <GradeBadge grade={a.grade} />
      {a.hedged && <span class="badge hedged">hedged</span>}
      <span class="chain-source">{a.source ? `“${a.source.text}”` : '(no source named)'}</span>
      <span class="arrow" aria-label="then">→</span>
      <span class="chain-cue">“{a.cue.text}”</span>
      <span class="arrow" aria-label="then">→</span>
      <span class="chain-content">“{shorten(content, 140)}”</span>
      {a.resolvesTo && <span class="chain-resolves">“{a.source?.text}” points back to “{a.resolvesTo.text}”</span>}
      {a.grade === 'anaphoric' && !a.resolvesTo && <span class="chain-resolves">antecedent not found</span>}
    </li>
  );
}

/** One chain: the outermost attribution first, each nested one indented under it. */
export function AttributionChain(props: { chain: readonly ReportAttribution[]; report: Report }) {
  return (
    <ol class="chain" aria-label="Attribution chain">
      {props.chain.map((a, i) => (
        <Step key={a.id} attribution={a} text={props.report.document.text} nested={i > 0} />
      ))}
    </ol>
  );
}
