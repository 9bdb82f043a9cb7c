import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportSchema } from '../core/report-schema.js';
import { emptyReport } from '../report/report-fixture.js';
import { HARBOUR } from './export-fixture.js';
import { webAnnotations } from './web-annotation.js';

type Collection = { '@context': string; id: string; type: string; total: number; first: { id: string; items: Annotation[] } };
type Annotation = { id: string; motivation: string; body: { purpose: string; value: string }[]; target: { source: string; selector: Record<string, unknown>[] } };

const DOC = 'https://checks.example/api/documents/7';
const collection = (report = HARBOUR, collectionIri?: string) => webAnnotations(report, { documentIri: DOC, collectionIri }) as Collection;
const byId = (c: Collection, id: string) => c.first.items.find((a) => a.id === id);

test('the collection is W3C JSON-LD with one annotation per claim, attribution part, figure, technique and finding', () => {
  const c = collection();
  assert.deepEqual([c['@context'], c.id, c.type, c.total, c.first.items.length], ['http://www.w3.org/ns/anno.jsonld', `${DOC}#annotations`, 'AnnotationCollection', 31, 31]);
});

test('a claim annotation targets the document with position and quote selectors', () => {
  const claim = byId(collection(), `${DOC}#annotations-c2`)!;
  assert.deepEqual(claim.target, {
    source: DOC,
    selector: [
      { type: 'TextPositionSelector', start: 81, end: 135 },
      { type: 'TextQuoteSelector', exact: 'Officials said at least 4,000 boats paid it last year.', prefix: 'ccording to the Port Authority. ', suffix: ' It means that some 9,000 boats ' },
    ],
  });
});

test('a claim annotation classifies it by kind and source grade and describes it in words', () => {
  const claim = byId(collection(), `${DOC}#annotations-c5`)!;
  assert.deepEqual([claim.motivation, claim.body.map((b) => `${b.purpose}:${b.value}`)], ['classifying', [
    'tagging:claim', 'tagging:claim-kind:statistic', 'tagging:source-grade:anaphoric', 'tagging:check-worthy',
    'describing:Check-worthy statistic claim (check-worthiness 0.60, at or above the threshold of 0.5); source: anaphoric (She = The mayor).',
  ]]);
});

test('a claim scored below the threshold is not called check-worthy, nor tagged so', () => {
  const report = { ...HARBOUR, claims: HARBOUR.claims.map((c) => (c.id === 'c4' ? { ...c, checkworthiness: 0.057 } : c)) };
  const claim = byId(collection(report), `${DOC}#annotations-c4`)!;
  assert.deepEqual(claim.body.map((b) => b.value), [
    'claim', 'claim-kind:opinion', 'source-grade:none', 'Opinion claim, not check-worthy (check-worthiness 0.06, below the threshold of 0.5); source: none.',
  ]);
});

test('the threshold comes from the options: at 0.05 a claim scored 0.057 is check-worthy', () => {
  const report = { ...HARBOUR, claims: HARBOUR.claims.map((c) => (c.id === 'c4' ? { ...c, checkworthiness: 0.057 } : c)) };
  const c = webAnnotations(report, { documentIri: DOC, threshold: 0.05 }) as Collection;
  assert.equal(byId(c, `${DOC}#annotations-c4`)!.body.at(-1)?.value, 'Check-worthy opinion claim (check-worthiness 0.06, at or above the threshold of 0.05); source: none.');
});

test('an attribution gives its source, cue and content as three annotations, and a cue naming no source gives two', () => {
  const ids = collection().first.items.map((a) => a.id.slice(DOC.length + '#annotations-'.length)).filter((id) => /^a[45]-/.test(id));
  assert.deepEqual(ids, ['a4-source', 'a4-cue', 'a4-content', 'a5-cue', 'a5-content']);
});

test('a nested, hedged attribution says so', () => {
  const content = byId(collection(), `${DOC}#annotations-a5-content`)!;
  assert.deepEqual(content.body.at(-1)?.value, 'Content of attribution a5, none source, hedged, nested in a4.');
});

test('a figure annotation gives its value, unit, kind and bounds', () => {
  const figure = byId(collection(), `${DOC}#annotations-q2`)!;
  assert.deepEqual(figure.body.map((b) => b.value), ['quantity', 'bound:at-least', 'Figure: 4000 boats (count), bound at-least, low 4000.']);
});

test('findings are comments numbered in report order, tagged with rule and severity', () => {
  const finding = byId(collection(), `${DOC}#annotations-f4`)!;
  assert.deepEqual([finding.motivation, finding.body.map((b) => b.value)], ['commenting', ['finding', 'finding:range-inverted', 'severity:error', 'The range "between 50 and 20" runs from high to low.']]);
});

test('positions count code points: an emoji before a figure counts once', () => {
  const text = 'Ferry \u{1F6A2} fares rose 8% in May.';
  const report = ReportSchema.parse({ ...emptyReport(text), quantities: [{ id: 'q1', start: 20, end: 22, text: '8%', value: 8, low: 8, high: 8, bound: 'exact', kind: 'percent', unit: '%' }] });
  const [figure] = collection(report).first.items;
  assert.deepEqual(figure?.target.selector, [
    { type: 'TextPositionSelector', start: 19, end: 21 },
    { type: 'TextQuoteSelector', exact: '8%', prefix: 'Ferry \u{1F6A2} fares rose ', suffix: ' in May.' },
  ]);
});

test('a quote prefix never starts inside a surrogate pair', () => {
  const text = `${'\u{1F6A2}'.repeat(20)} Fare rose 8%.`;
  const report = ReportSchema.parse({ ...emptyReport(text), quantities: [{ id: 'q1', start: 51, end: 53, text: '8%', value: 8, low: 8, high: 8, bound: 'exact', kind: 'percent', unit: '%' }] });
  const prefix = collection(report).first.items[0]?.target.selector[1]?.prefix as string;
  assert.deepEqual([prefix.length, prefix.codePointAt(0)], [31, 0x1f6a2]);
});

test('with a collection IRI, annotation ids are fragments of it', () => {
  const c = collection(HARBOUR, `${DOC}/annotations`);
  assert.deepEqual([c.id, c.first.id, c.first.items[0]?.id], [`${DOC}/annotations`, `${DOC}/annotations#page1`, `${DOC}/annotations#c1`]);
});
