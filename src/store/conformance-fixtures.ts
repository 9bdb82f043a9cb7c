import type { EntityType, SourceGrade } from '../core/annotations.js';
import { ReportSchema, REPORT_SCHEMA_ID, type Report } from '../core/report-schema.js';

/** A claim of a fixture article, found in the text by its wording. */
interface ClaimSpec {
  readonly text: string;
  readonly grade: SourceGrade;
  readonly source?: string;
  readonly cue?: string;
}

/** What a fixture article needs; offsets are found in the text, so the wording must be unique there. */
export interface FixtureSpec {
  readonly text: string;
  readonly title?: string;
  readonly url?: string;
  readonly site?: string;
  readonly published?: string;
  readonly claims?: readonly ClaimSpec[];
  readonly quantities?: readonly { readonly text: string; readonly value: number; readonly unit: string }[];
  /** Entity mentions, each the first occurrence of its words after the previous one's start; `entity` as in the report. */
  readonly entities?: readonly { readonly text: string; readonly type: EntityType; readonly entity?: string }[];
}

function spanOf(text: string, part: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture: "${part}" is not in the text`);
  return { start, end: start + part.length, text: part };
}

/** A schema-valid report built by hand (no analysis), so the suite tests the store alone. */
export function fixtureReport(spec: FixtureSpec): Report {
  const { text } = spec;
  const claims = spec.claims ?? [];
  const attributions: Report['attributions'] = [];
  const reportClaims = claims.map((c, i) => {
    const span = spanOf(text, c.text);
    const attributionIds: string[] = [];
    if (c.source !== undefined && c.cue !== undefined) {
      const id = `a${attributions.length + 1}`;
      attributionIds.push(id);
      const source = spanOf(text, c.source, span.start);
      attributions.push({
        id, source: { ...source, type: c.grade }, grade: c.grade, cue: spanOf(text, c.cue, span.start), content: { start: span.start, end: span.end },
        hedged: false, resolvesTo: null, parent: null, entityIds: [],
      });
    }
    return { id: `c${i + 1}`, ...span, checkworthiness: 0.8, kind: 'statistic' as const, attributionIds, grade: c.grade };
  });
  const quantities = (spec.quantities ?? []).map((q, i) => ({ id: `q${i + 1}`, ...spanOf(text, q.text), value: q.value, low: null, high: null, bound: 'exact' as const, kind: 'count' as const, unit: q.unit }));
  let from = 0;
  const entities = (spec.entities ?? []).map((e, i) => {
    const span = spanOf(text, e.text, from);
    from = span.start + 1;
    return { id: `e${i + 1}`, ...span, type: e.type, ...(e.entity === undefined ? {} : { entity: e.entity }) };
  });
  return ReportSchema.parse({
    schema: REPORT_SCHEMA_ID,
    generator: { name: 'claimtrace', version: '0.0.0-test', annotators: ['sentences@1', 'claims@2'] },
    document: { text, title: spec.title ?? null, byline: null, published: spec.published ?? null, site: spec.site ?? null, url: spec.url ?? null, language: 'en' },
    sentences: reportClaims.map((c, i) => ({ id: `s${i + 1}`, start: c.start, end: c.end })),
    entities,
    quantities,
    attributions,
    claims: reportClaims,
    techniques: [],
    findings: [],
  });
}

/** An invented article about dredging in a harbour town: CRLF, a no-break space, curly quotes and an emoji. */
export const DREDGING = fixtureReport({
  text: 'Harbour Dredging Costs Soar\n\nThe Port of Vellmar spent 12\u00a0million euros on dredging in 2023, according to the harbour board.\r\nCritics say the \u201cemergency\u201d work was never put out to tender. \u{1F6A2} Officials declined to comment on the dredging.',
  title: 'Harbour Dredging Costs Soar',
  url: 'https://gazette.example/dredging',
  site: 'Vellmar Gazette',
  published: '2024-03-14',
  claims: [
    { text: 'The Port of Vellmar spent 12\u00a0million euros on dredging in 2023, according to the harbour board.', grade: 'named', source: 'the harbour board', cue: 'according to' },
    { text: 'Critics say the \u201cemergency\u201d work was never put out to tender.', grade: 'vague', source: 'Critics', cue: 'say' },
  ],
  quantities: [{ text: '12\u00a0million euros', value: 12_000_000, unit: 'euros' }],
});

/** An invented article about ferry fares, from another outlet and month. */
export const FERRIES = fixtureReport({
  text: 'Ferry Fares Frozen\n\nThe transport ministry froze ferry fares until 2025. Passengers had feared a rise of 8% after the dredging bill.',
  title: 'Ferry Fares Frozen',
  url: 'https://coastpost.example/ferries',
  site: 'Coast Post',
  published: '2024-05-02T09:30:00Z',
  claims: [{ text: 'The transport ministry froze ferry fares until 2025.', grade: 'none' }],
});

/** An invented note with no URL, known only by its text. */
export const QUOTAS = fixtureReport({
  text: 'Fishing quotas in the bay were cut by a third this spring.',
  claims: [{ text: 'Fishing quotas in the bay were cut by a third this spring.', grade: 'none' }],
});

/** An invented police report with several "said" claims, each its own sentence. */
export const POLICE = fixtureReport({
  text: 'Night of the Storm\n\nPolice said two boats broke loose near the pier. A constable said the harbour road was closed by midnight. Police said nobody was hurt. The coastguard said a third boat drifted out to sea.',
  title: 'Night of the Storm',
  url: 'https://harbourwatch.example/storm',
  site: 'Harbour Watch',
  published: '2024-06-01',
  claims: [
    { text: 'Police said two boats broke loose near the pier.', grade: 'named', source: 'Police', cue: 'said' },
    { text: 'A constable said the harbour road was closed by midnight.', grade: 'named', source: 'A constable', cue: 'said' },
    { text: 'Police said nobody was hurt.', grade: 'named', source: 'Police', cue: 'said' },
    { text: 'The coastguard said a third boat drifted out to sea.', grade: 'named', source: 'The coastguard', cue: 'said' },
  ],
});

/** An invented note naming one person twice, once without the accent, and another person: two entities in three mentions. */
export const KEEPER = fixtureReport({
  text: 'Jean Périer kept the light for forty years. Jean Perier retired in May; Ana Lund took over.',
  entities: [
    { text: 'Jean Périer', type: 'person', entity: 'person:jean perier' },
    { text: 'Jean Perier', type: 'person', entity: 'person:jean perier' },
    { text: 'Ana Lund', type: 'person', entity: 'person:ana lund' },
  ],
});

/** A report with the same article under a new text (a correction), keeping its URL. */
export function withText(report: Report, text: string, claimText: string): Report {
  return fixtureReport({
    text, title: report.document.title ?? undefined, url: report.document.url ?? undefined, site: report.document.site ?? undefined,
    published: report.document.published ?? undefined, claims: [{ text: claimText, grade: 'none' }],
  });
}
