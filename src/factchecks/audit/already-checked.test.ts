import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReportSchema, type Report } from '../../core/report-schema.js';
import { reviewsMarkdown } from '../../export/markdown.js';
import { renderHtml } from '../../report/render-html.js';
import { renderTerminal } from '../../report/render-terminal.js';
import { emptyReport, spanOf } from '../../report/report-fixture.js';
import type { StoredFactCheck } from '../../store/types.js';
import type { FactCheckMatch } from '../match/store-match.js';
import { addFactChecks, ALREADY_FACT_CHECKED, auditClaimMatcher, type ClaimMatcher } from './already-checked.js';

const TEXT = 'Intro line.\nThe mayor 😀 spent 80,000 euros on a jet. Ferries run daily.';

function report(): Report {
  const base = emptyReport(TEXT);
  const claim = (id: string, phrase: string, checkworthiness: number) => ({ id, ...spanOf(TEXT, phrase), checkworthiness, kind: 'statistic' as const, attributionIds: [], grade: 'none' as const });
  const info = { ...spanOf(TEXT, 'Intro line.'), line: 1, col: 1, rule: 'z-rule', severity: 'info' as const, message: 'first', annotationIds: [] };
  const later = { ...spanOf(TEXT, 'Ferries run daily.'), line: 2, col: 45, rule: 'a-rule', severity: 'warning' as const, message: 'last', annotationIds: [] };
  return ReportSchema.parse({ ...base, claims: [claim('c1', 'The mayor 😀 spent 80,000 euros on a jet.', 0.8), claim('c2', 'Ferries run daily.', 0.3)], findings: [info, later] });
}

function stored(id: number, over: Partial<StoredFactCheck> = {}): StoredFactCheck {
  return {
    id, claim: 'The mayor spent 80,000 euros on a private jet.', url: `https://checks.example/${id}`,
    rating: { name: null, alternateName: 'Mostly false', value: 2, best: 5, worst: 1 }, publisher: { name: 'Check Desk', url: null },
    date: '2024-03-01', language: 'en', claimant: null, claimDate: null, title: null, createdAt: '', updatedAt: '', ...over,
  };
}

const found = (...factChecks: StoredFactCheck[]): FactCheckMatch[] =>
  factChecks.map((factCheck, i) => ({ score: 0.9 - i / 10, rankerScore: 12 - i, factCheck, reasons: { sharedWords: ['mayor', 'jet'], sameFigures: ['80,000'], sameEntities: [] } }));

test('a check-worthy claim gets its matches and the best one becomes an info finding in text order', () => {
  const asked: [string, number][] = [];
  const match: ClaimMatcher = (text, limit) => (asked.push([text, limit]), found(stored(7), stored(9, { publisher: { name: 'Other', url: null } })));
  const out = addFactChecks(report(), match, 0.5);
  assert.deepEqual(asked, [['The mayor 😀 spent 80,000 euros on a jet.', 5]]);
  assert.deepEqual(out.claims[0]!.factChecks, [
    { factCheckId: 7, score: 0.9, claimReviewed: 'The mayor spent 80,000 euros on a private jet.', rating: { name: 'Mostly false', value: 2 }, publisher: 'Check Desk', date: '2024-03-01', url: 'https://checks.example/7', why: { sharedTerms: ['mayor', 'jet'], sameFigures: ['80,000'], sameEntities: [] } },
    { factCheckId: 9, score: 0.8, claimReviewed: 'The mayor spent 80,000 euros on a private jet.', rating: { name: 'Mostly false', value: 2 }, publisher: 'Other', date: '2024-03-01', url: 'https://checks.example/9', why: { sharedTerms: ['mayor', 'jet'], sameFigures: ['80,000'], sameEntities: [] } },
  ]);
  assert.equal('factChecks' in out.claims[1]!, false);
  assert.deepEqual(out.findings.map((f) => f.rule), ['z-rule', ALREADY_FACT_CHECKED, 'a-rule']);
  assert.deepEqual(out.findings[1], {
    line: 2, col: 1, rule: ALREADY_FACT_CHECKED, severity: 'info', start: 12, end: 53, annotationIds: ['c1'],
    message: 'Already fact-checked: Check Desk rated it "Mostly false" on 2024-03-01 (match 0.90): https://checks.example/7',
  });
  assert.doesNotThrow(() => ReportSchema.parse(out));
});

test('a check-worthy claim without matches gets an empty list and no finding; the input report is not changed', () => {
  const input = report();
  const copy = structuredClone(input);
  const out = addFactChecks(input, () => [], 0.5);
  assert.deepEqual(out.claims[0]!.factChecks, []);
  assert.deepEqual(out.findings, input.findings);
  assert.deepEqual(input, copy);
});

