import { lineColMapper } from '../core/range.js';
import { REPORT_SCHEMA_ID, ReportSchema, type Report } from '../core/report-schema.js';

/** An invented two-paragraph article used by the renderer tests. */
export const HARBOUR_TEXT =
  'The harbour levy rose to 120% of its old level, according to the Port Authority. Officials said at least 4,000 boats paid it last year. ' +
  'It means that some 9,000 boats paid in total, experts claim.\n\n' +
  'The mayor called the plan a disgrace. She said it left "between 50 and 20 berths" empty. Critics reportedly fear ruin.';

/** The range of the `nth` (1-based) occurrence of `phrase` in `text`; throws when it is missing. */
export function spanOf(text: string, phrase: string, nth = 1): { start: number; end: number; text: string } {
  let start = -1;
  for (let i = 0; i < nth; i++) {
    start = text.indexOf(phrase, start + 1);
    if (start < 0) throw new Error(`fixture: "${phrase}" #${nth} not in text`);
  }
  return { start, end: start + phrase.length, text: phrase };
}

/** A report with nothing found in `text`, validated by the schema. */
export function emptyReport(text: string, document: Partial<Report['document']> = {}): Report {
  return ReportSchema.parse({
    schema: REPORT_SCHEMA_ID,
    generator: { name: 'claimtrace', version: '0.0.0-test', annotators: [] },
    document: { text, title: null, byline: null, published: null, site: null, url: null, language: null, ...document },
    sentences: [],
    entities: [],
    quantities: [],
    attributions: [],
    claims: [],
    techniques: [],
    findings: [],
  });
}

/** A finding on `phrase` with line and column computed from the text. */
export function findingOn(text: string, phrase: string, rule: string, severity: 'info' | 'warning' | 'error', message: string, annotationIds: string[] = []) {
  const { start, end } = spanOf(text, phrase);
  return { start, end, ...lineColMapper(text)(start), rule, severity, message, annotationIds };
}

/** The harbour article with hand-made annotations of every kind, validated by the schema. */
export function harbourReport(): Report {
  const t = HARBOUR_TEXT;
  const s = (phrase: string, nth = 1) => spanOf(t, phrase, nth);
  const range = (phrase: string, nth = 1) => {
    const { start, end } = s(phrase, nth);
    return { start, end };
  };
  const sentence = (phrase: string) => s(phrase);
  const base = emptyReport(t, {
    title: 'Harbour levy doubles, council says',
    byline: 'Maren Holt',
    published: '2024-03-02',
    site: 'The Skerry Ledger',
    url: 'https://ledger.example/harbour-levy',
    language: 'en',
  });
  const claims = [
    ['c1', 'The harbour levy rose to 120% of its old level, according to the Port Authority.', 0.9, 'statistic', ['a1'], 'named'],
    ['c2', 'Officials said at least 4,000 boats paid it last year.', 0.7, 'statistic', ['a2'], 'vague'],
    ['c3', 'It means that some 9,000 boats paid in total, experts claim.', 0.8, 'statistic', ['a3'], 'vague'],
    ['c4', 'The mayor called the plan a disgrace.', 0.3, 'opinion', [], 'none'],
    ['c5', 'She said it left "between 50 and 20 berths" empty.', 0.6, 'statistic', ['a4'], 'anaphoric'],
    ['c6', 'Critics reportedly fear ruin.', 0.55, 'event', [], 'none'],
  ] as const;
  return ReportSchema.parse({
    ...base,
    generator: { name: 'claimtrace', version: '0.0.0-test', annotators: ['sentences@1', 'quantities@1'] },
    sentences: claims.map(([id, phrase]) => ({ id: `s${id.slice(1)}`, ...range(phrase) })),
    entities: [
      { id: 'e1', ...s('Port Authority'), type: 'agency' },
      { id: 'e2', ...s('The mayor'), type: 'person' },
    ],
    quantities: [
      { id: 'q1', ...s('120%'), value: 120, low: 120, high: 120, bound: 'exact', kind: 'percent', unit: '%' },
      { id: 'q2', ...s('at least 4,000 boats'), value: 4000, low: 4000, high: null, bound: 'at-least', kind: 'count', unit: 'boats' },
      { id: 'q3', ...s('some 9,000 boats'), value: 9000, low: 8100, high: 9900, bound: 'approx', kind: 'count', unit: 'boats' },
      { id: 'q4', ...s('between 50 and 20 berths'), value: 50, low: 50, high: 20, bound: 'range', kind: 'count', unit: 'berths' },
    ],
    attributions: [
      attribution('a1', s('the Port Authority'), 'named', s('according to'), range('The harbour levy rose to 120% of its old level'), false, ['e1']),
      attribution('a2', s('Officials'), 'vague', s('said'), range('at least 4,000 boats paid it last year'), false),
      attribution('a3', s('experts'), 'vague', s('claim'), range('some 9,000 boats paid in total'), true),
      { ...attribution('a4', s('She'), 'anaphoric', s('said', 2), range('it left "between 50 and 20 berths" empty'), false), resolvesTo: { ...s('The mayor'), id: 'e2' } },
      { ...attribution('a5', null, 'none', s('reportedly'), range('fear ruin'), true), parent: 'a4' },
    ],
    claims: claims.map(([id, phrase, checkworthiness, kind, attributionIds, grade]) => ({ id, ...sentence(phrase), checkworthiness, kind, attributionIds, grade })),
    techniques: [
      { id: 't1', ...s('disgrace'), technique: 'Loaded_Language', score: 0.7, evidence: 'loaded-language: "disgrace" (moral outrage word)' },
      { id: 't2', ...s('fear ruin'), technique: 'Appeal_to_fear-prejudice', score: 0.6, evidence: 'fear: "ruin" (harm noun)' },
    ],
    findings: [
      findingOn(t, '120%', 'percentage-over-100', 'error', 'The share "120%" is over 100%.', ['q1']),
      findingOn(t, 'Officials', 'vague-source', 'info', 'The source "Officials" is not named.', ['a2']),
      findingOn(t, 'some 9,000 boats', 'total-unsupported', 'warning', 'The total "some 9,000 boats" (≥ 8,100) is not supported: its parts guarantee only 4,000.', ['q3', 'q2']),
      findingOn(t, 'between 50 and 20 berths', 'range-inverted', 'error', 'The range "between 50 and 20" runs from high to low.', ['q4']),
      findingOn(t, 'Critics reportedly fear ruin.', 'unsourced-claim', 'warning', 'A check-worthy claim with no source.', ['c6']),
    ],
  });
}

