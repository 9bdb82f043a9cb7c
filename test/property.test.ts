import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { ClaimtraceError } from '../src/core/errors.js';
import type { Report } from '../src/core/report-schema.js';
import { ReportSchema } from '../src/core/report-schema.js';
import { analyzePure } from '../src/engine/analyze.js';
import { FUZZ_KINDS, fuzzInputs, nonFiniteNumbers, reportProblems } from '../bench/fuzz-inputs.js';

/** Every offset range in a report, with where it came from. */
function ranges(report: Report): [string, number, number][] {
  const out: [string, number, number][] = [];
  const add = (what: string, r: { start: number; end: number } | null) => r && out.push([what, r.start, r.end]);
  report.sentences.forEach((r) => add('sentence', r));
  report.entities.forEach((r) => add('entity', r));
  report.quantities.forEach((r) => add('quantity', r));
  report.claims.forEach((r) => add('claim', r));
  report.techniques.forEach((r) => add('technique', r));
  report.findings.forEach((r) => add('finding', r));
  for (const a of report.attributions) {
    add('attribution.source', a.source);
    add('attribution.cue', a.cue);
    add('attribution.content', a.content);
    add('attribution.resolvesTo', a.resolvesTo);
  }
  return out;
}

function assertWellFormed(report: Report): void {
  ReportSchema.parse(report);
  const length = report.document.text.length;
  for (const [what, start, end] of ranges(report)) {
    assert.ok(start >= 0 && start <= end && end <= length, `${what} [${start}, ${end}) outside text of length ${length}`);
  }
}

/** Bad input may be refused with a stable error; anything else is a bug. */
function analyzeOrRefuse(input: Parameters<typeof analyzePure>[0]): Report | undefined {
  try {
    return analyzePure(input);
  } catch (err) {
    assert.ok(err instanceof ClaimtraceError && err.code.startsWith('E_INPUT'), `unexpected error: ${String(err)}`);
    return undefined;
  }
}

const WORDS = ['According', 'to', 'the', 'Gazette', ',', 'at least', 'some', '80,000', 'up to', '12%', 'said', 'that', '“', '”', '"', '(', ')', 'If', 'is to be believed', 'experts', 'warn', 'this newspaper', 'Mr.', 'U.S.', 'No. 10', '😀', '\u00a0', '\r\n', '\n\n', '.', '?', 'between 2000 and 2018', 'tens of thousands', 'MI-5', 'reportedly'];
const newsish = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((ws) => ws.join(' '));

test('arbitrary strings never throw and every range lies inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: "grapheme", maxLength: 200 }), newsish), (text) => {
      const report = analyzeOrRefuse({ text });
      if (report) assertWellFormed(report);
    }),
    { numRuns: 300, seed: 20261124 },
  );
});

const tag = fc.constantFrom('p', 'div', 'span', 'article', 'nav', 'script', 'style', 'h1', 'li', 'ul', 'br', 'footer', 'a', 'b', 'template', 'svg', 'iframe');
const htmlish = fc
  .array(fc.oneof(newsish, tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), fc.constantFrom('<!--', '-->', '&amp;', '&#x1F600;', '<img src=x onerror=alert(1)>', '<', '>', '"', "'")), { maxLength: 80 })
  .map((parts) => `<html><body>${parts.join('')}`);

test('arbitrary HTML never throws and every range lies inside the text', () => {
  fc.assert(
    fc.property(htmlish, (html) => {
      const report = analyzeOrRefuse({ html });
      if (report) {
        assertWellFormed(report);
        assert.doesNotMatch(report.document.text, /<script|onerror=/i);
      }
    }),
    { numRuns: 200, seed: 20261124 },
  );
});

test('a figure of 400 digits gives a figure-too-large finding and a report with finite numbers only', () => {
  const digits = '7'.repeat(400);
  const text = `The council said ${digits} boats sank, and 12 of 40 boats were lost in total.`;
  const report = analyzePure({ text });
  assert.deepEqual(nonFiniteNumbers(report), []);
  assertWellFormed(report);
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  const finding = report.findings.find((f) => f.rule === 'figure-too-large');
  assert.deepEqual(finding && [finding.start, finding.end], [17, 417]);
  assert.ok(!report.quantities.some((q) => q.text.includes(digits)));
});

test('the report schema refuses non-finite numbers', () => {
  const report = analyzePure({ text: 'The council said 12 boats sank.' });
  assert.equal(ReportSchema.safeParse(report).success, true);
  for (const bad of [Infinity, -Infinity, NaN]) {
    const quantities = report.quantities.map((q) => ({ ...q, value: bad }));
    assert.equal(ReportSchema.safeParse({ ...report, quantities }).success, false, String(bad));
  }
});

// A bounded copy of the fuzz run (npm run bench:fuzz, 10,000 inputs): the same hostile kinds, fewer of each, no timing.
for (const kind of Object.keys(FUZZ_KINDS)) {
  test(`fuzz inputs (${kind}) never throw and give well-formed reports with finite numbers`, () => {
    for (const [i, input] of fuzzInputs(kind, 30, 20261205).entries()) {
      const report = analyzeOrRefuse(input);
      if (report) assert.deepEqual(reportProblems(report), [], `${kind} #${i}: ${JSON.stringify(input).slice(0, 200)}`);
    }
  });
}
