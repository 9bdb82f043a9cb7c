// A vote result written as "by A percent to B percent" ("Voters approved the plan by 61 percent to 42 percent"): the two
// shares split one vote, so together they may not exceed 100 %. Verbs of voting in numeric.json (stanceWords,
// ownVoteVerbs); "rose by 5 percent to 42 percent" is a change and has no such verb.
import type { Finding, QuantityAnnotation } from '../../core/annotations.js';
import type { Document } from '../../core/document.js';
import { tokenAt, type Token } from '../../nlp/tokens.js';
import { fmt, guaranteed, type Located } from './context.js';

/** How far before "by" the verb of voting may stand ("approved the new plan by ..."). */
const VERB_REACH = 5;
const isShare = (q: QuantityAnnotation) => q.quantityKind === 'percent' && q.unit === '%' && q.bound !== 'range';

/** `percentage-over-100` for "by A percent to B percent" after a verb of voting when A + B exceeds 100 + tolerance. */
export function checkMargins(doc: Document, located: readonly Located[], tokens: readonly Token[], voteVerbs: ReadonlySet<string>, tolerance: number): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i + 1 < located.length; i++) {
    const a = located[i]!.q;
    const b = located[i + 1]!.q;
    if (located[i]!.sentence !== located[i + 1]!.sentence || !isShare(a) || !isShare(b)) continue;
    const first = tokenAt(tokens, a.start);
    if (tokens[first - 1]?.lower !== 'by' || tokenAt(tokens, b.start) !== tokenAt(tokens, a.end) + 1 || tokens[tokenAt(tokens, a.end)]?.lower !== 'to') continue;
    if (!votedBefore(tokens, first - 1, voteVerbs)) continue;
    const sum = guaranteed(a).low + guaranteed(b).low;
    const whole = [a, b].every((q) => Number.isInteger(guaranteed(q).low));
    if (sum <= 100 + (whole ? tolerance : tolerance / 10)) continue;
    const message = `The two sides of one vote add up to ${fmt(sum)}% (${fmt(guaranteed(a).low)}% + ${fmt(guaranteed(b).low)}%), more than 100%: "${doc.slice(a)}" to "${doc.slice(b)}".`;
    findings.push({ rule: 'percentage-over-100', severity: 'warning', message, start: a.start, end: b.end, annotationIds: [a.id, b.id] });
  }
  return findings;
}

/** True when a verb of voting stands within VERB_REACH tokens before `by`, in its clause. */
function votedBefore(tokens: readonly Token[], by: number, voteVerbs: ReadonlySet<string>): boolean {
  for (let k = by - 1; k >= Math.max(0, by - VERB_REACH); k--) {
    const tok = tokens[k]!;
    if (tok.text === ',' || tok.text === ';' || tok.text === '.') return false;
    if (voteVerbs.has(tok.lower)) return true;
  }
  return false;
}