function attribution(
  id: string,
  source: { start: number; end: number; text: string } | null,
  grade: 'named' | 'vague' | 'anaphoric' | 'none',
  cue: { start: number; end: number; text: string },
  content: { start: number; end: number },
  hedged: boolean,
  entityIds: string[] = [],
) {
  return { id, source: source && { ...source, type: grade }, grade, cue, content, hedged, resolvesTo: null, parent: null, entityIds };
}

/** An invented note in which one person is named with and without the accent of his name, and another once. */
export const KEEPER_TEXT = 'Jean Périer said the lamp failed. Jean Perier later said it was fixed. Ana Lund said nothing changed.';

/**
 * The keeper note with its three mentions of two people as named sources; `keyed: false` leaves out the entity keys,
 * as in a report made before them.
 */
export function keeperReport(keyed = true): Report {
  const t = KEEPER_TEXT;
  const s = (phrase: string, nth = 1) => spanOf(t, phrase, nth);
  const mention = (id: string, phrase: string, entity: string) => ({ id, ...s(phrase), type: 'person', ...(keyed ? { entity } : {}) });
  const sentences = ['Jean Périer said the lamp failed.', 'Jean Perier later said it was fixed.', 'Ana Lund said nothing changed.'];
  const contents = ['the lamp failed', 'it was fixed', 'nothing changed'];
  const names = ['Jean Périer', 'Jean Perier', 'Ana Lund'];
  return ReportSchema.parse({
    ...emptyReport(t),
    sentences: sentences.map((phrase, i) => ({ id: `s${i + 1}`, start: s(phrase).start, end: s(phrase).end })),
    entities: [mention('e1', 'Jean Périer', 'person:jean perier'), mention('e2', 'Jean Perier', 'person:jean perier'), mention('e3', 'Ana Lund', 'person:ana lund')],
    attributions: names.map((name, i) => {
      const { start, end } = s(contents[i]!);
      return attribution(`a${i + 1}`, s(name), 'named', s('said', i + 1), { start, end }, false, [`e${i + 1}`]);
    }),
    claims: sentences.map((phrase, i) => ({ id: `c${i + 1}`, ...s(phrase), checkworthiness: 0.6, kind: 'event', attributionIds: [`a${i + 1}`], grade: 'named' })),
  });
}