test('a fact-check without publisher, date or rating words is named plainly; a non-http link is never listed', () => {
  const bare = stored(3, { publisher: { name: null, url: null }, date: null, rating: { name: null, alternateName: null, value: null, best: null, worst: null } });
  const sneaky = stored(4, { url: 'javascript:alert(1)' });
  const out = addFactChecks(report(), () => found(sneaky, bare), 0.5);
  assert.deepEqual(out.claims[0]!.factChecks!.map((m) => m.factCheckId), [3]);
  assert.equal(out.findings[1]!.message, 'Already fact-checked: a fact-checker checked it (match 0.80): https://checks.example/3');
  const scored = addFactChecks(report(), () => found(stored(5, { rating: { name: null, alternateName: null, value: 2, best: 5, worst: 1 } })), 0.5);
  assert.equal(scored.claims[0]!.factChecks![0]!.rating.name, '2/5');
});

test('the HTML report links only http(s) fact-checks, escaped, with rel="noopener noreferrer"', () => {
  const hostile = addFactChecks(report(), () => found(stored(1, {
    url: 'https://x.example/"onmouseover="alert(1)',
    claim: '<script>alert(2)</script>',
    publisher: { name: '<img src=x onerror=alert(3)>', url: null },
    rating: { name: null, alternateName: '"><b>False</b>', value: null, best: null, worst: null },
  })), 0.5);
  // A report made by hand (not through addFactChecks) with a javascript: link.
  hostile.claims[0]!.factChecks!.push({ ...hostile.claims[0]!.factChecks![0]!, factCheckId: 2, url: 'javascript:alert(4)' });
  const html = renderHtml(hostile);
  const list = /<ul class="ct-factchecks">.*?<\/ul>/s.exec(html)![0];
  assert.match(list, /<a href="https:\/\/x\.example\/&#34;onmouseover=&#34;alert\(1\)" rel="noopener noreferrer">&#34;&#62;&#60;b&#62;False&#60;\/b&#62; · &#60;img src=x onerror=alert\(3\)&#62;, 2024-03-01<\/a>/);
  assert.match(list, /&#60;script&#62;alert\(2\)&#60;\/script&#62;/);
  assert.doesNotMatch(list, /href="javascript/);
  assert.match(list, /<span class="ct-muted">javascript:alert\(4\)<\/span>/);
  assert.equal((list.match(/<a /g) ?? []).length, 1);
});

test('the renderers show claims without matches exactly as before (the HTML page differs only in its embedded report data)', () => {
  const plain = report();
  const none = addFactChecks(plain, () => [], 0.5);
  const withoutData = (html: string) => html.replace(/<script type="application\/json" id="ct-data">.*?<\/script>/s, '');
  assert.equal(withoutData(renderHtml(none)), withoutData(renderHtml(plain)));
  assert.equal(renderTerminal(none, { color: false }), renderTerminal(plain, { color: false }));
  const text = renderTerminal(addFactChecks(plain, () => found(stored(7)), 0.5), { color: false, width: 80 });
  assert.match(text, /Already fact-checked \(1 claim\)\n {2}2:1 {2}“The mayor 😀 spent 80,000 euros on a jet\.”\n {7}↳ Mostly false · Check Desk, 2024-03-01 · match 0\.90\n {9}https:\/\/checks\.example\/7\n/);
});

test('the Markdown export lists a claim\'s fact-checks with escaped words and an autolink, and is unchanged for claims without', () => {
  const plain = report();
  const matched = addFactChecks(plain, () => found(stored(7, { publisher: { name: '[click](javascript:alert(1))', url: null } })), 0.5);
  const md = reviewsMarkdown(matched, []);
  assert.match(md, /^- c1: The mayor .* — source: none\n {2}- already fact-checked: Mostly false · \\\[click\\\]\\\(javascript:alert\\\(1\\\)\\\), 2024-03-01 <https:\/\/checks\.example\/7>$/m);
  assert.equal(reviewsMarkdown(addFactChecks(plain, () => [], 0.5), []), reviewsMarkdown(plain, []));
});

test('the audit matches a claim once per matcher: a claim written again, in the same or a later report, is not matched again', () => {
  const asked: string[] = [];
  const matcher = { match: (text: string) => (asked.push(text), found(stored(7))) };
  const first = addFactChecks(report(), auditClaimMatcher(matcher), 0.5);
  const again = addFactChecks(report(), auditClaimMatcher(matcher), 0.5);
  assert.deepEqual(asked, ['The mayor 😀 spent 80,000 euros on a jet.']);
  assert.deepEqual(again, first);
  // Another matcher (fact-checks imported since) matches afresh.
  addFactChecks(report(), auditClaimMatcher({ match: (text: string) => (asked.push(text), []) }), 0.5);
  assert.equal(asked.length, 2);
});
