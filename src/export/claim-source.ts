import type { Report } from '../core/report-schema.js';

/** A claim of a report. */
export type ReportClaim = Report['claims'][number];
type ReportAttribution = Report['attributions'][number];

/** Who a claim is attributed to, as the export formats show it. */
export interface ClaimSource {
  /** The source as written ("the Port Authority"), or null when the claim has none or the cue names none. */
  readonly text: string | null;
  /** What an anaphoric source ("She") refers to ("The mayor"), when known. */
  readonly refersTo: string | null;
  /** The claim's grade: the best grade among its attributions. */
  readonly grade: ReportClaim['grade'];
  readonly hedged: boolean;
  /** The attribution the source comes from. */
  readonly attribution: ReportAttribution | null;
}

/** The attributions of a claim, in report order. */
function attributionsOf(report: Report, claim: ReportClaim): ReportAttribution[] {
  const wanted = new Set(claim.attributionIds);
  return report.attributions.filter((a) => wanted.has(a.id));
}

/** The claim's source: its attribution with the claim's grade and a source, else its first attribution. */
export function claimSource(report: Report, claim: ReportClaim): ClaimSource {
  const own = attributionsOf(report, claim);
  const best = own.find((a) => a.grade === claim.grade && a.source !== null) ?? own[0] ?? null;
  return {
    text: best?.source?.text ?? null,
    refersTo: best?.resolvesTo?.text ?? null,
    grade: claim.grade,
    hedged: best?.hedged ?? false,
    attribution: best,
  };
}

/** The claim's named source and whether the text marks it as a person (an entity of type person), if it has one. */
export function namedSource(report: Report, claim: ReportClaim): { name: string; person: boolean } | undefined {
  const named = attributionsOf(report, claim).find((a) => a.grade === 'named' && a.source !== null);
  if (!named?.source) return undefined;
  const ids = new Set(named.entityIds);
  const person = report.entities.some((e) => ids.has(e.id) && e.type === 'person');
  return { name: named.source.text, person };
}

/** Text on one line: runs of whitespace (line breaks, no-break spaces) become one space; ends trimmed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
